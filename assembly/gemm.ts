/**
 * Single-precision matrix multiply for WebAssembly SIMD (AssemblyScript):
 *   C[M×N] = op(A) · op(B)     or, with `accumulate`,     C[M×N] += op(A) · op(B)
 * row-major, op(A) = Aᵀ when transA (A stored [K×M]), op(B) = Bᵀ when transB (B stored [N×K]).
 *
 * The GotoBLAS/BLIS structure: op(B) is packed, KC rows at a time, into NR-wide column slivers and
 * op(A) into MR-tall row slivers, so the micro-kernel always streams two contiguous buffers whatever
 * the transposes; all of NN, NT and TN then run at the same speed. The micro-kernel keeps a 4×8 tile
 * of C in 8 f32x4 registers (4 rows × 2 vectors) and, per k, does 4 splat loads of A, 2 vector loads
 * of B and 8 multiply-adds. There is no FMA in baseline wasm SIMD, hence f32x4.mul + f32x4.add.
 * (6×8 and 8×8 tiles were measured slower in V8: with 12 or more accumulators its register
 * allocator spills. See docs/PERFORMANCE.md.) Packing transposes 4×4 blocks with shuffles.
 *
 * Memory is managed by the caller (src/engine/kernels/gemmWasm.ts): it copies A, B and C into this
 * module's memory from `scratchBase()` on and passes a workspace of `workspaceBytes(N)` bytes.
 * The constants, the transpose and the micro-kernel live in assembly/microkernel.ts, shared with
 * the convolutions of assembly/conv.ts.
 */

import {
  KC,
  MC,
  MR,
  NC,
  NR,
  multiplyPanels,
  packedAIn,
  packedBIn,
  sliverA,
  sliverB,
  tileIn,
  transpose4x4,
} from './microkernel';

/** Packs rows [ic, ic+mc) × depth [pc, pc+kc) of op(A) as MR-row slivers, k-major, zero-padded. */
export function packA(
  transA: bool,
  a: usize,
  M: i32,
  K: i32,
  ic: i32,
  pc: i32,
  mc: i32,
  kc: i32,
  dst: usize,
): void {
  if (transA) {
    // op(A)[i][k] = A[k·M + i]: each k reads mc contiguous values and deals them to the slivers
    // (sliver s starts at dst + s·kc·MR floats), so A is read row by row, once.
    const full = mc - (mc % MR);
    for (let k = 0; k < kc; k++) {
      const src = a + ((<usize>(pc + k) * <usize>M + <usize>ic) << 2);
      const out = dst + ((<usize>(k * MR)) << 2);
      for (let ir = 0; ir < full; ir += MR) {
        v128.store(
          out + ((<usize>((ir / MR) * sliverA(kc))) << 2),
          v128.load(src + ((<usize>ir) << 2)),
        );
      }
      if (full < mc) {
        const edge = out + ((<usize>((full / MR) * sliverA(kc))) << 2);
        for (let r = 0; r < MR; r++) {
          const value = full + r < mc ? load<f32>(src + ((<usize>(full + r)) << 2)) : 0;
          store<f32>(edge + ((<usize>r) << 2), value);
        }
      }
    }
    return;
  }
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    // op(A)[i][k] = A[i·K + k]: MR rows read contiguously, transposed 4×4 at a time.
    const row = a + ((<usize>(ic + ir) * <usize>K + <usize>pc) << 2);
    const lda = (<usize>K) << 2;
    let k = 0;
    if (mr == MR) {
      for (; k + 4 <= kc; k += 4) {
        const offset = (<usize>k) << 2;
        transpose4x4(
          v128.load(row + offset),
          v128.load(row + lda + offset),
          v128.load(row + 2 * lda + offset),
          v128.load(row + 3 * lda + offset),
          dst + ((<usize>(k * MR)) << 2),
          MR << 2,
        );
      }
    }
    for (; k < kc; k++) {
      const out = dst + ((<usize>(k * MR)) << 2);
      for (let r = 0; r < MR; r++) {
        const value = r < mr ? load<f32>(row + <usize>r * lda + ((<usize>k) << 2)) : 0;
        store<f32>(out + ((<usize>r) << 2), value);
      }
    }
    dst += (<usize>sliverA(kc)) << 2;
  }
}

/** Packs depth [pc, pc+kc) × columns [jc, jc+nc) of op(B) as NR-column slivers, k-major, zero-padded. */
function packB(
  transB: bool,
  b: usize,
  N: i32,
  K: i32,
  jc: i32,
  pc: i32,
  nc: i32,
  kc: i32,
  dst: usize,
): void {
  if (!transB) {
    // op(B)[k][j] = B[k·N + j]: each k reads nc contiguous values and deals them to the slivers
    // (sliver s starts at dst + s·kc·NR floats), so B is read row by row, once.
    const full = nc - (nc % NR);
    for (let k = 0; k < kc; k++) {
      const src = b + ((<usize>(pc + k) * <usize>N + <usize>jc) << 2);
      const out = dst + ((<usize>(k * NR)) << 2);
      for (let jr = 0; jr < full; jr += NR) {
        const from = src + ((<usize>jr) << 2);
        const to = out + ((<usize>((jr / NR) * sliverB(kc))) << 2);
        v128.store(to, v128.load(from));
        v128.store(to, v128.load(from, 16), 16);
      }
      if (full < nc) {
        const edge = out + ((<usize>((full / NR) * sliverB(kc))) << 2);
        for (let c = 0; c < NR; c++) {
          const value = full + c < nc ? load<f32>(src + ((<usize>(full + c)) << 2)) : 0;
          store<f32>(edge + ((<usize>c) << 2), value);
        }
      }
    }
    return;
  }
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    // op(B)[k][j] = B[j·K + k]: NR rows of B read contiguously, transposed 4×4 at a time.
    const row = b + ((<usize>(jc + jr) * <usize>K + <usize>pc) << 2);
    const ldb = (<usize>K) << 2;
    let k = 0;
    if (nr == NR) {
      for (; k + 4 <= kc; k += 4) {
        const offset = (<usize>k) << 2;
        const out = dst + ((<usize>(k * NR)) << 2);
        transpose4x4(
          v128.load(row + offset),
          v128.load(row + ldb + offset),
          v128.load(row + 2 * ldb + offset),
          v128.load(row + 3 * ldb + offset),
          out,
          NR << 2,
        );
        transpose4x4(
          v128.load(row + 4 * ldb + offset),
          v128.load(row + 5 * ldb + offset),
          v128.load(row + 6 * ldb + offset),
          v128.load(row + 7 * ldb + offset),
          out + 16,
          NR << 2,
        );
      }
    }
    for (; k < kc; k++) {
      const out = dst + ((<usize>(k * NR)) << 2);
      for (let c = 0; c < NR; c++) {
        const value = c < nr ? load<f32>(row + <usize>c * ldb + ((<usize>k) << 2)) : 0;
        store<f32>(out + ((<usize>c) << 2), value);
      }
    }
    dst += (<usize>sliverB(kc)) << 2;
  }
}

export function sgemm(
  transA: bool,
  transB: bool,
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  b: usize,
  c: usize,
  accumulate: bool,
  work: usize,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    // An empty sum: C = 0, or C unchanged when accumulating.
    if (!accumulate) memory.fill(c, 0, (<usize>(M * N)) << 2);
    return;
  }
  const packedA = packedAIn(work);
  const packedB = packedBIn(work);
  const tile = tileIn(work, N);
  const ldc = (<usize>N) << 2;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      packB(transB, b, N, K, jc, pc, nc, kc, packedB);
      // The first depth block overwrites C unless the caller accumulates; later ones add.
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        packA(transA, a, M, K, ic, pc, mc, kc, packedA);
        const cBlock = c + <usize>ic * ldc + ((<usize>jc) << 2);
        multiplyPanels(kc, mc, nc, packedA, packedB, cBlock, ldc, add, tile);
      }
    }
  }
}
