import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/lessons/claims';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { claimStatus } from '../../../src/ui/lessons/claimStatus';
import type { RunStatus } from '../../../src/runs/runState';
import { freshExperimentRun, type ExperimentRun } from '../../../src/ui/lessons/experimentRun';
import { boundedListOf, historyOf } from '../../runs/runFixtures';

/** A run of `losses.length` steps; `validatedAt` adds a validation point at that step. */
function run(
  label: string,
  losses: number[],
  status: RunStatus,
  extra: Partial<ExperimentRun> = {},
): ExperimentRun {
  return {
    ...freshExperimentRun(label, DEFAULT_RUN_SETTINGS),
    status,
    target: 100,
    step: losses.length,
    history: historyOf(losses),
    ...extra,
  };
}

const falling = (n: number) => Array.from({ length: n }, (_, i) => 2 / (i + 1));
const flat = (n: number) => Array.from({ length: n }, () => 2);
const finalValidation = {
  validation: boundedListOf([{ step: 100, loss: 0.5, accuracy: 0.9, mode: 'eval' as const }]),
};

describe('claimStatus', () => {
  const falls: Claim = { kind: 'lossFalls', run: 'A', fraction: 0.5 };
  const faster: Claim = { kind: 'fasterToLoss', fast: 'A', slow: 'B', loss: 0.5, ratio: 0.6 };

  it('waits while the named runs have not trained', () => {
    expect(claimStatus(falls, [run('A', [], 'idle')])).toEqual({ state: 'waiting' });
  });

  it('holds a final-state claim as provisional until the run has finished and been validated', () => {
    expect(claimStatus(falls, [run('A', falling(60), 'running')]).state).toBe('provisional');
    expect(claimStatus(falls, [run('A', falling(100), 'done')]).state).toBe('provisional');
    expect(claimStatus(falls, [run('A', falling(100), 'done', finalValidation)]).state).toBe(
      'shown',
    );
  });

  it('counts a claim that more training cannot undo as soon as it holds', () => {
    const status = claimStatus(faster, [
      run('A', falling(60), 'running'),
      run('B', flat(60), 'running'),
    ]);
    // A's loss 2/k smoothed over its first 20 steps is 2·H₂₀/20 = 0.360 ≤ 0.5, so A gets there at
    // step 20; B (flat at 2) has not after 60 steps, and 20 ≤ 0.6 · 60.
    expect(status.state).toBe('shown');
  });

  it('says the effect did not show once every named run has finished', () => {
    expect(claimStatus(falls, [run('A', flat(100), 'done', finalValidation)])).toEqual({
      state: 'notShown',
      detail: 'A: training loss (mean of 20 steps) 2.000 at step 20 → 2.000 at step 100',
    });
  });

  it('ignores runs the claim does not name', () => {
    const status = claimStatus(falls, [
      run('A', falling(100), 'done', finalValidation),
      run('C', [], 'running'),
    ]);
    expect(status.state).toBe('shown');
  });
});
