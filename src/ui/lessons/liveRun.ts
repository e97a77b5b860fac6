/**
 * One run of a lesson experiment as its worker reports it. Unlike the Lab's bounded history, the
 * training loss of EVERY step is kept (an experiment is at most 20,000 steps): the claim evaluator
 * smooths over consecutive steps exactly as the headless lesson tests do, so the browser and the
 * tests judge the same numbers.
 */
import type { ProbeSnapshot } from '../../engine/probes/probe';
import type { RunHistory } from '../../lessons/claims';
import type { LabRunSettings } from '../../lab/labSettings';
import type {
  DatasetInfo,
  DecisionBoundary,
  DigitPredictions,
  FromWorker,
  ValidationPoint,
} from '../../worker/protocol';

export type LiveStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/** Probe snapshots kept for the over-time charts; older ones are thinned to every other one. */
export const MAX_PROBE_FRAMES = 200;

export interface LiveRun {
  readonly label: string;
  readonly settings: LabRunSettings;
  readonly status: LiveStatus;
  /** Why the run stopped (diverged, error), in the learner's words. */
  readonly message: string | undefined;
  /**
   * After a (re)configure or reset, messages still in flight from the old run are ignored until the
   * worker's 'ready' (a worker answers in order, so everything after 'ready' is the new run).
   */
  readonly awaitingReady: boolean;
  readonly step: number;
  /** The step this "Run experiment" trains to. */
  readonly target: number;
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  readonly validation: readonly ValidationPoint[];
  readonly divergedAt: number | undefined;
  readonly probes: ProbeSnapshot | undefined;
  readonly probeHistory: readonly ProbeSnapshot[];
  readonly boundary: DecisionBoundary | undefined;
  readonly digits: DigitPredictions | undefined;
  readonly dataset: DatasetInfo | undefined;
}

export function freshLiveRun(
  label: string,
  settings: LabRunSettings,
  awaitingReady = false,
): LiveRun {
  return {
    label,
    settings,
    status: 'idle',
    message: undefined,
    awaitingReady,
    step: 0,
    target: 0,
    steps: [],
    losses: [],
    validation: [],
    divergedAt: undefined,
    probes: undefined,
    probeHistory: [],
    boundary: undefined,
    digits: undefined,
    dataset: undefined,
  };
}

/** Every other frame, always keeping the newest, so the over-time charts still end at the latest step. */
export function thinFrames<T>(frames: readonly T[]): T[] {
  const last = frames.length - 1;
  return frames.filter((_, i) => i % 2 === 1 || i === last);
}

function appendProbe(history: readonly ProbeSnapshot[], probe: ProbeSnapshot): ProbeSnapshot[] {
  const next = [...history, probe];
  return next.length > MAX_PROBE_FRAMES ? thinFrames(next) : next;
}

export function applyLiveMessage(run: LiveRun, message: FromWorker): LiveRun {
  if (message.type === 'ready') {
    return { ...run, awaitingReady: false, dataset: message.dataset };
  }
  if (message.type === 'error') {
    return { ...run, status: 'error', message: message.message };
  }
  if (run.awaitingReady) return run;
  switch (message.type) {
    case 'snapshot': {
      const last = run.steps[run.steps.length - 1] ?? 0;
      const steps = [...run.steps];
      const losses = [...run.losses];
      for (let i = 0; i < message.steps.length; i++) {
        const step = message.steps[i]!;
        if (step <= last) continue;
        steps.push(step);
        losses.push(message.losses[i]!);
      }
      const reached = run.target > 0 && message.step >= run.target;
      return {
        ...run,
        status: run.status === 'running' && reached ? 'done' : run.status,
        step: message.step,
        steps,
        losses,
        validation: message.validation ? [...run.validation, message.validation] : run.validation,
        probes: message.probes ?? run.probes,
        probeHistory: message.probes
          ? appendProbe(run.probeHistory, message.probes)
          : run.probeHistory,
        boundary: message.boundary ?? run.boundary,
        digits: message.digits ?? run.digits,
      };
    }
    case 'status':
      if (message.running || run.status !== 'running') return run;
      return { ...run, status: run.target > 0 && run.step >= run.target ? 'done' : 'paused' };
    case 'diverged':
      return { ...run, status: 'diverged', divergedAt: message.step, message: message.reason };
    case 'depthProbe':
    case 'depthProbeError':
      return run;
  }
}

/** Training continues until `target` (a fresh start or a resume). */
export function startLiveRun(run: LiveRun, target: number): LiveRun {
  return { ...run, status: 'running', target, message: undefined };
}

/**
 * Whether the run has nothing more to report for this experiment: it diverged, failed, or trained
 * all its steps and was validated at the last one (as the headless runner validates).
 */
export function isSettled(run: LiveRun): boolean {
  if (run.status === 'diverged' || run.status === 'error') return true;
  if (run.status !== 'done') return false;
  const last = run.validation[run.validation.length - 1];
  return last !== undefined && last.step >= run.target;
}

/** What the claim evaluator reads. Validation before any training (step 0) is not evidence. */
export function toRunHistory(run: LiveRun): RunHistory {
  return {
    label: run.label,
    losses: run.losses,
    steps: run.steps,
    validation: run.validation.filter((v) => v.step > 0),
    ...(run.divergedAt !== undefined ? { divergedAt: run.divergedAt } : {}),
    // The worker probes the last step of every "Run experiment": the internal claims read that one.
    ...(run.probes ? { finalProbe: run.probes } : {}),
  };
}
