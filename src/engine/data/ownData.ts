import { createRng } from '../rng';
import type { Dataset, TrainTestSplit } from './dataset';
import { stratifiedSplit } from './split';
import { featureStats, standardizeFeatures, type FeatureStats } from './standardize';

/**
 * A learner's own labelled table: from a CSV file, or points drawn on the plane. Raw values, as the
 * learner gave them; how it is split and scaled for a run is chosen per run (`OwnDataOptions`).
 */
export interface OwnData {
  /** The file name, or a name for a drawn set. */
  readonly name: string;
  readonly source: 'csv' | 'drawn';
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly count: number;
  /** count × features, row-major. */
  readonly x: Float32Array;
  /** Class indices into classNames. */
  readonly y: Int32Array;
}

export interface OwnDataOptions {
  /** The share of the rows held out for validation, in [MIN_VALIDATION_FRACTION, MAX_VALIDATION_FRACTION]. */
  readonly validationFraction: number;
  /** Standardize every feature with the training rows' mean and std. */
  readonly standardize: boolean;
}

/** A problem with own data that the learner can fix; its message says how. */
export class OwnDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OwnDataError';
  }
}

export const MIN_VALIDATION_FRACTION = 0.05;
export const MAX_VALIDATION_FRACTION = 0.5;
/** Each class needs a row in training and one in validation. */
export const MIN_ROWS_PER_CLASS = 2;
/** The split is drawn from this seed, so every run on the same table holds out the same rows. */
export const OWN_SPLIT_SEED = 20260415;

/** A standardized own set also carries the training statistics, so one input can be scaled alike. */
export interface OwnSplit extends TrainTestSplit {
  readonly featureStats?: FeatureStats;
}

function rowsOf(data: OwnData, indices: Int32Array, features: number): Float32Array {
  const out = new Float32Array(indices.length * features);
  indices.forEach((row, i) =>
    out.set(data.x.subarray(row * features, (row + 1) * features), i * features),
  );
  return out;
}

/**
 * Train and validation sets from an own table: a stratified split (every class gives the same share
 * to validation) drawn from a fixed seed, then, when asked, features standardized with the
 * statistics of the training rows only, so nothing of the validation rows leaks into training.
 */
export function ownDataSplit(data: OwnData, options: OwnDataOptions): OwnSplit {
  const features = data.featureNames.length;
  const { validationFraction: fraction } = options;
  if (!(fraction >= MIN_VALIDATION_FRACTION && fraction <= MAX_VALIDATION_FRACTION)) {
    throw new OwnDataError(
      `The validation share must be from ${MIN_VALIDATION_FRACTION * 100}% to ${MAX_VALIDATION_FRACTION * 100}%, got ${fraction * 100}%`,
    );
  }
  const perClass = new Array<number>(data.classNames.length).fill(0);
  for (const label of data.y) perClass[label]!++;
  perClass.forEach((n, c) => {
    if (n < MIN_ROWS_PER_CLASS) {
      throw new OwnDataError(
        `Class '${data.classNames[c]}' has ${n} row${n === 1 ? '' : 's'}; every class needs at least ${MIN_ROWS_PER_CLASS} (one to train on, one to validate with)`,
      );
    }
  });
  const split = stratifiedSplit(data.y, fraction, createRng(OWN_SPLIT_SEED));
  if (split.test.length === 0) {
    throw new OwnDataError(
      `${Math.round(fraction * 100)}% of ${data.count} rows is no row at all: add rows or hold out a larger share for validation`,
    );
  }
  let trainX = rowsOf(data, split.train, features);
  let testX = rowsOf(data, split.test, features);
  let stats: FeatureStats | undefined;
  if (options.standardize) {
    stats = featureStats(trainX, split.train.length, features);
    trainX = standardizeFeatures(trainX, features, stats);
    testX = standardizeFeatures(testX, features, stats);
  }
  const part = (name: string, x: Float32Array, rows: Int32Array): Dataset => ({
    name: `${data.name}-${name}`,
    x,
    y: Int32Array.from(rows, (row) => data.y[row]!),
    count: rows.length,
    sampleShape: [features],
    numClasses: data.classNames.length,
    classNames: data.classNames,
  });
  return {
    train: part('train', trainX, split.train),
    test: part('validation', testX, split.test),
    ...(stats ? { featureStats: stats } : {}),
  };
}

/**
 * A short fingerprint of a table and its options (FNV-1a, 32 bits, over names, values, labels and
 * options): equal tables give equal fingerprints, and a run set up for one table refuses another.
 */
export function ownDataFingerprint(data: OwnData, options: OwnDataOptions): string {
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  const text = JSON.stringify([
    data.name,
    data.featureNames,
    data.classNames,
    options.validationFraction,
    options.standardize,
  ]);
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i) & 0xff);
  for (const bytes of [
    new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength),
    new Uint8Array(data.y.buffer, data.y.byteOffset, data.y.byteLength),
  ]) {
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]!);
  }
  return `${data.count}x${data.featureNames.length}-${hash.toString(16).padStart(8, '0')}`;
}
