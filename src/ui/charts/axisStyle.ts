import { AXIS_COLOR } from './palette';

/** Shared recharts axis settings, so every chart labels its axes the same way. */

/** Wide enough for a rotated axis title beside tick labels like "−0.05" or "1e−4". */
export const Y_AXIS_WIDTH = 68;
export const X_AXIS_HEIGHT = 36;

export function yAxisLabel(value: string) {
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    style: { textAnchor: 'middle' as const },
    fill: AXIS_COLOR,
  };
}

export function xAxisLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -4, fill: AXIS_COLOR };
}

/** Fewer ticks on a phone, so labels never collide. */
export function tickBudget(width: number): number {
  return width < 500 ? 4 : 6;
}
