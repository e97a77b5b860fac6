import { describe, expect, it } from 'vitest';
import { featureStats, standardizeFeatures } from '../../../src/engine/data/standardize';

describe('featureStats and standardizeFeatures', () => {
  it('gives every column mean 0 and population std 1, column by column', () => {
    // Two columns: [1, 2, 3, 4] and [10, 10, 30, 30].
    const x = Float32Array.from([1, 10, 2, 10, 3, 30, 4, 30]);
    const stats = featureStats(x, 4, 2);
    expect([...stats.mean]).toEqual([2.5, 20]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(stats.std[1]).toBeCloseTo(10, 12);
    const z = standardizeFeatures(x, 2, stats);
    expect(z[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 6);
    expect([z[1], z[5]]).toEqual([-1, 1]);
  });

  it('centres a constant column instead of dividing by zero', () => {
    const x = Float32Array.from([5, 1, 5, 2]);
    const z = standardizeFeatures(x, 2, featureStats(x, 2, 2));
    expect([z[0], z[2]]).toEqual([0, 0]);
    expect([z[1], z[3]]).toEqual([-1, 1]);
  });

  it('keeps the std of a column far from zero (two passes, float64)', () => {
    const x = Float32Array.from([1e6 - 1, 1e6 + 1, 1e6 - 1, 1e6 + 1]);
    expect(featureStats(x, 4, 1).std[0]).toBe(1);
  });

  it('applies given statistics, as validation rows use the training rows\u2019', () => {
    const stats = { mean: Float64Array.from([1]), std: Float64Array.from([2]) };
    expect([...standardizeFeatures(Float32Array.from([5, -1]), 1, stats)]).toEqual([2, -1]);
  });
});
