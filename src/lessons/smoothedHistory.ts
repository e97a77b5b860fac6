import { smoothLosses, SMOOTHING_WINDOW } from '../engine/train/smoothLosses';

/**
 * Each loss history's moving average, kept with the history it was computed from: the page judges
 * a claim again with every batch of snapshots, and an allOf claim reads the same run's curve once per
 * part, so without this every run's whole history was smoothed again many times per redraw. A run's
 * history is a new array whenever it grows (src/runs/lossHistory.ts); an array that was appended to
 * in place (the headless runner's) is smoothed again when its length has changed.
 */
const cache = new WeakMap<object, { readonly length: number; readonly smooth: Float64Array }>();

export function smoothedHistory(losses: ArrayLike<number>): Float64Array {
  const cached = cache.get(losses);
  if (cached && cached.length === losses.length) return cached.smooth;
  const smooth = smoothLosses(losses, SMOOTHING_WINDOW);
  cache.set(losses, { length: losses.length, smooth });
  return smooth;
}
