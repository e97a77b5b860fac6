import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { makeCoherent } from '../../lab/coherence';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import { LESSON_RESERVED_CORES } from '../../runs/cpuShare';
import { applyBatch } from '../../runs/messageBatching';
import { RunPool, type PooledMessage } from '../../runs/runPool';
import { applyRunMessage, COMPLETE_HISTORY, startRun } from '../../runs/runState';
import { chartsShowViews, probeSpacing } from '../../lessons/chartKinds';
import type { Experiment } from '../../lessons/schema';
import {
  afterTrainingOperation,
  type AfterTrainingOperation,
  type AfterTrainingRequest,
  type FromWorker,
} from '../../worker/protocol';
import { afterThisTask } from './afterThisTask';
import { afterTrainingTargets, freshExperimentRun, type ExperimentRun } from './experimentRun';

export interface RunDefinition {
  readonly label: string;
  /**
   * A block's run as written, which is coherent: the lesson schema refuses any run that makeCoherent
   * would change (src/lessons/schema.ts), so the page does not settle it again.
   */
  readonly settings: LabRunSettings;
}

/** What the whole experiment is doing, for its buttons. */
export type ExperimentPhase = 'idle' | 'running' | 'paused' | 'finished';

export interface ExperimentRuns {
  readonly runs: readonly ExperimentRun[];
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
  /**
   * Folds or recalibrates every finished run that still has its worker (the network lives there);
   * each run's answer arrives as its `afterTraining`.
   */
  afterTraining(operation: AfterTrainingRequest): void;
  /** Whether the run's network is in a worker (not for runs restored from earlier in the tab). */
  hasNetwork(index: number): boolean;
}

type Action =
  | { readonly type: 'messages'; readonly batch: readonly PooledMessage<number>[] }
  | { readonly type: 'start'; readonly target: number; readonly awaitingReady: readonly boolean[] }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'reset'; readonly awaitingReady: readonly boolean[] }
  | { readonly type: 'settings'; readonly index: number; readonly settings: LabRunSettings }
  | {
      readonly type: 'afterTraining';
      readonly indices: readonly number[];
      readonly pending: AfterTrainingOperation;
    };

function reducer(runs: readonly ExperimentRun[], action: Action): readonly ExperimentRun[] {
  switch (action.type) {
    case 'messages':
      // A lesson's claims are judged on every step: nothing of the history is thinned.
      return applyBatch(
        runs,
        action.batch,
        (_, index) => index,
        (run, message) => applyRunMessage(run, message, COMPLETE_HISTORY),
      );
    case 'start':
      return runs.map((r, i) =>
        startRun(
          freshExperimentRun(r.label, r.settings, action.awaitingReady[i] ?? false),
          action.target,
        ),
      );
    case 'pause':
      return runs.map((r) => (r.status === 'running' ? { ...r, status: 'paused' } : r));
    case 'resume':
      return runs.map((r) => (r.status === 'paused' ? startRun(r, r.target) : r));
    case 'reset':
      return runs.map((r, i) =>
        freshExperimentRun(r.label, r.settings, action.awaitingReady[i] ?? false),
      );
    case 'settings':
      return runs.map((r, i) =>
        i === action.index ? freshExperimentRun(r.label, action.settings, true) : r,
      );
    case 'afterTraining':
      return runs.map((r, i) =>
        action.indices.includes(i)
          ? { ...r, afterTraining: { ...r.afterTraining, pending: action.pending } }
          : r,
      );
  }
}

/**
 * Whether a worker's message ends its run on the page, or answers the learner: a snapshot at or past
 * the run's target (its last step, or the final validation that follows it), a status, divergence,
 * an error or an after-training result. Other snapshots and 'ready' wait for the window.
 */
export function endsRun(message: FromWorker, target: number): boolean {
  if (message.type === 'snapshot') return target > 0 && message.step >= target;
  return message.type !== 'ready';
}

export function experimentPhase(runs: readonly ExperimentRun[]): ExperimentPhase {
  if (runs.some((r) => r.status === 'running')) return 'running';
  if (runs.some((r) => r.status === 'paused')) return 'paused';
  if (runs.some((r) => r.status !== 'idle')) return 'finished';
  return 'idle';
}

/**
 * What the runs read of a lesson experiment: its steps, its validation schedule (every this many
 * steps, as the lesson's own tests do) and its charts.
 */
export type ExperimentPlan = Pick<Experiment, 'steps' | 'validationEvery' | 'charts'>;

/**
 * The live runs of one experiment, each trained by its own worker (created on the first Run, so a
 * lesson with several experiments starts no work until asked). Workers stop when the block unmounts.
 */
export function useExperimentRuns(
  definitions: readonly RunDefinition[],
  plan: ExperimentPlan,
  /** Finished runs to start from (restored from earlier in the tab): no worker until the next Run. */
  initial?: readonly ExperimentRun[],
): ExperimentRuns {
  const { steps, validationEvery } = plan;
  // Workers skip the decision boundary and digit predictions when no chart of the block draws them,
  // and probe only as often as its charts draw probes.
  const views = chartsShowViews(plan.charts);
  const probeSteps = probeSpacing(plan.charts, steps);
  // Not makeCoherent here: its memory limits were an experiment block's costliest first render
  // (44–93 ms of CPU cold in Node, 134–143 ms in the page at 4× throttling) and change nothing in a
  // run the schema accepted; a learner's change is still settled (`setSetting`).
  const [runs, dispatch] = useReducer(
    reducer,
    definitions,
    (defs) => initial ?? defs.map((d) => freshExperimentRun(d.label, d.settings)),
  );
  // Messages are applied in batches, as the Lab's store does (messageBatching.ts): four runs post 50
  // snapshots a second between them, and the page redraws at most once per batch. Each batch is a
  // transition, so React renders the block in slices between which the page's frames and clicks go
  // first: rendered at once, a batch's update was one main-thread task with its commit.
  // What ends a run leads (is applied at once, with everything waiting): its last step's snapshot,
  // which makes it done, and its final validation, which the claim waits for; a status, divergence or
  // an error. The window (200 ms) would otherwise delay the finish the learner waits for, and the
  // cores a finished run hands on to the runs still training (`training` below).
  const runsRef = useRef(runs);
  const [workers] = useState(
    () =>
      new RunPool<number>({
        apply: (batch) => startTransition(() => dispatch({ type: 'messages', batch })),
        reservedCores: LESSON_RESERVED_CORES,
        leads: (index, message) => endsRun(message, runsRef.current[index]?.target ?? 0),
      }),
  );
  useEffect(() => {
    runsRef.current = runs;
  }, [runs]);

  // The workers of the latest start, created and started in a task after the click's (afterThisTask.ts).
  // Anything else sent to the workers first sends these, so they always hear the start first.
  const pendingLaunch = useRef<(() => void) | undefined>(undefined);

  useEffect(
    () => () => {
      pendingLaunch.current = undefined;
      workers.dropWaiting();
      workers.stopAll();
    },
    [workers],
  );

  // As runs finish, the ones still training get their cores back.
  const training = runs.filter((r) => r.status === 'running').length;
  useEffect(() => {
    if (training > 0) workers.shareCores(training);
  }, [training, workers]);

  const launchNow = useCallback(() => {
    const launch = pendingLaunch.current;
    pendingLaunch.current = undefined;
    launch?.();
  }, []);

  const start = useCallback(() => {
    launchNow();
    const all = runsRef.current;
    const launch = (): void => {
      all.forEach((_, index) => workers.ensure(index));
      // Shares before steps: runs that start together never crowd out the page, not even briefly.
      workers.shareCores(all.length);
      all.forEach((run, index) => {
        if (workers.configuredWith(index) === run.settings) {
          workers.send(index, { type: 'reset' });
        } else {
          workers.configure(index, run.settings, 0, validationEvery);
        }
        // Sent with every start, so a worker restarted after a crash hears it too.
        workers.send(index, { type: 'setViews', views });
        workers.send(index, { type: 'setProbeSpacing', steps: probeSteps });
        workers.send(index, { type: 'step', count: steps });
      });
    };
    pendingLaunch.current = launch;
    afterThisTask(() => {
      if (pendingLaunch.current === launch) launchNow();
    });
    // A transition too: rendered inside the click, the block's new state (run progress, status,
    // charts) was 34 ms of a 198 ms task with the CPU throttled 4×, and its commit dirtied the
    // page's layout in that task (33 ms more), before the first frame showed the press.
    startTransition(() =>
      dispatch({ type: 'start', target: steps, awaitingReady: all.map(() => true) }),
    );
  }, [workers, steps, validationEvery, views, probeSteps, launchNow]);

  const pause = useCallback(() => {
    launchNow();
    runsRef.current.forEach((run, index) => {
      if (run.status === 'running') workers.send(index, { type: 'pause' });
    });
    dispatch({ type: 'pause' });
  }, [workers, launchNow]);

  const resume = useCallback(() => {
    launchNow();
    workers.shareCores(runsRef.current.filter((run) => run.status === 'paused').length);
    runsRef.current.forEach((run, index) => {
      if (run.status !== 'paused') return;
      // The worker may be further than the page has seen: the target is absolute, so it stops there.
      const count = Math.max(1, run.target - run.step);
      workers.send(index, { type: 'step', count, upTo: run.target });
    });
    dispatch({ type: 'resume' });
  }, [workers, launchNow]);

  const reset = useCallback(() => {
    launchNow();
    workers.sendAll({ type: 'pause' });
    // The next start resets or reconfigures every worker; until its 'ready', late messages are stale.
    dispatch({
      type: 'reset',
      awaitingReady: runsRef.current.map((_, i) => workers.has(i)),
    });
  }, [workers, launchNow]);

  const setSetting = useCallback(
    <K extends SettingKey>(index: number, key: K, value: LabRunSettings[K]) => {
      const run = runsRef.current[index];
      if (!run || run.settings[key] === value) return;
      launchNow();
      workers.send(index, { type: 'pause' });
      const settings = makeCoherent({ ...run.settings, [key]: value }).settings;
      dispatch({ type: 'settings', index, settings });
    },
    [workers, launchNow],
  );

  const afterTraining = useCallback(
    (operation: AfterTrainingRequest) => {
      const { indices, ready } = afterTrainingTargets(runsRef.current, (i) => workers.has(i));
      if (!ready) return;
      for (const index of indices) workers.send(index, operation);
      const pending = afterTrainingOperation(operation);
      dispatch({ type: 'afterTraining', indices, pending });
    },
    [workers],
  );

  return {
    runs,
    phase: experimentPhase(runs),
    start,
    pause,
    resume,
    reset,
    setSetting,
    afterTraining,
    hasNetwork: (index: number) => workers.has(index),
  };
}
