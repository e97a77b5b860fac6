import { describe, expect, it } from 'vitest';
import {
  mnistDataset,
  mnistTrainTest,
  pixelStats,
  sampleSize,
} from '../../../src/engine/data/dataset';
import type { ParsedMnist } from '../../../src/engine/data/mnistFormat';

/** Two 1×2 "images": pixels [0, 255] and [51, 0] (51 = 0.2 · 255), labels 3 and 8. */
const TINY: ParsedMnist = {
  images: Uint8Array.from([0, 255, 51, 0]),
  labels: Uint8Array.from([3, 8]),
  count: 2,
  height: 1,
  width: 2,
};

describe('pixelStats', () => {
  it('computes the mean and population std of pixels / 255', () => {
    // values 0, 1, 0.2, 0: mean 1.2 / 4 = 0.3; E[v²] = (1 + 0.04) / 4 = 0.26; var = 0.26 − 0.09 = 0.17
    const { mean, std } = pixelStats(TINY);
    expect(mean).toBeCloseTo(0.3, 12);
    expect(std).toBeCloseTo(Math.sqrt(0.17), 12);
  });

  it('refuses an empty set', () => {
    expect(() =>
      pixelStats({ ...TINY, images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 }),
    ).toThrow(/no pixels/);
  });
});

describe('mnistDataset', () => {
  it('scales pixels to [0, 1] and keeps labels, shapes and class names', () => {
    const ds = mnistDataset(TINY, { standardize: false, name: 'tiny' });
    expect(Array.from(ds.x)).toEqual([0, 1, Math.fround(0.2), 0]);
    expect(Array.from(ds.y)).toEqual([3, 8]);
    expect(ds).toMatchObject({ name: 'tiny', count: 2, sampleShape: [1, 1, 2], numClasses: 10 });
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ds.standardization).toBeUndefined();
    expect(sampleSize(ds)).toBe(2);
  });

  it('standardizes with its own statistics by default', () => {
    const ds = mnistDataset(TINY, { standardize: true });
    const std = Math.sqrt(0.17);
    // (v − 0.3) / √0.17 for v = 0, 1, 0.2, 0
    const expected = [-0.3 / std, 0.7 / std, -0.1 / std, -0.3 / std];
    ds.x.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(ds.standardization?.mean).toBeCloseTo(0.3, 12);
  });

  it('standardizes with given statistics (the train set’s, for a test set)', () => {
    const ds = mnistDataset(TINY, { standardize: true, stats: { mean: 0.5, std: 0.25 } });
    // (0 − 0.5) / 0.25 = −2, (1 − 0.5) / 0.25 = 2, (0.2 − 0.5) / 0.25 = −1.2
    expect(Array.from(ds.x)).toEqual([-2, 2, Math.fround(-1.2), -2]);
  });

  it('mnistTrainTest standardizes the test set with the train statistics', () => {
    const test: ParsedMnist = { ...TINY, images: Uint8Array.from([255, 255, 255, 255]) };
    const pair = mnistTrainTest(TINY, test, { standardize: true, name: 'tiny' });
    const std = Math.sqrt(0.17);
    expect(pair.test.standardization).toEqual(pair.train.standardization);
    pair.test.x.forEach((v) => expect(v).toBeCloseTo(0.7 / std, 6));
    expect([pair.train.name, pair.test.name]).toEqual(['tiny-train', 'tiny-test']);
  });

  it('rejects labels that are not digits and a zero std', () => {
    expect(() =>
      mnistDataset({ ...TINY, labels: Uint8Array.from([3, 12]) }, { standardize: false }),
    ).toThrow(/label 12 of sample 1 is not a digit 0\.\.9/);
    const flat: ParsedMnist = { ...TINY, images: new Uint8Array(4) };
    expect(() => mnistDataset(flat, { standardize: true })).toThrow(/std must be > 0/);
  });
});
