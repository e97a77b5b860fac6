import { planRunMemory, largestBatchThatFits, type DataSize } from '../engine/train/memoryPlan';
import { NORM_KINDS } from '../engine/model/spec';
import type { Architecture, LabRunSettings } from './labSettings';
import { DEFAULT_RUN_SETTINGS } from './labSettings';
import { LAB_DATASETS, type DatasetId } from './datasets';
import { toRunConfig } from './settings';
import { settingLimits } from './settingsRegistry';

/**
 * How many samples each dataset holds in the worker (public/data/README.md for MNIST; the 2-D sets are
 * drawn at these sizes by src/worker/loadDataset.ts). test/lab/memoryLimits.test.ts checks them
 * against the loaded data.
 */
export const LAB_DATA_SIZES: Readonly<Record<DatasetId, DataSize>> = {
  mnist14: { trainCount: 8000, testCount: 2000 },
  mnist28: { trainCount: 8000, testCount: 2000 },
  spiral: { trainCount: 1000, testCount: 500 },
  circles: { trainCount: 1000, testCount: 500 },
  xor: { trainCount: 1000, testCount: 500 },
  blobs: { trainCount: 1000, testCount: 500 },
};

/**
 * The most memory-hungry run the Lab allows for an architecture and dataset: the deepest and widest
 * network, with Adam, the normalization that costs most, at the largest batch size the budget admits
 * (where even one sample is too many, the widest network that fits). The memory benchmark trains it
 * and the plan's test checks that it fits.
 */
export function largestSetting(architecture: Architecture, dataset: DatasetId): LabRunSettings {
  const cnn = architecture === 'cnn';
  const shape = { ...DEFAULT_RUN_SETTINGS, architecture, dataset };
  const maxDepth = settingLimits('depth', shape).max;
  const maxWidth = settingLimits('width', shape).max;
  const maxBatch = settingLimits('batchSize', shape).max;
  const data = LAB_DATA_SIZES[dataset];
  const base: LabRunSettings = {
    ...DEFAULT_RUN_SETTINGS,
    dataset,
    architecture,
    depth: maxDepth,
    width: maxWidth,
    optimizer: 'adam',
    residual: true,
    groups: 1,
    batchSize: maxBatch,
  };
  const norms = NORM_KINDS.filter((n) => cnn || n !== 'instanceNorm');
  const costliest = norms
    .map((norm) => ({ ...base, norm }))
    .reduce((a, b) =>
      planRunMemory(toRunConfig(b), data).total > planRunMemory(toRunConfig(a), data).total ? b : a,
    );
  const fitsAtAll = (width: number) =>
    largestBatchThatFits(toRunConfig({ ...costliest, width }), data) !== undefined;
  // Memory grows with the width: bisect for the widest network that fits with batches of one sample.
  let low = 2;
  let high = maxWidth;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsAtAll(mid)) low = mid;
    else high = mid - 1;
  }
  const settings = { ...costliest, width: low };
  const batchSize = largestBatchThatFits(toRunConfig(settings), data) ?? 1;
  return { ...settings, batchSize: Math.min(batchSize, maxBatch) };
}

/** The architectures a dataset can be trained with: the CNN needs images. */
export function architecturesFor(dataset: DatasetId): readonly Architecture[] {
  return LAB_DATASETS[dataset].kind === 'image' ? ['mlp', 'cnn'] : ['mlp'];
}
