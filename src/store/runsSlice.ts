import type { StateCreator } from 'zustand';
import { makeCoherent } from '../lab/coherence';
import {
  DEFAULT_RUN_SETTINGS,
  MAX_RUNS,
  type LabRunSettings,
  type SettingKey,
} from '../lab/labSettings';
import { toWorkerSetup } from '../lab/settings';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { applyWorkerMessage } from './applyWorkerMessage';
import { availableCores, cpuShareFor } from './cpuShare';
import { applyBatch, createBatcher, FOLLOW_WINDOW_MS } from './messageBatching';
import { selectSelectedRun } from './selectors';
import { clearedRun, freshRun, type LabRun } from './labRun';
import type { LabState } from './labState';
import {
  hasWorker,
  restartWorker,
  sendCpuShare,
  sendDetail,
  startWorker,
  stopAllWorkers,
  stopWorker,
  workerOf,
} from './runWorkers';

export interface RunsSlice {
  readonly runs: readonly LabRun[];
  /** Numbers new run ids. */
  readonly nextRunNumber: number;
  /** Whether runs have live workers (the Lab page is open). */
  readonly connected: boolean;

  /** Creates and configures a worker for every run that lacks one. */
  connect(): void;
  /** Pauses every run (leaving the page) but keeps the workers and their progress. */
  pauseAll(): void;
  /** Terminates every worker. */
  disconnect(): void;
  /** Replaces all runs (opening a shared link). */
  loadRuns(settings: readonly LabRunSettings[]): void;

  trainRun(id: string): void;
  pauseRun(id: string): void;
  stepRun(id: string, count?: number): void;
  resetRun(id: string): void;
  trainAll(): void;
  stepAll(count?: number): void;
  resetAll(): void;

  /** A new run with run A's settings (same seed, so the same data order), selected. */
  addRun(): void;
  /** A copy of this run, placed last and selected, ready for "duplicate and change one setting". */
  duplicateRun(id: string): void;
  removeRun(id: string): void;
  updateSetting<K extends SettingKey>(id: string, key: K, value: LabRunSettings[K]): void;

  /** Applies a message from a run's worker. */
  receive(id: string, message: FromWorker): void;
  /**
   * Tells each worker how much detail to send: everything for the run whose internals are on screen,
   * a reduced rate for the others (their probes would only be copied, never drawn).
   */
  syncDetail(): void;
}

type RunsSliceCreator = StateCreator<LabState, [], [], RunsSlice>;

export const createRunsSlice: RunsSliceCreator = (set, get) => {
  const send = (id: string, message: ToWorker): void => workerOf(id)?.send(message);
  const runOf = (id: string): LabRun | undefined => get().runs.find((r) => r.id === id);

  /** Runs told to train whose worker has not answered with its status yet. */
  const starting = new Set<string>();
  /** Tells every worker its share of a core for as many runs as are (about to be) training. */
  const syncCpuShare = (): void => {
    const { runs } = get();
    const training = runs.filter((r) => r.status === 'running' || starting.has(r.id)).length;
    const share = cpuShareFor(training, availableCores());
    for (const run of runs) sendCpuShare(run.id, share);
  };

  // Worker messages are applied in batches (one store update for many snapshots), in arrival order,
  // at the pace of the selected run's snapshots (see messageBatching.ts).
  const incoming = createBatcher<readonly [string, FromWorker]>((batch) => {
    set((state) => ({
      runs: applyBatch(state.runs, batch, (run) => run.id, applyWorkerMessage),
    }));
    let statusChanged = false;
    for (const [id, message] of batch) {
      if (message.type === 'status' || message.type === 'diverged' || message.type === 'error') {
        starting.delete(id);
        statusChanged = true;
      }
    }
    if (statusChanged) syncCpuShare();
  }, FOLLOW_WINDOW_MS);
  const updateRun = (id: string, change: (run: LabRun) => LabRun): void =>
    set((state) => ({ runs: state.runs.map((r) => (r.id === id ? change(r) : r)) }));

  const configure = (run: LabRun): void => {
    starting.delete(run.id);
    const worker = startWorker(run.id, (message) => get().receive(run.id, message));
    if (worker.crashed) restartWorker(run.id);
    worker.send({ type: 'configure', setup: toWorkerSetup(run.settings, get().speed) });
    get().syncDetail();
  };

  const newRun = (settings: LabRunSettings): LabRun | undefined => {
    if (get().runs.length >= MAX_RUNS) return undefined;
    const run = freshRun(`run-${get().nextRunNumber}`, settings);
    // The new run is selected, ready for its one changed setting.
    set((state) => ({
      runs: [...state.runs, run],
      nextRunNumber: state.nextRunNumber + 1,
      selectedRunId: run.id,
    }));
    if (get().connected) configure(run);
    return run;
  };

  /** Train and Step make no sense on a run that diverged or failed until it is reset. */
  const canTrain = (run: LabRun): boolean => run.status !== 'diverged' && run.status !== 'error';

  /** Shares first, then Train: runs that start together never crowd out the page, not even briefly. */
  const startTraining = (runs: readonly LabRun[]): void => {
    const trainable = runs.filter(canTrain);
    for (const run of trainable) starting.add(run.id);
    syncCpuShare();
    for (const run of trainable) send(run.id, { type: 'train' });
  };

  return {
    runs: [freshRun('run-1', DEFAULT_RUN_SETTINGS)],
    nextRunNumber: 2,
    connected: false,

    connect() {
      set({ connected: true });
      for (const run of get().runs) if (!hasWorker(run.id)) configure(run);
    },
    syncDetail() {
      const { runs, selectedRunId } = get();
      const selected = runs.find((r) => r.id === selectedRunId) ?? runs[0];
      for (const run of runs) sendDetail(run.id, run.id === selected?.id ? 'full' : 'reduced');
    },
    pauseAll() {
      for (const run of get().runs) if (run.status === 'running') send(run.id, { type: 'pause' });
    },
    disconnect() {
      stopAllWorkers();
      starting.clear();
      set((state) => ({
        connected: false,
        runs: state.runs.map((r) => (r.status === 'running' ? { ...r, status: 'paused' } : r)),
      }));
    },
    loadRuns(settings) {
      stopAllWorkers();
      starting.clear();
      incoming.clear();
      const first = get().nextRunNumber;
      const runs = settings
        .slice(0, MAX_RUNS)
        .map((s, i) => freshRun(`run-${first + i}`, makeCoherent(s).settings));
      set({ runs, nextRunNumber: first + runs.length });
      if (get().connected) for (const run of runs) configure(run);
    },

    trainRun(id) {
      startTraining(get().runs.filter((r) => r.id === id));
    },
    pauseRun(id) {
      send(id, { type: 'pause' });
    },
    stepRun(id, count = 1) {
      const run = runOf(id);
      if (run && canTrain(run) && run.status !== 'running') send(id, { type: 'step', count });
    },
    resetRun(id) {
      const run = runOf(id);
      if (!run) return;
      updateRun(id, clearedRun);
      const worker = workerOf(id);
      if (!worker || worker.crashed) {
        if (get().connected) configure(run);
      } else {
        worker.send({ type: 'reset' });
      }
    },
    trainAll() {
      startTraining(get().runs);
    },
    stepAll(count = 1) {
      for (const run of get().runs) get().stepRun(run.id, count);
    },
    resetAll() {
      for (const run of get().runs) get().resetRun(run.id);
    },

    addRun() {
      const baseline = get().runs[0];
      newRun(baseline ? baseline.settings : DEFAULT_RUN_SETTINGS);
    },
    duplicateRun(id) {
      const run = runOf(id);
      if (run) newRun(run.settings);
    },
    removeRun(id) {
      if (get().runs.length <= 1) return;
      stopWorker(id);
      starting.delete(id);
      set((state) => ({ runs: state.runs.filter((r) => r.id !== id) }));
      get().syncDetail();
      syncCpuShare();
    },
    updateSetting(id, key, value) {
      const run = runOf(id);
      if (!run || run.settings[key] === value) return;
      const settings = makeCoherent({ ...run.settings, [key]: value }).settings;
      if (key === 'validationMode') {
        // Only how validation runs changes: keep training, re-validate in the new mode.
        updateRun(id, (r) => ({ ...r, settings }));
        send(id, { type: 'setValidationMode', mode: settings.validationMode });
        return;
      }
      const updated: LabRun = { ...clearedRun(run), settings, dataset: undefined, layers: [] };
      updateRun(id, () => updated);
      if (get().connected) configure(updated);
    },

    receive(id, message) {
      const leads = message.type !== 'snapshot' || id === selectSelectedRun(get())?.id;
      incoming.push([id, message], leads);
    },
  };
};
