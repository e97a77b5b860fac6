/**
 * Seeded, explicit random numbers. Every init and data generator takes an `Rng`; nothing in the
 * engine calls Math.random, so the same seed gives the same run bit for bit.
 *
 * Generator: xoshiro128** (Blackman & Vigna), seeded through splitmix32. 32-bit integer arithmetic
 * only (Math.imul, >>> 0), so results are identical on every JavaScript engine.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform float in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Normal sample (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /**
   * Fills `out` with normal samples: exactly the numbers `out.length` calls of `normal(mean, std)`
   * would give, in a loop tight enough for the millions a deep network's weights need.
   */
  fillNormal(out: Float32Array, mean?: number, std?: number): void;
  /**
   * Fills `out` with N(mean, std²) samples by Marsaglia's polar method: no trigonometry, about twice as
   * fast as `fillNormal`, but a different sequence. For probes where only the distribution matters;
   * training runs keep `normal`/`fillNormal`, so their initial weights never change.
   */
  fillNormalFast(out: Float32Array, mean?: number, std?: number): void;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle, in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array;
  /** An independent stream derived from this generator's seed and a label (does not advance this one). */
  fork(label: string): Rng;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the seed: a stable way to name independent streams.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

// The state lives in int32 values (| 0), not uint32 (>>> 0): int32 stays a small integer in V8, while a
// uint32 above 2³¹ becomes a heap double and made every draw several times slower. Same bits either way.
const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`createRng: seed must be an integer, got ${seed}`);
  const baseSeed = seed >>> 0;
  const mix = splitmix32(baseSeed);
  let s0 = mix() | 0;
  let s1 = mix() | 0;
  let s2 = mix() | 0;
  let s3 = mix() | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;

  const rng: Rng = {
    nextUint32,
    next,
    uniform: (low = 0, high = 1) => low + (high - low) * next(),
    normal: (mean = 0, std = 1) => {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + std * z;
      }
      // 1 - next() lies in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spareNormal = r * Math.sin(theta);
      return mean + std * r * Math.cos(theta);
    },
    fillNormal: (out, mean = 0, std = 1) => {
      let i = 0;
      if (spareNormal !== undefined && out.length > 0) {
        out[i++] = mean + std * spareNormal;
        spareNormal = undefined;
      }
      const draw = (): number => nextUint32() / 4294967296;
      for (; i < out.length; i += 2) {
        const r = Math.sqrt(-2 * Math.log(1 - draw()));
        const theta = 2 * Math.PI * draw();
        out[i] = mean + std * r * Math.cos(theta);
        if (i + 1 < out.length) out[i + 1] = mean + std * r * Math.sin(theta);
        else spareNormal = r * Math.sin(theta);
      }
    },
    fillNormalFast: (out, mean = 0, std = 1) => {
      // A uniform in [−1, 1).
      const draw = (): number => nextUint32() / 2147483648 - 1;
      for (let i = 0; i < out.length;) {
        const u = draw();
        const v = draw();
        const q = u * u + v * v;
        if (q >= 1 || q === 0) continue;
        const f = Math.sqrt((-2 * Math.log(q)) / q);
        out[i++] = mean + std * u * f;
        if (i < out.length) out[i++] = mean + std * v * f;
      }
    },
    int: (n) => {
      if (!Number.isInteger(n) || n <= 0)
        throw new Error(`rng.int: n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
    permutation: (n) => {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = p[i]!;
        p[i] = p[j]!;
        p[j] = tmp;
      }
      return p;
    },
    fork: (label) => createRng(hashLabel(baseSeed, label)),
  };
  return rng;
}
