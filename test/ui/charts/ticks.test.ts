import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from '../../../src/ui/charts/ticks';

describe('niceStep', () => {
  it('picks 1, 2 or 5 × 10^k', () => {
    expect(niceStep(600, 6)).toBe(100);
    expect(niceStep(1.4, 5)).toBe(0.5); // 0.28 → 0.5
    expect(niceStep(0.09, 4)).toBe(0.05); // 0.0225 → 0.05
    expect(niceStep(0, 4)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('puts step-axis ticks on round steps inside the exact domain', () => {
    expect(niceTicks(1, 600, 6, { integer: true })).toEqual({
      domain: [1, 600],
      ticks: [100, 200, 300, 400, 500, 600],
    });
  });

  it('widens a value axis outward to round ends', () => {
    expect(niceTicks(0, 1.2, 5, { extend: true })).toEqual({
      domain: [0, 1.5],
      ticks: [0, 0.5, 1, 1.5],
    });
  });

  it('gives negative ranges clean labels without float noise', () => {
    const axis = niceTicks(-0.0423, 0.0669, 4, { extend: true });
    // span 0.1092 / 4 = 0.0273 → step 0.05
    expect(axis).toEqual({ domain: [-0.05, 0.1], ticks: [-0.05, 0, 0.05, 0.1] });
  });

  it('never uses a step below 1 on integer axes', () => {
    expect(niceTicks(1, 3, 6, { integer: true }).ticks).toEqual([1, 2, 3]);
  });

  it('builds an axis around a single value', () => {
    expect(niceTicks(5, 5, 4, { integer: true })).toEqual({ domain: [4, 6], ticks: [4, 5, 6] });
    expect(niceTicks(0, 0, 4, { extend: true }).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});
