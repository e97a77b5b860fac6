import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mnistTrainTest, type TrainTestSplit } from '../engine/data/dataset';
import { mnistFileName, type MnistResolution } from '../engine/data/mnistFiles';
import { parseMnist, type ParsedMnist } from '../engine/data/mnistFormat';

/** The committed binaries, as the Vite dev server and build serve them. */
export const MNIST_DATA_DIR = fileURLToPath(new URL('../../public/data/', import.meta.url));

export interface NodeMnistOptions {
  readonly standardize: boolean;
  /** Folder holding the mnist-*.bin files; default public/data. */
  readonly dir?: string;
}

// Decoding 28×28 takes a few hundred ms; tests and benchmarks load the same files many times.
const parsedByPath = new Map<string, ParsedMnist>();

function readParsed(path: string): ParsedMnist {
  let parsed = parsedByPath.get(path);
  if (parsed === undefined) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (error) {
      throw new Error(
        `Could not read ${path} (run \`npm run data\` to build it): ${String(error)}`,
        { cause: error },
      );
    }
    parsed = parseMnist(bytes, path);
    parsedByPath.set(path, parsed);
  }
  return parsed;
}

/**
 * MNIST train/test sets read from disk, for tests and benchmarks. Each call builds fresh float
 * arrays, so callers may modify what they get.
 */
export function loadMnistNode(
  resolution: MnistResolution,
  options: NodeMnistOptions,
): TrainTestSplit {
  const dir = options.dir ?? MNIST_DATA_DIR;
  const train = readParsed(join(dir, mnistFileName(resolution, 'train')));
  const test = readParsed(join(dir, mnistFileName(resolution, 'test')));
  return mnistTrainTest(train, test, {
    standardize: options.standardize,
    name: `mnist-${resolution}`,
  });
}
