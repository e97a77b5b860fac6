import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { startRun } from '../../../src/runs/runState';
import { freshExperimentRun, isSettled, toRunHistory } from '../../../src/ui/lessons/experimentRun';
import { applyAll, READY } from '../../runs/runFixtures';
import { snapshotOf } from '../../store/fakeRunWorker';

const running = (target = 10) =>
  startRun(freshExperimentRun('Net', DEFAULT_RUN_SETTINGS, true), target);

describe('an experiment run', () => {
  it('is settled once validated at its target step', () => {
    let run = applyAll(running(10), READY, snapshotOf(1, 10));
    expect(run.status).toBe('done');
    expect(isSettled(run)).toBe(false);
    run = applyAll(run, {
      ...snapshotOf(10, 10),
      validation: { step: 10, loss: 0.4, accuracy: 0.8, mode: 'eval' },
    });
    expect(isSettled(run)).toBe(true);
  });

  it('is not settled while paused before the target', () => {
    const run = applyAll(running(10), READY, snapshotOf(1, 4), { type: 'status', running: false });
    expect(isSettled(run)).toBe(false);
  });

  it('is settled by a divergence, which the claim evaluator hears of', () => {
    const diverged = applyAll(running(), READY, snapshotOf(1, 2), {
      type: 'diverged',
      step: 3,
      reason: 'loss is NaN',
    });
    expect(isSettled(diverged)).toBe(true);
    expect(toRunHistory(diverged).divergedAt).toBe(3);
  });

  it('gives the claim evaluator validation after training only', () => {
    const run = applyAll(
      running(),
      READY,
      { ...snapshotOf(1, 1), validation: { step: 0, loss: 2.3, accuracy: 0.1, mode: 'eval' } },
      { ...snapshotOf(2, 2), validation: { step: 2, loss: 1.1, accuracy: 0.6, mode: 'eval' } },
    );
    expect(toRunHistory(run).validation).toEqual([
      { step: 2, loss: 1.1, accuracy: 0.6, mode: 'eval' },
    ]);
  });
});
