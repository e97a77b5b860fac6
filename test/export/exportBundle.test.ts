import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBundle, slug } from '../../src/export/exportBundle';
import { exportSetupOf } from '../../src/export/exportSetup';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { nodeDatasetLoader } from '../../scripts/nodeDatasets';

const FILES = ['README.md', 'data.npz', 'initial_weights.npz', 'train.ipynb', 'train.py'];

describe('exportBundle', () => {
  it('puts one run in the zip folder and several runs each in a folder of their own', async () => {
    const setup = exportSetupOf(DEFAULT_RUN_SETTINGS, { title: 'Lab run A' });
    const one = unzipSync(
      await exportBundle([{ setup, folder: 'run-a' }], 'lab', nodeDatasetLoader),
    );
    expect(Object.keys(one).sort()).toEqual(FILES.map((f) => `lab/${f}`));
    const two = unzipSync(
      await exportBundle(
        [
          { setup, folder: 'plain' },
          { setup, folder: 'batchnorm' },
        ],
        'exp',
        nodeDatasetLoader,
      ),
    );
    expect(Object.keys(two).sort()).toEqual(
      ['batchnorm', 'plain'].flatMap((run) => FILES.map((f) => `exp/${run}/${f}`)),
    );
  });

  it('names folders with lowercase letters, digits and dashes', () => {
    expect(slug('BatchNorm (before), lr 0.1')).toBe('batchnorm-before-lr-0-1');
    expect(slug('→')).toBe('run');
  });
});
