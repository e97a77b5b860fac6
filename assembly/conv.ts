/**
 * 2-D convolution as an implicit GEMM (AssemblyScript, WebAssembly SIMD), NCHW throughout.
 *
 * Lowered to a matrix product, a convolution multiplies by the im2col matrix
 *   X̂ [C·k·k, N·OH·OW],   X̂[(c, i, j), (n, oh, ow)] = x[n, c, oh·s − p + i, ow·s − p + j]  (0 off the image),
 * which is k² times larger than x. Here it is never materialised: the packing step of the GotoBLAS
 * loop nest (see assembly/gemm.ts) reads each packed sliver straight from x with the kernel offsets,
 * so only a KC×NC panel of X̂ exists at a time, in cache. The products:
 *   forward          Y [O, N·OH·OW] = W [O, C·k·k] · X̂     written straight into y [N, O, OH, OW]
 *   weight gradient  dW [O, C·k·k] += dY · X̂ᵀ              dY read straight from dy [N, O, OH, OW]
 * and the stride-1 input gradient is a forward pass (see src/engine/layers/conv2d.ts).
 * The depth order, the blocking and the micro-kernel are those of `sgemm` on an explicit im2col
 * matrix, so the results are bit for bit the same (test/engine/kernels/convWasm.test.ts checks it).
 *
 * `convSetup` describes the geometry and builds a table at `table` (`convTableBytes` bytes):
 *   offsets[t][q] (i32, t = i·k + j, q = oh·OW + ow): the offset of the input pixel in its plane, or
 *   −1 where the window hangs over the padding;
 *   rowBase[kk] (i32, kk = (c·k + i)·k + j): where row kk of X̂ starts in a sample's input, and
 *   rowTable[kk]: where its offsets start (t·OH·OW).
 * Four neighbouring output positions of one sample are gathered as one vector. In a "same"
 * convolution (stride 1, output as large as the input: every 3×3/pad-1 conv) the four inputs are
 * neighbours too, x[q + shift], so one unaligned load masked by offsets ≥ 0 does it; the load may
 * reach up to k·(W + 1) floats before or after x, which the caller leaves as a guard band (its
 * contents are masked away). Other geometries gather lane by lane.
 */

import {
  KC,
  MC,
  MR,
  NC,
  NR,
  kernel4x8,
  multiplyPanels,
  packedAIn,
  packedBIn,
  sliverA,
  sliverB,
  tileIn,
  transpose4x4,
} from './microkernel';
import { packA } from './gemm';

// The geometry of the current call (convSetup).
let batch: i32 = 0;
let channels: i32 = 0;
let planeIn: i32 = 0;
let planeOut: i32 = 0;
let taps: i32 = 0;
let shifted: bool = false;
let offsets: usize = 0;
let rowBase: usize = 0;
let rowTable: usize = 0;

/** Bytes of the table `convSetup` writes. */
export function convTableBytes(channels: i32, kernel: i32, outHeight: i32, outWidth: i32): i32 {
  return (kernel * kernel * outHeight * outWidth + 2 * channels * kernel * kernel) * 4;
}

export function convSetup(
  n: i32,
  c: i32,
  height: i32,
  width: i32,
  kernel: i32,
  stride: i32,
  padding: i32,
  outHeight: i32,
  outWidth: i32,
  table: usize,
): void {
  batch = n;
  channels = c;
  planeIn = height * width;
  planeOut = outHeight * outWidth;
  taps = kernel * kernel;
  shifted = stride == 1 && outHeight == height && outWidth == width;
  offsets = table;
  rowTable = table + ((<usize>(taps * planeOut)) << 2);
  rowBase = rowTable + ((<usize>(c * taps)) << 2);
  for (let i = 0; i < kernel; i++) {
    for (let j = 0; j < kernel; j++) {
      const t = i * kernel + j;
      for (let oh = 0; oh < outHeight; oh++) {
        const ih = oh * stride - padding + i;
        for (let ow = 0; ow < outWidth; ow++) {
          const iw = ow * stride - padding + j;
          const inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
          const q = oh * outWidth + ow;
          store<i32>(offsets + ((<usize>(t * planeOut + q)) << 2), inside ? ih * width + iw : -1);
        }
      }
    }
  }
  for (let ch = 0; ch < c; ch++) {
    for (let t = 0; t < taps; t++) {
      const kk = ch * taps + t;
      // Same convolution: the input of output q is at q + shift, shift = (i − p)·W + (j − p).
      const shift = shifted ? (t / kernel - padding) * width + (t % kernel) - padding : 0;
      store<i32>(rowTable + ((<usize>kk) << 2), (t * planeOut) << 2);
      store<i32>(rowBase + ((<usize>kk) << 2), (ch * planeIn + shift) << 2);
    }
  }
}

/** Byte offset of row kk of X̂ in a sample of x (in a same convolution, plus the shift). */
function rowStart(kk: i32): usize {
  return <usize>load<i32>(rowBase + ((<usize>kk) << 2));
}

/** Where the input offsets of row kk of X̂ start in the table. */
function rowOffsets(kk: i32): usize {
  return offsets + <usize>load<i32>(rowTable + ((<usize>kk) << 2));
}

/**
 * Same convolution: X̂[kk, (n, q..q+3)] = x[n, q + shift..] where inside the image, else +0. `xq`
 * is x at sample n, position q; `oq` the offsets table at position q.
 */
function shiftedRow(xq: usize, oq: usize, kk: i32): v128 {
  const inside = i32x4.gt_s(v128.load(rowOffsets(kk) + (oq - offsets)), i32x4.splat(-1));
  return v128.and(v128.load(xq + rowStart(kk)), inside);
}

/** X̂[kk, (n, q..q+3)], the four positions q..q+3 in one sample; `xn` is sample n of x. */
function gather4(xn: usize, kk: i32, q: i32): v128 {
  const qBytes = (<usize>q) << 2;
  if (shifted) return shiftedRow(xn + qBytes, offsets + qBytes, kk);
  const offs = v128.load(rowOffsets(kk) + qBytes);
  const inside = i32x4.gt_s(offs, i32x4.splat(-1));
  // Padding lanes read pixel 0 of the plane and are masked to +0.
  const plane = xn + rowStart(kk);
  const at = i32x4.max_s(offs, i32x4.splat(0));
  let v = f32x4.splat(load<f32>(plane + ((<usize>i32x4.extract_lane(at, 0)) << 2)));
  v = f32x4.replace_lane(v, 1, load<f32>(plane + ((<usize>i32x4.extract_lane(at, 1)) << 2)));
  v = f32x4.replace_lane(v, 2, load<f32>(plane + ((<usize>i32x4.extract_lane(at, 2)) << 2)));
  v = f32x4.replace_lane(v, 3, load<f32>(plane + ((<usize>i32x4.extract_lane(at, 3)) << 2)));
  return v128.and(v, inside);
}

/** Row kk + c of X̂ as `gather4` reads it, or zeros past the last of the sliver's `nr` rows. */
function gather4Or0(xn: usize, kk: i32, c: i32, nr: i32, q: i32): v128 {
  return c < nr ? gather4(xn, kk + c, q) : f32x4.splat(0);
}

/** One entry X̂[kk, col] (col = n·OH·OW + q), for the ragged edges. */
function gather1(x: usize, kk: i32, col: i32): f32 {
  const n = col / planeOut;
  const q = col - n * planeOut;
  const offset = load<i32>(rowOffsets(kk) + ((<usize>q) << 2));
  if (offset < 0) return 0;
  const ch = kk / taps;
  return load<f32>(x + ((<usize>((n * channels + ch) * planeIn + offset)) << 2));
}

/** Start of sample n of an NCHW tensor whose samples hold `perSample` floats. */
function sample(x: usize, n: i32, perSample: i32): usize {
  return x + ((<usize>n * <usize>perSample) << 2);
}

/**
 * Packs depth [pc, pc+kc) × columns [jc, jc+nc) of X̂ as NR-column slivers (the B panel of the
 * forward product), each half-sliver of 4 columns gathered as one vector when it lies in one sample.
 */
function packColumns(x: usize, jc: i32, pc: i32, nc: i32, kc: i32, dst: usize): void {
  const perSample = channels * planeIn;
  for (let jr = 0; jr < nc; jr += NR) {
    const out = dst + ((<usize>((jr / NR) * sliverB(kc))) << 2);
    const n = (jc + jr) / planeOut;
    const q = jc + jr - n * planeOut;
    if (shifted && jr + NR <= nc && q + NR <= planeOut) {
      // The common case, written out: 8 neighbouring positions of one sample, two masked loads.
      const xq = sample(x, n, perSample) + ((<usize>q) << 2);
      const oq = (<usize>q) << 2;
      const minus1 = i32x4.splat(-1);
      for (let k = 0; k < kc; k++) {
        const kk = pc + k;
        const src = xq + rowStart(kk);
        const mask = rowOffsets(kk) + oq;
        const to = out + ((<usize>(k * NR)) << 2);
        v128.store(to, v128.and(v128.load(src), i32x4.gt_s(v128.load(mask), minus1)));
        v128.store(to, v128.and(v128.load(src, 16), i32x4.gt_s(v128.load(mask, 16), minus1)), 16);
      }
      continue;
    }
    for (let half = 0; half < NR; half += 4) {
      const col = jc + jr + half;
      const n = col / planeOut;
      const q = col - n * planeOut;
      const to = out + ((<usize>half) << 2);
      if (jr + half + 4 <= nc && q + 4 <= planeOut) {
        const xn = sample(x, n, perSample);
        for (let k = 0; k < kc; k++) {
          v128.store(to + ((<usize>(k * NR)) << 2), gather4(xn, pc + k, q));
        }
      } else {
        for (let k = 0; k < kc; k++) {
          for (let lane = 0; lane < 4; lane++) {
            const value: f32 = jr + half + lane < nc ? gather1(x, pc + k, col + lane) : 0;
            store<f32>(to + ((<usize>(k * NR + lane)) << 2), value);
          }
        }
      }
    }
  }
}

/**
 * Packs depth [pc, pc+kc) × columns [jc, jc+nc) of X̂ᵀ as NR-column slivers (the B panel of the
 * weight gradient: depth runs over (n, q), columns over kk): four depths at a time, 8 gathered rows
 * transposed 4×4 into place.
 */
function packRows(x: usize, jc: i32, pc: i32, nc: i32, kc: i32, dst: usize): void {
  const perSample = channels * planeIn;
  for (let jr = 0; jr < nc; jr += NR) {
    const out = dst + ((<usize>((jr / NR) * sliverB(kc))) << 2);
    const kk = jc + jr;
    const nr = min(NR, nc - jr);
    let n = pc / planeOut;
    let q = pc - n * planeOut;
    let k = 0;
    while (k < kc) {
      const to = out + ((<usize>(k * NR)) << 2);
      if (shifted && nr == NR && k + 4 <= kc && q + 4 <= planeOut) {
        const qBytes = (<usize>q) << 2;
        const xq = sample(x, n, perSample) + qBytes;
        const oq = offsets + qBytes;
        transpose4x4(
          shiftedRow(xq, oq, kk),
          shiftedRow(xq, oq, kk + 1),
          shiftedRow(xq, oq, kk + 2),
          shiftedRow(xq, oq, kk + 3),
          to,
          NR << 2,
        );
        transpose4x4(
          shiftedRow(xq, oq, kk + 4),
          shiftedRow(xq, oq, kk + 5),
          shiftedRow(xq, oq, kk + 6),
          shiftedRow(xq, oq, kk + 7),
          to + 16,
          NR << 2,
        );
        k += 4;
        q += 4;
      } else if (k + 4 <= kc && q + 4 <= planeOut) {
        const xn = sample(x, n, perSample);
        transpose4x4(
          gather4Or0(xn, kk, 0, nr, q),
          gather4Or0(xn, kk, 1, nr, q),
          gather4Or0(xn, kk, 2, nr, q),
          gather4Or0(xn, kk, 3, nr, q),
          to,
          NR << 2,
        );
        transpose4x4(
          gather4Or0(xn, kk, 4, nr, q),
          gather4Or0(xn, kk, 5, nr, q),
          gather4Or0(xn, kk, 6, nr, q),
          gather4Or0(xn, kk, 7, nr, q),
          to + 16,
          NR << 2,
        );
        k += 4;
        q += 4;
      } else {
        const col = n * planeOut + q;
        for (let c = 0; c < NR; c++) {
          const value: f32 = c < nr ? gather1(x, kk + c, col) : 0;
          store<f32>(to + ((<usize>c) << 2), value);
        }
        k++;
        q++;
      }
      if (q >= planeOut) {
        q -= planeOut;
        n++;
      }
    }
  }
}

/**
 * Packs rows [ic, ic+mc) × depth [pc, pc+kc) of dY [O, N·OH·OW] as MR-row slivers, reading dy in
 * NCHW: dY[o, (n, q)] = dy[n, o, q]. Four rows × four depths of one sample are transposed at once.
 */
function packGradient(
  dy: usize,
  outChannels: i32,
  ic: i32,
  pc: i32,
  mc: i32,
  kc: i32,
  dst: usize,
): void {
  const ld = (<usize>planeOut) << 2;
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    let n = pc / planeOut;
    let q = pc - n * planeOut;
    let k = 0;
    while (k < kc) {
      const row = dy + ((<usize>((n * outChannels + ic + ir) * planeOut + q)) << 2);
      const to = dst + ((<usize>(k * MR)) << 2);
      if (mr == MR && k + 4 <= kc && q + 4 <= planeOut) {
        transpose4x4(
          v128.load(row),
          v128.load(row + ld),
          v128.load(row + 2 * ld),
          v128.load(row + 3 * ld),
          to,
          MR << 2,
        );
        k += 4;
        q += 4;
      } else {
        for (let r = 0; r < MR; r++) {
          const value: f32 = r < mr ? load<f32>(row + <usize>r * ld) : 0;
          store<f32>(to + ((<usize>r) << 2), value);
        }
        k++;
        q++;
      }
      if (q >= planeOut) {
        q -= planeOut;
        n++;
      }
    }
    dst += (<usize>sliverA(kc)) << 2;
  }
}

/** Writes (or adds) the valid mr×nr corner of a tile of Y [O, N·OH·OW] into y [N, O, OH, OW]. */
function storeTileNCHW(
  tile: usize,
  y: usize,
  outChannels: i32,
  o: i32,
  col: i32,
  mr: i32,
  nr: i32,
  add: bool,
): void {
  for (let c = 0; c < nr; c++) {
    const n = (col + c) / planeOut;
    const q = col + c - n * planeOut;
    for (let r = 0; r < mr; r++) {
      const to = y + ((<usize>((n * outChannels + o + r) * planeOut + q)) << 2);
      const value = load<f32>(tile + ((<usize>(r * NR + c)) << 2));
      store<f32>(to, add ? load<f32>(to) + value : value);
    }
  }
}

/**
 * y [N, O, OH, OW] = conv(x, w) (+ bias[o] when `bias` ≠ 0), w [O, C·k·k]: the product
 * W · X̂ with X̂ packed from x, tiles stored straight into NCHW. Geometry from `convSetup`.
 */
export function convForward(
  x: usize,
  w: usize,
  bias: usize,
  y: usize,
  outChannels: i32,
  work: usize,
): void {
  const M = outChannels;
  const N = batch * planeOut;
  const K = channels * taps;
  const packedA = packedAIn(work);
  const packedB = packedBIn(work);
  const tile = tileIn(work, N);
  const ldy = (<usize>planeOut) << 2;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      packColumns(x, jc, pc, nc, kc, packedB);
      const add = pc > 0;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        packA(false, w, M, K, ic, pc, mc, kc, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const pb = packedB + ((<usize>((jr / NR) * sliverB(kc))) << 2);
          const col = jc + jr;
          const n = col / planeOut;
          const q = col - n * planeOut;
          const oneSample = q + NR <= planeOut;
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const pa = packedA + ((<usize>((ir / MR) * sliverA(kc))) << 2);
            if (mr == MR && nr == NR && oneSample) {
              const cij = y + ((<usize>((n * M + ic + ir) * planeOut + q)) << 2);
              kernel4x8(kc, pa, pb, cij, ldy, add);
            } else {
              kernel4x8(kc, pa, pb, tile, NR << 2, false);
              storeTileNCHW(tile, y, M, ic + ir, col, mr, nr, add);
            }
          }
        }
      }
    }
  }
  if (bias != 0) addBias(y, bias, M);
}

/** y[n, o, :] += bias[o], after the whole product (as y = W · X̂ + b rounds it). */
function addBias(y: usize, bias: usize, outChannels: i32): void {
  const full = planeOut & ~3;
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outChannels; o++) {
      const b = load<f32>(bias + ((<usize>o) << 2));
      const vb = f32x4.splat(b);
      const row = y + ((<usize>((n * outChannels + o) * planeOut)) << 2);
      let q = 0;
      for (; q < full; q += 4) {
        const at = row + ((<usize>q) << 2);
        v128.store(at, f32x4.add(v128.load(at), vb));
      }
      for (; q < planeOut; q++) {
        const at = row + ((<usize>q) << 2);
        store<f32>(at, load<f32>(at) + b);
      }
    }
  }
}

/**
 * dw [O, C·k·k] += dY · X̂ᵀ, dY read from dy [N, O, OH, OW] and X̂ packed from x; the depth of this
 * product is N·OH·OW. Geometry (of the forward pass) from `convSetup`.
 */
export function convWeightGrad(
  dy: usize,
  x: usize,
  dw: usize,
  outChannels: i32,
  work: usize,
): void {
  const M = outChannels;
  const N = channels * taps;
  const K = batch * planeOut;
  const packedA = packedAIn(work);
  const packedB = packedBIn(work);
  const tile = tileIn(work, N);
  const ldc = (<usize>N) << 2;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      packRows(x, jc, pc, nc, kc, packedB);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        packGradient(dy, M, ic, pc, mc, kc, packedA);
        const cBlock = dw + <usize>ic * ldc + ((<usize>jc) << 2);
        multiplyPanels(kc, mc, nc, packedA, packedB, cBlock, ldc, true, tile);
      }
    }
  }
}
