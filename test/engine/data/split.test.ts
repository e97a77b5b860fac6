import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../src/engine/data/split';
import { createRng } from '../../../src/engine/rng';

// 3 classes of 10, 8 and 2 samples, interleaved so index and class are unrelated.
const LABELS = Uint8Array.from([0, 1, 0, 2, 1, 0, 1, 0, 0, 1, 2, 1, 0, 0, 1, 0, 1, 0, 1, 0]);

function countsOf(indices: Int32Array, labels: ArrayLike<number>): number[] {
  const counts = [0, 0, 0];
  for (const i of indices) counts[labels[i]!]!++;
  return counts;
}

describe('stratifiedSplit', () => {
  it('partitions the indices: every sample exactly once, in train or test', () => {
    const { train, test } = stratifiedSplit(LABELS, 0.25, createRng(1));
    const all = [...train, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: LABELS.length }, (_, i) => i));
  });

  it('gives each class its share of the test set, by largest remainder', () => {
    // Class sizes 10, 8, 2: 0.25 × each = 2.5, 2, 0.5 → floors 2, 2, 0 (4);
    // round(20 × 0.25) = 5, so one more goes to the largest remainder, ties to the smaller
    // label: class 0 (0.5) before class 2 (0.5) → 3, 2, 0.
    expect(countsOf(Int32Array.from(LABELS.keys()), LABELS)).toEqual([10, 8, 2]);
    const { train, test } = stratifiedSplit(LABELS, 0.25, createRng(1));
    expect(countsOf(test, LABELS)).toEqual([3, 2, 0]);
    expect(countsOf(train, LABELS)).toEqual([7, 6, 2]);
  });

  it('is deterministic: the same seed gives the same indices', () => {
    const a = stratifiedSplit(LABELS, 0.3, createRng(42));
    const b = stratifiedSplit(LABELS, 0.3, createRng(42));
    expect(a.train).toEqual(b.train);
    expect(a.test).toEqual(b.test);
  });

  it('depends on the seed', () => {
    const a = stratifiedSplit(LABELS, 0.3, createRng(42));
    const b = stratifiedSplit(LABELS, 0.3, createRng(43));
    expect([...a.test]).not.toEqual([...b.test]);
  });

  it('rejects a test fraction outside (0, 1)', () => {
    for (const fraction of [0, 1, -0.1, Number.NaN]) {
      expect(() => stratifiedSplit(LABELS, fraction, createRng(1))).toThrow(
        /testFraction must lie in \(0, 1\)/,
      );
    }
  });
});
