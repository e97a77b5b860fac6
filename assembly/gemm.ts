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
 */

const MR: i32 = 4;
const NR: i32 = 8;
/** Depth of one packed block: a KC×NR sliver of B (8 KiB) stays in L1 while A streams past it. */
const KC: i32 = 256;
/** Rows of A packed at a time (a multiple of MR): MC×KC floats (64 KiB) stay in L2. */
const MC: i32 = 64;
/** Columns of B packed at a time (a multiple of NR). */
const NC: i32 = 2048;

/**
 * Extra floats between consecutive packed slivers. Without it, slivers of KC·MR or KC·NR floats sit
 * exactly 4 or 8 KiB apart, and packing (which writes to all slivers in turn) thrashes on 4K aliasing.
 */
const SKEW: i32 = 16;

/** Floats from one packed sliver of A (MR rows × kc) to the next. */
function sliverA(kc: i32): i32 {
  return kc * MR + SKEW;
}

/** Floats from one packed sliver of B (kc × NR columns) to the next. */
function sliverB(kc: i32): i32 {
  return kc * NR + SKEW;
}

function roundUp(n: i32, multiple: i32): i32 {
  return ((n + multiple - 1) / multiple) * multiple;
}

/** First byte the caller may use: everything below belongs to the module. */
export function scratchBase(): usize {
  return (__heap_base + 63) & ~(<usize>63);
}

/** Bytes of workspace `sgemm` needs for a product with N columns: packed A, packed B and one tile. */
export function workspaceBytes(N: i32): i32 {
  const nc = min(NC, roundUp(N, NR));
  return ((MC / MR) * sliverA(KC) + (nc / NR) * sliverB(KC) + MR * NR) * 4;
}

/**
 * Transposes the 4×4 block whose rows start at r0..r3 (4 floats each) into 4 vectors stored at
 * dst, dst + stride, dst + 2·stride, dst + 3·stride: out_k = [r0[k], r1[k], r2[k], r3[k]].
 */
function transpose4x4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/** Packs rows [ic, ic+mc) × depth [pc, pc+kc) of op(A) as MR-row slivers, k-major, zero-padded. */
function packA(
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

/**
 * C[4×8] (+)= Ā[4×kc] · B̄[kc×8] on packed slivers; `ldc` is the row stride of C in bytes.
 * Each step: c_r += a[r] · b for the 4 rows r, b being one row of the B sliver (two vectors).
 */
function kernel4x8(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, add: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += MR << 2;
    pb += NR << 2;
  }
  if (add) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

/** Copies the valid mr×nr corner of a full tile into C (adding when `add`): the ragged edges. */
function storeEdge(tile: usize, c: usize, ldc: usize, mr: i32, nr: i32, add: bool): void {
  for (let r = 0; r < mr; r++) {
    const src = tile + ((<usize>(r * NR)) << 2);
    const dst = c + <usize>r * ldc;
    for (let j = 0; j < nr; j++) {
      const offset = (<usize>j) << 2;
      const value = load<f32>(src + offset);
      store<f32>(dst + offset, add ? load<f32>(dst + offset) + value : value);
    }
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
  const packedA = work;
  const packedB = packedA + ((<usize>((MC / MR) * sliverA(KC))) << 2);
  const tile = packedB + ((<usize>((min(NC, roundUp(N, NR)) / NR) * sliverB(KC))) << 2);
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
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const pb = packedB + ((<usize>((jr / NR) * sliverB(kc))) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const pa = packedA + ((<usize>((ir / MR) * sliverA(kc))) << 2);
            const cij = c + <usize>(ic + ir) * ldc + ((<usize>(jc + jr)) << 2);
            if (mr == MR && nr == NR) {
              kernel4x8(kc, pa, pb, cij, ldc, add);
            } else {
              kernel4x8(kc, pa, pb, tile, NR << 2, false);
              storeEdge(tile, cij, ldc, mr, nr, add);
            }
          }
        }
      }
    }
  }
}
