import { describe, expect, it } from 'vitest';
import { allFinite, l2Norm, meanStd, quantiles } from '../../../src/engine/probes/moments';

describe('moments', () => {
  it('meanStd: population std of a hand-worked set', () => {
    // mean 5, deviations −3 −1 −1 −1 0 0 2 4 ⇒ Σd² = 32, std = √(32/8) = 2
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: 2 });
    expect(meanStd([])).toEqual({ mean: 0, std: 0 });
  });

  it('l2Norm', () => {
    expect(l2Norm([3, -4])).toBe(5);
  });

  it('quantiles interpolate linearly like numpy', () => {
    // sorted 1 2 3 4 5: q=0.15 → pos 0.6 → 1.6; q=0.5 → 3; q=0.85 → pos 3.4 → 4.4
    const [a, b, c] = quantiles([5, 1, 4, 2, 3], [0.15, 0.5, 0.85]);
    expect(a).toBeCloseTo(1.6);
    expect(b).toBe(3);
    expect(c).toBeCloseTo(4.4);
  });

  it('allFinite spots NaN and ±Infinity anywhere, and only them', () => {
    expect(allFinite(Float32Array.of(1, 2))).toBe(true);
    expect(allFinite(Float32Array.of(1, NaN))).toBe(false);
    expect(allFinite(Float32Array.of(-Infinity))).toBe(false);
    expect(allFinite(new Float32Array(0))).toBe(true);
    // The largest float32s sum to 1.7e39 in float64, still finite: no false alarm from overflow.
    expect(allFinite(new Float32Array(5).fill(3.4e38))).toBe(true);
    expect(allFinite(Float32Array.of(0, -0, -3.4e38, 1e-45))).toBe(true);
    // +∞ and −∞ together sum to NaN: still caught. Every position of the four sums and the tail.
    expect(allFinite(Float32Array.of(Infinity, 1, -Infinity))).toBe(false);
    for (let at = 0; at < 7; at++) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const values = Float32Array.of(1, 2, 3, 4, 5, 6, 7);
        values[at] = bad;
        expect(allFinite(values), `${bad} at ${at}`).toBe(false);
      }
    }
  });
});
