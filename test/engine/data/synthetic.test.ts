import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/data/dataset';
import {
  blobCenter,
  BLOB_STD,
  circles,
  gaussianBlobs,
  gaussianProbeInputs,
  spiral,
  SPIRAL_TURNS,
  SYNTHETIC_SETS,
  xor,
  XOR_PADDING,
} from '../../../src/engine/data/synthetic';
import { createRng } from '../../../src/engine/rng';
import { meanStd } from '../../../src/engine/probes/moments';

const point = (ds: Dataset, i: number): [number, number] => [ds.x[2 * i]!, ds.x[2 * i + 1]!];

function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (const c of ds.y) counts[c]!++;
  return counts;
}

/** Leave-one-out 1-nearest-neighbour accuracy: near 1 when the classes form separate regions. */
function nearestNeighbourAccuracy(ds: Dataset): number {
  let correct = 0;
  for (let i = 0; i < ds.count; i++) {
    const [xi, yi] = point(ds, i);
    let best = Infinity;
    let label = -1;
    for (let j = 0; j < ds.count; j++) {
      if (j === i) continue;
      const [xj, yj] = point(ds, j);
      const d = (xi - xj) ** 2 + (yi - yj) ** 2;
      if (d < best) {
        best = d;
        label = ds.y[j]!;
      }
    }
    if (label === ds.y[i]) correct++;
  }
  return correct / ds.count;
}

describe('synthetic 2-D sets', () => {
  for (const [name, make] of Object.entries(SYNTHETIC_SETS)) {
    describe(name, () => {
      it('has 2-D samples, balanced classes and class names', () => {
        const ds = make(301, 0.05, createRng(1));
        expect(ds.sampleShape).toEqual([2]);
        expect([ds.count, ds.x.length, ds.y.length]).toEqual([301, 602, 301]);
        expect(ds.classNames).toHaveLength(ds.numClasses);
        const counts = classCounts(ds);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      });

      it('stays roughly inside [−1, 1]² (within the jitter)', () => {
        const noise = 0.1;
        const ds = make(400, noise, createRng(2));
        let maxAbs = 0;
        for (const v of ds.x) maxAbs = Math.max(maxAbs, Math.abs(v));
        expect(maxAbs).toBeLessThanOrEqual(1 + noise);
        expect(maxAbs).toBeGreaterThan(0.5); // and actually uses the square
      });

      it('the same seed gives the same bits; a different seed different points', () => {
        const a = make(200, 0.1, createRng(7));
        const b = make(200, 0.1, createRng(7));
        const c = make(200, 0.1, createRng(8));
        expect(new Uint8Array(a.x.buffer)).toEqual(new Uint8Array(b.x.buffer));
        expect(a.y).toEqual(b.y);
        expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
      });

      it('forms separable-looking classes at low noise (1-NN accuracy > 0.95)', () => {
        expect(nearestNeighbourAccuracy(make(400, 0.02, createRng(3)))).toBeGreaterThan(0.95);
      });

      it('becomes hard to separate at high noise', () => {
        expect(nearestNeighbourAccuracy(make(400, 1.5, createRng(3)))).toBeLessThan(0.85);
      });
    });
  }

  it('spiral: without noise, each arm is an Archimedean spiral (radius grows with angle)', () => {
    for (const arms of [2, 3] as const) {
      const ds = spiral(300, 0, createRng(4), arms);
      expect(ds.numClasses).toBe(arms);
      for (let i = 0; i < ds.count; i++) {
        const [x, y] = point(ds, i);
        const r = Math.hypot(x, y);
        // arm c: angle = 2π (1.75 r + c / arms) (mod 2π)
        const expected = 2 * Math.PI * (SPIRAL_TURNS * r + ds.y[i]! / arms);
        const gap = Math.atan2(y, x) - expected;
        const wrapped = gap - 2 * Math.PI * Math.round(gap / (2 * Math.PI));
        expect(Math.abs(wrapped) * Math.max(r, 1e-3)).toBeLessThan(1e-5);
      }
    }
  });

  it('spiral: along each arm the angle winds steadily outward, 1.75 turns in all', () => {
    const ds = spiral(600, 0, createRng(5), 2);
    for (const arm of [0, 1]) {
      const byRadius = Array.from(ds.y.keys())
        .filter((i) => ds.y[i] === arm)
        .map((i) => ({
          r: Math.hypot(...point(ds, i)),
          angle: Math.atan2(point(ds, i)[1], point(ds, i)[0]),
        }))
        .sort((a, b) => a.r - b.r);
      let total = 0;
      for (let k = 1; k < byRadius.length; k++) {
        let step = byRadius[k]!.angle - byRadius[k - 1]!.angle;
        step -= 2 * Math.PI * Math.round(step / (2 * Math.PI)); // the shorter way round
        expect(step).toBeGreaterThanOrEqual(0); // counter-clockwise as the radius grows
        total += step;
      }
      // first to last point span almost the whole arm (t from ≈ 0 to ≈ 1): ≈ 1.75 turns
      expect(total / (2 * Math.PI)).toBeGreaterThan(1.7);
      expect(total / (2 * Math.PI)).toBeLessThan(1.75);
    }
  });

  it('circles: without noise, the inner class lies within radius 0.5 and the outer in [0.7, 1)', () => {
    const ds = circles(400, 0, createRng(6));
    for (let i = 0; i < ds.count; i++) {
      const r = Math.hypot(...point(ds, i));
      if (ds.y[i] === 0) expect(r).toBeLessThan(0.5);
      else expect(r >= 0.7 && r < 1).toBe(true);
    }
  });

  it('xor: without noise, the class is the sign of x·y and all four quadrants are used', () => {
    const ds = xor(400, 0, createRng(7));
    const quadrants = new Set<string>();
    for (let i = 0; i < ds.count; i++) {
      const [x, y] = point(ds, i);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(Math.fround(XOR_PADDING));
      expect(x * y > 0 ? 0 : 1).toBe(ds.y[i]);
      quadrants.add(`${Math.sign(x)},${Math.sign(y)}`);
    }
    expect(quadrants.size).toBe(4);
  });

  it('blobs: each class gathers around its own center with std ≈ 0.15', () => {
    const ds = gaussianBlobs(4000, 0, createRng(8), 4);
    expect(ds.numClasses).toBe(4);
    for (let c = 0; c < 4; c++) {
      const [cx, cy] = blobCenter(c, 4);
      let sx = 0;
      let sy = 0;
      let ss = 0;
      let n = 0;
      for (let i = 0; i < ds.count; i++) {
        if (ds.y[i] !== c) continue;
        const [x, y] = point(ds, i);
        sx += x;
        sy += y;
        ss += (x - cx) ** 2 + (y - cy) ** 2;
        n++;
      }
      // 1,000 points: the sample mean is within ~4 standard errors (4 · 0.15 / √1000 ≈ 0.02).
      expect(Math.abs(sx / n - cx)).toBeLessThan(0.02);
      expect(Math.abs(sy / n - cy)).toBeLessThan(0.02);
      expect(Math.sqrt(ss / (2 * n))).toBeCloseTo(BLOB_STD, 2);
    }
  });

  it('rejects bad counts, noise, arms and blob counts with clear errors', () => {
    const rng = createRng(1);
    expect(() => spiral(2, 0.1, rng, 3)).toThrow(/spiral: count must be an integer ≥ 3/);
    expect(() => circles(10.5, 0.1, rng)).toThrow(/circles: count must be an integer ≥ 2.*10\.5/);
    expect(() => xor(10, -0.1, rng)).toThrow(/xor: noise must be a finite number ≥ 0, got -0\.1/);
    expect(() => xor(10, Number.NaN, rng)).toThrow(/noise must be a finite number/);
    expect(() => spiral(10, 0.1, rng, 4 as 2)).toThrow(/arms must be 2 or 3, got 4/);
    expect(() => gaussianBlobs(10, 0.1, rng, 1)).toThrow(/classes must be an integer in \[2, 10\]/);
  });
});

describe('gaussianProbeInputs', () => {
  it('returns a [count, features] tensor of standard normal draws', () => {
    const x = gaussianProbeInputs(500, 40, createRng(9));
    expect(x.shape).toEqual([500, 40]);
    const { mean, std } = meanStd(x.data);
    // 20,000 draws: standard error of the mean ≈ 0.007, of the variance ≈ 0.01.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(std ** 2).toBeCloseTo(1, 1);
  });

  it('is reproducible from the seed', () => {
    const a = gaussianProbeInputs(3, 5, createRng(4));
    expect(a.data).toEqual(gaussianProbeInputs(3, 5, createRng(4)).data);
    expect(a.data).not.toEqual(gaussianProbeInputs(3, 5, createRng(5)).data);
  });

  it('rejects non-positive sizes', () => {
    expect(() => gaussianProbeInputs(0, 3, createRng(1))).toThrow(
      /count must be a positive integer, got 0/,
    );
    expect(() => gaussianProbeInputs(3, 2.5, createRng(1))).toThrow(
      /features must be a positive integer, got 2\.5/,
    );
  });
});
