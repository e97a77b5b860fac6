/**
 * General matrix multiply, the engine's one hot kernel:
 *   C[M×N] = op(A) · op(B)        (accumulate = false)
 *   C[M×N] += op(A) · op(B)       (accumulate = true)
 * All matrices are row-major Float32Arrays. op(A) is A [M×K], or Aᵀ when transA (A stored [K×M]);
 * op(B) is B [K×N], or Bᵀ when transB (B stored [N×K]).
 *
 * `gemmReference` is the readable definition every faster implementation is tested against.
 */
export interface GemmArgs {
  transA: boolean;
  transB: boolean;
  M: number;
  N: number;
  K: number;
  A: Float32Array;
  B: Float32Array;
  C: Float32Array;
  accumulate: boolean;
}

export type Gemm = (args: GemmArgs) => void;

export const gemmReference: Gemm = ({ transA, transB, M, N, K, A, B, C, accumulate }) => {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const a = transA ? A[k * M + i]! : A[i * K + k]!;
        const b = transB ? B[j * K + k]! : B[k * N + j]!;
        sum += a * b;
      }
      C[i * N + j] = accumulate ? C[i * N + j]! + sum : sum;
    }
  }
};

let active: Gemm = gemmReference;

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
