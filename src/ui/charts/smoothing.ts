/**
 * The smoothing the loss charts offer: an exponential moving average with the bias correction of
 * Adam (Kingma & Ba, arXiv:1412.6980), as TensorBoard's smoothing slider draws it. Weight w keeps w of
 * the previous average at every point: 0 is the raw curve, 0.9 averages over about ten steps, 0.99
 * over about a hundred. Dividing by 1 − w^n removes the pull towards zero of an average started at 0,
 * so the smoothed curve starts where the data starts.
 */
import { clampSmoothing } from '../../lab/viewSettings';

/**
 * The exponential moving average of `values` with weight `weight`. A value that is not finite is
 * skipped (the average carries on through it) and its point stays not-a-number, so the line breaks
 * where the data does.
 */
export function exponentialMovingAverage(values: ArrayLike<number>, weight: number): Float64Array {
  const w = clampSmoothing(weight);
  const out = new Float64Array(values.length);
  let average = 0;
  let correction = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out[i] = Number.NaN;
      continue;
    }
    average = w * average + (1 - w) * v;
    correction *= w;
    out[i] = average / (1 - correction);
  }
  return out;
}

/** How the chart names a smoothing weight: 'off' or 'EMA 0.9 (about 10 steps)'. */
export function describeSmoothing(weight: number): string {
  const w = clampSmoothing(weight);
  if (w === 0) return 'off';
  const span = Math.round(1 / (1 - w));
  return `EMA ${w.toFixed(2).replace(/0$/, '')} (about ${span} steps)`;
}
