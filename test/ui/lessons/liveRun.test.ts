import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import {
  applyLiveMessage,
  freshLiveRun,
  isSettled,
  MAX_PROBE_FRAMES,
  startLiveRun,
  toRunHistory,
  type LiveRun,
} from '../../../src/ui/lessons/liveRun';
import type { FromWorker } from '../../../src/worker/protocol';
import { snapshotOf } from '../../store/fakeRunWorker';

const READY: FromWorker = {
  type: 'ready',
  dataset: { id: 'spiral', trainCount: 4, testCount: 4, sampleShape: [2], numClasses: 2 },
  parameterCount: 3,
  layers: [],
};

function apply(run: LiveRun, ...messages: FromWorker[]): LiveRun {
  return messages.reduce(applyLiveMessage, run);
}

const running = (target = 10) =>
  startLiveRun(freshLiveRun('Net', DEFAULT_RUN_SETTINGS, true), target);

describe('live run', () => {
  it('ignores what an old run still sends until the worker is ready again', () => {
    const run = apply(running(), snapshotOf(1, 5), READY, snapshotOf(1, 3));
    expect(run.steps).toEqual([1, 2, 3]);
    expect(run.step).toBe(3);
  });

  it('keeps the loss of every step, each step once', () => {
    const run = apply(running(), READY, snapshotOf(1, 4), snapshotOf(3, 6));
    expect(run.steps).toEqual([1, 2, 3, 4, 5, 6]);
    // snapshotOf reports loss 1/step
    expect(run.losses).toEqual([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6].map(Math.fround));
  });

  it('is done at the target step and settled once validated there', () => {
    let run = apply(running(10), READY, snapshotOf(1, 10));
    expect(run.status).toBe('done');
    expect(isSettled(run)).toBe(false);
    run = apply(run, {
      ...snapshotOf(10, 10),
      validation: { step: 10, loss: 0.4, accuracy: 0.8, mode: 'eval' },
    });
    expect(isSettled(run)).toBe(true);
  });

  it('is paused when the worker stops before the target', () => {
    const run = apply(running(10), READY, snapshotOf(1, 4), { type: 'status', running: false });
    expect(run.status).toBe('paused');
    expect(isSettled(run)).toBe(false);
  });

  it('records a divergence (settled) and an error (accepted even while waiting for ready)', () => {
    const diverged = apply(running(), READY, snapshotOf(1, 2), {
      type: 'diverged',
      step: 3,
      reason: 'loss is NaN',
    });
    expect(diverged).toMatchObject({ status: 'diverged', divergedAt: 3, message: 'loss is NaN' });
    expect(isSettled(diverged)).toBe(true);
    expect(toRunHistory(diverged).divergedAt).toBe(3);
    const failed = apply(running(), { type: 'error', message: 'no data', step: 0 });
    expect(failed).toMatchObject({ status: 'error', message: 'no data' });
  });

  it('gives the claim evaluator validation after training only', () => {
    const run = apply(
      running(),
      READY,
      { ...snapshotOf(1, 1), validation: { step: 0, loss: 2.3, accuracy: 0.1, mode: 'eval' } },
      { ...snapshotOf(2, 2), validation: { step: 2, loss: 1.1, accuracy: 0.6, mode: 'eval' } },
    );
    expect(toRunHistory(run).validation).toEqual([
      { step: 2, loss: 1.1, accuracy: 0.6, mode: 'eval' },
    ]);
  });

  it('thins the probe history to every other frame when it is full', () => {
    let run = apply(running(1000), READY);
    for (let s = 1; s <= MAX_PROBE_FRAMES + 1; s++) {
      run = apply(
        run,
        snapshotOf(s, s, { probes: { step: s, params: [], activations: [], norms: [] } }),
      );
    }
    // 201 frames: the odd positions (steps 2, 4, …, 200) stay, plus the newest (step 201).
    const steps = run.probeHistory.map((p) => p.step);
    expect(steps).toHaveLength(MAX_PROBE_FRAMES / 2 + 1);
    expect(steps.slice(0, 3)).toEqual([2, 4, 6]);
    expect(steps.slice(-2)).toEqual([MAX_PROBE_FRAMES, MAX_PROBE_FRAMES + 1]);
  });
});
