import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import {
  BOUNDED_HISTORY,
  freshRunState,
  MAX_PROBE_HISTORY,
  startRun,
  type RunState,
} from '../../src/runs/runState';
import type { FromWorker } from '../../src/worker/protocol';
import { snapshotOf } from '../store/fakeRunWorker';
import { applyAll, applyWithPolicy, READY } from './runFixtures';

/** A lesson's run, just told to train to `target`: waiting for its worker's 'ready'. */
const running = (target = 10) => startRun(freshRunState(DEFAULT_RUN_SETTINGS, true), target);

describe('a run with a target (a lesson experiment)', () => {
  it('ignores what an old run still sends until the worker is ready again', () => {
    const run = applyAll(running(), snapshotOf(1, 5), READY, snapshotOf(1, 3));
    expect(run.history.steps).toEqual([1, 2, 3]);
    expect(run.step).toBe(3);
  });

  it('keeps the loss of every step, each step once', () => {
    const run = applyAll(running(), READY, snapshotOf(1, 4), snapshotOf(3, 6));
    expect(run.history.steps).toEqual([1, 2, 3, 4, 5, 6]);
    // snapshotOf reports loss 1/step
    expect(run.history.losses).toEqual([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6].map(Math.fround));
  });

  it('is done at the target step', () => {
    const run = applyAll(running(10), READY, snapshotOf(1, 10));
    expect(run.status).toBe('done');
    expect(applyAll(run, { type: 'status', running: false }).status).toBe('done');
  });

  it('is paused and resumed by its page: its worker’s answer to a Pause changes nothing', () => {
    const trained = applyAll(running(10), READY, snapshotOf(1, 4));
    const paused: RunState = { ...trained, status: 'paused' };
    expect(applyAll(paused, snapshotOf(5, 5), { type: 'status', running: false })).toMatchObject({
      status: 'paused',
      step: 5,
    });
    // Resumed before that answer came: the worker trains again after answering.
    const resumed = startRun(paused, 10);
    expect(applyAll(resumed, { type: 'status', running: false }).status).toBe('running');
  });

  it('is done when its last step comes after the page paused it (the Pause came too late)', () => {
    const paused: RunState = {
      ...applyAll(running(10), READY, snapshotOf(1, 4)),
      status: 'paused',
    };
    expect(applyAll(paused, snapshotOf(5, 10)).status).toBe('done');
    expect(applyAll(paused, snapshotOf(5, 9)).status).toBe('paused');
  });

  it('stays paused when paused before its first step', () => {
    const paused: RunState = { ...applyAll(running(10), READY), status: 'paused' };
    expect(applyAll(paused, { type: 'status', running: false }).status).toBe('paused');
  });

  it('records a divergence, and an error (accepted even while waiting for ready)', () => {
    const diverged = applyAll(running(), READY, snapshotOf(1, 2), {
      type: 'diverged',
      step: 3,
      reason: 'loss is NaN',
    });
    expect(diverged).toMatchObject({ status: 'diverged', divergedAt: 3, message: 'loss is NaN' });
    const failed = applyAll(running(), { type: 'error', message: 'no data', step: 0 });
    expect(failed).toMatchObject({ status: 'error', message: 'no data' });
  });

  it("forgets an error that came before the new configuration's 'ready': it was the old one's", () => {
    // Run, then a setting changed before the first configuration's error arrived.
    const stale = applyAll(running(10), { type: 'error', message: 'no data', step: 0 }, READY);
    expect(stale).toMatchObject({ status: 'running', message: undefined, refused: false });
    expect(applyAll(stale, snapshotOf(1, 10)).status).toBe('done');
  });

  it('keeps every validation point with the complete history', () => {
    let run = applyAll(running(100_000), READY);
    for (let s = 1; s <= 1500; s++) {
      run = applyAll(run, {
        ...snapshotOf(s, s),
        validation: { step: s, loss: 1 / s, accuracy: 0.5, mode: 'eval' },
      });
    }
    expect(run.validation.items).toHaveLength(1500);
    expect(run.history.steps).toHaveLength(1500);
  });

  it('thins the probe history to every other frame when it is full', () => {
    let run = applyAll(running(1000), READY);
    for (let s = 1; s <= MAX_PROBE_HISTORY + 1; s++) {
      run = applyAll(
        run,
        snapshotOf(s, s, { probes: { step: s, params: [], activations: [], norms: [] } }),
      );
    }
    // 201 frames: every other one stays (steps 1, 3, …, 199), and the newest (step 201).
    const steps = run.probeHistory.items.map((p) => p.step);
    expect(steps).toHaveLength(MAX_PROBE_HISTORY / 2 + 1);
    expect(steps.slice(0, 3)).toEqual([1, 3, 5]);
    expect(steps.slice(-2)).toEqual([MAX_PROBE_HISTORY - 1, MAX_PROBE_HISTORY + 1]);
  });
});

describe('a run without a target (the Lab)', () => {
  const lab = (...messages: FromWorker[]) =>
    applyWithPolicy(BOUNDED_HISTORY, freshRunState(DEFAULT_RUN_SETTINGS), ...messages);

  it('is ready with its model and data, trains, and pauses; never done', () => {
    const run = lab(READY, { type: 'status', running: true }, snapshotOf(1, 40), {
      type: 'status',
      running: false,
    });
    expect(run).toMatchObject({ ready: true, parameterCount: 3, status: 'paused', step: 40 });
  });

  it('is idle again when stopped before its first step, paused after a Step', () => {
    expect(
      lab(READY, { type: 'status', running: true }, { type: 'status', running: false }).status,
    ).toBe('idle');
    expect(lab(READY, snapshotOf(1, 1)).status).toBe('paused');
  });

  it('bounds the loss curve and the validation points', () => {
    let run = lab(READY);
    for (let s = 1; s <= 1500; s++) {
      run = applyWithPolicy(BOUNDED_HISTORY, run, {
        ...snapshotOf(s * 20 - 19, s * 20),
        validation: { step: s * 20, loss: 1 / s, accuracy: 0.5, mode: 'eval' },
      });
    }
    expect(run.history.steps.length).toBeLessThanOrEqual(BOUNDED_HISTORY.lossPoints + 1);
    expect(run.validation.items.length).toBeLessThanOrEqual(BOUNDED_HISTORY.validationPoints + 1);
    expect(run.validation.items.at(-1)?.step).toBe(30_000);
  });

  it("is done when its worker stops by itself at the Lab's Stop at (finished), and trains on from there", () => {
    const done = lab(READY, { type: 'status', running: true }, snapshotOf(1, 200), {
      type: 'status',
      running: false,
      finished: true,
    });
    expect(done).toMatchObject({ status: 'done', step: 200 });
    const again = applyWithPolicy(BOUNDED_HISTORY, done, { type: 'status', running: true });
    expect(again.status).toBe('running');
    // A finished report cannot hide a divergence.
    const diverged = lab(
      READY,
      { type: 'diverged', step: 3, reason: 'NaN' },
      {
        type: 'status',
        running: false,
        finished: true,
      },
    );
    expect(diverged.status).toBe('diverged');
  });

  it("is idle and trainable when the old configuration's error arrives after the new one was sent", () => {
    // Own data: the run is set to a CSV before any file is stored (the worker answers with an
    // error), then the file arrives and the run is configured again before that error is read.
    const waiting: RunState = { ...freshRunState(DEFAULT_RUN_SETTINGS), awaitingReady: true };
    const failed = applyWithPolicy(BOUNDED_HISTORY, waiting, {
      type: 'error',
      message: 'This run trains on your own CSV file, which is not stored in this browser.',
      step: 0,
    });
    expect(failed.status).toBe('error');
    const ready = applyWithPolicy(BOUNDED_HISTORY, failed, READY);
    expect(ready).toMatchObject({ status: 'idle', message: undefined, ready: true });
  });

  it('keeps an error that comes after the configuration was ready, and one with no ready after it', () => {
    expect(lab(READY, { type: 'error', message: 'boom', step: 4 }, READY).status).toBe('error');
    const waiting: RunState = { ...freshRunState(DEFAULT_RUN_SETTINGS), awaitingReady: true };
    const refused = applyWithPolicy(BOUNDED_HISTORY, waiting, {
      type: 'error',
      message: 'too big',
      step: 0,
      refused: true,
    });
    expect(refused).toMatchObject({ status: 'error', refused: true, message: 'too big' });
  });

  it('keeps diverged and error final until the run starts over', () => {
    const diverged = lab(READY, { type: 'diverged', step: 3, reason: 'NaN' });
    expect(
      lab(READY, { type: 'diverged', step: 3, reason: 'NaN' }, { type: 'status', running: false })
        .status,
    ).toBe('diverged');
    expect(diverged.stepsPerSecond).toBe(0);
  });
});

describe('BatchNorm after training (fold and recalibrate answers)', () => {
  const evaluation = (loss: number) => ({ loss, accuracy: 0.9, count: 500, mode: 'eval' as const });
  const recalibrated: FromWorker = {
    type: 'afterTraining',
    result: {
      kind: 'recalibrate',
      step: 40,
      report: { batches: 20, batchSize: 32, before: evaluation(2), after: evaluation(0.5) },
    },
  };
  const refused: FromWorker = {
    type: 'afterTraining',
    result: { kind: 'refused', operation: 'fold', step: 40, message: 'Pause the run first' },
  };

  it('keeps the latest result of each operation, clears what was pending, and a refusal until the next success', () => {
    const asked: RunState = {
      ...applyAll(running(), READY),
      afterTraining: {
        ...freshRunState(DEFAULT_RUN_SETTINGS).afterTraining,
        pending: 'recalibrate',
      },
    };
    const done = applyAll(asked, recalibrated);
    expect(done.afterTraining.pending).toBeUndefined();
    expect(done.afterTraining.recalibration?.report.after.loss).toBe(0.5);
    const thenRefused = applyAll(done, refused);
    expect(thenRefused.afterTraining.refusal?.message).toBe('Pause the run first');
    expect(thenRefused.afterTraining.recalibration).toBe(done.afterTraining.recalibration);
    expect(applyAll(thenRefused, recalibrated).afterTraining.refusal).toBeUndefined();
  });

  it('a fresh run has none', () => {
    expect(freshRunState(DEFAULT_RUN_SETTINGS).afterTraining).toEqual({
      pending: undefined,
      fold: undefined,
      recalibration: undefined,
      refusal: undefined,
    });
  });
});
