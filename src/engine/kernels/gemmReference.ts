/**
 * General matrix multiply, the engine's one hot kernel:
 *   C[M×N] = op(A) · op(B)        (accumulate = false)
 *   C[M×N] += op(A) · op(B)       (accumulate = true)
 * All matrices are row-major Float32Arrays. op(A) is A [M×K], or Aᵀ when transA (A stored [K×M]);
 * op(B) is B [K×N], or Bᵀ when transB (B stored [N×K]). Only the first M×N entries of C are written.
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

/** Throws when a buffer is too short for the stated sizes: fast paths would read past it silently. */
export function checkGemmArgs({ M, N, K, A, B, C }: GemmArgs, where: string): void {
  if (!(M >= 0 && N >= 0 && K >= 0 && Number.isInteger(M + N + K))) {
    throw new Error(`${where}: M, N, K must be non-negative integers, got M=${M} N=${N} K=${K}`);
  }
  if (A.length < M * K) tooShort(where, 'A', A, M * K, M, N, K);
  if (B.length < K * N) tooShort(where, 'B', B, K * N, M, N, K);
  if (C.length < M * N) tooShort(where, 'C', C, M * N, M, N, K);
}

function tooShort(
  where: string,
  name: string,
  buffer: Float32Array,
  length: number,
  M: number,
  N: number,
  K: number,
): never {
  throw new Error(
    `${where}: ${name} holds ${buffer.length} values but M=${M} N=${N} K=${K} needs ${length}`,
  );
}
