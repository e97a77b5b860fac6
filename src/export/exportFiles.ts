import { strToU8, zipSync } from 'fflate';
import type { TrainTestSplit } from '../engine/data/dataset';
import { TrainingRun } from '../engine/train/trainingRun';
import { EXPORT_VALIDATION_SAMPLES, type ExportSetup } from './exportSetup';
import { trainNotebook } from './notebook';
import { encodeNpz, type NpzEntry } from './npy';
import { trainScript } from './python/trainScript';
import { exportReadme } from './readme';

/** The files of an export, by name: what the zip holds and the CLI writes. */
export type ExportFiles = Readonly<Record<string, Uint8Array>>;

/** The validation samples the app looks at: the first 1,000 of the test set (or all of them). */
export function validationSlice(split: TrainTestSplit): { x: Float32Array; y: Int32Array } {
  const { test } = split;
  const count = Math.min(EXPORT_VALIDATION_SAMPLES, test.count);
  const size = test.sampleShape.reduce((a, b) => a * b, 1);
  return { x: test.x.subarray(0, count * size), y: test.y.subarray(0, count) };
}

export function dataEntries(split: TrainTestSplit): NpzEntry[] {
  const { train } = split;
  const val = validationSlice(split);
  return [
    { name: 'x_train', array: train.x, shape: [train.count, ...train.sampleShape] },
    { name: 'y_train', array: train.y, shape: [train.count] },
    { name: 'x_val', array: val.x, shape: [val.y.length, ...train.sampleShape] },
    { name: 'y_val', array: val.y, shape: [val.y.length] },
  ];
}

/**
 * The engine's initial weights for this run, by state_dict name: exactly what the app's run starts
 * from (the same TrainingRun the worker builds, before its first step). BatchNorm's step counter is
 * an int64 in PyTorch, so it is written as one.
 */
export function initialWeightEntries(setup: ExportSetup, split: TrainTestSplit): NpzEntry[] {
  const run = new TrainingRun(setup.config, split.train);
  const tensors = [...run.model.params(), ...run.model.buffers()];
  return tensors.map(({ name, value }) =>
    name.endsWith('num_batches_tracked')
      ? {
          name,
          array: BigInt64Array.from(value.data, (v) => BigInt(v)),
          shape: [],
        }
      : { name, array: value.data, shape: value.shape },
  );
}

export function exportFiles(setup: ExportSetup, split: TrainTestSplit): ExportFiles {
  return {
    'train.py': strToU8(trainScript(setup)),
    'train.ipynb': strToU8(trainNotebook(setup)),
    'README.md': strToU8(exportReadme(setup)),
    'data.npz': encodeNpz(dataEntries(split)),
    'initial_weights.npz': encodeNpz(initialWeightEntries(setup, split)),
  };
}

/** The export as one zip, its files inside a folder named like the zip. */
export function exportZip(files: ExportFiles, folder: string): Uint8Array {
  const nested: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) nested[`${folder}/${name}`] = bytes;
  return zipSync(nested, { level: 6 });
}
