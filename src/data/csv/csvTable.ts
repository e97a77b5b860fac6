import Papa from 'papaparse';
import { CsvError } from './csvError';
import { MAX_CLASSES, MAX_FEATURES, MAX_ROWS } from './csvLimits';
import { formatCount } from '../../engine/text/numberText';
/** Bigger than any file of MAX_ROWS × (MAX_FEATURES + 1) numbers written with a dozen characters each. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A cell by its place in the file. */
export interface CellRef {
  readonly line: number;
  readonly text: string;
}

/** One column of the file, read both as numbers and as class labels. */
export interface CsvColumn {
  readonly name: string;
  /** Row values; NaN where the cell is empty or not a number. */
  readonly values: Float32Array;
  /** The first empty cell, if any. */
  readonly firstMissing: CellRef | undefined;
  /** The first cell that is not a number, if any. */
  readonly firstText: CellRef | undefined;
  /**
   * The column read as labels: its distinct values in order of appearance and each row's index into
   * them; undefined once more than MAX_CLASSES distinct values appeared (at `classOverflow`).
   */
  readonly labels: { readonly names: readonly string[]; readonly codes: Int32Array } | undefined;
  readonly classOverflow: CellRef | undefined;
}

export interface CsvTable {
  readonly fileName: string;
  /** Whether the first line held column names (else columns are named "column 1", …). */
  readonly hasHeader: boolean;
  readonly rowCount: number;
  /** The file line of each data row (quoted fields may span lines). */
  readonly lines: Int32Array;
  readonly columns: readonly CsvColumn[];
}

// The same number syntax the Lab's links accept, plus nothing: no hex, no "Infinity", no "1,5".
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A strict number, or undefined: Number('') is 0 and Number('0x10') is 16, neither is data. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The file's bytes as text. Only UTF-8 (and its ASCII subset) is read: a byte sequence that is not
 * UTF-8 (a spreadsheet's Windows-1252 "é", a UTF-16 export) stops with the line it is on.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new CsvError('empty', 'The file is empty: it holds no bytes at all.');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CsvError(
      'tooLarge',
      `The file is ${(bytes.length / 2 ** 20).toFixed(0)} MB; at most ${MAX_FILE_BYTES / 2 ** 20} MB is read (${formatCount(MAX_ROWS)} rows of up to ${MAX_FEATURES} features).`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvError(
      'encoding',
      'The file is UTF-16 text (line 1). Save it as "CSV UTF-8" (comma-separated values in UTF-8) and choose it again.',
      { line: 1 },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new CsvError(
      'encoding',
      `Line ${formatCount(line)} holds byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at position ${bad + 1}, which is not UTF-8 text. Save the file as "CSV UTF-8" and choose it again.`,
      { line },
    );
  }
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

class ColumnBuilder {
  readonly values: Float32Array;
  firstMissing: CellRef | undefined;
  firstText: CellRef | undefined;
  private classIndex: Map<string, number> | undefined = new Map();
  private codes: Int32Array | undefined;
  classOverflow: CellRef | undefined;

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.values = new Float32Array(capacity);
    this.codes = new Int32Array(capacity);
  }

  add(row: number, raw: string, line: number): void {
    const text = raw.trim();
    let label = text;
    if (text === '') {
      this.values[row] = NaN;
      this.firstMissing ??= { line, text };
    } else {
      const value = parseNumber(text);
      if (value === undefined) {
        this.values[row] = NaN;
        this.firstText ??= { line, text };
      } else {
        this.values[row] = value;
        // "1", "1.0" and "1e0" name the same class.
        label = String(value);
      }
    }
    if (this.classIndex === undefined || this.codes === undefined) return;
    let code = this.classIndex.get(label);
    if (code === undefined) {
      code = this.classIndex.size;
      if (code >= MAX_CLASSES) {
        this.classOverflow = { line, text };
        this.classIndex = undefined;
        this.codes = undefined;
        return;
      }
      this.classIndex.set(label, code);
    }
    this.codes[row] = code;
  }

  finish(rows: number): CsvColumn {
    return {
      name: this.name,
      values: this.values.slice(0, rows),
      firstMissing: this.firstMissing,
      firstText: this.firstText,
      labels:
        this.classIndex && this.codes
          ? { names: [...this.classIndex.keys()], codes: this.codes.slice(0, rows) }
          : undefined,
      classOverflow: this.classOverflow,
    };
  }
}

/** The 1-based line of each character offset, by binary search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * Reads CSV text into columns. The first line is a header when any of its cells is not a number.
 * Blank lines are skipped; every other line must have as many cells as the first. Nothing about
 * which column is the label is decided here (see `ownDataFromCsv`), but a file that could never
 * make a training set (no rows, too many rows or columns, a broken quote) stops with a CsvError.
 */
export function parseCsvTable(text: string, fileName: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    throw new CsvError('empty', 'The file is empty: it holds no lines of data.');
  const lineAt = lineFinder(body);
  let header: string[] | undefined;
  let hasHeader = false;
  let builders: ColumnBuilder[] = [];
  const lines = new Int32Array(MAX_ROWS);
  let rows = 0;
  let failure: CsvError | undefined;
  let rowStart = 0;

  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (result, parser) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      // Skip the leading blank lines a row of only newlines would count.
      let first = start;
      while (body[first] === '\n' || body[first] === '\r') first++;
      const line = lineAt(Math.min(first, body.length - 1));
      const fatal = result.errors.find((e) => e.type === 'Quotes' || e.code === 'InvalidQuotes');
      if (fatal) {
        failure = new CsvError(
          'malformed',
          `Line ${formatCount(line)}: ${fatal.message.replace(/\.$/, '')}. A quoted value must end with a closing quote (write a quote inside quotes as "").`,
          { line },
        );
        parser.abort();
        return;
      }
      const row = result.data;
      if (isBlank(row)) return;
      if (header === undefined) {
        hasHeader = row.some(
          (cell) => cell.trim() !== '' && parseNumber(cell.trim()) === undefined,
        );
        header = hasHeader
          ? row.map((cell, j) => cell.trim() || `column ${j + 1}`)
          : row.map((_, j) => `column ${j + 1}`);
        if (header.length < 2) {
          failure = new CsvError(
            'tooFewColumns',
            `Line ${line}: found a single column${row[0] ? ` (${row[0].trim()})` : ''}. The file needs feature columns and a label column, separated by commas (or semicolons or tabs).`,
            { line },
          );
          parser.abort();
          return;
        }
        if (header.length > MAX_FEATURES + 1) {
          failure = new CsvError(
            'tooManyFeatures',
            `Line ${line} has ${header.length} columns: at most ${MAX_FEATURES} feature columns and one label column (${MAX_FEATURES + 1} in all) are allowed.`,
            { line, column: MAX_FEATURES + 2 },
          );
          parser.abort();
          return;
        }
        builders = header.map((name) => new ColumnBuilder(name, MAX_ROWS));
        if (hasHeader) return;
      }
      if (row.length !== builders.length) {
        failure = new CsvError(
          'ragged',
          `Line ${formatCount(line)} has ${row.length} value${row.length === 1 ? '' : 's'}, but the ${hasHeader ? 'header' : 'first line'} has ${builders.length} columns: every line needs one value per column.`,
          { line, column: Math.min(row.length, builders.length) + 1 },
        );
        parser.abort();
        return;
      }
      if (rows === MAX_ROWS) {
        failure = new CsvError(
          'tooManyRows',
          `Line ${formatCount(line)} is data row ${formatCount(MAX_ROWS + 1)}: at most ${formatCount(MAX_ROWS)} rows are allowed. Keep a sample of the rows and choose the file again.`,
          { line },
        );
        parser.abort();
        return;
      }
      lines[rows] = line;
      builders.forEach((builder, j) => builder.add(rows, row[j]!, line));
      rows++;
    },
  });
  if (failure) throw failure;
  if (rows === 0) {
    throw new CsvError('noRows', 'The file has a header line but no rows of data below it.', {
      line: 2,
    });
  }
  return {
    fileName,
    hasHeader,
    rowCount: rows,
    lines: lines.slice(0, rows),
    columns: builders.map((b) => b.finish(rows)),
  };
}
