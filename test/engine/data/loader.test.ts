import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/data/dataset';
import { createLoader, fullBatch, takeBatch } from '../../../src/engine/data/loader';
import { createRng } from '../../../src/engine/rng';

/** Sample i is the point (i, −i − 0.5) with class i mod 3, so a batch row tells which sample it is. */
function numbered(count: number): Dataset {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i - 0.5;
    y[i] = i % 3;
  }
  return { name: 'numbered', x, y, count, sampleShape: [2], numClasses: 3 };
}

/** The sample ids in a batch, checking that each row's x and y belong to the same sample. */
function ids(batch: { x: { data: Float32Array }; y: Int32Array }): number[] {
  return Array.from(batch.y, (label, b) => {
    const id = batch.x.data[2 * b]!;
    expect(batch.x.data[2 * b + 1]).toBe(-id - 0.5);
    expect(label).toBe(id % 3);
    return id;
  });
}

describe('createLoader', () => {
  it('visits every sample exactly once per epoch', () => {
    const loader = createLoader(numbered(12), 4, createRng(1));
    expect(loader.batchesPerEpoch).toBe(3);
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen: number[] = [];
      for (let b = 0; b < 3; b++) {
        const batch = loader.next();
        expect(batch.x.shape).toEqual([4, 2]);
        seen.push(...ids(batch));
      }
      expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
  });

  it('reshuffles each epoch', () => {
    const loader = createLoader(numbered(12), 12, createRng(2));
    const first = ids(loader.next());
    const second = ids(loader.next());
    expect(second).not.toEqual(first);
    expect([...second].sort((a, b) => a - b)).toEqual([...first].sort((a, b) => a - b));
  });

  it('drops the last partial batch: never a short batch, no repeats within an epoch', () => {
    // 10 samples, batch 3 → 3 full batches (9 samples); the 10th waits for another epoch.
    const loader = createLoader(numbered(10), 3, createRng(3));
    expect(loader.batchesPerEpoch).toBe(3);
    const missed = new Set<number>();
    for (let epoch = 0; epoch < 20; epoch++) {
      const seen = new Set<number>();
      for (let b = 0; b < 3; b++) {
        const batch = loader.next();
        expect(batch.y.length).toBe(3);
        for (const id of ids(batch)) seen.add(id);
      }
      expect(seen.size).toBe(9);
      for (let i = 0; i < 10; i++) if (!seen.has(i)) missed.add(i);
    }
    expect(missed.size).toBeGreaterThan(1); // a different sample sits out in different epochs
  });

  it('counts epochs and steps', () => {
    const loader = createLoader(numbered(7), 3, createRng(4));
    expect([loader.epoch, loader.step]).toEqual([0, 0]);
    loader.next();
    expect([loader.epoch, loader.step]).toEqual([0, 1]);
    loader.next(); // 2 batches per epoch: the first epoch ends here
    expect([loader.epoch, loader.step]).toEqual([1, 2]);
    loader.next();
    loader.next();
    loader.next();
    expect([loader.epoch, loader.step]).toEqual([2, 5]);
  });

  it('reuses its batch buffers', () => {
    const loader = createLoader(numbered(8), 2, createRng(5));
    const a = loader.next();
    const dataA = a.x.data;
    const b = loader.next();
    expect(b.x.data).toBe(dataA);
    expect(b.y).toBe(a.y);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      const loader = createLoader(numbered(20), 5, createRng(seed));
      return Array.from({ length: 8 }, () => ids(loader.next())).flat();
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('keeps image sample shapes: [B, 1, H, W]', () => {
    const ds: Dataset = {
      name: 'images',
      x: Float32Array.from({ length: 3 * 6 }, (_, i) => i),
      y: Int32Array.from([0, 1, 0]),
      count: 3,
      sampleShape: [1, 2, 3],
      numClasses: 2,
    };
    expect(createLoader(ds, 2, createRng(1)).next().x.shape).toEqual([2, 1, 2, 3]);
  });

  it('throws a clear error for a batch size outside [1, count]', () => {
    for (const bad of [0, -1, 11, 2.5]) {
      expect(() => createLoader(numbered(10), bad, createRng(1))).toThrow(
        new RegExp(
          `batch size must be an integer in \\[1, 10\\] \\(the size of numbered\\), got ${bad}`,
        ),
      );
    }
  });
});

describe('takeBatch and fullBatch', () => {
  it('takeBatch gathers the given samples in order', () => {
    const batch = takeBatch(numbered(6), [4, 0, 4]);
    expect(batch.x.shape).toEqual([3, 2]);
    expect(Array.from(batch.x.data)).toEqual([4, -4.5, 0, -0.5, 4, -4.5]);
    expect(Array.from(batch.y)).toEqual([1, 0, 1]);
  });

  it('takeBatch rejects an index outside the dataset', () => {
    expect(() => takeBatch(numbered(6), [0, 6])).toThrow(
      /index 6 \(position 1\) is outside numbered, which has 6 samples/,
    );
  });

  it('fullBatch returns the first samples as an independent copy', () => {
    const ds = numbered(5);
    const all = fullBatch(ds);
    expect(all.x.shape).toEqual([5, 2]);
    expect(Array.from(all.y)).toEqual([0, 1, 2, 0, 1]);
    const some = fullBatch(ds, 2);
    expect(Array.from(some.x.data)).toEqual([0, -0.5, 1, -1.5]);
    some.x.data[0] = 99;
    expect(ds.x[0]).toBe(0);
    expect(fullBatch(ds, 50).y.length).toBe(5);
    expect(() => fullBatch(ds, 0)).toThrow(/limit must be a positive integer, got 0/);
  });
});
