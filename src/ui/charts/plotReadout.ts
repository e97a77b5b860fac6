import type { PlotSeries } from './plotScene';
import { toPixel, type PixelMap } from './plotScale';

/** What the hover readout shows at one x: a title and a value per series that has a point there. */
export interface PlotReadout {
  /** The data x the readout snapped to, marked by a vertical guide (absent: no guide). */
  readonly x?: number | undefined;
  readonly title: string;
  readonly rows: readonly PlotReadoutRow[];
}

export interface PlotReadoutRow {
  readonly label: string;
  readonly color: string;
  readonly value: string;
}

/** The index of the finite x in `xs` (ascending) nearest to `x`, or -1 when there is none. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (n === 0 || Number.isNaN(x)) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first x ≥ target; its left neighbour may be nearer.
  let best = lo;
  if (lo > 0 && Math.abs(xs[lo - 1]! - x) <= Math.abs(xs[lo]! - x)) best = lo - 1;
  return Number.isFinite(xs[best]!) ? best : -1;
}

export interface ReadoutOptions {
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  /** A series shows in the readout when its nearest point is at most this many pixels away. */
  readonly tolerancePx?: number | undefined;
}

/**
 * The readout at data x: snaps to the series point nearest to it, then lists every series with a
 * finite value within a few pixels of that point (runs that log the same steps line up exactly).
 */
export function seriesReadout(
  series: readonly PlotSeries[],
  x: number,
  xMap: PixelMap,
  options: ReadoutOptions,
): PlotReadout | null {
  const tolerance = options.tolerancePx ?? 6;
  let snapped = Number.NaN;
  let bestDistance = Infinity;
  for (const s of series) {
    const i = nearestIndex(s.xs, x);
    if (i < 0) continue;
    const distance = Math.abs(s.xs[i]! - x);
    if (distance < bestDistance) {
      bestDistance = distance;
      snapped = s.xs[i]!;
    }
  }
  if (Number.isNaN(snapped)) return null;
  const at = toPixel(xMap, snapped);
  const rows: PlotReadoutRow[] = [];
  for (const s of series) {
    const i = nearestIndex(s.xs, snapped);
    if (i < 0) continue;
    const value = s.ys[i]!;
    if (!Number.isFinite(value) || Math.abs(toPixel(xMap, s.xs[i]!) - at) > tolerance) continue;
    rows.push({ label: s.name, color: s.color, value: options.formatY(value) });
  }
  return rows.length === 0 ? null : { x: snapped, title: options.formatX(snapped), rows };
}
