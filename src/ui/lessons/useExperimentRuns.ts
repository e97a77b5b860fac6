import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { makeCoherent } from '../../lab/coherence';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import { toWorkerSetup } from '../../lab/settings';
import { availableCores, cpuShareFor } from '../../store/cpuShare';
import { applyBatch, createBatcher } from '../../store/messageBatching';
import type { FromWorker } from '../../worker/protocol';
import { createRunWorker, type RunWorker } from '../../worker/workerClient';
import { applyLiveMessage, freshLiveRun, startLiveRun, type LiveRun } from './liveRun';

export interface RunDefinition {
  readonly label: string;
  readonly settings: LabRunSettings;
}

/** What the whole experiment is doing, for its buttons. */
export type ExperimentPhase = 'idle' | 'running' | 'paused' | 'finished';

export interface ExperimentRuns {
  readonly runs: readonly LiveRun[];
  readonly phase: ExperimentPhase;
  /** Trains every run from step 0 for `steps` steps. */
  start(): void;
  pause(): void;
  /** Trains the paused runs on to `steps`. */
  resume(): void;
  /** Back to untrained runs (settings are kept). */
  reset(): void;
  /** Changes one run's setting; that run starts over. */
  setSetting<K extends SettingKey>(index: number, key: K, value: LabRunSettings[K]): void;
}

/** A message from the worker of run `index`. */
type WorkerMessage = readonly [index: number, message: FromWorker];

type Action =
  | { readonly type: 'messages'; readonly batch: readonly WorkerMessage[] }
  | { readonly type: 'start'; readonly target: number; readonly awaitingReady: readonly boolean[] }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'reset'; readonly awaitingReady: readonly boolean[] }
  | { readonly type: 'settings'; readonly index: number; readonly settings: LabRunSettings };

function reducer(runs: readonly LiveRun[], action: Action): readonly LiveRun[] {
  switch (action.type) {
    case 'messages':
      return applyBatch(runs, action.batch, (_, index) => index, applyLiveMessage);
    case 'start':
      return runs.map((r, i) =>
        startLiveRun(
          freshLiveRun(r.label, r.settings, action.awaitingReady[i] ?? false),
          action.target,
        ),
      );
    case 'pause':
      return runs.map((r) => (r.status === 'running' ? { ...r, status: 'paused' } : r));
    case 'resume':
      return runs.map((r) => (r.status === 'paused' ? startLiveRun(r, r.target) : r));
    case 'reset':
      return runs.map((r, i) =>
        freshLiveRun(r.label, r.settings, action.awaitingReady[i] ?? false),
      );
    case 'settings':
      return runs.map((r, i) =>
        i === action.index ? freshLiveRun(r.label, action.settings, true) : r,
      );
  }
}

export function experimentPhase(runs: readonly LiveRun[]): ExperimentPhase {
  if (runs.some((r) => r.status === 'running')) return 'running';
  if (runs.some((r) => r.status === 'paused')) return 'paused';
  if (runs.some((r) => r.status !== 'idle')) return 'finished';
  return 'idle';
}

interface Slot {
  worker: RunWorker;
  unsubscribe: () => void;
  /** The settings the worker was last configured with. */
  configured: LabRunSettings | undefined;
  /** The share of a core the worker was last told (a new or restarted worker has a whole one). */
  cpuShare: number;
}

/**
 * The live runs of one experiment, each trained by its own worker (created on the first Run, so a
 * lesson with several experiments starts no work until asked). Workers stop when the block unmounts.
 */
export function useExperimentRuns(
  definitions: readonly RunDefinition[],
  steps: number,
  /** Validate every this many steps, as the lesson's own tests do. */
  validationEvery: number,
): ExperimentRuns {
  const [runs, dispatch] = useReducer(reducer, definitions, (defs) =>
    defs.map((d) => freshLiveRun(d.label, makeCoherent(d.settings).settings)),
  );
  const slots = useRef<(Slot | undefined)[]>([]);
  // Applied in batches, as the Lab's store does (messageBatching.ts): four runs post 50 snapshots a
  // second between them, and the page redraws at most once per batch.
  const [incoming] = useState(() =>
    createBatcher<WorkerMessage>((batch) => dispatch({ type: 'messages', batch })),
  );
  const runsRef = useRef(runs);
  useEffect(() => {
    runsRef.current = runs;
  }, [runs]);

  useEffect(
    () => () => {
      incoming.clear();
      for (const slot of slots.current) {
        slot?.unsubscribe();
        slot?.worker.terminate();
      }
      slots.current = [];
    },
    [incoming],
  );

  const slotOf = useCallback(
    (index: number): Slot => {
      const existing = slots.current[index];
      if (existing) return existing;
      const worker = createRunWorker();
      const unsubscribe = worker.onMessage((message) => incoming.push([index, message]));
      const slot: Slot = { worker, unsubscribe, configured: undefined, cpuShare: 1 };
      slots.current[index] = slot;
      return slot;
    },
    [incoming],
  );

  /** Tells every worker its share of a core while `training` runs train (see src/store/cpuShare.ts). */
  const shareCores = useCallback((training: number) => {
    const share = cpuShareFor(training, availableCores());
    for (const slot of slots.current) {
      if (!slot || slot.cpuShare === share) continue;
      slot.worker.send({ type: 'setCpuShare', share });
      slot.cpuShare = share;
    }
  }, []);

  // As runs finish, the ones still training get their cores back.
  const training = runs.filter((r) => r.status === 'running').length;
  useEffect(() => {
    if (training > 0) shareCores(training);
  }, [training, shareCores]);

  const start = useCallback(() => {
    const all = runsRef.current.map((_, index) => slotOf(index));
    for (const slot of all) {
      if (slot.worker.crashed) {
        slot.worker.restart();
        slot.configured = undefined;
        slot.cpuShare = 1;
      }
    }
    // Shares before steps: runs that start together never crowd out the page, not even briefly.
    shareCores(all.length);
    runsRef.current.forEach((run, index) => {
      const slot = slotOf(index);
      if (slot.configured === run.settings) {
        slot.worker.send({ type: 'reset' });
      } else {
        slot.worker.send({
          type: 'configure',
          setup: toWorkerSetup(run.settings, 0, validationEvery),
        });
        slot.configured = run.settings;
      }
      slot.worker.send({ type: 'step', count: steps });
    });
    dispatch({ type: 'start', target: steps, awaitingReady: runsRef.current.map(() => true) });
  }, [slotOf, shareCores, steps, validationEvery]);

  const pause = useCallback(() => {
    runsRef.current.forEach((run, index) => {
      if (run.status === 'running') slots.current[index]?.worker.send({ type: 'pause' });
    });
    dispatch({ type: 'pause' });
  }, []);

  const resume = useCallback(() => {
    shareCores(runsRef.current.filter((run) => run.status === 'paused').length);
    runsRef.current.forEach((run, index) => {
      const slot = slots.current[index];
      if (run.status === 'paused' && slot) {
        slot.worker.send({ type: 'step', count: Math.max(1, run.target - run.step) });
      }
    });
    dispatch({ type: 'resume' });
  }, [shareCores]);

  const reset = useCallback(() => {
    for (const slot of slots.current) slot?.worker.send({ type: 'pause' });
    // The next start resets or reconfigures every worker; until its 'ready', late messages are stale.
    dispatch({
      type: 'reset',
      awaitingReady: runsRef.current.map((_, i) => slots.current[i] !== undefined),
    });
  }, []);

  const setSetting = useCallback(
    <K extends SettingKey>(index: number, key: K, value: LabRunSettings[K]) => {
      const run = runsRef.current[index];
      if (!run || run.settings[key] === value) return;
      slots.current[index]?.worker.send({ type: 'pause' });
      const settings = makeCoherent({ ...run.settings, [key]: value }).settings;
      dispatch({ type: 'settings', index, settings });
    },
    [],
  );

  return { runs, phase: experimentPhase(runs), start, pause, resume, reset, setSetting };
}
