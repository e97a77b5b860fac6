import { describe, expect, it } from 'vitest';
import { gemm, gemmReference, setGemm, type Gemm } from '../../../src/engine/kernels/gemm';
import { gemmFast } from '../../../src/engine/kernels/gemmFast';

// A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[7, 8], [9, 10], [11, 12]] (3×2):
// A·B = [[1·7+2·9+3·11, 1·8+2·10+3·12], [4·7+5·9+6·11, 4·8+5·10+6·12]] = [[58, 64], [139, 154]].
const A = [1, 2, 3, 4, 5, 6];
const At = [1, 4, 2, 5, 3, 6]; // A stored transposed, [3×2]
const B = [7, 8, 9, 10, 11, 12];
const Bt = [7, 9, 11, 8, 10, 12]; // B stored transposed, [2×3]
const AB = [58, 64, 139, 154];

function run(impl: Gemm, transA: boolean, transB: boolean, C: number[], accumulate: boolean) {
  const out = Float32Array.from(C);
  impl({
    transA,
    transB,
    M: 2,
    N: 2,
    K: 3,
    A: Float32Array.from(transA ? At : A),
    B: Float32Array.from(transB ? Bt : B),
    C: out,
    accumulate,
  });
  return Array.from(out);
}

describe('gemm', () => {
  for (const [name, impl] of [
    ['gemmReference', gemmReference],
    ['gemm (default)', gemm],
  ] as const) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`${name}: op(A)·op(B) with transA=${transA} transB=${transB} matches the hand product`, () => {
          expect(run(impl, transA, transB, [-1, -2, -3, -4], false)).toEqual(AB);
        });
      }
    }
    it(`${name}: accumulate adds the product to C instead of overwriting it`, () => {
      // [[58, 64], [139, 154]] + [[0.5, -1, 2, 100]] elementwise
      expect(run(impl, false, false, [0.5, -1, 2, 100], true)).toEqual([58.5, 63, 141, 254]);
    });
  }

  it('defaults to the fast implementation and setGemm swaps it back and forth', () => {
    const calls: string[] = [];
    const spy: Gemm = (args) => {
      calls.push(`${args.M}×${args.K}×${args.N}`);
      gemmReference(args);
    };
    const previous = setGemm(spy);
    try {
      expect(previous).toBe(gemmFast);
      expect(run(gemm, false, false, [0, 0, 0, 0], false)).toEqual(AB);
      expect(calls).toEqual(['2×3×2']);
    } finally {
      expect(setGemm(previous)).toBe(spy);
    }
  });
});
