import type { ProbeSnapshot } from '../engine/probes/probe';
import type { LabRunSettings } from '../lab/labSettings';
import type {
  AfterTrainingOperation,
  AfterTrainingResult,
  DatasetInfo,
  DecisionBoundary,
  DigitPredictions,
  FromWorker,
  ValidationPoint,
} from '../worker/protocol';
import { appendBounded, emptyBoundedList, type BoundedList } from './boundedList';
import { appendLosses, EMPTY_LOSS_HISTORY, MAX_LOSS_POINTS, type LossHistory } from './lossHistory';

/**
 * 'done' only comes to a run that reached a target: a lesson's "Run experiment" step, or the Lab's
 * "Stop at" (its worker reports `finished`).
 */
export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/**
 * How much of a run's past its state keeps. The Lab bounds everything (a run may train for hours);
 * a lesson keeps the loss and validation of every step, because its claims are judged on consecutive
 * steps exactly as the headless lesson tests judge them (an experiment is at most 20,000 steps).
 */
export interface HistoryPolicy {
  /** Loss points kept; beyond, the curve's resolution halves (lossHistory.ts). */
  readonly lossPoints: number;
  /** Validation points kept; beyond, every other one goes (boundedList.ts). */
  readonly validationPoints: number;
  /** Probe snapshots kept for the over-time charts; beyond, every other one goes. */
  readonly probeFrames: number;
}

/** At most this many probe snapshots are kept per run for the over-time charts. */
export const MAX_PROBE_HISTORY = 200;
/** Validation happens every ≥ 50 steps; this bounds a very long Lab run's validation curve. */
export const MAX_VALIDATION_POINTS = 1000;

export const BOUNDED_HISTORY: HistoryPolicy = {
  lossPoints: MAX_LOSS_POINTS,
  validationPoints: MAX_VALIDATION_POINTS,
  probeFrames: MAX_PROBE_HISTORY,
};

export const COMPLETE_HISTORY: HistoryPolicy = {
  lossPoints: Infinity,
  validationPoints: Infinity,
  probeFrames: MAX_PROBE_HISTORY,
};

/** One run as the page sees it: its settings and everything its worker has reported. */
export interface RunState {
  readonly settings: LabRunSettings;
  readonly status: RunStatus;
  /** Why the run stopped (diverged / error), in the learner's words. */
  readonly message: string | undefined;
  /** The error is a refusal before training: the settings would not fit the run's memory budget. */
  readonly refused?: boolean | undefined;
  /** The worker has built the model and loaded the data. */
  readonly ready: boolean;
  /**
   * After a configure or reset, messages the old run had already posted are still on their way: they
   * are ignored until the worker's 'ready' (a worker answers in order, so what follows is the new run).
   */
  readonly awaitingReady: boolean;
  /**
   * What the run was doing when an error came while a configure was awaited. That error may be the
   * previous configuration's answer, still on its way when the new one was sent (a run set to own
   * data before the file is chosen, then given the file): a 'ready' after it shows the new one was
   * built, and the run goes back to this status.
   */
  readonly statusBeforeError?: RunStatus | undefined;
  readonly step: number;
  /** The step this training goes to (a lesson's "Run experiment"); 0 for open-ended training. */
  readonly target: number;
  readonly epoch: number;
  readonly stepsPerSecond: number;
  readonly divergedAt: number | undefined;
  readonly history: LossHistory;
  readonly validation: BoundedList<ValidationPoint>;
  readonly probes: ProbeSnapshot | undefined;
  readonly probeHistory: BoundedList<ProbeSnapshot>;
  readonly boundary: DecisionBoundary | undefined;
  readonly digits: DigitPredictions | undefined;
  readonly dataset: DatasetInfo | undefined;
  readonly parameterCount: number | undefined;
  readonly layers: readonly { readonly name: string; readonly label: string }[];
  /** The latest fold and recalibration of this run (BatchNorm after training), and any refusal. */
  readonly afterTraining: AfterTrainingState;
}

export interface AfterTrainingState {
  /** The operation asked for and not answered yet. */
  readonly pending: AfterTrainingOperation | undefined;
  readonly fold: Extract<AfterTrainingResult, { kind: 'fold' }> | undefined;
  readonly recalibration: Extract<AfterTrainingResult, { kind: 'recalibrate' }> | undefined;
  readonly fineTune: Extract<AfterTrainingResult, { kind: 'fineTune' }> | undefined;
  readonly averaging: Extract<AfterTrainingResult, { kind: 'average' }> | undefined;
  readonly refusal: Extract<AfterTrainingResult, { kind: 'refused' }> | undefined;
}

export const NO_AFTER_TRAINING: AfterTrainingState = {
  pending: undefined,
  fold: undefined,
  recalibration: undefined,
  fineTune: undefined,
  averaging: undefined,
  refusal: undefined,
};

function afterTrainingWith(result: AfterTrainingResult): Partial<AfterTrainingState> {
  switch (result.kind) {
    case 'fold':
      return { fold: result, refusal: undefined };
    case 'recalibrate':
      return { recalibration: result, refusal: undefined };
    case 'fineTune':
      return { fineTune: result, refusal: undefined };
    case 'average':
      return { averaging: result, refusal: undefined };
    case 'refused':
      return { refusal: result };
  }
}

/** A run that has not trained yet. */
export function freshRunState(settings: LabRunSettings, awaitingReady = false): RunState {
  return {
    settings,
    status: 'idle',
    message: undefined,
    ready: false,
    awaitingReady,
    step: 0,
    target: 0,
    epoch: 0,
    stepsPerSecond: 0,
    divergedAt: undefined,
    history: EMPTY_LOSS_HISTORY,
    validation: emptyBoundedList(),
    probes: undefined,
    probeHistory: emptyBoundedList(),
    boundary: undefined,
    digits: undefined,
    dataset: undefined,
    parameterCount: undefined,
    layers: [],
    afterTraining: NO_AFTER_TRAINING,
  };
}

/** Training continues until `target` (a fresh start or a resume). */
export function startRun<R extends RunState>(run: R, target: number): R {
  return { ...run, status: 'running', target, message: undefined };
}

/** Diverged, error and done are final until the run starts over. */
const isFinal = (status: RunStatus): boolean =>
  status === 'diverged' || status === 'error' || status === 'done';

/**
 * How a run's state changes with one message from its worker, keeping as much history as `policy`
 * says. Pure, so the whole protocol is tested without a worker. Depth-probe replies are not run
 * state; their own channel takes them (depthProbeChannel.ts). An inference reply is applied by the
 * Lab's adapter (applyLabMessage in src/store/labRun.ts), the only one that asks for it.
 */
export function applyRunMessage<R extends RunState>(
  run: R,
  message: FromWorker,
  policy: HistoryPolicy,
): R {
  // An error is news whenever it comes (a new configuration can fail before it is ever ready).
  if (run.awaitingReady && message.type !== 'ready' && message.type !== 'error') return run;
  switch (message.type) {
    case 'ready': {
      const staleError = run.awaitingReady && run.status === 'error';
      return {
        ...run,
        ...(staleError
          ? { status: run.statusBeforeError ?? 'idle', message: undefined, refused: false }
          : {}),
        statusBeforeError: undefined,
        ready: true,
        awaitingReady: false,
        dataset: message.dataset,
        parameterCount: message.parameterCount,
        layers: message.layers,
      };
    }
    case 'status':
      // A run with a target is a lesson's: its page sets it running and paused when Run, Pause and
      // Resume are pressed, and its worker only steps (it never reports training). A status from
      // that worker answers a Pause the page has already applied, and can arrive after the next
      // Resume: it would pause the run again while its worker trains on.
      if (run.target > 0 && message.finished !== true) return run;
      if (message.running) return { ...run, status: 'running', message: undefined };
      if (isFinal(run.status)) return run;
      if (message.finished === true) return { ...run, status: 'done' };
      // Stopped: paused once it has trained (or the learner already paused it), else still idle.
      return { ...run, status: run.step > 0 || run.status === 'paused' ? 'paused' : 'idle' };
    case 'snapshot': {
      // A worker that reached the target has stopped, also when a Pause was on its way to it (the
      // page paused the run first): it is done, and a Resume would step past the target.
      const reached = run.target > 0 && message.step >= run.target;
      const status =
        run.status === 'idle' && message.step > 0
          ? 'paused'
          : (run.status === 'running' || run.status === 'paused') && reached
            ? 'done'
            : run.status;
      return {
        ...run,
        status,
        step: message.step,
        epoch: message.epoch,
        stepsPerSecond: message.stepsPerSecond,
        history: appendLosses(
          run.history,
          message.steps,
          message.losses,
          message.accuracies,
          policy.lossPoints,
        ),
        validation: message.validation
          ? appendBounded(run.validation, message.validation, policy.validationPoints)
          : run.validation,
        probes: message.probes ?? run.probes,
        probeHistory: message.probes
          ? appendBounded(run.probeHistory, message.probes, policy.probeFrames)
          : run.probeHistory,
        boundary: message.boundary ?? run.boundary,
        digits: message.digits ?? run.digits,
      };
    }
    case 'diverged':
      return {
        ...run,
        status: 'diverged',
        divergedAt: message.step,
        message: message.reason,
        stepsPerSecond: 0,
      };
    case 'error':
      return {
        ...run,
        status: 'error',
        message: message.message,
        refused: message.refused === true,
        stepsPerSecond: 0,
        statusBeforeError:
          run.awaitingReady && run.status !== 'error' ? run.status : run.statusBeforeError,
      };
    case 'afterTraining':
      return {
        ...run,
        afterTraining: {
          ...run.afterTraining,
          pending: undefined,
          ...afterTrainingWith(message.result),
        },
      };
    // The drawing pad's answer is the Lab's alone (LabRun.inference, applyLabMessage in labRun.ts).
    case 'inference':
    case 'depthProbe':
    case 'depthProbeError':
      return run;
  }
}
