import { describe, expect, it } from 'vitest';
import { describeSmoothing, exponentialMovingAverage } from '../../../src/ui/charts/smoothing';

describe('exponentialMovingAverage', () => {
  it('is the raw curve at weight 0', () => {
    expect([...exponentialMovingAverage([3, 1, 2], 0)]).toEqual([3, 1, 2]);
  });

  it('starts at the first value (bias-corrected) and follows the textbook recursion', () => {
    const values = [2, 4, 1, 3];
    const w = 0.5;
    const out = exponentialMovingAverage(values, w);
    // s_t = w s_{t-1} + (1 − w) x_t from s_0 = 0, divided by 1 − w^t.
    let s = 0;
    values.forEach((x, i) => {
      s = w * s + (1 - w) * x;
      expect(out[i]).toBeCloseTo(s / (1 - w ** (i + 1)), 12);
    });
    expect(out[0]).toBe(2);
  });

  it('reduces the noise of a noisy constant curve', () => {
    const noisy = Array.from({ length: 400 }, (_, i) => 1 + (i % 2 === 0 ? 0.5 : -0.5));
    const smooth = exponentialMovingAverage(noisy, 0.9);
    const tail = [...smooth.slice(200)];
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(0.1);
  });

  it('carries on through values that are not finite, leaving a gap there', () => {
    const out = exponentialMovingAverage([1, Number.NaN, 1], 0.9);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 12);
  });
});

describe('smoothing weights', () => {
  it('names the weight as an EMA with its span', () => {
    expect(describeSmoothing(0)).toBe('off');
    expect(describeSmoothing(0.9)).toBe('EMA 0.9 (about 10 steps)');
    expect(describeSmoothing(0.99)).toBe('EMA 0.99 (about 100 steps)');
  });
});
