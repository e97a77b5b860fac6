/** Targets, verdicts and the printed table of `npm run bench:ui`. */

export interface Row {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  /** undefined: reported only, no target. */
  readonly met: boolean | undefined;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function printTable(rows: readonly Row[]): void {
  const cells = [
    ['measure', 'value', 'target', ''],
    ...rows.map((r) => [
      r.measure,
      r.value,
      r.target,
      r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
    ]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  for (const row of cells)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
}
