import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import type { TrainTestSplit } from '../../src/engine/data/dataset';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { createDatasetLoader, type DatasetLoader } from '../../src/worker/loadDataset';
import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import type * as ModelViews from '../../src/worker/modelViews';
import type * as Probe from '../../src/engine/probes/probe';
import { SLICE_MS } from '../../src/worker/pacer';
import { SNAPSHOT_MS, TrainingSession } from '../../src/worker/trainingSession';
import { reluProbe } from '../engine/probes/reluProbe';

const nodeLoader = createDatasetLoader((resolution, standardize) =>
  Promise.resolve(loadMnistNode(resolution, { standardize })),
);

const small: LabRunSettings = { ...DEFAULT_RUN_SETTINGS, depth: 2, width: 16, batchSize: 16 };

interface Harness {
  readonly session: TrainingSession;
  readonly messages: FromWorker[];
  readonly transfers: Transferable[][];
  send(message: ToWorker): Promise<void>;
  snapshots(): Snapshot[];
  /** Every training step reported so far, in order. */
  steps(): number[];
  losses(): number[];
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[];
}

const sessions: TrainingSession[] = [];

function harness(loadDataset: DatasetLoader = nodeLoader): Harness {
  const messages: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const session = new TrainingSession({
    post: (message, transfer) => {
      messages.push(message);
      transfers.push(transfer);
    },
    loadDataset,
  });
  sessions.push(session);
  const of = <T extends FromWorker['type']>(type: T) =>
    messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const snapshots = () => of('snapshot');
  return {
    session,
    messages,
    transfers,
    send: (message) => session.handle(message),
    snapshots,
    steps: () => snapshots().flatMap((s) => Array.from(s.steps)),
    losses: () => snapshots().flatMap((s) => Array.from(s.losses)),
    of,
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function configured(settings: LabRunSettings, speed = 0): Promise<Harness> {
  const h = harness();
  await h.send({ type: 'configure', setup: toWorkerSetup(settings, speed) });
  return h;
}

afterEach(async () => {
  // Stop whatever a test left running, so it cannot steal time from the next one.
  await Promise.all(sessions.splice(0).map((s) => s.handle({ type: 'pause' })));
});

describe('configure', () => {
  it('reports the dataset and model, then an untrained snapshot with the decision boundary', async () => {
    const h = await configured(small);
    const [ready] = h.of('ready');
    expect(ready?.dataset).toMatchObject({
      id: 'spiral',
      trainCount: 1000,
      testCount: 500,
      sampleShape: [2],
      numClasses: 2,
    });
    expect(ready?.dataset.points?.x).toHaveLength(2000);
    // fc1 (2→16) + fc2 (16→16) + fc3 (16→2), each with a bias: 48 + 272 + 34
    expect(ready?.parameterCount).toBe(354);
    expect(ready?.layers.map((l) => l.name)).toEqual([
      'flatten',
      'fc1',
      'act1',
      'fc2',
      'act2',
      'fc3',
    ]);

    const first = h.snapshots()[0];
    expect(first?.step).toBe(0);
    expect(first?.losses).toHaveLength(0);
    const boundary = first?.boundary;
    expect(boundary?.size).toBe(48);
    expect(boundary?.probabilities).toHaveLength(48 * 48 * 2);
    const p = boundary?.probabilities ?? new Float32Array();
    for (let i = 0; i < p.length; i += 2) expect(p[i]! + p[i + 1]!).toBeCloseTo(1, 5);
  });

  it('validates the untrained model while idle, in eval mode', async () => {
    const h = await configured(small);
    await waitFor(() => h.snapshots().some((s) => s.validation), 'the step-0 validation');
    const validation = h.snapshots().find((s) => s.validation)?.validation;
    expect(validation).toMatchObject({ step: 0, mode: 'eval' });
    // An untrained 2-class net sits near ln 2 ≈ 0.693 and chance accuracy.
    expect(validation?.loss).toBeGreaterThan(0.4);
    expect(validation?.loss).toBeLessThan(1.2);
  });

  it('shows 16 fixed test digits with predictions for MNIST', async () => {
    const h = await configured({ ...small, dataset: 'mnist14' });
    const ready = h.of('ready')[0];
    expect(ready?.dataset).toMatchObject({ sampleShape: [1, 14, 14], numClasses: 10 });
    expect(ready?.dataset.points).toBeUndefined();
    const digits = h.snapshots()[0]?.digits;
    expect(digits?.height).toBe(14);
    expect(digits?.labels).toHaveLength(16);
    expect(digits?.predictions).toHaveLength(16);
    expect(digits?.pixels).toHaveLength(16 * 196);
    const pixels = Array.from(digits?.pixels ?? []);
    expect(Math.min(...pixels)).toBe(0);
    expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
    expect(Math.max(...pixels)).toBeGreaterThan(0.9);
    const test = loadMnistNode('14', { standardize: true }).test;
    expect(Array.from(digits?.labels ?? [])).toEqual(Array.from(test.y.subarray(0, 16)));
  });

  it('computes no digits or boundary when nothing shows them, and again when something does', async () => {
    const h = await configured({ ...small, dataset: 'mnist14' });
    await h.send({ type: 'setViews', views: false });
    await h.send({ type: 'step', count: 3 });
    await waitFor(() => h.snapshots().some((s) => s.validation?.step === 3), 'validation at 3');
    const stepped = h.snapshots().filter((s) => s.step > 0);
    // the last step's snapshot carries probes (claims read them), but no views
    expect(stepped.some((s) => s.probes?.step === 3)).toBe(true);
    expect(stepped.filter((s) => s.digits || s.boundary)).toEqual([]);
    await h.send({ type: 'setViews', views: true });
    await h.send({ type: 'step', count: 1 });
    await waitFor(() => h.snapshots().some((s) => s.step === 4 && s.digits), 'digits at step 4');
  });

  it('reports a dataset that cannot be loaded as a learner-facing error', async () => {
    const h = harness(() => Promise.reject(new Error('Could not load /data/x.bin: HTTP 404')));
    await h.send({ type: 'configure', setup: toWorkerSetup(small, 0) });
    expect(h.of('error')[0]?.message).toMatch(/could not be downloaded.*HTTP 404/);
    expect(h.of('ready')).toEqual([]);
  });

  it('tries to load the data again on reset after a failed download', async () => {
    let attempts = 0;
    const h = harness((choice) => {
      attempts++;
      return attempts === 1
        ? Promise.reject(new Error('Could not load x: offline'))
        : nodeLoader(choice);
    });
    await h.send({ type: 'configure', setup: toWorkerSetup(small, 0) });
    expect(h.of('ready')).toEqual([]);
    await h.send({ type: 'reset' });
    expect(attempts).toBe(2);
    expect(h.of('ready')).toHaveLength(1);
  });

  it('ignores a configuration that a newer one replaced while its data was loading', async () => {
    const waiting: (() => void)[] = [];
    const slow: DatasetLoader = (choice) =>
      new Promise<TrainTestSplit>((resolve) => {
        waiting.push(() => void nodeLoader(choice).then(resolve));
      });
    const h = harness(slow);
    const first = h.send({
      type: 'configure',
      setup: toWorkerSetup({ ...small, dataset: 'circles' }, 0),
    });
    await waitFor(() => waiting.length === 1, 'the first download to start');
    const second = h.send({
      type: 'configure',
      setup: toWorkerSetup({ ...small, dataset: 'xor' }, 0),
    });
    waiting[0]?.();
    await first;
    await waitFor(() => waiting.length === 2, 'the second download to start');
    waiting[1]?.();
    await second;
    expect(h.of('ready').map((r) => r.dataset.id)).toEqual(['xor']);
  });
});

describe('train and pause', () => {
  it('posts the first loss right after the first step, then every step once, until paused', async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    const pressed = fakeClock.time;
    await s.session.handle({ type: 'train' });
    expect(s.of('status')).toEqual([{ type: 'status', running: true }]);
    s.pump(1);
    const first = s.training()[0];
    expect(Array.from(first?.steps ?? [])).toEqual([1]);
    expect(first?.probes?.step).toBe(1);
    // in the first slice of work, not a snapshot interval later
    expect(s.postedAt(first) - pressed).toBeLessThan(SLICE_MS);

    s.pump(600);
    await s.session.handle({ type: 'pause' });
    expect(s.session.isRunning).toBe(false);
    expect(s.of('status').at(-1)).toEqual({ type: 'status', running: false });
    const reported = s.steps();
    expect(reported.length).toBeGreaterThanOrEqual(300);
    // Every step exactly once, in order, with finite losses.
    expect(reported).toEqual(Array.from({ length: reported.length }, (_, i) => i + 1));
    expect(s.training().every((t) => Array.from(t.losses).every(Number.isFinite))).toBe(true);

    const atPause = reported.length;
    s.pump(500);
    expect(s.steps().length).toBe(atPause);
    expect(s.of('snapshot').at(-1)?.step).toBe(atPause);
  });

  it('attaches probes of the latest step, validation and the boundary while training', async () => {
    const h = await configured(small);
    await h.send({ type: 'train' });
    await waitFor(
      () => h.snapshots().filter((s) => s.validation && s.validation.step > 0).length >= 2,
      'validation',
    );
    await h.send({ type: 'pause' });
    const training = h.snapshots().filter((s) => s.steps.length > 0);
    for (const s of training.filter((t) => t.probes)) {
      expect(s.probes?.step).toBe(s.steps[s.steps.length - 1]);
    }
    expect(training.some((s) => s.boundary)).toBe(true);
    const points = h.snapshots().flatMap((s) => (s.validation ? [s.validation] : []));
    expect(points.every((v) => v.mode === 'eval' && v.accuracy >= 0 && v.accuracy <= 1)).toBe(true);
    const steps = points.map((v) => v.step);
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]! - steps[i - 1]!).toBeGreaterThanOrEqual(50);
  });

  it(`snapshots at most about every ${SNAPSHOT_MS} ms`, async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    await s.session.handle({ type: 'train' });
    const started = fakeClock.time;
    s.pump(600);
    await s.session.handle({ type: 'pause' });
    const elapsed = fakeClock.time - started;
    const count = s.training().length;
    // one right after step 1, one per SNAPSHOT_MS, one at the pause (and validations may add a few)
    expect(count).toBeLessThanOrEqual(Math.ceil(elapsed / SNAPSHOT_MS) + 4);
    expect(count).toBeGreaterThanOrEqual(Math.floor(elapsed / SNAPSHOT_MS));
  });

  it('transfers the typed arrays it posts', async () => {
    const h = await configured(small);
    await h.send({ type: 'step', count: 3 });
    await waitFor(() => h.steps().length === 3, '3 steps');
    const index = h.messages.findIndex((m) => m.type === 'snapshot' && m.steps.length > 0);
    const snapshot = h.messages[index] as Snapshot;
    expect(h.transfers[index]).toContain(snapshot.losses.buffer);
    expect(h.transfers[index]).toContain(snapshot.steps.buffer);
  });

  it('holds to the speed limit', async () => {
    const s = await onFakeClock(small, { speed: 20 });
    await s.trainFor(500);
    // 20 steps/s for 0.5 s: 10, plus the first, which is immediate
    expect(s.steps().length).toBeGreaterThanOrEqual(10);
    expect(s.steps().length).toBeLessThanOrEqual(11);
  });

  it('changes speed on the fly', async () => {
    const s = await onFakeClock(small, { readMs: 0.5, speed: 10 });
    await s.session.handle({ type: 'setSpeed', speed: 0 });
    await s.trainFor(300);
    // 10 steps/s would have allowed 4
    expect(s.steps().length).toBeGreaterThan(30);
  });
});

describe('detail', () => {
  it('sends probes and the boundary about once a second with reduced detail, losses as before', async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    await s.session.handle({ type: 'setDetail', detail: 'reduced' });
    await s.session.handle({ type: 'train' });
    s.pump(700);
    const training = s.training();
    // the first step always carries probes; within 0.7 s nothing more than that
    expect(training.filter((t) => t.probes).length).toBeLessThanOrEqual(2);
    expect(training.filter((t) => t.boundary).length).toBeLessThanOrEqual(2);
    expect(training.length).toBeGreaterThanOrEqual(4);
    const before = s.training().length;
    await s.session.handle({ type: 'setDetail', detail: 'full' });
    s.pump(SNAPSHOT_MS * 2);
    expect(
      s
        .training()
        .slice(before)
        .some((t) => t.probes),
    ).toBe(true);
    await s.session.handle({ type: 'pause' });
    expect(s.steps()).toEqual(Array.from({ length: s.steps().length }, (_, i) => i + 1));
  });
});

describe('step', () => {
  it('runs exactly N steps with probes on the last, then validates, without a running status', async () => {
    const h = await configured(small);
    await h.send({ type: 'step', count: 5 });
    await waitFor(
      () => h.snapshots().some((s) => s.validation?.step === 5),
      'validation at step 5',
    );
    expect(h.steps()).toEqual([1, 2, 3, 4, 5]);
    const last = h
      .snapshots()
      .filter((s) => s.steps.length > 0)
      .at(-1);
    expect(last?.probes?.step).toBe(5);
    expect(last?.boundary).toBeDefined();
    expect(h.of('status')).toEqual([]);
    await h.send({ type: 'step', count: 1 });
    await waitFor(() => h.steps().length === 6, 'step 6');
    expect(h.steps().at(-1)).toBe(6);
  });

  it('stops at an absolute target however many steps it was told to take', async () => {
    const h = await configured(small);
    await h.send({ type: 'step', count: 5, upTo: 5 });
    await waitFor(() => h.snapshots().some((s) => s.validation?.step === 5), 'validation at 5');
    // A lesson's Resume reckoned from step 2, the last the page had seen (3 to go, up to 5), reaches
    // the worker after its last step: nothing more to train.
    await h.send({ type: 'step', count: 3, upTo: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.session.isRunning).toBe(false);
    expect(h.steps()).toEqual([1, 2, 3, 4, 5]);
    // A count that overshoots the target stops at the target.
    await h.send({ type: 'step', count: 4, upTo: 7 });
    await waitFor(() => h.snapshots().some((s) => s.validation?.step === 7), 'validation at 7');
    expect(h.steps()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("train until a target (the Lab's Stop at)", () => {
  it('stops by itself at exactly the step, with probes, views and a validation there, and says it finished', async () => {
    const h = await configured(small);
    await h.send({ type: 'train', until: { count: 40, unit: 'steps' } });
    await waitFor(() => h.of('status').length === 2, 'the finished status');
    expect(h.of('status')).toEqual([
      { type: 'status', running: true },
      { type: 'status', running: false, finished: true },
    ]);
    expect(h.session.isRunning).toBe(false);
    expect(h.steps()).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const last = h
      .snapshots()
      .filter((s) => s.steps.length > 0)
      .at(-1);
    expect(last?.step).toBe(40);
    expect(last?.probes?.step).toBe(40);
    expect(last?.boundary).toBeDefined();
    await waitFor(
      () => h.snapshots().some((s) => s.validation?.step === 40),
      'validation at step 40',
    );
    // Train again at the target: nothing trains, and it says so at once.
    await h.send({ type: 'train', until: { count: 40, unit: 'steps' } });
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false, finished: true });
    expect(h.steps()).toHaveLength(40);
    // A further target resumes from there.
    await h.send({ type: 'train', until: { count: 45, unit: 'steps' } });
    await waitFor(() => h.of('status').length === 5, 'the second finish');
    expect(h.steps()).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('counts epochs as whole passes over the training data (1000 points, batches of 16: 62 steps)', async () => {
    const h = await configured(small);
    await h.send({ type: 'train', until: { count: 2, unit: 'epochs' } });
    await waitFor(() => h.of('status').at(-1)?.running === false, 'the finish');
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false, finished: true });
    const last = h.snapshots().at(-1);
    expect(h.steps().at(-1)).toBe(124);
    expect(last?.epoch).toBe(2);
  });

  it('takes a new target while training: a nearer one stops it there, or at once once passed', async () => {
    const h = await configured(small, 100);
    await h.send({ type: 'train' });
    await waitFor(() => h.steps().length >= 3, 'a few steps');
    await h.send({ type: 'train', until: { count: 1, unit: 'steps' } });
    await waitFor(() => !h.session.isRunning, 'the stop');
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false, finished: true });
    const stoppedAt = h.steps().at(-1)!;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    // Open-ended again (no target): it trains on past where it stopped, until paused.
    await h.send({ type: 'train' });
    await waitFor(() => h.steps().length > stoppedAt + 2, 'steps after the stop');
    await h.send({ type: 'pause' });
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false });
  });
});

describe('reset', () => {
  it('starts the same run over: same initial weights, same data order, same losses', async () => {
    const h = await configured(small);
    await h.send({ type: 'step', count: 20 });
    await waitFor(() => h.steps().length === 20, '20 steps');
    const before = h.losses();
    await h.send({ type: 'reset' });
    expect(h.of('ready')).toHaveLength(2);
    expect(h.snapshots().at(-1)?.step).toBe(0);
    const count = h.steps().length;
    await h.send({ type: 'step', count: 20 });
    await waitFor(() => h.steps().length === count + 20, '20 more steps');
    expect(h.losses().slice(count)).toEqual(before);
  });

  it('stops a running session', async () => {
    const h = await configured(small);
    await h.send({ type: 'train' });
    await waitFor(() => h.steps().length > 10, 'some steps');
    await h.send({ type: 'reset' });
    expect(h.session.isRunning).toBe(false);
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false });
  });
});

describe('determinism', () => {
  async function lossesOf(settings: LabRunSettings, steps: number): Promise<number[]> {
    const h = await configured(settings);
    await h.send({ type: 'train' });
    await waitFor(() => h.steps().length >= steps, `${steps} steps`);
    await h.send({ type: 'pause' });
    return h.losses().slice(0, steps);
  }

  it('gives identical losses for the same settings and seed, whatever the snapshot timing', async () => {
    const settings: LabRunSettings = { ...small, norm: 'batchNorm', seed: 42 };
    const a = await lossesOf(settings, 150);
    const b = await lossesOf(settings, 150);
    expect(b).toEqual(a);
    const c = await lossesOf({ ...settings, seed: 43 }, 150);
    expect(c).not.toEqual(a);
  });
});

describe('failures', () => {
  it('reports divergence at learning rate 10 without normalization, and stops', async () => {
    // Measured: this MLP on the spiral overflows at step 6.
    const h = await configured({ ...DEFAULT_RUN_SETTINGS, learningRate: 10 });
    await h.send({ type: 'train' });
    await waitFor(() => h.of('diverged').length > 0, 'divergence');
    const diverged = h.of('diverged')[0];
    expect(diverged?.step).toBeGreaterThan(0);
    expect(diverged?.reason).toMatch(/non-finite|became/);
    expect(h.session.isRunning).toBe(false);
    expect(h.of('status').at(-1)).toEqual({ type: 'status', running: false });
    // Every step before the divergent one was reported.
    expect(h.steps()).toEqual(Array.from({ length: diverged!.step - 1 }, (_, i) => i + 1));
    // Train again: the run stays diverged and says so.
    await h.send({ type: 'train' });
    expect(h.of('diverged')).toHaveLength(2);
    expect(h.session.isRunning).toBe(false);
  });

  it('explains batch size 1 with BatchNorm, then works again after a new configuration', async () => {
    const h = await configured({ ...small, norm: 'batchNorm', batchSize: 1 });
    await h.send({ type: 'train' });
    await waitFor(() => h.of('error').length > 0, 'the error');
    const error = h.of('error')[0];
    expect(error?.message).toMatch(/BatchNorm cannot train with a batch size of 1/);
    expect(error?.message).toMatch(/Expected more than 1 value per channel when training/);
    expect(error?.message).toMatch(/GroupNorm/);
    expect(error?.step).toBe(0);
    expect(h.session.isRunning).toBe(false);

    await h.send({ type: 'reset' });
    expect(h.of('ready')).toHaveLength(2);
    await h.send({ type: 'configure', setup: toWorkerSetup({ ...small, norm: 'batchNorm' }, 0) });
    await h.send({ type: 'step', count: 3 });
    await waitFor(() => h.steps().length === 3, 'steps after reconfiguring');
    expect(h.of('error')).toHaveLength(1);
  });

  it('reports settings the engine rejects as an error without a ready message', async () => {
    const h = harness();
    const setup = toWorkerSetup(small, 0);
    await h.send({
      type: 'configure',
      setup: { ...setup, config: { ...setup.config, batchSize: 0 } },
    });
    expect(h.of('ready')).toEqual([]);
    expect(h.of('error')[0]?.message).toMatch(/batchSize/);
  });
});

describe('validation mode and evaluate', () => {
  it('re-validates in train mode when asked while idle', async () => {
    const h = await configured({ ...small, norm: 'batchNorm' });
    await waitFor(() => h.snapshots().some((s) => s.validation), 'first validation');
    await h.send({ type: 'setValidationMode', mode: 'train' });
    await waitFor(
      () => h.snapshots().some((s) => s.validation?.mode === 'train'),
      'train-mode validation',
    );
    await h.send({ type: 'evaluate' });
    await waitFor(
      () => h.snapshots().filter((s) => s.validation?.mode === 'train').length === 2,
      'a second train-mode validation',
    );
  });
});

describe('depthProbe', () => {
  it('answers with the request id', async () => {
    const h = harness();
    await h.send({
      type: 'depthProbe',
      id: 7,
      options: reluProbe({ depth: 5, width: 32, batchSize: 64, seed: 1 }),
    });
    const reply = h.of('depthProbe')[0];
    expect(reply?.id).toBe(7);
    expect(reply?.result.layers).toHaveLength(5);
  });

  it('answers an invalid request with an error for that id', async () => {
    const h = harness();
    await h.send({
      type: 'depthProbe',
      id: 8,
      options: {
        depth: 500,
        width: 32,
        batchSize: 64,
        activation: 'relu',
        init: { kind: 'zeros' },
        norm: 'none',
        seed: 1,
      },
    });
    expect(h.of('depthProbeError')[0]).toMatchObject({
      id: 8,
      message: expect.stringMatching(/depth/),
    });
  });
});

/** The fake clock of `onFakeClock`, shared with the stand-in decisionBoundary below. */
const fakeClock = vi.hoisted(() => ({ time: 0, boundaryMs: 0, probeMs: 0, slowdown: 1 }));

// The real probes, which on the fake clock also cost `fakeClock.probeMs` of time per probed step.
vi.mock('../../src/engine/probes/probe', async (importOriginal) => {
  const real = await importOriginal<typeof Probe>();
  class ProbeRecorder extends real.ProbeRecorder {
    override paramStats(...args: Parameters<Probe.ProbeRecorder['paramStats']>) {
      fakeClock.time += fakeClock.probeMs;
      return super.paramStats(...args);
    }
  }
  return { ...real, ProbeRecorder };
});

// The real decision boundary, which on the fake clock also costs `fakeClock.boundaryMs` of time.
vi.mock('../../src/worker/modelViews', async (importOriginal) => {
  const real = await importOriginal<typeof ModelViews>();
  return {
    ...real,
    decisionBoundary: (...args: Parameters<typeof real.decisionBoundary>) => {
      fakeClock.time += fakeClock.boundaryMs;
      return real.decisionBoundary(...args);
    },
  };
});

/**
 * A session on a fake clock: every reading of the clock costs `readMs` of work, a decision boundary
 * costs `boundaryMs` more, and a scheduled task runs once the clock has been moved on by its delay
 * (resting). So the time the session works and the time it rests can be told apart exactly, and no
 * outcome depends on how fast the machine running the test is.
 */
async function onFakeClock(
  settings: LabRunSettings,
  { readMs = 0.01, boundaryMs = 0, probeMs = 0, speed = 0 } = {},
) {
  fakeClock.time = 0;
  fakeClock.slowdown = 1;
  fakeClock.boundaryMs = boundaryMs;
  fakeClock.probeMs = probeMs;
  let rested = 0;
  const queue: { task: () => void; at: number }[] = [];
  const messages: FromWorker[] = [];
  const postedAt = new Map<FromWorker, number>();
  const session = new TrainingSession({
    post: (message) => {
      messages.push(message);
      postedAt.set(message, fakeClock.time);
    },
    loadDataset: nodeLoader,
    // `slowdown` stretches all work alike, as a busy machine that lets the worker run part of the time
    now: () => (fakeClock.time += readMs * fakeClock.slowdown),
    schedule: (task, delay) => void queue.push({ task, at: fakeClock.time + delay }),
  });
  sessions.push(session);
  await session.handle({ type: 'configure', setup: toWorkerSetup(settings, speed) });
  const of = <T extends FromWorker['type']>(type: T) =>
    messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const training = () => of('snapshot').filter((m) => m.steps.length > 0);
  /** Runs the session's scheduled tasks for `ms` of fake time; returns the time spent resting. */
  const pump = (ms: number): number => {
    const end = fakeClock.time + ms;
    rested = 0;
    while (fakeClock.time < end) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue.shift();
      if (!next) break;
      if (next.at > fakeClock.time) {
        rested += next.at - fakeClock.time;
        fakeClock.time = next.at;
      }
      next.task();
    }
    return rested;
  };
  return {
    session,
    messages,
    of,
    /** The fake time at which the session posted `message`. */
    postedAt: (message: FromWorker | undefined) => (message && postedAt.get(message)) ?? Number.NaN,
    pump,
    /** Trains for `ms` of fake time, then pauses; returns the time spent resting. */
    async trainFor(ms: number): Promise<number> {
      await session.handle({ type: 'train' });
      const rest = pump(ms);
      await session.handle({ type: 'pause' });
      return rest;
    },
    /** The snapshots with training steps in them. */
    training,
    /** Every training step reported so far, in order. */
    steps: () => training().flatMap((t) => Array.from(t.steps)),
  };
}

describe('cpu share', () => {
  it('works flat out by default', async () => {
    const s = await onFakeClock(small);
    await s.session.handle({ type: 'train' });
    expect(s.pump(200)).toBe(0);
  });

  it('rests three times as long as it works with a quarter of a core', async () => {
    const s = await onFakeClock(small);
    await s.session.handle({ type: 'setCpuShare', share: 0.25, ownSlowdown: 1 });
    await s.session.handle({ type: 'train' });
    const rested = s.pump(2000);
    expect(rested / 2000).toBeGreaterThan(0.7);
    expect(rested / 2000).toBeLessThan(0.8);
    const snapshots = s.messages.filter((m) => m.type === 'snapshot').length;
    expect(snapshots).toBeGreaterThan(1);
  });

  it('stops resting when a busy machine already holds it below its share', async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    await s.session.handle({ type: 'setCpuShare', share: 0.5, ownSlowdown: 1 });
    await s.session.handle({ type: 'train' });
    expect(s.pump(2000) / 2000).toBeGreaterThan(0.4);
    // every step now takes 4× as long: the worker ran a quarter of each slice, below half a core
    fakeClock.slowdown = 4;
    expect(s.pump(2000) / 2000).toBeLessThan(0.05);
    // and 1.5×: it ran two thirds of each slice, so it rests a third as long as the slice took
    fakeClock.slowdown = 1.5;
    const rested = s.pump(3000) / 3000;
    expect(rested).toBeGreaterThan(0.2);
    expect(rested).toBeLessThan(0.3);
  });

  it("takes the slowdown that its page's runs cause one another for their own, not a busy machine", async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    // two runs on two cores (cpuShareFor(2, 2), ownSlowdownFor(2, 2)): both computing beside the
    // page's core, three threads ask for two cores, so a step may take 1.5× its time
    await s.session.handle({ type: 'setCpuShare', share: 0.5, ownSlowdown: 1.5 });
    await s.session.handle({ type: 'train' });
    expect(s.pump(2000) / 2000).toBeGreaterThan(0.4);
    // steps twice as long: 2 / 1.5 beyond what its page explains, so three quarters of each slice
    // count and it rests half as long as it works (taken for a busy machine alone, half counted and
    // no rest: flat out, slowing the other run further)
    fakeClock.slowdown = 2;
    const rested = s.pump(3000) / 3000;
    expect(rested).toBeGreaterThan(0.28);
    expect(rested).toBeLessThan(0.38);
    // four times as long: a busy machine, three eighths count, below half a core: no rest
    fakeClock.slowdown = 4;
    expect(s.pump(2000) / 2000).toBeLessThan(0.05);
  });

  it('ignores a share that is not in (0, 1] rather than stalling', async () => {
    for (const share of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const s = await onFakeClock(small);
      await s.session.handle({ type: 'setCpuShare', share: 0.5, ownSlowdown: 1 });
      await s.session.handle({ type: 'setCpuShare', share, ownSlowdown: 1 });
      expect(await s.trainFor(100)).toBe(0);
    }
  });
});

describe('decision boundary cadence', () => {
  it('comes with every snapshot while it is cheap', async () => {
    const s = await onFakeClock(small, { readMs: 0.5 });
    await s.trainFor(800);
    const training = s.training();
    expect(training.length).toBeGreaterThanOrEqual(5);
    // the pause's own snapshot carries one too; every other snapshot has a fresh boundary
    expect(training.filter((t) => !t.boundary).length).toBeLessThanOrEqual(1);
  });

  it('comes less often when a big network makes it expensive, but at least once a second', async () => {
    // as 2,304 grid points through 3 × 512² weights would: 50 ms per boundary
    const s = await onFakeClock(small, { readMs: 0.5, boundaryMs: 50 });
    await s.trainFor(2500);
    const training = s.training();
    const boundaries = training.filter((t) => t.boundary).length;
    expect(training.length).toBeGreaterThanOrEqual(8);
    expect(boundaries).toBeLessThan(training.length / 2);
    expect(boundaries).toBeGreaterThanOrEqual(2);
  });
});

describe('probe cadence', () => {
  it('comes with every snapshot while probes are cheap', async () => {
    const s = await onFakeClock(small, { readMs: 0.5, probeMs: 1 });
    await s.trainFor(2000);
    const training = s.training();
    expect(training.length).toBeGreaterThanOrEqual(15);
    // (the pause's own snapshot, the last, carries the steps since the previous one and no probes)
    expect(training.slice(0, -1).filter((t) => !t.probes)).toEqual([]);
  });

  it('takes at most about a quarter of the time when probes are expensive, but keeps coming', async () => {
    // 100 ms per probe against about 2 ms per step: probing with every snapshot (80 ms) would take
    // over half the worker's time, as it did on a busy machine whose 80 ms held only a few steps
    const s = await onFakeClock(small, { readMs: 0.5, probeMs: 100 });
    await s.session.handle({ type: 'train' });
    const total = 8000;
    s.pump(total);
    await s.session.handle({ type: 'pause' });
    const probed = s.training().filter((t) => t.probes).length;
    expect((probed * 100) / total).toBeLessThanOrEqual(0.3);
    expect(probed).toBeGreaterThanOrEqual(10);
  });
});

describe('probe spacing (a lesson block asks for as many probes as its charts draw)', () => {
  /** Steps 60 steps on the fake clock with `spacing`; the probed steps and the snapshots' count. */
  async function stepWithSpacing(spacing: number) {
    // about 20 ms a step: a snapshot (every 80 ms) every few steps, and cheap probes
    const s = await onFakeClock(small, { readMs: 5, probeMs: 1 });
    await s.session.handle({ type: 'setProbeSpacing', steps: spacing });
    await s.session.handle({ type: 'step', count: 60 });
    s.pump(60_000);
    expect(s.steps()).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const probed = s.training().flatMap((t) => (t.probes ? [t.probes.step] : []));
    return { probed, snapshots: s.training().length };
  }

  it('probes no closer than the spacing, and always the last step', async () => {
    const { probed, snapshots } = await stepWithSpacing(10);
    // without a spacing every one of these snapshots would carry probes (cheap ones, see above)
    expect(snapshots).toBeGreaterThanOrEqual(12);
    expect(probed.length).toBeGreaterThanOrEqual(5);
    expect(probed.length).toBeLessThanOrEqual(7);
    expect(probed.at(-1)).toBe(60);
    const gaps = probed.slice(1).map((step, i) => step - probed[i]!);
    expect(gaps.slice(0, -1).every((gap) => gap >= 10)).toBe(true);
  });

  it('probes only the last step when no chart draws probes', async () => {
    const { probed } = await stepWithSpacing(Infinity);
    expect(probed).toEqual([60]);
  });

  it('probes every snapshot with the default spacing, as the Lab does', async () => {
    const { probed, snapshots } = await stepWithSpacing(1);
    expect(probed.length).toBe(snapshots);
  });
});

describe('validation schedule', () => {
  it.each([
    [
      'validates at exactly every n steps and after the last step when the setup says so',
      30,
      [7, 14, 21, 28, 30],
    ],
    ['sends the validation of a last step that falls on the schedule', 28, [7, 14, 21, 28]],
  ])('%s', async (_, count, expected) => {
    const h = harness();
    await h.send({ type: 'configure', setup: toWorkerSetup(small, 0, 7) });
    await h.send({ type: 'step', count });
    await waitFor(
      () => h.snapshots().some((s) => s.validation?.step === count),
      `the validation after the last step, ${count}`,
    );
    const steps = h.snapshots().flatMap((s) => (s.validation ? [s.validation.step] : []));
    // (the untrained model's validation gives way to the Step, as a Train's does)
    expect(steps).toEqual(expected);
  });
});
