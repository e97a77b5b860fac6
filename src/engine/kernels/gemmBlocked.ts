import { checkGemmArgs, type Gemm } from './gemmReference';

/** Scratch for the packed operands, grown as needed and reused across calls. */
let packedA: Float32Array = new Float32Array(0);
let packedB: Float32Array = new Float32Array(0);

function scratch(current: Float32Array, length: number): Float32Array {
  return current.length >= length
    ? current
    : new Float32Array(Math.max(length, current.length * 2));
}

/**
 * Pure-JavaScript fallback for engines without WebAssembly SIMD: op(A) is packed transposed (Āᵀ,
 * [K×M]) and op(B) as [K×N], so the 4×4 register-blocked inner loop reads both contiguously whatever
 * the transposes, and keeps 16 partial sums in locals. Rows and columns past the last full block of 4
 * are finished by a scalar loop.
 */
export const gemmBlocked: Gemm = (args) => {
  checkGemmArgs(args, 'gemm');
  const { transA, transB, M, N, K, A, B, C, accumulate } = args;
  if (M === 0 || N === 0) return;
  packedA = scratch(packedA, M * K);
  packedB = scratch(packedB, K * N);
  const at = packedA;
  const bp = packedB;
  // at[k·M + i] = op(A)[i][k]
  if (transA) at.set(A.subarray(0, K * M));
  else {
    for (let i = 0; i < M; i++) {
      const row = i * K;
      for (let k = 0; k < K; k++) at[k * M + i] = A[row + k]!;
    }
  }
  // bp[k·N + j] = op(B)[k][j]
  if (!transB) bp.set(B.subarray(0, K * N));
  else {
    for (let j = 0; j < N; j++) {
      const row = j * K;
      for (let k = 0; k < K; k++) bp[k * N + j] = B[row + k]!;
    }
  }

  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let i = 0; i < M4; i += 4) {
    const r0 = i * N;
    const r1 = r0 + N;
    const r2 = r1 + N;
    const r3 = r2 + N;
    // prettier-ignore -- one line per row of the 4×4 tile reads like the math.
    for (let j = 0; j < N4; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0;
      let c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let pa = i;
      let pb = j;
      for (let k = 0; k < K; k++) {
        const a0 = at[pa]!,
          a1 = at[pa + 1]!,
          a2 = at[pa + 2]!,
          a3 = at[pa + 3]!;
        const b0 = bp[pb]!,
          b1 = bp[pb + 1]!,
          b2 = bp[pb + 2]!,
          b3 = bp[pb + 3]!;
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
        pa += M;
        pb += N;
      }
      if (accumulate) {
        c00 += C[r0 + j]!;
        c01 += C[r0 + j + 1]!;
        c02 += C[r0 + j + 2]!;
        c03 += C[r0 + j + 3]!;
        c10 += C[r1 + j]!;
        c11 += C[r1 + j + 1]!;
        c12 += C[r1 + j + 2]!;
        c13 += C[r1 + j + 3]!;
        c20 += C[r2 + j]!;
        c21 += C[r2 + j + 1]!;
        c22 += C[r2 + j + 2]!;
        c23 += C[r2 + j + 3]!;
        c30 += C[r3 + j]!;
        c31 += C[r3 + j + 1]!;
        c32 += C[r3 + j + 2]!;
        c33 += C[r3 + j + 3]!;
      }
      C[r0 + j] = c00;
      C[r0 + j + 1] = c01;
      C[r0 + j + 2] = c02;
      C[r0 + j + 3] = c03;
      C[r1 + j] = c10;
      C[r1 + j + 1] = c11;
      C[r1 + j + 2] = c12;
      C[r1 + j + 3] = c13;
      C[r2 + j] = c20;
      C[r2 + j + 1] = c21;
      C[r2 + j + 2] = c22;
      C[r2 + j + 3] = c23;
      C[r3 + j] = c30;
      C[r3 + j + 1] = c31;
      C[r3 + j + 2] = c32;
      C[r3 + j + 3] = c33;
    }
  }
  // The ragged edges: rows ≥ M4 for every column, and columns ≥ N4 for the blocked rows.
  for (let i = 0; i < M; i++) {
    for (let j = i < M4 ? N4 : 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += at[k * M + i]! * bp[k * N + j]!;
      C[i * N + j] = accumulate ? C[i * N + j]! + sum : sum;
    }
  }
};
