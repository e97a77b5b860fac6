import { describe, expect, it } from 'vitest';
import { smoothLosses } from '../../src/engine/train/smoothLosses';
import { smoothedHistory } from '../../src/lessons/smoothedHistory';

describe('smoothedHistory', () => {
  it('smooths a history as smoothLosses does, once for as long as it is unchanged', () => {
    const losses = Array.from({ length: 50 }, (_, i) => 2 / (1 + i) + (i % 3) * 0.01);
    const first = smoothedHistory(losses);
    expect(Array.from(first)).toEqual(Array.from(smoothLosses(losses)));
    // the same history read again (another claim, another redraw) is not smoothed again
    expect(smoothedHistory(losses)).toBe(first);
  });

  it('smooths again a history that grew in place', () => {
    const losses = [3, 2.5, 2];
    const before = smoothedHistory(losses);
    losses.push(1.5, 1);
    const after = smoothedHistory(losses);
    expect(after).not.toBe(before);
    expect(Array.from(after)).toEqual(Array.from(smoothLosses(losses)));
  });
});
