/**
 * The two commands the README documents, run as a user runs them: export a lesson experiment's run
 * and train it headless with the engine, then run the exported train.py in real PyTorch.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { torchPython } from '../helpers/torchPython';
import { compareLosses } from './parityChecks';

const run = promisify(execFile);
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const EXPERIMENT = 'lessons/03-batch-normalization.md#eval-vs-train-validation';
const out = mkdtempSync(join(tmpdir(), 'normlab-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const losses = (stdout: string) => (JSON.parse(stdout) as { losses: number[] }).losses;

async function failure(script: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(TSX, [script, ...args]);
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
  throw new Error(`${script} ${args.join(' ')} succeeded`);
}

describe('export:pytorch and trajectory', () => {
  it('export run b of a lesson experiment; train.py prints the engine trajectory', async () => {
    await run(TSX, ['scripts/exportPytorch.ts', EXPERIMENT, '--out', out, '--run', 'b']);
    for (const file of [
      'train.py',
      'train.ipynb',
      'README.md',
      'data.npz',
      'initial_weights.npz',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    // Run b validates in train mode (the forgotten model.eval()), and the script says so.
    const script = readFileSync(join(out, 'train.py'), 'utf8');
    expect(script).toContain(
      'Validating in eval mode and in train mode, run "Train-mode validation"',
    );
    expect(script).toContain('validates in TRAIN mode');
    const notebook = JSON.parse(readFileSync(join(out, 'train.ipynb'), 'utf8')) as {
      cells: { cell_type: string; source: string[] }[];
    };
    expect(notebook.cells.some((c) => c.source.join('').includes('def train(steps'))).toBe(true);

    const engine = await run(TSX, [
      'scripts/trajectory.ts',
      EXPERIMENT,
      '--run',
      'b',
      '--steps',
      '20',
      '--json',
    ]);
    const torch = await run(torchPython(), [join(out, 'train.py'), '--steps', '20', '--json']);
    expect(losses(engine.stdout)).toHaveLength(20);
    expect(compareLosses(losses(engine.stdout), losses(torch.stdout))).toEqual([]);
  }, 300_000);

  it('refuse what they cannot use, with a sentence and exit code 2', async () => {
    const noRun = await failure('scripts/exportPytorch.ts', [
      'lessons/03-batch-normalization.md#bn-vs-plain',
      '--out',
      out,
      '--run',
      'c',
    ]);
    expect(noRun.code).toBe(2);
    expect(noRun.stderr).toContain("Experiment 'bn-vs-plain' has 2 runs");
    const badLink = await failure('scripts/trajectory.ts', [
      'http://x/#/lab?a.lr=abc',
      '--steps',
      '5',
    ]);
    expect(badLink.code).toBe(2);
    expect(badLink.stderr).toContain('a.lr=abc is not a number');
    const neither = await failure('scripts/trajectory.ts', ['lessons/nope', '--steps', '5']);
    expect(neither.stderr).toContain('is neither a Lab link');
    const noOut = await failure('scripts/exportPytorch.ts', [EXPERIMENT]);
    expect(noOut.stderr).toContain('--out DIR is required');
  }, 300_000);
});
