import { describe, expect, it } from 'vitest';
import { histogram, niceCeil, symmetricRangeFor } from '../../../src/engine/probes/histogram';

describe('histogram', () => {
  it('counts values into equal-width bins with the last bin closed', () => {
    // bins of width 0.5 over [−1, 1]: [−1,−0.5) [−0.5,0) [0,0.5) [0.5,1]
    const h = histogram([-1, -0.75, -0.5, 0, 0.25, 0.5, 1, 1.5, -2], { min: -1, max: 1, bins: 4 });
    expect(Array.from(h.counts)).toEqual([2, 1, 2, 2]);
    expect(h.underflow).toBe(1);
    expect(h.overflow).toBe(1);
  });

  it('never counts NaN (it is neither in a bin nor an outlier)', () => {
    const h = histogram([NaN, 0.1], { min: 0, max: 1, bins: 2 });
    expect(Array.from(h.counts)).toEqual([1, 0]);
    expect(h.underflow + h.overflow).toBe(0);
  });

  it('niceCeil rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeil(0.013)).toBeCloseTo(0.02);
    expect(niceCeil(3)).toBe(5);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(0)).toBe(1);
  });

  it('symmetricRangeFor leaves headroom around the largest magnitude and ignores non-finite values', () => {
    expect(symmetricRangeFor([0.1, -0.3, Infinity], 10)).toEqual({ min: -0.5, max: 0.5, bins: 10 });
  });
});
