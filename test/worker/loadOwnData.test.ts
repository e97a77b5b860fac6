import { describe, expect, it } from 'vitest';
import type { OwnDataRecord } from '../../src/data/ownDataStore';
import { OwnDataError, ownDataFingerprint, type OwnData } from '../../src/engine/data/ownData';
import { drawnData } from '../../src/lab/drawnPoints';
import { explainError } from '../../src/worker/explainError';
import { createDatasetLoader } from '../../src/worker/loadDataset';

const noMnist = () => Promise.reject(new Error('MNIST is not needed here'));

function record(data: OwnData): OwnDataRecord {
  const options = { validationFraction: 0.25, standardize: false };
  return { data, options, fingerprint: ownDataFingerprint(data, options) };
}

const points = drawnData(
  Array.from({ length: 8 }, (_, i) => ({ x: i / 10, y: -i / 10, c: i % 2 })),
);

describe('loading own data in a worker', () => {
  it('splits the stored table the run was set up for', async () => {
    const stored = record(points);
    const load = createDatasetLoader(noMnist, () => Promise.resolve(stored));
    const split = await load({
      id: 'drawn',
      noise: 0,
      standardize: true,
      fingerprint: stored.fingerprint,
    });
    expect([split.train.count, split.test.count]).toEqual([6, 2]);
    expect(split.train.sampleShape).toEqual([2]);
    expect(split.train.classNames).toEqual(['class 1', 'class 2']);
  });

  it('says that a link never carries the data when nothing is stored', async () => {
    const load = createDatasetLoader(noMnist, () => Promise.resolve(undefined));
    const error = await load({ id: 'csv', noise: 0, standardize: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OwnDataError);
    expect(explainError(error)).toBe(
      'This run trains on your own CSV file, which is not stored in this browser: a link carries the settings, never the data. Choose the CSV file under Data to train on it.',
    );
  });

  it('refuses a table other than the one the run was set up for', async () => {
    const load = createDatasetLoader(noMnist, () => Promise.resolve(record(points)));
    const error = await load({
      id: 'drawn',
      noise: 0,
      standardize: true,
      fingerprint: 'other',
    }).catch((e: unknown) => e);
    expect(explainError(error)).toContain('another version of points drawn by hand');
  });

  it('explains a batch larger than the training rows', () => {
    const error = new Error(
      'createLoader: batch size must be an integer in [1, 6] (the size of x), got 32',
    );
    expect(explainError(error)).toBe(
      'The batch size is larger than the 6 training rows of this dataset. Lower the batch size to at most 6, or add rows.',
    );
  });
});
