import { describe, expect, it } from 'vitest';
import {
  expectRank,
  formatShape,
  numel,
  reuse,
  sameShape,
  tensor,
  zeros,
} from '../../src/engine/tensor';

describe('tensor', () => {
  it('numel multiplies the dimensions (a scalar has one element)', () => {
    expect(numel([2, 3, 4])).toBe(24);
    expect(numel([])).toBe(1);
    expect(numel([5, 0])).toBe(0);
  });

  it('wraps data of the right length and copies plain arrays into Float32Array', () => {
    const t = tensor([2, 2], [1, 2, 3, 4]);
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4]);
    const shared = new Float32Array([5, 6]);
    expect(tensor([2], shared).data).toBe(shared);
  });

  it('throws a clear error when the data does not fit the shape', () => {
    expect(() => tensor([2, 3], [1, 2, 3])).toThrow('tensor: shape [2, 3] needs 6 values, got 3');
  });

  it('zeros, sameShape and formatShape', () => {
    expect(Array.from(zeros([3]).data)).toEqual([0, 0, 0]);
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [3, 2])).toBe(false);
    expect(sameShape([2, 3], [2, 3, 1])).toBe(false);
    expect(formatShape([4, 1, 14, 14])).toBe('[4, 1, 14, 14]');
  });

  it('expectRank names the place and the shape', () => {
    expect(() => expectRank(zeros([2, 3]), 4, 'Conv2d')).toThrow(
      'Conv2d: expected a 4-D input, got shape [2, 3]',
    );
    expect(() => expectRank(zeros([2, 3, 4]), [2, 4], 'GroupNorm')).toThrow(
      'GroupNorm: expected a 2-D or 4-D input, got shape [2, 3, 4]',
    );
    expect(() => expectRank(zeros([2, 3]), 2, 'Linear')).not.toThrow();
  });

  it('reuse keeps a buffer of the same shape and replaces one of another shape', () => {
    const a = zeros([2, 3]);
    expect(reuse(a, [2, 3])).toBe(a);
    const b = reuse(a, [3, 3]);
    expect(b).not.toBe(a);
    expect(b.shape).toEqual([3, 3]);
    expect(reuse(undefined, [1]).data.length).toBe(1);
  });
});
