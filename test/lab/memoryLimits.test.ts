import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { DATASET_IDS } from '../../src/lab/datasets';
import { LAB_DATA_SIZES } from '../../src/lab/memoryLimits';
import { createDatasetLoader } from '../../src/worker/loadDataset';

describe('LAB_DATA_SIZES', () => {
  it.each(DATASET_IDS)('%s holds as many samples as the worker loads', async (id) => {
    const load = createDatasetLoader((resolution, standardize) =>
      Promise.resolve(loadMnistNode(resolution, { standardize })),
    );
    const { train, test } = await load({ id, noise: 0.1, standardize: true });
    expect(LAB_DATA_SIZES[id]).toEqual({ trainCount: train.count, testCount: test.count });
  });
});
