/**
 * The gemm every layer calls: C[M×N] (+)= op(A) · op(B) (see gemmReference.ts for the definition).
 * It defaults to the fastest implementation the host supports (WebAssembly SIMD, else blocked JS);
 * `setGemm` swaps it, so tests and benchmarks can compare it with the reference.
 */
import { gemmFast } from './gemmFast';
import type { Gemm, GemmArgs } from './gemmReference';

export { gemmReference, type Gemm, type GemmArgs } from './gemmReference';

let active: Gemm = gemmFast;

/** The implementation layers call. */
export function gemm(args: GemmArgs): void {
  active(args);
}

/** Swaps the implementation (tests and benchmarks compare the fast path with the reference). */
export function setGemm(impl: Gemm): Gemm {
  const previous = active;
  active = impl;
  return previous;
}
