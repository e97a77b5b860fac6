import type { Rng } from '../rng';
import { sampleSize, type Batch, type Dataset } from './dataset';

export type { Batch };

export interface Loader {
  /**
   * The next minibatch. The loader reuses one batch buffer, so a batch is valid only until the
   * next call (copy it to keep it).
   */
  next(): Batch;
  /** Completed passes over the data: 0 during the first epoch, 1 once its last batch was returned. */
  readonly epoch: number;
  /** ⌊count / batchSize⌋: the last partial batch is dropped, so BatchNorm never sees a batch of 1. */
  readonly batchesPerEpoch: number;
  /** Batches returned so far. */
  readonly step: number;
}

/**
 * Shuffled minibatches without replacement, as torch's DataLoader(shuffle=True, drop_last=True):
 * each epoch visits a fresh permutation drawn from `rng`; samples past the last full batch wait
 * for a later epoch's permutation.
 */
export function createLoader(ds: Dataset, batchSize: number, rng: Rng): Loader {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > ds.count) {
    throw new Error(
      `createLoader: batch size must be an integer in [1, ${ds.count}] (the size of ${ds.name}), got ${batchSize}`,
    );
  }
  const size = sampleSize(ds);
  const order = new Int32Array(ds.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const batch: Batch = {
    x: { shape: [batchSize, ...ds.sampleShape], data: new Float32Array(batchSize * size) },
    y: new Int32Array(batchSize),
  };
  const batchesPerEpoch = Math.floor(ds.count / batchSize);
  let epoch = 0;
  let step = 0;
  let position = batchesPerEpoch; // start "at the end" so the first call shuffles

  const reshuffle = (): void => {
    // Fisher–Yates in place: no allocation per epoch.
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
  };

  return {
    next(): Batch {
      if (position === batchesPerEpoch) {
        reshuffle();
        position = 0;
      }
      const first = position * batchSize;
      const from = ds.x;
      const to = batch.x.data;
      for (let b = 0; b < batchSize; b++) {
        const source = order[first + b]!;
        // a plain copy loop: no subarray view allocated per sample
        const src = source * size;
        const dst = b * size;
        for (let k = 0; k < size; k++) to[dst + k] = from[src + k]!;
        batch.y[b] = ds.y[source]!;
      }
      position++;
      step++;
      if (position === batchesPerEpoch) epoch++;
      return batch;
    },
    get epoch() {
      return epoch;
    },
    get step() {
      return step;
    },
    batchesPerEpoch,
  };
}

/** A fresh batch holding the samples at `indices`, in that order. */
export function takeBatch(ds: Dataset, indices: ArrayLike<number>): Batch {
  const size = sampleSize(ds);
  const x = new Float32Array(indices.length * size);
  const y = new Int32Array(indices.length);
  for (let b = 0; b < indices.length; b++) {
    const source = indices[b]!;
    if (!Number.isInteger(source) || source < 0 || source >= ds.count) {
      throw new Error(
        `takeBatch: index ${source} (position ${b}) is outside ${ds.name}, which has ${ds.count} samples`,
      );
    }
    x.set(ds.x.subarray(source * size, (source + 1) * size), b * size);
    y[b] = ds.y[source]!;
  }
  return { x: { shape: [indices.length, ...ds.sampleShape], data: x }, y };
}

/** The first `limit` samples (all by default) as one batch, for evaluation. Shares no memory. */
export function fullBatch(ds: Dataset, limit: number = ds.count): Batch {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`fullBatch: limit must be a positive integer, got ${limit}`);
  }
  const n = Math.min(limit, ds.count);
  const size = sampleSize(ds);
  return {
    x: { shape: [n, ...ds.sampleShape], data: ds.x.slice(0, n * size) },
    y: ds.y.slice(0, n),
  };
}
