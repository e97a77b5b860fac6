/**
 * The loops of ReLU, the residual sum and BatchNorm (AssemblyScript, WebAssembly SIMD), for
 * src/engine/layers/layerWasm.ts. Each gives the bits of the JavaScript loop it replaces (the layer
 * files keep those loops as the definition and the path without WebAssembly SIMD):
 * - ReLU works on the float32 bit patterns, four at a time (see src/engine/layers/relu.ts).
 * - a + b in float32 is a + b in float64 rounded once, as JavaScript does it.
 * - BatchNorm's affine maps (y = x·s + o, dx = dy·p + x·q + o) are float64 products and sums rounded
 *   to float32 once, two lanes at a time, never fused: JavaScript's arithmetic, lane by lane.
 * - BatchNorm's per-channel sums (and a convolution's bias gradient, per plane) are float64 and run
 *   in JavaScript's order, one value after another: a different order would change the last bits of
 *   μ and σ² and so every trajectory. Only independent chains (other channels) run side by side.
 * Pointers are byte addresses, counts are floats; NCHW views as [N, C, S] with S = H·W.
 */

/** x = max(0, x) in place, NaN kept (src/engine/layers/relu.ts has the bit reasoning). */
export function reluForward(x: usize, n: i32): void {
  const sign = i32x4.splat(0x7fffffff);
  const inf = i32x4.splat(0x7f800000);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = x + ((<usize>i) << 2);
    const b = v128.load(p);
    // b & ~(b >> 31): the value where the sign is clear, else +0
    const kept = v128.andnot(b, i32x4.shr_s(b, 31));
    // b where |b| > 0x7f800000 (NaN)
    const nan = v128.and(b, i32x4.shr_s(i32x4.sub(inf, v128.and(b, sign)), 31));
    v128.store(p, v128.or(kept, nan));
  }
  for (; i < n; i++) {
    const p = x + ((<usize>i) << 2);
    const b = load<i32>(p);
    store<i32>(p, (b & ~(b >> 31)) | (b & ((0x7f800000 - (b & 0x7fffffff)) >> 31)));
  }
}

/** g = g · [x > 0 or x is NaN] in place: the input gradient of ReLU from its upstream one. */
export function reluBackward(x: usize, g: usize, n: i32): void {
  const sign = i32x4.splat(0x7fffffff);
  const inf = i32x4.splat(0x7f800000);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const offset = (<usize>i) << 2;
    const b = v128.load(x + offset);
    // (−b & ~b) < 0 ⇔ b > 0;  0x7f800000 − |b| < 0 ⇔ NaN
    const positive = v128.andnot(i32x4.neg(b), b);
    const nan = i32x4.sub(inf, v128.and(b, sign));
    const mask = i32x4.shr_s(v128.or(positive, nan), 31);
    v128.store(g + offset, v128.and(v128.load(g + offset), mask));
  }
  for (; i < n; i++) {
    const offset = (<usize>i) << 2;
    const b = load<i32>(x + offset);
    const mask = ((-b & ~b) | (0x7f800000 - (b & 0x7fffffff))) >> 31;
    store<i32>(g + offset, load<i32>(g + offset) & mask);
  }
}

/** a = a + b, elementwise (float32). */
export function addInPlace(a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const offset = (<usize>i) << 2;
    v128.store(a + offset, f32x4.add(v128.load(a + offset), v128.load(b + offset)));
  }
  for (; i < n; i++) {
    const offset = (<usize>i) << 2;
    store<f32>(a + offset, load<f32>(a + offset) + load<f32>(b + offset));
  }
}

/**
 * (v[c], v[c + 1]) as a float64 pair: the floats at `at` and `at + stride` (two channels, or two
 * planes, at the same position).
 */
function pairAt(at: usize, stride: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load32_lane(at + stride, v128.load32_zero(at), 1));
}

/** Stores the lanes of (a, b) as a[0], b[0], a[1], b[1] at `at` (channel c's pair, then c + 1's). */
function storePairs(at: usize, a: v128, b: v128): void {
  v128.store(at, v128.shuffle<f64>(a, b, 0, 2));
  v128.store(at, v128.shuffle<f64>(a, b, 1, 3), 16);
}

/*
 * The per-channel sums are sequential chains of float64 adds (4 cycles each), one value after
 * another in memory order, and must stay so: another order changes the last bits of μ and σ², so
 * every trajectory. But the chains of different channels are independent, so four channels go at
 * once, two in each float64 pair: four chains in flight instead of one, each in its own order.
 */

/**
 * For every channel c of samples [from, to): Σ d and Σ d² with d = x − x[from, c, 0] (float64, in
 * memory order), written to sums[2c] and sums[2c + 1].
 */
export function channelSums(
  x: usize,
  from: i32,
  to: i32,
  channels: i32,
  spatial: i32,
  sums: usize,
): void {
  const plane = (<usize>spatial) << 2;
  let c = 0;
  for (; c + 4 <= channels; c += 4) {
    const first = x + ((<usize>((from * channels + c) * spatial)) << 2);
    const shiftLo = pairAt(first, plane);
    const shiftHi = pairAt(first + 2 * plane, plane);
    let s1Lo = f64x2.splat(0);
    let s1Hi = f64x2.splat(0);
    let s2Lo = f64x2.splat(0);
    let s2Hi = f64x2.splat(0);
    for (let i = from; i < to; i++) {
      const start = x + ((<usize>((i * channels + c) * spatial)) << 2);
      const end = start + plane;
      for (let at = start; at < end; at += 4) {
        const dLo = f64x2.sub(pairAt(at, plane), shiftLo);
        const dHi = f64x2.sub(pairAt(at + 2 * plane, plane), shiftHi);
        s1Lo = f64x2.add(s1Lo, dLo);
        s2Lo = f64x2.add(s2Lo, f64x2.mul(dLo, dLo));
        s1Hi = f64x2.add(s1Hi, dHi);
        s2Hi = f64x2.add(s2Hi, f64x2.mul(dHi, dHi));
      }
    }
    storePairs(sums + ((<usize>c) << 4), s1Lo, s2Lo);
    storePairs(sums + ((<usize>(c + 2)) << 4), s1Hi, s2Hi);
  }
  for (; c < channels; c++) {
    const shift = <f64>load<f32>(x + ((<usize>((from * channels + c) * spatial)) << 2));
    let s1: f64 = 0;
    let s2: f64 = 0;
    for (let i = from; i < to; i++) {
      const start = x + ((<usize>((i * channels + c) * spatial)) << 2);
      for (let j = 0; j < spatial; j++) {
        const d = <f64>load<f32>(start + ((<usize>j) << 2)) - shift;
        s1 += d;
        s2 += d * d;
      }
    }
    store<f64>(sums + ((<usize>c) << 4), s1);
    store<f64>(sums + ((<usize>c) << 4), s2, 8);
  }
}

/**
 * For every channel c of samples [from, to): Σ dy and Σ dy·(x − mean[c]) (float64, in memory order),
 * written to sums[2c] and sums[2c + 1].
 */
export function channelGradientSums(
  x: usize,
  dy: usize,
  from: i32,
  to: i32,
  channels: i32,
  spatial: i32,
  mean: usize,
  sums: usize,
): void {
  const plane = (<usize>spatial) << 2;
  let c = 0;
  for (; c + 4 <= channels; c += 4) {
    const muLo = v128.load(mean + ((<usize>c) << 3));
    const muHi = v128.load(mean + ((<usize>c) << 3), 16);
    let gLoSum = f64x2.splat(0);
    let gHiSum = f64x2.splat(0);
    let cLoSum = f64x2.splat(0);
    let cHiSum = f64x2.splat(0);
    for (let i = from; i < to; i++) {
      const start = (<usize>((i * channels + c) * spatial)) << 2;
      const end = start + plane;
      for (let at = start; at < end; at += 4) {
        const gLo = pairAt(dy + at, plane);
        const gHi = pairAt(dy + at + 2 * plane, plane);
        gLoSum = f64x2.add(gLoSum, gLo);
        cLoSum = f64x2.add(cLoSum, f64x2.mul(gLo, f64x2.sub(pairAt(x + at, plane), muLo)));
        gHiSum = f64x2.add(gHiSum, gHi);
        cHiSum = f64x2.add(
          cHiSum,
          f64x2.mul(gHi, f64x2.sub(pairAt(x + at + 2 * plane, plane), muHi)),
        );
      }
    }
    storePairs(sums + ((<usize>c) << 4), gLoSum, cLoSum);
    storePairs(sums + ((<usize>(c + 2)) << 4), gHiSum, cHiSum);
  }
  for (; c < channels; c++) {
    const mu = load<f64>(mean + ((<usize>c) << 3));
    let sumDy: f64 = 0;
    let sumDyCentred: f64 = 0;
    for (let i = from; i < to; i++) {
      const offset = (<usize>((i * channels + c) * spatial)) << 2;
      for (let j = 0; j < spatial; j++) {
        const at = offset + ((<usize>j) << 2);
        const g = <f64>load<f32>(dy + at);
        sumDy += g;
        sumDyCentred += g * (<f64>load<f32>(x + at) - mu);
      }
    }
    store<f64>(sums + ((<usize>c) << 4), sumDy);
    store<f64>(sums + ((<usize>c) << 4), sumDyCentred, 8);
  }
}

/**
 * sums[p] = Σ_j v[p·spatial + j] (float64, in memory order) for every plane p < planes: a
 * convolution's bias gradient per (sample, channel). Four planes at once, as the channel sums above.
 */
export function planeSums(v: usize, planes: i32, spatial: i32, sums: usize): void {
  const plane = (<usize>spatial) << 2;
  let p = 0;
  for (; p + 4 <= planes; p += 4) {
    const start = v + <usize>p * plane;
    const end = start + plane;
    let lo = f64x2.splat(0);
    let hi = f64x2.splat(0);
    for (let at = start; at < end; at += 4) {
      lo = f64x2.add(lo, pairAt(at, plane));
      hi = f64x2.add(hi, pairAt(at + 2 * plane, plane));
    }
    v128.store(sums + ((<usize>p) << 3), lo);
    v128.store(sums + ((<usize>p) << 3), hi, 16);
  }
  for (; p < planes; p++) {
    const start = v + <usize>p * plane;
    let sum: f64 = 0;
    for (let j = 0; j < spatial; j++) sum += <f64>load<f32>(start + ((<usize>j) << 2));
    store<f64>(sums + ((<usize>p) << 3), sum);
  }
}

/** y = f32(x·scale[c] + offset[c]) over channel c of samples [from, to); coefficients as f64 pairs. */
export function channelAffine(
  x: usize,
  y: usize,
  from: i32,
  to: i32,
  channels: i32,
  spatial: i32,
  coefficients: usize,
): void {
  for (let c = 0; c < channels; c++) {
    const scale = load<f64>(coefficients + ((<usize>c) << 4));
    const offset = load<f64>(coefficients + ((<usize>c) << 4), 8);
    const vs = f64x2.splat(scale);
    const vo = f64x2.splat(offset);
    for (let i = from; i < to; i++) {
      const base = (<usize>((i * channels + c) * spatial)) << 2;
      let j = 0;
      for (; j + 2 <= spatial; j += 2) {
        const at = base + ((<usize>j) << 2);
        const v = f64x2.promote_low_f32x4(v128.load64_zero(x + at));
        v128.store64_lane(y + at, f32x4.demote_f64x2_zero(f64x2.add(f64x2.mul(v, vs), vo)), 0);
      }
      for (; j < spatial; j++) {
        const at = base + ((<usize>j) << 2);
        store<f32>(y + at, <f32>(<f64>load<f32>(x + at) * scale + offset));
      }
    }
  }
}

/**
 * dy = f32(dy·p[c] + x·q[c] + o[c]) in place over channel c of samples [from, to): BatchNorm's input
 * gradient; coefficients as f64 triples.
 */
export function channelGradient(
  x: usize,
  dy: usize,
  from: i32,
  to: i32,
  channels: i32,
  spatial: i32,
  coefficients: usize,
): void {
  for (let c = 0; c < channels; c++) {
    const at3 = coefficients + <usize>(c * 24);
    const p = load<f64>(at3);
    const q = load<f64>(at3, 8);
    const o = load<f64>(at3, 16);
    const vp = f64x2.splat(p);
    const vq = f64x2.splat(q);
    const vo = f64x2.splat(o);
    for (let i = from; i < to; i++) {
      const base = (<usize>((i * channels + c) * spatial)) << 2;
      let j = 0;
      for (; j + 2 <= spatial; j += 2) {
        const at = base + ((<usize>j) << 2);
        const g = f64x2.promote_low_f32x4(v128.load64_zero(dy + at));
        const v = f64x2.promote_low_f32x4(v128.load64_zero(x + at));
        const d = f64x2.add(f64x2.add(f64x2.mul(g, vp), f64x2.mul(v, vq)), vo);
        v128.store64_lane(dy + at, f32x4.demote_f64x2_zero(d), 0);
      }
      for (; j < spatial; j++) {
        const at = base + ((<usize>j) << 2);
        const g = <f64>load<f32>(dy + at);
        store<f32>(dy + at, <f32>(g * p + <f64>load<f32>(x + at) * q + o));
      }
    }
  }
}
