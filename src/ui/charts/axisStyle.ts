/** Shared axis geometry, so every chart lays out its axes the same way. */

/** Wide enough for a rotated axis title beside tick labels like "−0.05" or "1e−4". */
export const Y_AXIS_WIDTH = 68;
export const X_AXIS_HEIGHT = 36;

/** Ticks along an axis `lengthPx` long: fewer on a phone, so labels never collide. */
export function tickBudget(lengthPx: number): number {
  return lengthPx < 420 ? 4 : 6;
}
