import type { TrainTestSplit } from '../engine/data/dataset';
import { SYNTHETIC_SETS, type SyntheticSetName } from '../engine/data/synthetic';
import { createRng } from '../engine/rng';
import { loadMnistBrowser } from '../data/loadMnistBrowser';
import {
  isOwnDataset,
  type DatasetChoice,
  type DatasetId,
  type OwnDatasetId,
} from '../lab/datasets';
import type { OwnDataRecord } from '../data/ownDataStore';
import { loadOwnSplit } from './loadOwnData';

/** Turns a learner's dataset choice into train and test sets. */
export type DatasetLoader = (choice: DatasetChoice) => Promise<TrainTestSplit>;

/**
 * The 2-D sets are drawn from this seed, not the run's: every run (and every reload of a shared link)
 * sees the very same points, so runs differ only in what the learner changed.
 */
export const DATA_SEED = 20150211;
export const SYNTHETIC_TRAIN_COUNT = 1000;
export const SYNTHETIC_TEST_COUNT = 500;

const SYNTHETIC_BY_ID: Partial<Record<DatasetId, SyntheticSetName>> = {
  spiral: 'spiral',
  circles: 'circles',
  xor: 'xor',
  blobs: 'blobs',
};

export function syntheticSplit(name: SyntheticSetName, noise: number): TrainTestSplit {
  const generate = SYNTHETIC_SETS[name];
  const rng = createRng(DATA_SEED).fork(name);
  return {
    train: generate(SYNTHETIC_TRAIN_COUNT, noise, rng.fork('train')),
    test: generate(SYNTHETIC_TEST_COUNT, noise, rng.fork('test')),
  };
}

/**
 * A loader whose MNIST sets come from `loadMnist` (the browser fetches the committed binaries; tests
 * read them from disk). The latest MNIST split is kept, so a run started over or a setting changed on
 * the same data reuses it; only one is kept, because a run's memory budget counts the data of its own
 * dataset only (MNIST 28×28 is 31 MB, and all four resolution × standardization variants 78 MB).
 */
export function createDatasetLoader(
  loadMnist: (resolution: '14' | '28', standardize: boolean) => Promise<TrainTestSplit>,
  readOwn?: (id: OwnDatasetId) => Promise<OwnDataRecord | undefined>,
): DatasetLoader {
  let cached: { key: string; split: Promise<TrainTestSplit> } | undefined;
  return async (choice) => {
    const synthetic = SYNTHETIC_BY_ID[choice.id];
    if (synthetic) return syntheticSplit(synthetic, choice.noise);
    const { id } = choice;
    if (isOwnDataset(id)) return loadOwnSplit({ ...choice, id }, readOwn);
    const resolution = choice.id === 'mnist14' ? '14' : '28';
    const key = `${resolution}:${String(choice.standardize)}`;
    if (cached?.key === key) return cached.split;
    // Let the previous split go before the next one is decoded.
    cached = undefined;
    const entry = { key, split: loadMnist(resolution, choice.standardize) };
    // A failed download may succeed next time (the network came back): do not cache the failure.
    entry.split.catch(() => {
      if (cached === entry) cached = undefined;
    });
    cached = entry;
    return entry.split;
  };
}

/** The loader the browser worker uses. */
export const loadDataset: DatasetLoader = createDatasetLoader((resolution, standardize) =>
  loadMnistBrowser(resolution, { standardize }),
);
