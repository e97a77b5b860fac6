import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MNIST_DATA_DIR } from '../../../src/data/loadMnistNode';
import {
  MNIST_RESOLUTIONS,
  MNIST_SPLITS,
  mnistFileName,
} from '../../../src/engine/data/mnistFiles';

describe('mnistFiles', () => {
  it('names each resolution and split', () => {
    expect(mnistFileName('14', 'train')).toBe('mnist-14-train.bin');
    expect(mnistFileName('28', 'test')).toBe('mnist-28-test.bin');
  });

  it('every named file is committed under public/data', () => {
    for (const r of MNIST_RESOLUTIONS) {
      for (const s of MNIST_SPLITS)
        expect(existsSync(join(MNIST_DATA_DIR, mnistFileName(r, s))), `${r} ${s}`).toBe(true);
    }
  });
});
