import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.nextUint32());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed, bit for bit', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives different sequences for different seeds', () => {
    const a = draw(1, 100);
    const b = draw(2, 100);
    expect(a.filter((v, i) => v === b[i]).length).toBeLessThan(3);
  });

  it('matches a pinned reference sequence (xoshiro128** seeded by splitmix32), so builds agree', () => {
    // Any change to the generator would silently change every saved link's runs.
    expect(draw(0, 4)).toEqual(PINNED_SEED0);
  });

  it('uniform: in [low, high) with the right mean', () => {
    const rng = createRng(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.uniform(-2, 3);
      expect(u).toBeGreaterThanOrEqual(-2);
      expect(u).toBeLessThan(3);
      sum += u;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 1);
  });

  it('normal: mean and std of 200,000 draws within sampling error', () => {
    const rng = createRng(9);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(1.5, 2);
      sum += z;
      sq += z * z;
    }
    const mean = sum / n;
    const std = Math.sqrt(sq / n - mean * mean);
    expect(Math.abs(mean - 1.5)).toBeLessThan((5 * 2) / Math.sqrt(n));
    expect(Math.abs(std / 2 - 1)).toBeLessThan(0.01);
  });

  it('int: covers [0, n) uniformly and rejects a bad n', () => {
    const rng = createRng(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[rng.int(5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => rng.int(0)).toThrow(/positive integer/);
    expect(() => rng.int(2.5)).toThrow(/positive integer/);
  });

  it('permutation and shuffle: every element exactly once, seeded', () => {
    const p = createRng(5).permutation(100);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...createRng(5).permutation(100)]).toEqual([...p]);
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const shuffled = createRng(8).shuffle([...items]);
    expect([...shuffled].sort()).toEqual(items);
  });

  it('fork: independent, reproducible streams that do not advance the parent', () => {
    const parent = createRng(12);
    const a = parent.fork('init');
    const b = parent.fork('data');
    expect(a.nextUint32()).not.toBe(b.nextUint32());
    expect(parent.nextUint32()).toBe(createRng(12).nextUint32());
    expect(createRng(12).fork('init').nextUint32()).toBe(createRng(12).fork('init').nextUint32());
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
  });
});

// xoshiro128** reference values for seed 0, cross-checked with an independent Python implementation.
const PINNED_SEED0 = [3809008728, 1133695204, 53579671, 2891528803];

describe('fillNormal', () => {
  it('gives exactly the numbers of repeated normal() calls, odd lengths and a pending spare included', () => {
    const a = createRng(21);
    const b = createRng(21);
    a.normal(); // leaves a spare behind
    b.normal();
    for (const length of [7, 1, 10, 3]) {
      const filled = new Float32Array(length);
      a.fillNormal(filled, 0.5, 2);
      const called = Float32Array.from({ length }, () => b.normal(0.5, 2));
      expect(Array.from(filled)).toEqual(Array.from(called));
    }
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});

describe('fillNormalFast', () => {
  it('draws N(mean, std²): moments of 200,000 samples within sampling error, reproducible per seed', () => {
    const out = new Float32Array(200_001);
    createRng(4).fillNormalFast(out, -1, 0.5);
    let sum = 0;
    let sq = 0;
    for (const v of out) {
      sum += v;
      sq += v * v;
    }
    const mean = sum / out.length;
    const std = Math.sqrt(sq / out.length - mean * mean);
    expect(Math.abs(mean + 1)).toBeLessThan((5 * 0.5) / Math.sqrt(out.length));
    expect(Math.abs(std / 0.5 - 1)).toBeLessThan(0.01);
    const again = new Float32Array(200_001);
    createRng(4).fillNormalFast(again, -1, 0.5);
    expect(again).toEqual(out);
  });
});
