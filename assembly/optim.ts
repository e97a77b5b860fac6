/**
 * The optimizers' per-element updates (AssemblyScript, WebAssembly SIMD), for
 * src/engine/optim/optimWasm.ts, with the bits of the JavaScript loops in src/engine/optim/sgd.ts
 * and adam.ts (which stay the definition and the path without WebAssembly SIMD). JavaScript computes
 * each update in float64 from the float32 values and rounds once when it stores; here two elements
 * go at once as a float64 pair, with the same operations in the same order (products and sums
 * never fused, √ and ÷ correctly rounded in both), each rounded to float32 where JavaScript stores.
 * Pointers are byte addresses of float32 arrays, n counts floats.
 */

/** The float64 pair of floats i, i + 1 at `at`. */
function pair(at: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(at));
}

/** Stores a float64 pair at `at` as two floats, each rounded once. */
function storePair(at: usize, value: v128): void {
  v128.store64_lane(at, f32x4.demote_f64x2_zero(value), 0);
}

/**
 * SGD (sgd.ts), d = g + wd·p per element:
 *   mode 0, no momentum:      p = p − lr·d
 *   mode 1, the first step:   b = d, then p as in mode 3 or 4 (`nesterov`)
 *   mode 2, later steps:      b = momentum·b + keep·d, then likewise
 * and then p = p − lr·b, or with `nesterov` p = p − lr·(d + momentum·b), b as stored (float32).
 */
export function sgdUpdate(
  p: usize,
  g: usize,
  b: usize,
  n: i32,
  lr: f64,
  wd: f64,
  momentum: f64,
  keep: f64,
  mode: i32,
  nesterov: i32,
): void {
  const vlr = f64x2.splat(lr);
  const vwd = f64x2.splat(wd);
  const vm = f64x2.splat(momentum);
  const vkeep = f64x2.splat(keep);
  const pairs = n & ~1;
  for (let i = 0; i < pairs; i += 2) {
    const at = (<usize>i) << 2;
    const pi = pair(p + at);
    const d = f64x2.add(pair(g + at), f64x2.mul(vwd, pi));
    if (mode == 0) {
      storePair(p + at, f64x2.sub(pi, f64x2.mul(vlr, d)));
      continue;
    }
    if (mode == 1) storePair(b + at, d);
    else storePair(b + at, f64x2.add(f64x2.mul(vm, pair(b + at)), f64x2.mul(vkeep, d)));
    const bi = pair(b + at);
    const step = nesterov ? f64x2.add(d, f64x2.mul(vm, bi)) : bi;
    storePair(p + at, f64x2.sub(pi, f64x2.mul(vlr, step)));
  }
  for (let i = pairs; i < n; i++) {
    const at = (<usize>i) << 2;
    const pi = <f64>load<f32>(p + at);
    const d = <f64>load<f32>(g + at) + wd * pi;
    if (mode == 0) {
      store<f32>(p + at, <f32>(pi - lr * d));
      continue;
    }
    if (mode == 1) store<f32>(b + at, <f32>d);
    else store<f32>(b + at, <f32>(momentum * <f64>load<f32>(b + at) + keep * d));
    const bi = <f64>load<f32>(b + at);
    const step = nesterov ? d + momentum * bi : bi;
    store<f32>(p + at, <f32>(pi - lr * step));
  }
}

/**
 * Adam and AdamW (adam.ts) per element, with p' = p·decay (float64, not stored):
 *   d = g + l2·p';  m = β₁m + (1 − β₁)d;  v = β₂v + (1 − β₂)d·d  (m and v stored as float32)
 *   p = p' − stepSize·m / (√v / bc2Sqrt + eps)
 * `c1` = 1 − β₁ and `c2` = 1 − β₂ as JavaScript computed them.
 */
export function adamUpdate(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  decay: f64,
  l2: f64,
  beta1: f64,
  c1: f64,
  beta2: f64,
  c2: f64,
  stepSize: f64,
  bc2Sqrt: f64,
  eps: f64,
): void {
  const vdecay = f64x2.splat(decay);
  const vl2 = f64x2.splat(l2);
  const vb1 = f64x2.splat(beta1);
  const vc1 = f64x2.splat(c1);
  const vb2 = f64x2.splat(beta2);
  const vc2 = f64x2.splat(c2);
  const vstep = f64x2.splat(stepSize);
  const vbc2 = f64x2.splat(bc2Sqrt);
  const veps = f64x2.splat(eps);
  const pairs = n & ~1;
  for (let i = 0; i < pairs; i += 2) {
    const at = (<usize>i) << 2;
    const pi = f64x2.mul(pair(p + at), vdecay);
    const d = f64x2.add(pair(g + at), f64x2.mul(vl2, pi));
    storePair(m + at, f64x2.add(f64x2.mul(vb1, pair(m + at)), f64x2.mul(vc1, d)));
    storePair(v + at, f64x2.add(f64x2.mul(vb2, pair(v + at)), f64x2.mul(f64x2.mul(vc2, d), d)));
    const root = f64x2.add(f64x2.div(f64x2.sqrt(pair(v + at)), vbc2), veps);
    storePair(p + at, f64x2.sub(pi, f64x2.div(f64x2.mul(vstep, pair(m + at)), root)));
  }
  for (let i = pairs; i < n; i++) {
    const at = (<usize>i) << 2;
    const pi = <f64>load<f32>(p + at) * decay;
    const d = <f64>load<f32>(g + at) + l2 * pi;
    store<f32>(m + at, <f32>(beta1 * <f64>load<f32>(m + at) + c1 * d));
    store<f32>(v + at, <f32>(beta2 * <f64>load<f32>(v + at) + c2 * d * d));
    const root = Math.sqrt(<f64>load<f32>(v + at)) / bc2Sqrt + eps;
    store<f32>(p + at, <f32>(pi - (stepSize * <f64>load<f32>(m + at)) / root));
  }
}
