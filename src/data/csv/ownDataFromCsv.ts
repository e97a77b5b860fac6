import type { OwnData } from '../../engine/data/ownData';
import { cellPlace, CsvError } from './csvError';
import { MAX_CLASSES, MAX_FEATURES } from './csvLimits';
import type { CsvTable } from './csvTable';
import { formatCount } from '../../engine/text/numberText';

/** Class names in a natural order: numerically when every name is a number, else alphabetically. */
function classOrder(names: readonly string[]): number[] {
  const numeric = names.every((n) => n !== '' && !Number.isNaN(Number(n)));
  return names
    .map((_, i) => i)
    .sort((a, b) =>
      numeric
        ? Number(names[a]) - Number(names[b])
        : names[a]!.localeCompare(names[b]!, 'en', { numeric: true }),
    );
}

/**
 * The training table of a parsed CSV with `labelColumn` (0-based) as the label and every other
 * column as a feature. Stops at the first problem in file order, naming its line and column: an
 * empty cell, a feature that is not a number, a label column with one class or too many.
 */
export function ownDataFromCsv(table: CsvTable, labelColumn: number): OwnData {
  const { columns } = table;
  const label = columns[labelColumn];
  if (label === undefined) {
    throw new RangeError(`ownDataFromCsv: no column ${labelColumn + 1} in ${columns.length}`);
  }
  const featureColumns = columns.filter((_, j) => j !== labelColumn);
  if (featureColumns.length > MAX_FEATURES) {
    throw new CsvError(
      'tooManyFeatures',
      `The file has ${featureColumns.length} feature columns besides the label; at most ${MAX_FEATURES} are allowed.`,
      { column: MAX_FEATURES + 2 },
    );
  }

  // The earliest problem in the file, so the learner fixes the file from the top down.
  let first: CsvError | undefined;
  const consider = (line: number, make: () => CsvError): void => {
    if (first === undefined || line < (first.line ?? Infinity)) first = make();
  };
  columns.forEach((column, j) => {
    const place = (line: number) => cellPlace(line, j + 1, column.name);
    if (column.firstMissing) {
      const { line } = column.firstMissing;
      consider(line, () =>
        j === labelColumn
          ? new CsvError(
              'missing',
              `The label is missing at ${place(line)}: every row needs a class in the label column.`,
              { line, column: j + 1 },
            )
          : new CsvError(
              'missing',
              `A value is missing at ${place(line)}: every feature cell needs a number (fill it in or delete the row).`,
              { line, column: j + 1 },
            ),
      );
    }
    if (j !== labelColumn && column.firstText) {
      const { line, text } = column.firstText;
      consider(
        line,
        () =>
          new CsvError(
            'notANumber',
            `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" at ${place(line)} is not a number: every column except the label must hold numbers such as 3, -0.25 or 1.5e-3.`,
            { line, column: j + 1 },
          ),
      );
    }
  });
  if (label.classOverflow) {
    const { line, text } = label.classOverflow;
    consider(
      line,
      () =>
        new CsvError(
          'tooManyClasses',
          `"${text}" at ${cellPlace(line, labelColumn + 1, label.name)} is the ${MAX_CLASSES + 1}st different value of the label column: a label may have at most ${MAX_CLASSES} classes. Is "${label.name}" really the label? Choose another label column, or group the values into classes.`,
          { line, column: labelColumn + 1 },
        ),
    );
  }
  if (first) throw first;
  const labels = label.labels!;
  if (labels.names.length < 2) {
    throw new CsvError(
      'singleClass',
      `The label column ${labelColumn + 1} (${label.name}) has a single class, "${labels.names[0]}", on all ${formatCount(table.rowCount)} rows: a classifier needs at least two classes.`,
      { column: labelColumn + 1 },
    );
  }

  const order = classOrder(labels.names);
  const rank = new Int32Array(order.length);
  order.forEach((code, position) => (rank[code] = position));
  const count = table.rowCount;
  const features = featureColumns.length;
  const x = new Float32Array(count * features);
  featureColumns.forEach((column, j) => {
    for (let i = 0; i < count; i++) x[i * features + j] = column.values[i]!;
  });
  return {
    name: table.fileName,
    source: 'csv',
    featureNames: featureColumns.map((c) => c.name),
    classNames: order.map((code) => labels.names[code]!),
    count,
    x,
    y: Int32Array.from(labels.codes, (code) => rank[code]!),
  };
}
