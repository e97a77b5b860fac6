/**
 * Numeric axes for the canvas charts: a domain mapped onto a pixel range, linearly or by log10. The
 * mapping is two numbers (px = a·t + b), so projecting thousands of points costs no allocation.
 */

export interface PlotScale {
  readonly kind: 'linear' | 'log';
  /** The values at the two ends of the axis (on a log axis both positive). */
  readonly domain: readonly [number, number];
}

/** value → pixel: px = a·t + b, with t the value itself (linear) or its log10 (log). */
export interface PixelMap {
  readonly log: boolean;
  readonly a: number;
  readonly b: number;
}

/**
 * Why `scale` cannot be drawn, or null when it can: a domain end that is not finite, or not positive
 * on a log axis. Charts check in render, so a bad domain reaches the error boundary with its reason.
 */
export function scaleProblem(scale: PlotScale): string | null {
  const [lo, hi] = scale.domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    return `the axis range [${lo}, ${hi}] is not a pair of finite numbers`;
  }
  if (scale.kind === 'log' && (lo <= 0 || hi <= 0)) {
    return `a log axis needs a positive range, got [${lo}, ${hi}]`;
  }
  return null;
}

/** Maps the domain onto [from, to] pixels (to < from for a y axis that grows upward). */
export function pixelMap(scale: PlotScale, from: number, to: number): PixelMap {
  const log = scale.kind === 'log';
  const t0 = log ? Math.log10(scale.domain[0]) : scale.domain[0];
  const t1 = log ? Math.log10(scale.domain[1]) : scale.domain[1];
  const span = t1 - t0;
  if (!(span !== 0 && Number.isFinite(span))) {
    // A zero-width domain puts every value in the middle rather than at infinity.
    return { log, a: 0, b: (from + to) / 2 };
  }
  const a = (to - from) / span;
  return { log, a, b: from - a * t0 };
}

/** The pixel of `v`, or NaN where the axis cannot show it (not finite; 0 or below on a log axis). */
export function toPixel(map: PixelMap, v: number): number {
  if (map.log) return v > 0 && v < Infinity ? map.a * Math.log10(v) + map.b : Number.NaN;
  return Number.isFinite(v) ? map.a * v + map.b : Number.NaN;
}

/** The value at pixel `px` (NaN on a zero-width domain). */
export function fromPixel(map: PixelMap, px: number): number {
  if (map.a === 0) return Number.NaN;
  const t = (px - map.b) / map.a;
  return map.log ? 10 ** t : t;
}
