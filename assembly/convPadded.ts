/**
 * Stride-1 convolutions on a zero-padded copy of the input (AssemblyScript, WebAssembly SIMD), the
 * products of assembly/conv.ts without packing the im2col matrix X̂.
 *
 * With a small number of output channels (8 in lesson 5's CNN) every packed entry of X̂ feeds only
 * 8 multiply-adds, so packing it from NCHW x (a table lookup, a masked load and a store per 4
 * entries) cost about as much as the product. Here x is first copied once into xp, each plane
 * surrounded by `pad` zeros (Hp = H + 2·pad rows of Wp = W + 2·pad), and the micro-kernels read X̂
 * straight from xp: on the padded grid, output position q' = oh·Wp + ow of a sample reads input
 * xp[c, q' + i·Wp + j] for kernel tap (i, j), so 8 neighbouring positions are 8 neighbouring floats
 * of xp, one plain vector load pair, no mask. The forward computes whole rows of Wp positions, of
 * which OW = Wp − k + 1 are outputs; the last k − 1 of each row are computed and dropped (2 of 16 in
 * a 14×14 "same" convolution).
 *   forward          y [N, O, OH, OW] = W [O, C·k·k] · X̂ (+ b), 4×8 tiles: 4 channels × 8 positions
 *   weight gradient  dW [O, C·k·k] += dY · X̂ᵀ, 4×8 tiles: 4 taps kk × 8 output channels, dY packed
 *                    once as 8-channel slivers, X̂ splatted from xp at each position's offset
 * Every output is summed in the order of `sgemm` on an explicit im2col matrix (depth ascending,
 * blocks of KC added to what is there, each block's sum starting at 0 + a·b), so the results are
 * bit for bit those of im2col + gemm (test/engine/kernels/convWasm.test.ts).
 *
 * `convPaddedSetup` sets the geometry. Memory, laid out by the caller
 * (src/engine/kernels/wasmLayout.ts): xp (batch·C planes of Hp·Wp floats, then a guard of
 * `k + 8` floats the last tiles may read past it), `taps` (C·k·k i32, the byte offset of tap kk in a
 * sample of xp), and for the forward a packed-A block and one 4×8 tile; for the weight gradient the
 * position table (N·OH·OW i32, the byte offset of position (n, oh, ow) in xp) and dY packed.
 */

import { KC, MC, MR, NR, packedAIn, sliverA, transpose4x4 } from './microkernel';
import { packA } from './gemm';

let batch: i32 = 0;
let channels: i32 = 0;
let height: i32 = 0;
let width: i32 = 0;
let kernel: i32 = 0;
let pad: i32 = 0;
let outHeight: i32 = 0;
let outWidth: i32 = 0;
/** Padded width and plane. */
let wp: i32 = 0;
let planeP: i32 = 0;

export function convPaddedSetup(
  n: i32,
  c: i32,
  h: i32,
  w: i32,
  k: i32,
  padding: i32,
  oh: i32,
  ow: i32,
): void {
  batch = n;
  channels = c;
  height = h;
  width = w;
  kernel = k;
  pad = padding;
  outHeight = oh;
  outWidth = ow;
  wp = w + 2 * padding;
  planeP = (h + 2 * padding) * wp;
}

/** xp = x with `pad` zeros around every plane, and the guard after the last plane zeroed. */
function padInput(x: usize, xp: usize): void {
  const planes = batch * channels;
  memory.fill(xp, 0, (<usize>(planes * planeP + kernel + 8)) << 2);
  const rowBytes = (<usize>width) << 2;
  for (let p = 0; p < planes; p++) {
    let src = x + ((<usize>(p * height * width)) << 2);
    let dst = xp + ((<usize>(p * planeP + pad * wp + pad)) << 2);
    for (let h = 0; h < height; h++) {
      if (width >= 4) {
        // Whole vectors, the last one overlapping the one before it (still within the row).
        let at: usize = 0;
        for (; at + 16 <= rowBytes; at += 16) v128.store(dst + at, v128.load(src + at));
        if (at < rowBytes) v128.store(dst + rowBytes - 16, v128.load(src + rowBytes - 16));
      } else {
        for (let j = 0; j < width; j++) {
          store<f32>(dst + ((<usize>j) << 2), load<f32>(src + ((<usize>j) << 2)));
        }
      }
      src += rowBytes;
      dst += (<usize>wp) << 2;
    }
  }
}

/** taps[kk] = byte offset of X̂ row kk = (c, i, j) in a sample of xp: (c·planeP + i·Wp + j)·4. */
function tapOffsets(taps: usize): void {
  const k2 = kernel * kernel;
  for (let c = 0; c < channels; c++) {
    for (let t = 0; t < k2; t++) {
      const i = t / kernel;
      const j = t - i * kernel;
      store<i32>(taps + ((<usize>(c * k2 + t)) << 2), (c * planeP + i * wp + j) << 2);
    }
  }
}

/**
 * C[4×8] = Ā[4×kc] · X̂[kc × 8 positions], Ā a packed sliver, X̂ read from xp at `xq` (the sample
 * at position q') plus taps[k]; C's rows `ldc` bytes apart (y itself, or a tile). As
 * assembly/microkernel.ts's kernel4x8, first step peeled.
 */
function kernelPadded(kc: i32, pa: usize, xq: usize, taps: usize, c: usize, ldc: usize): void {
  const zero = f32x4.splat(0);
  let at = xq + <usize>load<i32>(taps);
  let b0 = v128.load(at);
  let b1 = v128.load(at, 16);
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
  const end = taps + ((<usize>kc) << 2);
  taps += 4;
  pa += MR << 2;
  while (taps < end) {
    at = xq + <usize>load<i32>(taps);
    b0 = v128.load(at);
    b1 = v128.load(at, 16);
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
    taps += 4;
    pa += MR << 2;
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

/**
 * Writes (or adds) rows [o, o+mr) of a tile of padded-grid positions [qp, qp+8) of sample n into
 * y [N, O, OH, OW], dropping the positions past each row's OW outputs and past the last row.
 */
function storeRows(
  tile: usize,
  y: usize,
  outChannels: i32,
  n: i32,
  o: i32,
  mr: i32,
  qp: i32,
  add: bool,
): void {
  const planeOut = outHeight * outWidth;
  for (let half = 0; half < NR; half += 4) {
    const q = qp + half;
    const oh = q / wp;
    const ow = q - oh * wp;
    if (oh >= outHeight) return;
    if (ow + 4 <= outWidth) {
      for (let r = 0; r < mr; r++) {
        const to = y + ((<usize>((n * outChannels + o + r) * planeOut + oh * outWidth + ow)) << 2);
        const value = v128.load(tile + ((<usize>(r * NR + half)) << 2));
        v128.store(to, add ? f32x4.add(v128.load(to), value) : value);
      }
      continue;
    }
    for (let lane = 0; lane < 4; lane++) {
      let h = oh;
      let w = ow + lane;
      if (w >= wp) {
        w -= wp;
        h++;
      }
      if (h >= outHeight || w >= outWidth) continue;
      for (let r = 0; r < mr; r++) {
        const to = y + ((<usize>((n * outChannels + o + r) * planeOut + h * outWidth + w)) << 2);
        const value = load<f32>(tile + ((<usize>(r * NR + half + lane)) << 2));
        store<f32>(to, add ? load<f32>(to) + value : value);
      }
    }
  }
}

/**
 * y [N, O, OH, OW] = conv(x, w) (+ bias[o] when `bias` ≠ 0), stride 1, w [O, C·k·k]. x is padded
 * into xp; `taps` holds C·k·k i32; `work` a packed-A block (MC × KC) and then one 4×8 tile.
 */
export function convPaddedForward(
  x: usize,
  xp: usize,
  taps: usize,
  w: usize,
  bias: usize,
  y: usize,
  outChannels: i32,
  work: usize,
): void {
  padInput(x, xp);
  tapOffsets(taps);
  const M = outChannels;
  const K = channels * kernel * kernel;
  const packed = packedAIn(work);
  const tile = work + ((<usize>((MC / MR) * sliverA(KC))) << 2);
  const positions = outHeight * wp;
  const sampleBytes = (<usize>(channels * planeP)) << 2;
  const planeOut = outHeight * outWidth;
  const ldy = (<usize>planeOut) << 2;
  // Row tiles write some outputs twice, so only where one depth block makes each output at once.
  const rowTiles = K <= KC && outWidth >= NR;
  for (let pc = 0; pc < K; pc += KC) {
    const kc = min(KC, K - pc);
    const add = pc > 0;
    const tapsAt = taps + ((<usize>pc) << 2);
    for (let ic = 0; ic < M; ic += MC) {
      const mc = min(MC, M - ic);
      packA(false, w, M, K, ic, pc, mc, kc, packed);
      for (let n = 0; n < batch; n++) {
        const xn = xp + <usize>n * sampleBytes;
        if (rowTiles) {
          // Tiles of 8 outputs of one row, the last one ending at the row's end (overlapping the one
          // before it: those outputs are written twice, with the same bits); whole tiles go
          // straight into y.
          for (let oh = 0; oh < outHeight; oh++) {
            for (let s = 0; ; s += NR) {
              const ow = min(s, outWidth - NR);
              const qp = oh * wp + ow;
              const xq = xn + ((<usize>qp) << 2);
              const yq = (<usize>(n * M * planeOut + oh * outWidth + ow)) << 2;
              for (let ir = 0; ir < mc; ir += MR) {
                const pa = packed + ((<usize>((ir / MR) * sliverA(kc))) << 2);
                if (ir + MR <= mc) {
                  const c = y + yq + <usize>(ic + ir) * ldy;
                  kernelPadded(kc, pa, xq, tapsAt, c, ldy);
                } else {
                  kernelPadded(kc, pa, xq, tapsAt, tile, NR << 2);
                  storeRows(tile, y, M, n, ic + ir, mc - ir, qp, false);
                }
              }
              if (ow + NR >= outWidth) break;
            }
          }
          continue;
        }
        for (let qp = 0; qp < positions; qp += NR) {
          const xq = xn + ((<usize>qp) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const pa = packed + ((<usize>((ir / MR) * sliverA(kc))) << 2);
            kernelPadded(kc, pa, xq, tapsAt, tile, NR << 2);
            storeRows(tile, y, M, n, ic + ir, min(MR, mc - ir), qp, add);
          }
        }
      }
    }
  }
  if (bias != 0) addBias(y, bias, M);
}

/** y[n, o, :] += bias[o], after the whole product (as y = W · X̂ + b rounds it). */
function addBias(y: usize, bias: usize, outChannels: i32): void {
  const planeOut = outHeight * outWidth;
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

/** positions[d] = byte offset in xp of output position d = (n, oh, ow): (n·C·planeP + oh·Wp + ow)·4. */
function positionOffsets(positions: usize): void {
  let d = 0;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        store<i32>(positions + ((<usize>d) << 2), (n * channels * planeP + oh * wp + ow) << 2);
        d++;
      }
    }
  }
}

/**
 * dY [O, D] (D = N·OH·OW positions) from dy [N, O, OH, OW] as slivers of 8 channels, position-major:
 * sliver s holds dyp[s][d][l] = dy[n, 8s + l, q] (0 past the last channel).
 */
function packGradient8(dy: usize, outChannels: i32, dyp: usize): void {
  const planeOut = outHeight * outWidth;
  const D = batch * planeOut;
  const ld = (<usize>planeOut) << 2;
  for (let o0 = 0; o0 < outChannels; o0 += NR) {
    const rows = min(NR, outChannels - o0);
    let n = 0;
    let q = 0;
    let d = 0;
    while (d < D) {
      const row = dy + ((<usize>((n * outChannels + o0) * planeOut + q)) << 2);
      const to = dyp + ((<usize>(d * NR)) << 2);
      if (rows == NR && q + 4 <= planeOut) {
        transpose4x4(
          v128.load(row),
          v128.load(row + ld),
          v128.load(row + 2 * ld),
          v128.load(row + 3 * ld),
          to,
          NR << 2,
        );
        const row4 = row + 4 * ld;
        transpose4x4(
          v128.load(row4),
          v128.load(row4 + ld),
          v128.load(row4 + 2 * ld),
          v128.load(row4 + 3 * ld),
          to + 16,
          NR << 2,
        );
        d += 4;
        q += 4;
      } else {
        for (let l = 0; l < NR; l++) {
          const value: f32 = l < rows ? load<f32>(row + <usize>l * ld) : 0;
          store<f32>(to + ((<usize>l) << 2), value);
        }
        d++;
        q++;
      }
      if (q >= planeOut) {
        q -= planeOut;
        n++;
      }
    }
    dyp += (<usize>(D * NR)) << 2;
  }
}

/**
 * tile[4×8] = X̂[4 taps × kc positions] · dYᵀ[kc positions × 8 channels]: row r of X̂ splatted from
 * xr (tap r's start in xp) at each position's offset, dY from its packed sliver.
 */
function kernelGradient(
  kc: i32,
  x0: usize,
  x1: usize,
  x2: usize,
  x3: usize,
  positions: usize,
  pb: usize,
  tile: usize,
): void {
  const zero = f32x4.splat(0);
  let d = <usize>load<i32>(positions);
  let b0 = v128.load(pb);
  let b1 = v128.load(pb, 16);
  let a = v128.load32_splat(x0 + d);
  let c00 = f32x4.add(zero, f32x4.mul(a, b0));
  let c01 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(x1 + d);
  let c10 = f32x4.add(zero, f32x4.mul(a, b0));
  let c11 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(x2 + d);
  let c20 = f32x4.add(zero, f32x4.mul(a, b0));
  let c21 = f32x4.add(zero, f32x4.mul(a, b1));
  a = v128.load32_splat(x3 + d);
  let c30 = f32x4.add(zero, f32x4.mul(a, b0));
  let c31 = f32x4.add(zero, f32x4.mul(a, b1));
  const end = positions + ((<usize>kc) << 2);
  positions += 4;
  pb += NR << 2;
  while (positions < end) {
    d = <usize>load<i32>(positions);
    b0 = v128.load(pb);
    b1 = v128.load(pb, 16);
    a = v128.load32_splat(x0 + d);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(x1 + d);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(x2 + d);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(x3 + d);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    positions += 4;
    pb += NR << 2;
  }
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
}

/**
 * dw [O, C·k·k] += dY · X̂ᵀ, stride 1: dy [N, O, OH, OW], x padded into xp; `taps` holds C·k·k i32,
 * `positions` N·OH·OW i32, `dyp` ⌈O/8⌉·N·OH·OW·8 floats, `tile` 32 floats.
 */
export function convPaddedWeightGrad(
  dy: usize,
  x: usize,
  xp: usize,
  taps: usize,
  positions: usize,
  dyp: usize,
  dw: usize,
  outChannels: i32,
  tile: usize,
): void {
  padInput(x, xp);
  tapOffsets(taps);
  positionOffsets(positions);
  packGradient8(dy, outChannels, dyp);
  const K = channels * kernel * kernel;
  const D = batch * outHeight * outWidth;
  for (let pc = 0; pc < D; pc += KC) {
    const kc = min(KC, D - pc);
    const at = positions + ((<usize>pc) << 2);
    for (let o0 = 0; o0 < outChannels; o0 += NR) {
      const cols = min(NR, outChannels - o0);
      const pb = dyp + ((<usize>((o0 / NR) * D + pc) * NR) << 2);
      for (let kk = 0; kk < K; kk += MR) {
        const rows = min(MR, K - kk);
        // Taps past the last row repeat the first; their sums are dropped.
        const x0 = xp + <usize>load<i32>(taps + ((<usize>kk) << 2));
        const x1 = rows > 1 ? xp + <usize>load<i32>(taps + ((<usize>(kk + 1)) << 2)) : x0;
        const x2 = rows > 2 ? xp + <usize>load<i32>(taps + ((<usize>(kk + 2)) << 2)) : x0;
        const x3 = rows > 3 ? xp + <usize>load<i32>(taps + ((<usize>(kk + 3)) << 2)) : x0;
        kernelGradient(kc, x0, x1, x2, x3, at, pb, tile);
        // dw[o, kk + r] += tile[r][o − o0]
        for (let r = 0; r < rows; r++) {
          for (let l = 0; l < cols; l++) {
            const to = dw + ((<usize>((o0 + l) * K + kk + r)) << 2);
            store<f32>(to, load<f32>(to) + load<f32>(tile + ((<usize>(r * NR + l)) << 2)));
          }
        }
      }
    }
  }
}
