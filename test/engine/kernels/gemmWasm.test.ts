import { describe, expect, it } from 'vitest';
import { gemmReference } from '../../../src/engine/kernels/gemmReference';
import { createGemmWasm } from '../../../src/engine/kernels/gemmWasm';
import { loadWasmKernels } from '../../../src/engine/kernels/wasmKernels';

// The exhaustive shape sweep is in gemmFast.test.ts; this pins one hand-worked product.
describe('gemmWasm', () => {
  it('computes a hand-worked product, accumulating into C', () => {
    const gemm = createGemmWasm(loadWasmKernels()!);
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]], plus C = [1, 1, 1, 1]
    const C = new Float32Array([1, 1, 1, 1]);
    const args = {
      transA: false,
      transB: false,
      M: 2,
      N: 2,
      K: 2,
      A: new Float32Array([1, 2, 3, 4]),
      B: new Float32Array([5, 6, 7, 8]),
      accumulate: true,
    };
    gemm({ ...args, C });
    expect(Array.from(C)).toEqual([20, 23, 44, 51]);
    const reference = new Float32Array([1, 1, 1, 1]);
    gemmReference({ ...args, C: reference });
    expect(C).toEqual(reference);
  });
});
