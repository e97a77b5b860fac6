import { describe, expect, it } from 'vitest';
import { smoothLosses, SMOOTHING_WINDOW } from '../../../src/engine/train/smoothLosses';

describe('smoothLosses', () => {
  it('averages the last `window` losses, and all of them before a full window', () => {
    // window 3 over 6, 3, 0, 9, 3: 6/1, 9/2, 9/3, 12/3, 12/3.
    expect(Array.from(smoothLosses([6, 3, 0, 9, 3], 3))).toEqual([6, 4.5, 3, 4, 4]);
  });

  it('uses a 20-step window by default', () => {
    expect(SMOOTHING_WINDOW).toBe(20);
    const losses = Array.from({ length: 25 }, (_, i) => i);
    // At step 24 the window holds 5..24, whose mean is 14.5.
    expect(smoothLosses(losses)[24]).toBe(14.5);
  });

  it('returns an empty series for no losses', () => {
    expect(smoothLosses([]).length).toBe(0);
  });
});
