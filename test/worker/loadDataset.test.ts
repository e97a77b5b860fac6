import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { LAB_DATASETS } from '../../src/lab/datasets';
import {
  createDatasetLoader,
  SYNTHETIC_TEST_COUNT,
  SYNTHETIC_TRAIN_COUNT,
  syntheticSplit,
} from '../../src/worker/loadDataset';
import { DATASET_IDS, isOwnDataset, type DatasetId } from '../../src/lab/datasets';

const choice = (id: DatasetId, noise = 0.1) => ({ id, noise, standardize: true });
const nodeMnist = (resolution: '14' | '28', standardize: boolean) =>
  Promise.resolve(loadMnistNode(resolution, { standardize }));

describe('createDatasetLoader', () => {
  it('builds every dataset with the shape and class count the Lab promises', async () => {
    const load = createDatasetLoader(nodeMnist);
    for (const id of DATASET_IDS.filter((d) => !isOwnDataset(d))) {
      const { train, test } = await load(choice(id));
      expect(train.sampleShape, id).toEqual(LAB_DATASETS[id].sampleShape);
      expect(train.numClasses, id).toBe(LAB_DATASETS[id].numClasses);
      expect(test.sampleShape, id).toEqual(train.sampleShape);
    }
  });

  it('draws the 2-D sets from a fixed data seed: the same points every time', async () => {
    const load = createDatasetLoader(nodeMnist);
    const a = await load(choice('spiral'));
    const b = await load(choice('spiral'));
    expect(a.train.count).toBe(SYNTHETIC_TRAIN_COUNT);
    expect(a.test.count).toBe(SYNTHETIC_TEST_COUNT);
    expect(b.train.x).toEqual(a.train.x);
    expect(b.test.y).toEqual(a.test.y);
    // train and test are different draws
    expect(a.test.x.subarray(0, 20)).not.toEqual(a.train.x.subarray(0, 20));
  });

  it('applies the noise setting', async () => {
    const load = createDatasetLoader(nodeMnist);
    const clean = await load(choice('circles', 0));
    const noisy = await load(choice('circles', 0.4));
    expect(noisy.train.x).not.toEqual(clean.train.x);
    const radius = (x: Float32Array, i: number) => Math.hypot(x[2 * i]!, x[2 * i + 1]!);
    // class 0 of the clean set lies strictly inside radius 0.5
    for (let i = 0; i < clean.train.count; i += 2)
      expect(radius(clean.train.x, i)).toBeLessThan(0.5);
  });

  it('reuses the latest MNIST split and keeps no other (a run budget counts its own data only)', async () => {
    const loaded: string[] = [];
    // Each decoded split is a new object; reading real MNIST four times would only slow the test.
    const load = createDatasetLoader((resolution, standardize) => {
      loaded.push(`${resolution}:${standardize}`);
      return Promise.resolve({
        train: syntheticSplit('xor', 0).train,
        test: syntheticSplit('xor', 0).test,
      });
    });
    const first = await load(choice('mnist14'));
    const second = await load(choice('mnist14'));
    expect(second).toBe(first);
    expect(loaded).toEqual(['14:true']);
    await load(choice('mnist28'));
    await load({ ...choice('mnist28'), standardize: false });
    const again = await load(choice('mnist14'));
    // mnist14 was let go when mnist28 came: it is read again, not held next to the 28×28 sets.
    expect(again).not.toBe(first);
    expect(loaded).toEqual(['14:true', '28:true', '28:false', '14:true']);
  });

  it('retries an MNIST download that failed', async () => {
    let calls = 0;
    const load = createDatasetLoader((resolution, standardize) => {
      calls++;
      if (calls === 1) return Promise.reject(new Error('Could not load mnist: offline'));
      return nodeMnist(resolution, standardize);
    });
    await expect(load(choice('mnist14'))).rejects.toThrow(/offline/);
    await expect(load(choice('mnist14'))).resolves.toMatchObject({ train: { numClasses: 10 } });
    expect(calls).toBe(2);
  });
});
