/**
 * Single-precision matrix multiply for WebAssembly SIMD (AssemblyScript):
 *   C[M×N] = op(A) · op(B)     or, with `accumulate`,     C[M×N] += op(A) · op(B)
 * row-major, op(A) = Aᵀ when transA (A stored [K×M]), op(B) = Bᵀ when transB (B stored [N×K]).
 *
 * The GotoBLAS/BLIS structure: op(B) is packed, KC rows at a time, into NR-wide column slivers and
 * op(A) into MR-tall row slivers, so the micro-kernel always streams two contiguous buffers whatever
 * the transposes; all of NN, NT and TN then run at the same speed. The micro-kernel keeps an MR×NR
 * tile of C in 12 f32x4 registers (6 rows × 2 vectors) and, per k, does 6 splat loads of A, 2 vector
 * loads of B and 12 multiply-adds. There is no FMA in baseline wasm SIMD, hence f32x4.mul + f32x4.add.
 *
 * Memory is managed by the caller (src/engine/kernels/gemmWasm.ts): it copies A, B and C into this
 * module's memory from `scratchBase()` on and passes a workspace of `workspaceBytes(N)` bytes.
 */

const MR: i32 = 6;
const NR: i32 = 8;
/** Depth of one packed block: a KC×NR sliver of B (8 KiB) stays in L1 while A streams past it. */
const KC: i32 = 256;
/** Rows of A packed at a time (a multiple of MR): MC×KC floats (96 KiB) stay in L2. */
const MC: i32 = 96;
/** Columns of B packed at a time (a multiple of NR). */
const NC: i32 = 2048;

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
  return (MC * KC + KC * nc + MR * NR) * 4;
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
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    if (transA) {
      // op(A)[i][k] = A[k·M + i]: the MR values for one k are already contiguous.
      let src = a + ((<usize>pc * <usize>M + <usize>(ic + ir)) << 2);
      const stride = (<usize>M) << 2;
      if (mr == MR) {
        for (let k = 0; k < kc; k++) {
          v128.store(dst, v128.load(src));
          store<u64>(dst, load<u64>(src, 16), 16);
          dst += MR << 2;
          src += stride;
        }
      } else {
        for (let k = 0; k < kc; k++) {
          for (let r = 0; r < MR; r++) {
            store<f32>(dst + ((<usize>r) << 2), r < mr ? load<f32>(src + ((<usize>r) << 2)) : 0);
          }
          dst += MR << 2;
          src += stride;
        }
      }
    } else {
      // op(A)[i][k] = A[i·K + k]: read each row contiguously, write it with a stride of MR.
      for (let r = 0; r < MR; r++) {
        let out = dst + ((<usize>r) << 2);
        if (r < mr) {
          let src = a + ((<usize>(ic + ir + r) * <usize>K + <usize>pc) << 2);
          for (let k = 0; k < kc; k++) {
            store<f32>(out, load<f32>(src));
            out += MR << 2;
            src += 4;
          }
        } else {
          for (let k = 0; k < kc; k++) {
            store<f32>(out, 0);
            out += MR << 2;
          }
        }
      }
      dst += (<usize>(kc * MR)) << 2;
    }
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
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    if (!transB) {
      // op(B)[k][j] = B[k·N + j]: the NR values for one k are already contiguous.
      let src = b + ((<usize>pc * <usize>N + <usize>(jc + jr)) << 2);
      const stride = (<usize>N) << 2;
      if (nr == NR) {
        for (let k = 0; k < kc; k++) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          dst += NR << 2;
          src += stride;
        }
      } else {
        for (let k = 0; k < kc; k++) {
          for (let c = 0; c < NR; c++) {
            store<f32>(dst + ((<usize>c) << 2), c < nr ? load<f32>(src + ((<usize>c) << 2)) : 0);
          }
          dst += NR << 2;
          src += stride;
        }
      }
    } else {
      // op(B)[k][j] = B[j·K + k]: read each row of B contiguously, write it with a stride of NR.
      for (let c = 0; c < NR; c++) {
        let out = dst + ((<usize>c) << 2);
        if (c < nr) {
          let src = b + ((<usize>(jc + jr + c) * <usize>K + <usize>pc) << 2);
          for (let k = 0; k < kc; k++) {
            store<f32>(out, load<f32>(src));
            out += NR << 2;
            src += 4;
          }
        } else {
          for (let k = 0; k < kc; k++) {
            store<f32>(out, 0);
            out += NR << 2;
          }
        }
      }
      dst += (<usize>(kc * NR)) << 2;
    }
  }
}

/**
 * C[6×8] (+)= Ā[6×kc] · B̄[kc×8] on packed slivers; `ldc` is the row stride of C in bytes.
 * Each step: c_r += a[r] · b for the 6 rows r, b being one row of the B sliver (two vectors).
 */
function kernel6x8(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, add: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0);
  let c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0);
  let c51 = f32x4.splat(0);
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
    a = v128.load32_splat(pa, 16);
    c40 = f32x4.add(c40, f32x4.mul(a, b0));
    c41 = f32x4.add(c41, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 20);
    c50 = f32x4.add(c50, f32x4.mul(a, b0));
    c51 = f32x4.add(c51, f32x4.mul(a, b1));
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
    c40 = f32x4.add(c40, v128.load(c + 4 * ldc));
    c41 = f32x4.add(c41, v128.load(c + 4 * ldc, 16));
    c50 = f32x4.add(c50, v128.load(c + 5 * ldc));
    c51 = f32x4.add(c51, v128.load(c + 5 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
  v128.store(c + 4 * ldc, c40);
  v128.store(c + 4 * ldc, c41, 16);
  v128.store(c + 5 * ldc, c50);
  v128.store(c + 5 * ldc, c51, 16);
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
  const packedB = packedA + ((<usize>(MC * KC)) << 2);
  const tile = packedB + ((<usize>(KC * min(NC, roundUp(N, NR)))) << 2);
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
          const pb = packedB + ((<usize>(jr * kc)) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const pa = packedA + ((<usize>(ir * kc)) << 2);
            const cij = c + <usize>(ic + ir) * ldc + ((<usize>(jc + jr)) << 2);
            if (mr == MR && nr == NR) {
              kernel6x8(kc, pa, pb, cij, ldc, add);
            } else {
              kernel6x8(kc, pa, pb, tile, NR << 2, false);
              storeEdge(tile, cij, ldc, mr, nr, add);
            }
          }
        }
      }
    }
  }
}
