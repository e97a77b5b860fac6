import { describe, expect, it } from 'vitest';
import {
  binEdges,
  binnedTotal,
  histogramPath,
  maxCount,
  modeBin,
  valueFraction,
} from '../../../src/ui/charts/histogramShape';
import { hist } from './probeFixtures';

describe('histogram views', () => {
  it('lists the fixed bin edges from min to max', () => {
    // 4 bins over [−2, 2]: width 1
    expect(binEdges(hist([1, 2, 3, 4]))).toEqual([-2, -1, 0, 1, 2]);
  });

  it('finds the tallest bin and the binned total', () => {
    const h = hist([1, 7, 3, 7]);
    expect(maxCount(h)).toBe(7);
    expect(binnedTotal(h)).toBe(18);
    // first of the two 7s: bin 1 = [−1, 0)
    expect(modeBin(h)).toEqual({ lo: -1, hi: 0, count: 7 });
  });

  it('has no mode and no bars when every bin is empty', () => {
    const h = hist([0, 0, 0]);
    expect(modeBin(h)).toBeNull();
    expect(histogramPath(h)).toBe('');
  });

  it('draws each non-empty bin as a bar scaled to the tallest', () => {
    // bin 0: 2/4 → top at y = 0.5; bin 1 empty; bin 2: 4/4 → top at 0
    expect(histogramPath(hist([2, 0, 4], -1, 2))).toBe('M0 1V0.5000H1V1ZM2 1V0.0000H3V1Z');
  });

  it('places values along the axis, outside [0, 1] when off the range', () => {
    const h = hist([1, 1], -2, 2);
    expect(valueFraction(h, 1)).toBe(0.75);
    expect(valueFraction(h, 3)).toBe(1.25);
  });
});
