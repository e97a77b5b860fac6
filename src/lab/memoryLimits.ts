import { memoryFor, RUN_MEMORY_BUDGET, formatMegabytes } from '../engine/train/memoryPlan';
import type { DataSize } from '../engine/train/memoryPlan';
import { NORM_KINDS, NORM_PLACEMENTS } from '../engine/model/spec';
import type { Architecture, LabRunSettings } from './labSettings';
import { MAX_ROWS } from '../data/csv/csvLimits';
import { MAX_VALIDATION_FRACTION, MIN_VALIDATION_FRACTION } from '../engine/data/ownData';
import { datasetInfo, LAB_DATASETS, type DatasetId } from './datasets';
import { MAX_DRAWN_POINTS } from './drawnPoints';
import { toRunConfig } from './settings';

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
  // Own data: the most rows a run may train on (the smallest validation share of the largest file)
  // and the most it may validate on (the largest share).
  csv: {
    trainCount: Math.round(MAX_ROWS * (1 - MIN_VALIDATION_FRACTION)),
    testCount: Math.round(MAX_ROWS * MAX_VALIDATION_FRACTION),
  },
  drawn: {
    trainCount: Math.round(MAX_DRAWN_POINTS * (1 - MIN_VALIDATION_FRACTION)),
    testCount: Math.round(MAX_DRAWN_POINTS * MAX_VALIDATION_FRACTION),
  },
};

/** "256 MB": the budget as the Lab's hints and notices name it. */
export const BUDGET_TEXT = formatMegabytes(RUN_MEMORY_BUDGET);

/** Whether a run of `s` fits its budget: with forward-only chunks of one sample, the least it can plan. */
function fits(s: LabRunSettings): boolean {
  return memoryFor(toRunConfig(s), LAB_DATA_SIZES[s.dataset], 1).fits;
}

/** The largest n in [low, high] with ok(n), for ok true up to some n and false after; low - 1 if none. */
function largestWhere(low: number, high: number, ok: (n: number) => boolean): number {
  if (!ok(low)) return low - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The batch size every network the Lab allows can train with, whatever its normalization and
 * optimizer: enough for BatchNorm's statistics to mean something. Only a larger batch depends on
 * those choices.
 */
export const BATCH_ROOM = 8;

/**
 * The costliest runs of `s`'s network at every width: each normalization (GroupNorm with one group
 * per channel keeps the most statistics), placement (a bias or not) and residual choice, with Adam
 * (two moments) at a batch of one.
 */
function costliestVariants(s: LabRunSettings): LabRunSettings[] {
  const cnn = s.architecture === 'cnn';
  const variants: LabRunSettings[] = [];
  for (const norm of NORM_KINDS) {
    if (norm === 'instanceNorm' && !cnn) continue;
    for (const placement of NORM_PLACEMENTS) {
      variants.push({
        ...s,
        norm,
        placement,
        residual: true,
        // The branch init that adds the most layers: Fixup's five scalars without a norm, α with one.
        branchInit: norm === 'none' ? 'fixup' : 'skipInit',
        // Standardized weights keep Ŵ; ghost batches of 2 keep the most statistics.
        weightStandardization: norm !== 'none',
        ghostBatch: norm === 'batchNorm' ? 2 : 0,
        optimizer: 'adam',
        batchSize: BATCH_ROOM,
      });
    }
  }
  return variants;
}

/** A few hundred entries at most: the Lab asks again for the same handful of networks. */
class Memo {
  private readonly values = new Map<string, number>();
  get(key: string, compute: () => number): number {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.values.size > 500) this.values.clear();
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}

const widths = new Memo();
const batches = new Memo();

/**
 * A dataset as the memory plan sees it: its id and, since an own table's features and classes change
 * with the file the learner loads, its sample shape and class count.
 */
function dataKey(s: LabRunSettings): string {
  const info = datasetInfo(s.dataset);
  return `${s.dataset}:${info.sampleShape.join('x')}:${info.numClasses}`;
}

/**
 * The widest network (at most `upTo`) of `s`'s dataset, architecture and depth that fits the budget
 * whatever else is chosen: with the costliest normalization and optimizer, at a batch of one. So
 * choosing a normalization or an optimizer never has to narrow the network; only the batch size
 * (`largestBatch`) depends on them. 1 when not even the narrowest fits.
 */
export function widestThatFits(s: LabRunSettings, upTo: number): number {
  const key = `${dataKey(s)}|${s.architecture}|${s.depth}|${upTo}`;
  return widths.get(key, () =>
    largestWhere(2, upTo, (width) => costliestVariants({ ...s, width, groups: width }).every(fits)),
  );
}

/**
 * The largest batch size (at most `upTo`) with which `s` fits the budget; 0 when not even 1 does.
 * Planned with BatchNorm's statistics over the whole batch: ghost batches are settled after the batch
 * size (they must divide it), and `ghostBatchFits` refuses those whose statistics do not fit.
 */
export function largestBatch(s: LabRunSettings, upTo: number): number {
  const key = [
    dataKey(s),
    s.architecture,
    s.depth,
    s.width,
    s.norm,
    s.groups,
    s.placement,
    s.weightStandardization,
    s.residual,
    s.branchInit,
    s.optimizer,
    upTo,
  ].join('|');
  return batches.get(key, () =>
    largestWhere(1, upTo, (batchSize) => fits({ ...s, batchSize, ghostBatch: 0 })),
  );
}

/** Whether `s` fits the budget with BatchNorm's statistics taken over ghost batches of `ghostBatch`. */
export function ghostBatchFits(s: LabRunSettings, ghostBatch: number): boolean {
  return fits({ ...s, ghostBatch });
}

/** The architectures a dataset can be trained with: the CNN needs images. */
export function architecturesFor(dataset: DatasetId): readonly Architecture[] {
  return LAB_DATASETS[dataset].kind === 'image' ? ['mlp', 'resmlp', 'cnn'] : ['mlp', 'resmlp'];
}
