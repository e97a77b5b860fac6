import { describe, expect, it } from 'vitest';
import type { OwnDataRecord } from '../../src/data/ownDataStore';
import { OwnDataError, ownDataFingerprint, type OwnData } from '../../src/engine/data/ownData';
import { drawnData } from '../../src/lab/drawnPoints';
import { parseCsvTable } from '../../src/data/csv/csvTable';
import { ownDataFromCsv } from '../../src/data/csv/ownDataFromCsv';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { setOwnDataSummary } from '../../src/lab/ownDatasets';
import { toWorkerSetup } from '../../src/lab/settings';
import { explainError } from '../../src/worker/explainError';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import type { FromWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

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

  it('draws the decision boundary of a CSV with two features, over all its points', async () => {
    // Two blobs far outside the built-in sets' [−1.5, 1.5]², written unstandardized.
    const rows = Array.from({ length: 40 }, (_, i) => {
      const c = i % 2;
      return `${(c ? 4 : -4) + (i % 5) / 10},${(c ? 3 : -3) - (i % 3) / 10},${c ? 'yes' : 'no'}`;
    });
    const table = parseCsvTable(['x,y,label', ...rows].join('\n'), 'blobs.csv');
    const stored = record(ownDataFromCsv(table, 2));
    const { x, y, ...shape } = stored.data;
    setOwnDataSummary('csv', {
      ...shape,
      options: stored.options,
      fingerprint: stored.fingerprint,
    });
    const messages: FromWorker[] = [];
    const session = new TrainingSession({
      post: (message) => messages.push(message),
      loadDataset: createDatasetLoader(noMnist, () => Promise.resolve(stored)),
    });
    try {
      const settings = { ...DEFAULT_RUN_SETTINGS, dataset: 'csv' as const, batchSize: 8 };
      await session.handle({ type: 'configure', setup: toWorkerSetup(settings, 0) });
      const boundary = messages.find((m) => m.type === 'snapshot' && m.boundary);
      if (boundary?.type !== 'snapshot' || !boundary.boundary) throw new Error('no boundary drawn');
      expect(messages.some((m) => m.type === 'error')).toBe(false);
      expect(boundary.boundary.probabilities).toHaveLength(48 * 48 * 2);
      // The picture reaches past the farthest point (|x| = 4.4) with a margin, not the built-in 1.5.
      expect(boundary.boundary.extent).toBeGreaterThan(4.4);
      expect(x.length).toBe(80);
      expect(y.length).toBe(40);
    } finally {
      setOwnDataSummary('csv', undefined);
      await session.handle({ type: 'pause' });
    }
  });
});
