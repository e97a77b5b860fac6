import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { meanStd } from '../../src/engine/probes/moments';

describe('loadMnistNode', () => {
  it('loads 14×14 train and test sets as [1, 14, 14] samples with pixels in [0, 1]', () => {
    const { train, test } = loadMnistNode('14', { standardize: false });
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect(train.sampleShape).toEqual([1, 14, 14]);
    expect(train.x.length).toBe(8000 * 196);
    expect([train.name, test.name]).toEqual(['mnist-14-train', 'mnist-14-test']);
    let min = Infinity;
    let max = -Infinity;
    for (const v of train.x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect([min, max]).toEqual([0, 1]);
    expect(new Set(train.y).size).toBe(10);
  });

  it('standardizes 28×28 with train statistics near the classic 0.1307 / 0.3081', () => {
    const { train, test } = loadMnistNode('28', { standardize: true });
    const stats = train.standardization!;
    // A 10,000-digit subset of MNIST: its statistics sit close to the full training set's.
    expect(stats.mean).toBeGreaterThan(0.12);
    expect(stats.mean).toBeLessThan(0.145);
    expect(stats.std).toBeGreaterThan(0.295);
    expect(stats.std).toBeLessThan(0.32);
    expect(test.standardization).toEqual(stats);
    // The standardized train pixels have mean 0 and std 1.
    const { mean, std } = meanStd(train.x);
    expect(mean).toBeCloseTo(0, 4);
    expect(std).toBeCloseTo(1, 4);
    // background pixels map to −mean / std
    expect(train.x[0]).toBeCloseTo(-stats.mean / stats.std, 5);
  });

  it('gives every caller its own arrays', () => {
    const a = loadMnistNode('14', { standardize: false });
    a.train.x[0] = 42;
    expect(loadMnistNode('14', { standardize: false }).train.x[0]).toBe(0);
  });

  it('says how to build the files when they are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'normlab-empty-'));
    try {
      expect(() => loadMnistNode('14', { standardize: false, dir: empty })).toThrow(
        /Could not read .*mnist-14-train\.bin \(run `npm run data` to build it\)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
