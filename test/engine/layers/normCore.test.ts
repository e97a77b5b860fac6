import { describe, expect, it } from 'vitest';
import { GroupNorm } from '../../../src/engine/layers/groupNorm';
import { checkEps, checkPositiveInteger, DEFAULT_EPS } from '../../../src/engine/layers/normCore';
import { tensor } from '../../../src/engine/tensor';

describe('normCore', () => {
  it('uses PyTorch’s eps by default', () => {
    expect(DEFAULT_EPS).toBe(1e-5);
    expect(new GroupNorm(2, 4).eps).toBe(1e-5);
  });

  it('checkPositiveInteger and checkEps name the place, the quantity and the value', () => {
    expect(() => checkPositiveInteger(0, 'numFeatures', 'BatchNorm1d')).toThrow(
      'BatchNorm1d: numFeatures must be a positive integer, got 0',
    );
    expect(() => checkPositiveInteger(2.5, 'groups', 'GroupNorm')).toThrow('got 2.5');
    expect(() => checkEps(-1, 'LayerNorm')).toThrow(
      'LayerNorm: eps must be a finite number ≥ 0, got -1',
    );
    expect(checkEps(0, 'LayerNorm')).toBe(0);
  });

  it('the grouped kernel normalises each (sample, group) block with its own biased statistics', () => {
    // GroupNorm(2 groups, 4 channels) on one sample [1, 2, 3, 4]: groups {1, 2} and {3, 4}, each with
    // mean ±0.5 around its centre and biased variance 0.25 ⇒ x̂ = ±0.5/√(0.25 + eps) ≈ ±1.
    const y = new GroupNorm(2, 4, { eps: 0 }).forward(tensor([1, 4], [1, 2, 3, 4]), 'train');
    expect(Array.from(y.data)).toEqual([-1, 1, -1, 1]);
  });

  it('stays accurate when the mean is large compared with the spread', () => {
    // Values 1e4 + {−1, 1}: a naive E[x²] − E[x]² in float32 would lose the variance entirely.
    const y = new GroupNorm(1, 2, { eps: 0 }).forward(tensor([1, 2], [9999, 10001]), 'train');
    expect(y.data[0]).toBeCloseTo(-1, 5);
    expect(y.data[1]).toBeCloseTo(1, 5);
  });
});
