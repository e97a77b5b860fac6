import type { PlotMark } from '../plotScene';

/** One column of a chart's table: a series' values at its x positions. */
export interface TableColumn {
  readonly header: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/**
 * The data of a chart drawn without a scene (an SVG chart, recharts' included), handed to its card
 * so its CSV holds what it plots, as a scene's marks do for the canvas charts.
 */
export interface ChartData {
  /** The x column's header: 'Step', 'Depth (hidden layers)'. */
  readonly xHeader: string;
  readonly columns: readonly TableColumn[];
}

export interface ChartTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A number as the CSV writes it: in full (no rounding), empty when it is not finite. */
function cell(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * The columns side by side, one row per x value any of them has (ascending), the x column first; a
 * series without a point at that x leaves its cell empty.
 */
export function wideTable(xHeader: string, columns: readonly TableColumn[]): ChartTable {
  const xs = new Set<number>();
  const byX = columns.map((column) => {
    const values = new Map<number, number>();
    const n = Math.min(column.xs.length, column.ys.length);
    for (let i = 0; i < n; i++) {
      const x = column.xs[i]!;
      if (!Number.isFinite(x)) continue;
      xs.add(x);
      values.set(x, column.ys[i]!);
    }
    return values;
  });
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    header: [xHeader, ...columns.map((c) => c.header)],
    rows: sorted.map((x) => [cell(x), ...byX.map((values) => cell(values.get(x)))]),
  };
}

/** The columns a scene's marks hold: its lines and dots by name, its bars by bar index. */
export function markColumns(
  marks: readonly PlotMark[],
  quantity: string,
  plotName: string,
): TableColumn[] {
  const columns: TableColumn[] = [];
  for (const mark of marks) {
    if (mark.kind === 'line') {
      columns.push({
        header: `${mark.series.name} (${quantity})`,
        xs: mark.series.xs,
        ys: mark.series.ys,
      });
    } else if (mark.kind === 'dots') {
      columns.push({ header: `${plotName} (${quantity})`, xs: mark.xs, ys: mark.ys });
    } else if (mark.kind === 'hbars') {
      const xs = Array.from({ length: mark.values.length }, (_, i) => i);
      columns.push({ header: `${plotName} (${quantity})`, xs, ys: mark.values });
    }
  }
  return columns;
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header row, then the rows, lines ending in CRLF. */
export function toCsv(table: ChartTable): string {
  return [table.header, ...table.rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
