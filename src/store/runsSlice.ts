import { makeCoherent } from '../lab/coherence';
import { isOwnDataset, type DatasetId } from '../lab/datasets';
import {
  DEFAULT_RUN_SETTINGS,
  MAX_RUNS,
  type LabRunSettings,
  type SettingKey,
} from '../lab/labSettings';
import { applyBatch, FOLLOW_WINDOW_MS } from '../runs/messageBatching';
import { RunPool } from '../runs/runPool';
import { reachedStop, type StopAt } from '../lab/stopAt';
import {
  afterTrainingOperation,
  type AfterTrainingRequest,
  type ToWorker,
} from '../worker/protocol';
import {
  applyLabMessage,
  canStep,
  canTrainOn,
  clearedRun,
  freshRun,
  selectedRun,
  type LabRun,
} from './labRun';
import type { OwnDataSlice } from './ownDataSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { GetSlice, SetSlice } from './sliceAccess';

export interface RunsSlice {
  readonly runs: readonly LabRun[];
  /** Numbers new run ids. */
  readonly nextRunNumber: number;
  /** Whether runs have live workers (the Lab page is open). */
  readonly connected: boolean;
  /**
   * Validate every this many steps instead of on the worker's own schedule: set while the Lab holds a
   * lesson's mystery network, which is judged on the validation at the lesson's step budget.
   */
  readonly validationEvery: number | undefined;
  /** Where every run stops by itself ("Stop at", in the link as `stop=`), or null: until paused. */
  readonly stopAt: StopAt | null;

  /** Creates and configures a worker for every run that lacks one. */
  connect(): void;
  /** Pauses every run (leaving the page) but keeps the workers and their progress. */
  pauseAll(): void;
  /** Terminates every worker. */
  disconnect(): void;
  /** Sets up again every run on this dataset (own data that was stored, replaced or forgotten). */
  reconfigureDataset(id: DatasetId): void;
  /** Replaces all runs (opening a shared link or a mystery network). */
  loadRuns(settings: readonly LabRunSettings[], validationEvery?: number): void;

  /** Runs one input (a drawn digit's bytes) through the run's current network; see LabRun.inference. */
  inferRun(id: string, pixels: Uint8Array): void;
  trainRun(id: string): void;
  pauseRun(id: string): void;
  stepRun(id: string, count?: number): void;
  resetRun(id: string): void;
  /**
   * BatchNorm after training on the paused run: fold its norms into a copy, recalibrate its statistics
   * (precise BN; with a shift, AdaBN), fine-tune copies with live and frozen BatchNorm, or average the
   * weights of a continued copy (SWA). The answer arrives as the run's `afterTraining`.
   */
  afterTrainingRun(id: string, request: AfterTrainingRequest): void;
  trainAll(): void;
  /**
   * Sets where every run stops by itself: runs training go on to the new target (or stop at once if
   * they passed it), and a finished run that the new target lies beyond is paused again.
   */
  setStopAt(stopAt: StopAt | null): void;
  stepAll(count?: number): void;
  resetAll(): void;

  /** A new run with run A's settings (same seed, so the same data order), selected. */
  addRun(): void;
  /** A copy of this run, placed last and selected, ready for "duplicate and change one setting". */
  duplicateRun(id: string): void;
  removeRun(id: string): void;
  updateSetting<K extends SettingKey>(id: string, key: K, value: LabRunSettings[K]): void;

  /**
   * Tells each worker how much detail to send: everything for the run whose internals are on screen,
   * a reduced rate for the others (their probes would only be copied, never drawn).
   */
  syncDetail(): void;
  /** Tells every worker the speed preference. */
  syncSpeed(): void;
}

/** The runs slice reads the speed, the selection and whether own data is still loading, and selects a new run. */
type RunsView = RunsSlice &
  Pick<PreferencesSlice, 'speed' | 'selectedRunId'> &
  Pick<OwnDataSlice, 'ownDataStatus'>;

export function createRunsSlice(set: SetSlice<RunsView>, get: GetSlice<RunsView>): RunsSlice {
  const selected = (): LabRun | undefined => selectedRun(get().runs, get().selectedRunId);
  const runOf = (id: string): LabRun | undefined => get().runs.find((r) => r.id === id);

  let nextInference = 1;
  /** Runs told to train whose worker has not answered with its status yet. */
  const starting = new Set<string>();
  /** Tells every worker its share of a core for as many runs as are (about to be) training. */
  const syncCpuShare = (): void => {
    const training = get().runs.filter((r) => r.status === 'running' || starting.has(r.id));
    workers.shareCores(training.length);
  };

  // Worker messages are applied in batches (one store update for many snapshots), in arrival order,
  // at the pace of the selected run's snapshots (see messageBatching.ts).
  const workers = new RunPool<string>({
    windowMs: FOLLOW_WINDOW_MS,
    leads: (id, message) => message.type !== 'snapshot' || id === selected()?.id,
    apply: (batch) => {
      set((state) => ({
        runs: applyBatch(state.runs, batch, (run) => run.id, applyLabMessage),
      }));
      let statusChanged = false;
      for (const [id, message] of batch) {
        if (message.type === 'status' || message.type === 'diverged' || message.type === 'error') {
          starting.delete(id);
          statusChanged = true;
        }
      }
      if (statusChanged) syncCpuShare();
    },
  });
  const send = (id: string, message: ToWorker): void => workers.send(id, message);
  const updateRun = (id: string, change: (run: LabRun) => LabRun): void =>
    set((state) => ({ runs: state.runs.map((r) => (r.id === id ? change(r) : r)) }));

  const configure = (run: LabRun): void => {
    starting.delete(run.id);
    workers.configure(run.id, run.settings, get().speed, get().validationEvery);
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

  const trainMessage = (): ToWorker => {
    const until = get().stopAt;
    return until ? { type: 'train', until } : { type: 'train' };
  };

  /** Shares first, then Train: runs that start together never crowd out the page, not even briefly. */
  const startTraining = (runs: readonly LabRun[]): void => {
    const trainable = runs.filter((run) => canTrainOn(run, get().stopAt));
    for (const run of trainable) starting.add(run.id);
    syncCpuShare();
    for (const run of trainable) send(run.id, trainMessage());
  };

  return {
    runs: [freshRun('run-1', DEFAULT_RUN_SETTINGS)],
    nextRunNumber: 2,
    connected: false,
    validationEvery: undefined,
    stopAt: null,

    connect() {
      set({ connected: true });
      // Runs on own data wait for it to be read from storage (restoreOwnData sets them up).
      const waiting = get().ownDataStatus === 'loading';
      for (const run of get().runs) {
        if (!workers.has(run.id) && !(waiting && isOwnDataset(run.settings.dataset)))
          configure(run);
      }
    },
    reconfigureDataset(id) {
      for (const run of get().runs) {
        if (run.settings.dataset !== id) continue;
        const updated: LabRun = { ...clearedRun(run), dataset: undefined, layers: [] };
        updateRun(run.id, () => updated);
        if (get().connected) configure(updated);
      }
    },
    syncDetail() {
      const shown = selected();
      for (const run of get().runs) {
        workers.setDetail(run.id, run.id === shown?.id ? 'full' : 'reduced');
      }
    },
    syncSpeed() {
      workers.sendAll({ type: 'setSpeed', speed: get().speed });
    },
    pauseAll() {
      // A run told to train whose worker has not said so yet is paused too: on a busy machine a
      // worker can take seconds to answer, and it would otherwise start after Pause and run on.
      for (const run of get().runs) {
        if (run.status === 'running' || starting.has(run.id)) send(run.id, { type: 'pause' });
      }
    },
    disconnect() {
      workers.stopAll();
      starting.clear();
      set((state) => ({
        connected: false,
        runs: state.runs.map((r) => (r.status === 'running' ? { ...r, status: 'paused' } : r)),
      }));
    },
    loadRuns(settings, validationEvery) {
      workers.stopAll();
      workers.dropWaiting();
      starting.clear();
      const first = get().nextRunNumber;
      const runs = settings
        .slice(0, MAX_RUNS)
        .map((s, i) => freshRun(`run-${first + i}`, makeCoherent(s).settings));
      set({ runs, nextRunNumber: first + runs.length, validationEvery });
      if (get().connected) for (const run of runs) configure(run);
    },

    inferRun(id, pixels) {
      send(id, { type: 'infer', id: nextInference++, pixels });
    },
    trainRun(id) {
      startTraining(get().runs.filter((r) => r.id === id));
    },
    pauseRun(id) {
      send(id, { type: 'pause' });
    },
    stepRun(id, count = 1) {
      const run = runOf(id);
      if (!run || !canStep(run) || run.status === 'running') return;
      // A step past the target: the run is no longer where it finished.
      if (run.status === 'done') updateRun(id, (r) => ({ ...r, status: 'paused' }));
      send(id, { type: 'step', count });
    },
    resetRun(id) {
      const run = runOf(id);
      if (!run) return;
      updateRun(id, clearedRun);
      if (!workers.has(id) || workers.crashed(id)) {
        if (get().connected) configure(run);
      } else {
        send(id, { type: 'reset' });
      }
    },
    afterTrainingRun(id, request) {
      if (!runOf(id)) return;
      const pending = afterTrainingOperation(request);
      updateRun(id, (r) => ({ ...r, afterTraining: { ...r.afterTraining, pending } }));
      send(id, request);
    },
    trainAll() {
      startTraining(get().runs);
    },
    setStopAt(stopAt) {
      set((state) => ({
        stopAt,
        runs: state.runs.map((r) =>
          r.status === 'done' && !reachedStop(stopAt, r) ? { ...r, status: 'paused' } : r,
        ),
      }));
      for (const run of get().runs) {
        if (run.status === 'running' || starting.has(run.id)) send(run.id, trainMessage());
      }
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
      workers.stop(id);
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
  };
}
