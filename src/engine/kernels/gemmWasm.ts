import { checkGemmArgs, type Gemm } from './gemmReference';
import type { WasmKernels } from './wasmKernels';
import { gemmLayout } from './wasmLayout';

/**
 * A `Gemm` on the WebAssembly SIMD module (assembly/gemm.ts): copies A, B (and C when accumulating)
 * into the module's memory, multiplies there and copies C back. The copies are O(n²) against O(n³)
 * arithmetic.
 */
export function createGemmWasm(kernels: WasmKernels): Gemm {
  return (args) => {
    checkGemmArgs(args, 'gemm');
    const { transA, transB, M, N, K, A, B, C, accumulate } = args;
    if (M === 0 || N === 0) return;
    const sizeA = M * K;
    const sizeB = K * N;
    const sizeC = M * N;
    const { offA, offB, offC, work, end } = gemmLayout(kernels, M, N, K);
    const heap = kernels.heap(end);

    heap.set(A.length === sizeA ? A : A.subarray(0, sizeA), offA >> 2);
    heap.set(B.length === sizeB ? B : B.subarray(0, sizeB), offB >> 2);
    if (accumulate) heap.set(C.length === sizeC ? C : C.subarray(0, sizeC), offC >> 2);
    // Read at each call: release() may have replaced the instance.
    kernels.exports.sgemm(
      transA ? 1 : 0,
      transB ? 1 : 0,
      M,
      N,
      K,
      offA,
      offB,
      offC,
      accumulate ? 1 : 0,
      work,
    );
    C.set(heap.subarray(offC >> 2, (offC >> 2) + sizeC));
  };
}
