import type { Tensor } from '../tensor';
import type { ParsedMnist } from './mnistFormat';

/**
 * A labelled classification set held in memory: sample i occupies x[i·S, (i+1)·S) with
 * S = product(sampleShape), and its class is y[i] ∈ [0, numClasses).
 */
export interface Dataset {
  readonly name: string;
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
  /** Shape of one sample, without the batch dimension: [1, H, W] for images, [2] for points. */
  readonly sampleShape: readonly number[];
  readonly numClasses: number;
  readonly classNames?: readonly string[];
  /** The per-pixel mean and std that were subtracted and divided out, when standardized. */
  readonly standardization?: PixelStats;
}

/** A minibatch: x is [B, ...sampleShape], y the B class indices. */
export interface Batch {
  readonly x: Tensor;
  readonly y: Int32Array;
}

/** The two halves of a fixed train/test split. */
export interface TrainTestSplit {
  readonly train: Dataset;
  readonly test: Dataset;
}

export interface PixelStats {
  readonly mean: number;
  readonly std: number;
}

export interface MnistDatasetOptions {
  /** Subtract the mean and divide by the std of the pixel values (in [0, 1]). */
  readonly standardize: boolean;
  /** The statistics to standardize with; default: computed from these images. Pass the train set's for the test set. */
  readonly stats?: PixelStats;
  readonly name?: string;
}

const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * Mean and (population) std of all pixel values scaled to [0, 1], accumulated in float64 — over
 * the whole MNIST training set these are the classic 0.1307 and 0.3081.
 */
export function pixelStats(parsed: ParsedMnist): PixelStats {
  const { images } = parsed;
  if (images.length === 0) throw new Error('pixelStats: no pixels to measure');
  const histogram = new Float64Array(256);
  for (let i = 0; i < images.length; i++) histogram[images[i]!]!++;
  let sum = 0;
  let sumSquares = 0;
  for (let v = 0; v < 256; v++) {
    const value = v / 255;
    sum += histogram[v]! * value;
    sumSquares += histogram[v]! * value * value;
  }
  const mean = sum / images.length;
  const variance = Math.max(0, sumSquares / images.length - mean * mean);
  return { mean, std: Math.sqrt(variance) };
}

/** MNIST as a Dataset: pixels / 255, optionally standardized as (p − mean) / std. */
export function mnistDataset(parsed: ParsedMnist, options: MnistDatasetOptions): Dataset {
  const { images, labels, count, height, width } = parsed;
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    if (label > 9) {
      throw new Error(`mnistDataset: label ${label} of sample ${i} is not a digit 0..9`);
    }
    y[i] = label;
  }
  const stats = options.standardize ? (options.stats ?? pixelStats(parsed)) : undefined;
  if (stats !== undefined && !(stats.std > 0 && Number.isFinite(stats.mean))) {
    throw new Error(
      `mnistDataset: cannot standardize with mean ${stats.mean} and std ${stats.std} (std must be > 0)`,
    );
  }
  // A 256-entry lookup keeps the conversion exact and identical for every pixel with the same value.
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) {
    table[v] = stats === undefined ? v / 255 : (v / 255 - stats.mean) / stats.std;
  }
  const x = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) x[i] = table[images[i]!]!;
  const base = {
    name: options.name ?? `mnist-${height}x${width}`,
    x,
    y,
    count,
    sampleShape: [1, height, width],
    numClasses: 10,
    classNames: DIGIT_NAMES,
  };
  return stats === undefined ? base : { ...base, standardization: stats };
}

/** Train and test sets from one resolution, the test set standardized with the TRAIN statistics. */
export function mnistTrainTest(
  train: ParsedMnist,
  test: ParsedMnist,
  options: { readonly standardize: boolean; readonly name: string },
): TrainTestSplit {
  const stats = options.standardize ? pixelStats(train) : undefined;
  const shared = stats === undefined ? { standardize: false } : { standardize: true, stats };
  return {
    train: mnistDataset(train, { ...shared, name: `${options.name}-train` }),
    test: mnistDataset(test, { ...shared, name: `${options.name}-test` }),
  };
}

/** The number of floats in one sample. */
export function sampleSize(ds: Pick<Dataset, 'sampleShape'>): number {
  let size = 1;
  for (const d of ds.sampleShape) size *= d;
  return size;
}
