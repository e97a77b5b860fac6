import { describe, expect, it } from 'vitest';
import { checkGemmArgs, gemmReference } from '../../../src/engine/kernels/gemmReference';

// A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[7, 8], [9, 10], [11, 12]] (3×2)
// A·B = [[1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12], [4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]] = [[58, 64], [139, 154]]
const A = new Float32Array([1, 2, 3, 4, 5, 6]);
const B = new Float32Array([7, 8, 9, 10, 11, 12]);
const At = new Float32Array([1, 4, 2, 5, 3, 6]); // Aᵀ stored 3×2
const Bt = new Float32Array([7, 9, 11, 8, 10, 12]); // Bᵀ stored 2×3

const run = (transA: boolean, transB: boolean, accumulate = false, start = [0, 0, 0, 0]) => {
  const C = new Float32Array(start);
  gemmReference({
    transA,
    transB,
    M: 2,
    N: 2,
    K: 3,
    A: transA ? At : A,
    B: transB ? Bt : B,
    C,
    accumulate,
  });
  return Array.from(C);
};

describe('gemmReference', () => {
  it('computes A·B with every combination of stored transposes', () => {
    for (const transA of [false, true]) {
      for (const transB of [false, true])
        expect(run(transA, transB), `${transA} ${transB}`).toEqual([58, 64, 139, 154]);
    }
  });

  it('overwrites C, or adds to it when accumulating', () => {
    expect(run(false, false, false, [1, 1, 1, 1])).toEqual([58, 64, 139, 154]);
    expect(run(false, false, true, [1, 2, 3, 4])).toEqual([59, 66, 142, 158]);
  });

  it('checkGemmArgs names a buffer that is too short', () => {
    expect(() =>
      checkGemmArgs(
        {
          transA: false,
          transB: false,
          M: 2,
          N: 2,
          K: 3,
          A,
          B: new Float32Array(5),
          C: new Float32Array(4),
          accumulate: false,
        },
        'gemm',
      ),
    ).toThrow(/B/);
  });
});
