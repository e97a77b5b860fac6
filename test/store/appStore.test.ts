import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeSnapshot } from '../../src/engine/probes/probe';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { MAX_PROBE_HISTORY } from '../../src/runs/runState';
import { resetAppStore, useAppStore } from '../../src/store/appStore';
import {
  FOLLOW_WINDOW_MS,
  LEAD_GAP_MS,
  setMessageBatchWindow,
} from '../../src/runs/messageBatching';
import { setRunWorkerFactory } from '../../src/runs/workerFactory';
import { runLabels, selectAnyRunning, selectSelectedRun } from '../../src/store/selectors';
import { fakeWorkerFactory, snapshotOf, type FakeRunWorker } from './fakeRunWorker';

let made: FakeRunWorker[];
const store = () => useAppStore.getState();
const run = (i: number) => store().runs[i]!;

beforeEach(() => {
  const factory = fakeWorkerFactory();
  made = factory.made;
  setRunWorkerFactory(factory.create);
  setMessageBatchWindow(0);
});

afterEach(() => {
  resetAppStore();
  setRunWorkerFactory(undefined);
  setMessageBatchWindow(undefined);
});

const probes = (step: number): ProbeSnapshot => ({ step, activations: [], params: [], norms: [] });

describe('connecting', () => {
  it('starts with one default run and no workers until connected', () => {
    expect(store().runs).toHaveLength(1);
    expect(run(0).settings).toEqual(DEFAULT_RUN_SETTINGS);
    expect(made).toHaveLength(0);
  });

  it('creates and configures one worker per run', () => {
    store().connect();
    expect(made).toHaveLength(1);
    expect(made[0]?.sent).toEqual([
      { type: 'configure', setup: toWorkerSetup(DEFAULT_RUN_SETTINGS, 0) },
    ]);
    store().connect();
    expect(made).toHaveLength(1);
  });

  it('marks a run ready when its worker reports the model', () => {
    store().connect();
    made[0]?.emit({
      type: 'ready',
      dataset: { id: 'spiral', trainCount: 1000, testCount: 500, sampleShape: [2], numClasses: 2 },
      parameterCount: 354,
      layers: [{ name: 'fc1', label: 'Linear(2→16)' }],
    });
    expect(run(0)).toMatchObject({ ready: true, parameterCount: 354 });
    expect(run(0).dataset?.numClasses).toBe(2);
  });

  it('disconnects by terminating workers and showing running runs as paused', () => {
    store().connect();
    made[0]?.emit({ type: 'status', running: true });
    made[0]?.emit(snapshotOf(1, 3));
    store().disconnect();
    expect(made[0]?.terminated).toBe(true);
    expect(run(0).status).toBe('paused');
    expect(store().connected).toBe(false);
  });
});

describe('training', () => {
  beforeEach(() => store().connect());

  it('trains, reports progress and pauses', () => {
    const id = run(0).id;
    store().trainRun(id);
    expect(made[0]?.types()).toEqual(['configure', 'train']);
    made[0]?.emit({ type: 'status', running: true });
    expect(run(0).status).toBe('running');
    expect(selectAnyRunning(store())).toBe(true);

    made[0]?.emit(snapshotOf(1, 1, { probes: probes(1) }));
    made[0]?.emit(snapshotOf(2, 40, { epoch: 1, stepsPerSecond: 250, probes: probes(40) }));
    expect(run(0)).toMatchObject({ step: 40, epoch: 1, stepsPerSecond: 250 });
    expect(run(0).history.steps).toHaveLength(40);
    expect(run(0).history.losses[3]).toBeCloseTo(0.25, 6);
    expect(run(0).probes?.step).toBe(40);
    expect(run(0).probeHistory.items.map((p) => p.step)).toEqual([1, 40]);

    store().pauseRun(id);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'pause' });
    made[0]?.emit({ type: 'status', running: false });
    expect(run(0).status).toBe('paused');
  });

  it('keeps validation, boundary and digits from snapshots', () => {
    const boundary = { size: 2, extent: 1.5, probabilities: new Float32Array(8) };
    made[0]?.emit(
      snapshotOf(1, 50, {
        validation: { step: 50, loss: 0.4, accuracy: 0.8, mode: 'eval' },
        boundary,
      }),
    );
    made[0]?.emit(snapshotOf(51, 60));
    expect(run(0).validation.items).toEqual([{ step: 50, loss: 0.4, accuracy: 0.8, mode: 'eval' }]);
    expect(run(0).boundary).toBe(boundary);
  });

  it('bounds the probe history over a long run', () => {
    for (let i = 1; i <= 1000; i++) made[0]?.emit(snapshotOf(i, i, { probes: probes(i) }));
    expect(run(0).probeHistory.items.length).toBeLessThanOrEqual(MAX_PROBE_HISTORY + 1);
    expect(run(0).probeHistory.items.at(-1)?.step).toBe(1000);
    expect(run(0).probes?.step).toBe(1000);
  });

  it('shows a stepped run as paused', () => {
    store().stepRun(run(0).id, 5);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'step', count: 5 });
    made[0]?.emit(snapshotOf(1, 5));
    expect(run(0).status).toBe('paused');
  });

  it('stops at divergence and only resumes after a reset', () => {
    const id = run(0).id;
    made[0]?.emit({ type: 'status', running: true });
    made[0]?.emit(snapshotOf(1, 5));
    made[0]?.emit({ type: 'diverged', step: 6, reason: 'the loss became NaN' });
    made[0]?.emit({ type: 'status', running: false });
    expect(run(0)).toMatchObject({
      status: 'diverged',
      divergedAt: 6,
      message: 'the loss became NaN',
    });
    const sent = made[0]!.sent.length;
    store().trainRun(id);
    store().stepRun(id);
    expect(made[0]?.sent).toHaveLength(sent);

    store().resetRun(id);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'reset' });
    expect(run(0)).toMatchObject({ status: 'idle', step: 0, divergedAt: undefined });
    expect(run(0).history.steps).toEqual([]);
  });

  it('shows a worker error and restarts a crashed worker on reset', () => {
    const id = run(0).id;
    made[0]!.crashed = true;
    made[0]?.emit({ type: 'error', message: 'The training worker stopped unexpectedly.', step: 3 });
    expect(run(0)).toMatchObject({
      status: 'error',
      message: 'The training worker stopped unexpectedly.',
    });
    store().resetRun(id);
    expect(made[0]?.restarts).toBe(1);
    expect(made[0]?.types().at(-1)).toBe('configure');
    expect(run(0).status).toBe('idle');
  });

  it('acts on every run at once', () => {
    store().addRun();
    store().trainAll();
    expect(made.map((w) => w.types().at(-1))).toEqual(['train', 'train']);
    made.forEach((w) => w.emit({ type: 'status', running: true }));
    store().pauseAll();
    expect(made.map((w) => w.types().at(-1))).toEqual(['pause', 'pause']);
    made.forEach((w) => w.emit({ type: 'status', running: false }));
    store().stepAll(3);
    expect(made.map((w) => w.sent.at(-1))).toEqual([
      { type: 'step', count: 3 },
      { type: 'step', count: 3 },
    ]);
    store().resetAll();
    expect(made.map((w) => w.types().at(-1))).toEqual(['reset', 'reset']);
  });

  it('pauses a run whose worker has not yet answered Train, so it does not start after Pause', () => {
    store().addRun();
    store().trainAll();
    made[0]?.emit({ type: 'status', running: true });
    store().pauseAll();
    expect(made.map((w) => w.types().at(-1))).toEqual(['pause', 'pause']);
  });
});

describe('Stop at', () => {
  beforeEach(() => store().connect());

  it('sends the target with Train, and a finished worker makes the run done', () => {
    store().setStopAt({ count: 200, unit: 'steps' });
    store().trainAll();
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'train', until: { count: 200, unit: 'steps' } });
    made[0]?.emit({ type: 'status', running: true });
    made[0]?.emit(snapshotOf(1, 200));
    expect(run(0).status).toBe('running');
    made[0]?.emit({ type: 'status', running: false, finished: true });
    expect(run(0)).toMatchObject({ status: 'done', step: 200 });
  });

  it('does not train a run that has reached the target, and trains it again once the target is raised', () => {
    store().setStopAt({ count: 200, unit: 'steps' });
    made[0]?.emit(snapshotOf(1, 200));
    made[0]?.emit({ type: 'status', running: false, finished: true });
    const sent = made[0]!.sent.length;
    store().trainAll();
    expect(made[0]?.sent).toHaveLength(sent);

    store().setStopAt({ count: 300, unit: 'steps' });
    // No longer where it finished: paused again, and Train continues to the new target.
    expect(run(0).status).toBe('paused');
    store().trainAll();
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'train', until: { count: 300, unit: 'steps' } });
  });

  it("counts epochs from the run's epoch, and tells a training run a changed target", () => {
    store().setStopAt({ count: 2, unit: 'epochs' });
    store().trainAll();
    made[0]?.emit({ type: 'status', running: true });
    made[0]?.emit(snapshotOf(1, 62, { epoch: 1 }));
    store().setStopAt(null);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'train' });
    store().setStopAt({ count: 1, unit: 'epochs' });
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'train', until: { count: 1, unit: 'epochs' } });
    made[0]?.emit({ type: 'status', running: false, finished: true });
    expect(run(0).status).toBe('done');
    // Past one epoch already: Train would stop at once, so it is not sent.
    const sent = made[0]!.sent.length;
    store().trainAll();
    expect(made[0]?.sent).toHaveLength(sent);
  });

  it('steps past the target on purpose: the run is paused there, no longer done', () => {
    store().setStopAt({ count: 10, unit: 'steps' });
    made[0]?.emit(snapshotOf(1, 10));
    made[0]?.emit({ type: 'status', running: false, finished: true });
    store().stepRun(run(0).id, 1);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'step', count: 1 });
    expect(run(0).status).toBe('paused');
  });
});

describe('runs', () => {
  beforeEach(() => store().connect());

  it("adds runs with A's settings, up to four", () => {
    store().updateSetting(run(0).id, 'learningRate', 0.05);
    store().addRun();
    store().addRun();
    store().addRun();
    store().addRun();
    expect(store().runs).toHaveLength(4);
    expect(store().runs.every((r) => r.settings.learningRate === 0.05)).toBe(true);
    expect(made).toHaveLength(4);
    expect(new Set(store().runs.map((r) => r.id)).size).toBe(4);
  });

  it('duplicates a run and selects the copy, then one setting changes only the copy', () => {
    store().addRun();
    expect(selectSelectedRun(store())?.id).toBe(run(1).id);
    store().updateSetting(run(1).id, 'norm', 'layerNorm');
    store().duplicateRun(run(1).id);
    expect(run(2).settings.norm).toBe('layerNorm');
    expect(selectSelectedRun(store())?.id).toBe(run(2).id);
    store().updateSetting(run(2).id, 'norm', 'batchNorm');
    expect(runLabels(store().runs)).toEqual(
      new Map([
        [run(0).id, 'A'],
        [run(1).id, 'B: LayerNorm'],
        [run(2).id, 'C: BatchNorm'],
      ]),
    );
  });

  it('hands out the same run labels while the runs train, and new ones when a setting changes', () => {
    store().connect();
    store().addRun();
    store().updateSetting(run(1).id, 'norm', 'layerNorm');
    const before = runLabels(store().runs);
    made[1]?.emit({
      type: 'ready',
      dataset: { id: 'spiral', trainCount: 1000, testCount: 500, sampleShape: [2], numClasses: 2 },
      parameterCount: 4482,
      layers: [],
    });
    made[1]?.emit(snapshotOf(1, 5));
    expect(run(1).step).toBe(5);
    expect(runLabels(store().runs)).toBe(before);
    store().updateSetting(run(1).id, 'norm', 'batchNorm');
    const after = runLabels(store().runs);
    expect(after).not.toBe(before);
    expect(after.get(run(1).id)).toBe('B: BatchNorm');
    expect(before.get(run(1).id)).toBe('B: LayerNorm');
  });

  it('removes a run and its worker, but never the last run', () => {
    store().addRun();
    const removed = run(1).id;
    store().selectRun(removed);
    store().removeRun(removed);
    expect(store().runs).toHaveLength(1);
    expect(made[1]?.terminated).toBe(true);
    expect(selectSelectedRun(store())?.id).toBe(run(0).id);
    // a late message from the removed run's worker changes nothing
    made[1]?.emit(snapshotOf(1, 5));
    expect(store().runs).toHaveLength(1);
    store().removeRun(run(0).id);
    expect(store().runs).toHaveLength(1);
  });

  it('reconfigures the worker when a setting changes, clearing the progress', () => {
    made[0]?.emit(snapshotOf(1, 10));
    store().updateSetting(run(0).id, 'norm', 'batchNorm');
    expect(run(0).settings.norm).toBe('batchNorm');
    expect(run(0).step).toBe(0);
    expect(run(0).history.steps).toEqual([]);
    expect(made[0]?.sent.at(-1)).toEqual({
      type: 'configure',
      setup: toWorkerSetup({ ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' }, 0),
    });
  });

  it('keeps settings coherent: a 2-D set switches the CNN back to the MLP', () => {
    const id = run(0).id;
    store().updateSetting(id, 'dataset', 'mnist14');
    store().updateSetting(id, 'architecture', 'cnn');
    expect(run(0).settings.architecture).toBe('cnn');
    store().updateSetting(id, 'dataset', 'circles');
    expect(run(0).settings).toMatchObject({ dataset: 'circles', architecture: 'mlp' });
  });

  it('ignores what the old run still had in flight after a change, until the worker is ready', () => {
    made[0]?.emit(snapshotOf(1, 10));
    store().updateSetting(run(0).id, 'width', 64);
    made[0]?.emit(snapshotOf(11, 20));
    made[0]?.emit({ type: 'status', running: false });
    expect(run(0)).toMatchObject({ step: 0, status: 'idle', awaitingReady: true });
    expect(run(0).history.steps).toEqual([]);
    made[0]?.emit({
      type: 'ready',
      dataset: { id: 'spiral', trainCount: 1000, testCount: 500, sampleShape: [2], numClasses: 2 },
      parameterCount: 4482,
      layers: [],
    });
    made[0]?.emit(snapshotOf(1, 2));
    expect(run(0)).toMatchObject({ step: 2, awaitingReady: false, parameterCount: 4482 });
  });

  it('still reports an error while waiting for the new run', () => {
    store().resetRun(run(0).id);
    made[0]?.emit({ type: 'error', message: 'The dataset could not be downloaded.', step: 0 });
    expect(run(0)).toMatchObject({
      status: 'error',
      message: 'The dataset could not be downloaded.',
    });
  });

  it('changes the validation mode without restarting the run', () => {
    made[0]?.emit(snapshotOf(1, 10));
    store().updateSetting(run(0).id, 'validationMode', 'train');
    expect(run(0).step).toBe(10);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'setValidationMode', mode: 'train' });
  });

  it('ignores a setting that does not change anything', () => {
    const before = made[0]!.sent.length;
    store().updateSetting(run(0).id, 'learningRate', DEFAULT_RUN_SETTINGS.learningRate);
    expect(made[0]?.sent).toHaveLength(before);
  });

  it('replaces every run when a link is loaded', () => {
    store().loadRuns([
      { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' },
      { ...DEFAULT_RUN_SETTINGS, norm: 'none' },
    ]);
    expect(made[0]?.terminated).toBe(true);
    expect(store().runs.map((r) => r.settings.norm)).toEqual(['batchNorm', 'none']);
    expect(made.slice(1).map((w) => w.types())).toEqual([
      ['configure'],
      ['configure', 'setDetail'],
    ]);
  });
});

describe('snapshot detail', () => {
  it('asks full detail of the selected run only, and follows the selection', () => {
    store().connect();
    store().addRun();
    store().addRun();
    const details = () =>
      made.map((w) => {
        const last = w.sent.filter((m) => m.type === 'setDetail').at(-1);
        return last?.type === 'setDetail' ? last.detail : 'full';
      });
    // each added run is selected in turn: the newest has full detail
    expect(details()).toEqual(['reduced', 'reduced', 'full']);
    store().selectRun(run(0).id);
    expect(details()).toEqual(['full', 'reduced', 'reduced']);
    store().selectRun(run(2).id);
    expect(details()).toEqual(['reduced', 'reduced', 'full']);
    const sent = made.map((w) => w.sent.length);
    store().selectRun(run(2).id);
    expect(made.map((w) => w.sent.length)).toEqual(sent);
    store().removeRun(run(2).id);
    expect(details().slice(0, 2)).toEqual(['full', 'reduced']);
  });
});

describe('applying worker messages', () => {
  /** Lets the gap after the last store update pass (earlier tests applied messages moments ago). */
  const quiet = () => new Promise((wake) => setTimeout(wake, LEAD_GAP_MS + 10));

  it("applies the selected run's snapshots at once, each in an update of its own, and the others' with them", async () => {
    setMessageBatchWindow(undefined);
    store().connect();
    store().addRun(); // B, selected
    const [a, b] = made;
    await quiet();
    const updates: number[][] = [];
    const unsubscribe = useAppStore.subscribe((s) => updates.push(s.runs.map((r) => r.step)));
    b?.emit(snapshotOf(1, 5));
    expect(run(1).step).toBe(5);
    a?.emit(snapshotOf(1, 7)); // A is not selected: it waits for B's next snapshot
    expect(run(0).step).toBe(0);
    await new Promise((wake) => setTimeout(wake, LEAD_GAP_MS + 10));
    expect(run(0).step).toBe(0);
    b?.emit(snapshotOf(6, 9));
    expect(updates).toEqual([
      [0, 5],
      [7, 9],
    ]);
    // A's snapshots do not wait for ever when B stands still
    a?.emit(snapshotOf(8, 12));
    await new Promise((wake) => setTimeout(wake, FOLLOW_WINDOW_MS + 30));
    expect(run(0).step).toBe(12);
    unsubscribe();
  });

  it("applies a status change of any run at once, with that run's waiting snapshots", async () => {
    setMessageBatchWindow(undefined);
    store().connect();
    store().addRun(); // B, selected
    await quiet();
    made[1]?.emit(snapshotOf(1, 2));
    made[0]?.emit(snapshotOf(1, 3));
    expect(run(0).step).toBe(0);
    await quiet();
    made[0]?.emit({ type: 'status', running: true });
    expect(run(0)).toMatchObject({ status: 'running', step: 3 });
  });
});

describe('preferences', () => {
  it('sends a new speed to every worker and configures new ones with it', () => {
    store().connect();
    store().setSpeed(20);
    expect(made[0]?.sent.at(-1)).toEqual({ type: 'setSpeed', speed: 20 });
    store().addRun();
    expect(made[1]?.sent[0]).toEqual({
      type: 'configure',
      setup: toWorkerSetup(DEFAULT_RUN_SETTINGS, 20),
    });
  });

  it('hides and shows panels', () => {
    store().setPanelVisible('batchNorm', false);
    expect(store().panels.batchNorm).toBe(false);
    expect(store().panels.loss).toBe(true);
  });
});

describe('resetAppStore', () => {
  it('returns to one default run and terminates workers', () => {
    store().connect();
    store().addRun();
    resetAppStore();
    expect(store().runs).toHaveLength(1);
    expect(store().connected).toBe(false);
    expect(made.every((w) => w.terminated)).toBe(true);
  });
});

describe('cpu share', () => {
  const shares = () =>
    made.map((w) => {
      const last = w.sent.filter((m) => m.type === 'setCpuShare').at(-1);
      return last?.type === 'setCpuShare' ? last.share : 1;
    });
  const onCores = (cores: number) => vi.stubGlobal('navigator', { hardwareConcurrency: cores });

  afterEach(() => vi.unstubAllGlobals());

  it('shares the cores among training runs, leaving a core to the page', () => {
    onCores(2);
    store().connect();
    for (let i = 0; i < 3; i++) store().addRun();
    expect(shares()).toEqual([1, 1, 1, 1]);
    store().trainAll();
    // (2 − 1) / 4, told before Train so the runs never start on a whole core each
    expect(shares()).toEqual([0.25, 0.25, 0.25, 0.25]);
    for (const w of made) expect(w.types().slice(-2)).toEqual(['setCpuShare', 'train']);
    for (const w of made) w.emit({ type: 'status', running: true });
    expect(shares()).toEqual([0.25, 0.25, 0.25, 0.25]);
    made[0]?.emit({ type: 'status', running: false });
    expect(shares()).toEqual([1 / 3, 1 / 3, 1 / 3, 1 / 3]);
    made[1]?.emit({ type: 'diverged', step: 7, reason: 'the loss became NaN' });
    expect(shares()).toEqual([0.5, 0.5, 0.5, 0.5]);
    store().removeRun(run(3).id);
    expect(shares().slice(0, 3)).toEqual([1, 1, 1]);
  });

  it('counts a run told to train before its worker answers', () => {
    onCores(2);
    store().connect();
    store().addRun();
    store().trainRun(run(0).id);
    expect(shares()).toEqual([1, 1]);
    store().trainRun(run(1).id);
    expect(shares()).toEqual([0.5, 0.5]);
    // run A's answer alone must not hand run B a whole core while B is starting
    made[0]?.emit({ type: 'status', running: true });
    expect(shares()).toEqual([0.5, 0.5]);
  });

  it('leaves every run a whole core when there are cores enough', () => {
    onCores(8);
    store().connect();
    for (let i = 0; i < 3; i++) store().addRun();
    store().trainAll();
    expect(made.every((w) => !w.types().includes('setCpuShare'))).toBe(true);
  });
});
