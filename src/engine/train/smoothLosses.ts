/** Window of the moving average that smooths mini-batch noise out of the training loss. */
export const SMOOTHING_WINDOW = 20;

/** Moving average of the last `window` losses at each point. */
export function smoothLosses(losses: ArrayLike<number>, window = SMOOTHING_WINDOW): Float64Array {
  const out = new Float64Array(losses.length);
  let sum = 0;
  for (let i = 0; i < losses.length; i++) {
    sum += losses[i]!;
    if (i >= window) sum -= losses[i - window]!;
    out[i] = sum / Math.min(i + 1, window);
  }
  return out;
}
