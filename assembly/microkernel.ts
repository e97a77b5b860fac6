/**
 * The pieces every product of this module shares (assembly/gemm.ts and assembly/conv.ts): the
 * blocking constants, the packed-sliver layout, the 4×4 transpose and the 4×8 micro-kernel.
 * See assembly/gemm.ts for the algorithm and docs/PERFORMANCE.md for what was measured.
 */

export const MR: i32 = 4;
export const NR: i32 = 8;
/** Depth of one packed block: a KC×NR sliver of B (8 KiB) stays in L1 while A streams past it. */
export const KC: i32 = 256;
/** Rows of A packed at a time (a multiple of MR): MC×KC floats (64 KiB) stay in L2. */
export const MC: i32 = 64;
/** Columns of B packed at a time (a multiple of NR). */
export const NC: i32 = 2048;

/**
 * Extra floats between consecutive packed slivers. Without it, slivers of KC·MR or KC·NR floats sit
 * exactly 4 or 8 KiB apart, and packing (which writes to all slivers in turn) thrashes on 4K aliasing.
 */
const SKEW: i32 = 16;

/** Floats from one packed sliver of A (MR rows × kc) to the next. */
export function sliverA(kc: i32): i32 {
  return kc * MR + SKEW;
}

/** Floats from one packed sliver of B (kc × NR columns) to the next. */
export function sliverB(kc: i32): i32 {
  return kc * NR + SKEW;
}

export function roundUp(n: i32, multiple: i32): i32 {
  return ((n + multiple - 1) / multiple) * multiple;
}

/** Bytes of workspace a product with N columns needs: packed A, packed B and one tile. */
export function workspaceBytes(N: i32): i32 {
  const nc = min(NC, roundUp(N, NR));
  return ((MC / MR) * sliverA(KC) + (nc / NR) * sliverB(KC) + MR * NR) * 4;
}

/** Where packed A starts in a workspace: at its start. */
export function packedAIn(work: usize): usize {
  return work;
}

/** Where packed B starts in a workspace, after MC rows of packed A. */
export function packedBIn(work: usize): usize {
  return work + ((<usize>((MC / MR) * sliverA(KC))) << 2);
}

/** Where the edge tile sits in the workspace of a product with N columns, after packed B. */
export function tileIn(work: usize, N: i32): usize {
  return packedBIn(work) + ((<usize>((min(NC, roundUp(N, NR)) / NR) * sliverB(KC))) << 2);
}

/**
 * Transposes the 4×4 block whose rows start at r0..r3 (4 floats each) into 4 vectors stored at
 * dst, dst + stride, dst + 2·stride, dst + 3·stride: out_k = [r0[k], r1[k], r2[k], r3[k]].
 */
export function transpose4x4(
  r0: v128,
  r1: v128,
  r2: v128,
  r3: v128,
  dst: usize,
  stride: usize,
): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/**
 * C[4×8] (+)= Ā[4×kc] · B̄[kc×8] on packed slivers, kc ≥ 1; `ldc` is the row stride of C in bytes.
 * Each step: c_r += a[r] · b for the 4 rows r, b being one row of the B sliver (two vectors).
 *
 * The first step is peeled off the loop. It is a second use of the addresses pa + 4, 8 and 12, so
 * V8 computes them once before the loop instead of on every trip (a `lea` per splat load), and the
 * pointers need no zero-extension in the loop: 28 instructions per step instead of 34 (counted in
 * V8's code, `node --print-wasm-code`), against 16 multiplies and adds. The accumulators still
 * start as 0 + a·b, so the sums round exactly as before (and a −0 product still gives +0).
 */
export function kernel4x8(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, add: bool): void {
  const zero = f32x4.splat(0);
  let b0 = v128.load(pb);
  let b1 = v128.load(pb, 16);
  let a = v128.load32_splat(pa);
  let c00 = f32x4.add(zero, f32x4.mul(a, b0));
  let c01 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(pa, 4);
  let c10 = f32x4.add(zero, f32x4.mul(a, b0));
  let c11 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(pa, 8);
  let c20 = f32x4.add(zero, f32x4.mul(a, b0));
  let c21 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(pa, 12);
  let c30 = f32x4.add(zero, f32x4.mul(a, b0));
  let c31 = f32x4.add(zero, f32x4.mul(a, b1));
  const end = pb + ((<usize>(kc * NR)) << 2);
  pa += MR << 2;
  pb += NR << 2;
  while (pb < end) {
    b0 = v128.load(pb);
    b1 = v128.load(pb, 16);
    a = v128.load32_splat(pa);
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
export function storeEdge(tile: usize, c: usize, ldc: usize, mr: i32, nr: i32, add: bool): void {
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

/**
 * C[mc×nc] (+)= Ā · B̄ on packed panels (mc rows of A, nc columns of B, depth kc), C row-major with a
 * row stride of `ldc` bytes: full 4×8 tiles straight into C, ragged ones through `tile`.
 */
export function multiplyPanels(
  kc: i32,
  mc: i32,
  nc: i32,
  packedA: usize,
  packedB: usize,
  c: usize,
  ldc: usize,
  add: bool,
  tile: usize,
): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const pb = packedB + ((<usize>((jr / NR) * sliverB(kc))) << 2);
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const pa = packedA + ((<usize>((ir / MR) * sliverA(kc))) << 2);
      const cij = c + <usize>ir * ldc + ((<usize>jr) << 2);
      if (mr == MR && nr == NR) {
        kernel4x8(kc, pa, pb, cij, ldc, add);
      } else {
        kernel4x8(kc, pa, pb, tile, NR << 2, false);
        storeEdge(tile, cij, ldc, mr, nr, add);
      }
    }
  }
}
