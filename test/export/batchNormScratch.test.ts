/**
 * Lesson 3 shows a from-scratch BatchNorm1d in Python beside the engine's source; here it runs
 * against torch.nn.BatchNorm1d in real PyTorch, in train and eval mode.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../helpers/torchPython';

const run = promisify(execFile);
const SCRATCH = join(import.meta.dirname, '../../src/export/scratch/batch_norm_1d.py');
const CHECK = join(import.meta.dirname, 'check_batch_norm_1d.py');
const dir = mkdtempSync(join(tmpdir(), 'normlab-bn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function differences(path: string): Promise<Record<string, number>> {
  const { stdout } = await run(torchPython(), [CHECK, path]);
  return JSON.parse(stdout) as Record<string, number>;
}

describe('the from-scratch BatchNorm1d of lesson 3', () => {
  it(
    'computes what torch.nn.BatchNorm1d computes, in train and eval mode (float64, 1e-12)',
    async () => {
      const worst = await differences(SCRATCH);
      expect(Object.keys(worst).sort()).toEqual(
        [
          'eval output',
          'input gradient',
          'running mean',
          'running var',
          'train output',
          'β gradient',
          'γ gradient',
        ].sort(),
      );
      for (const [what, difference] of Object.entries(worst)) {
        expect(difference, what).toBeLessThan(1e-12);
      }
    },
    TORCH_TEST_TIMEOUT_MS,
  );

  it(
    'and the check notices a mistake: the biased variance in the running average',
    async () => {
      const source = readFileSync(SCRATCH, 'utf8');
      const wrong = source.replace('self.momentum * var * n / (n - 1)', 'self.momentum * var');
      expect(wrong).not.toBe(source);
      const path = join(dir, 'wrong.py');
      writeFileSync(path, wrong);
      const worst = await differences(path);
      expect(worst['running var']).toBeGreaterThan(1e-3);
      expect(worst['eval output']).toBeGreaterThan(1e-3);
      expect(worst['train output']).toBeLessThan(1e-12);
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
