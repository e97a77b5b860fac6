import type { LabRunSettings } from '../lab/labSettings';
import { reachedStop, type StopAt } from '../lab/stopAt';
import { applyRunMessage, BOUNDED_HISTORY, freshRunState, type RunState } from '../runs/runState';
import type { FromWorker, Inference } from '../worker/protocol';

/**
 * One run of the Lab: the one run state (src/runs/runState.ts) under an id that is stable for the
 * run's lifetime (letters A–D are positions and shift when a run is removed).
 */
export interface LabRun extends RunState {
  readonly id: string;
  /** The current network's answer to the learner's drawn digit (the Lab's drawing pad only). */
  readonly inference: Inference | undefined;
}

/** A run that has not trained yet (after creation, a settings change or a reset). */
export function freshRun(id: string, settings: LabRunSettings): LabRun {
  return { id, ...freshRunState(settings), inference: undefined };
}

/** The same run, with its training progress cleared, waiting for its worker to start over. */
export function clearedRun(run: LabRun): LabRun {
  return {
    ...freshRun(run.id, run.settings),
    dataset: run.dataset,
    layers: run.layers,
    awaitingReady: true,
  };
}

/** The selected run, or run A when the selection is gone (removed) or was never made. */
export function selectedRun(
  runs: readonly LabRun[],
  selectedId: string | undefined,
): LabRun | undefined {
  return runs.find((r) => r.id === selectedId) ?? runs[0];
}

/**
 * How a Lab run changes with one message from its worker: the one run reducer (src/runs/runState.ts)
 * with the Lab's bounded history, plus the drawing pad's answer, which only Lab runs ask for. An
 * answer the old network gave before a configure or reset is ignored like any other stale message.
 */
export function applyLabMessage(run: LabRun, message: FromWorker): LabRun {
  if (message.type === 'inference')
    return run.awaitingReady ? run : { ...run, inference: message.result };
  return applyRunMessage(run, message, BOUNDED_HISTORY);
}

/** Step (and Train) make no sense on a run that diverged or failed, until it is reset. */
export function canStep(run: LabRun): boolean {
  return run.status !== 'diverged' && run.status !== 'error';
}

/**
 * Whether Train can start this run: it can step, and it has not reached the Lab's "Stop at" yet (it
 * would stop at once; raise the target or reset instead).
 */
export function canTrainOn(run: LabRun, stopAt: StopAt | null): boolean {
  return canStep(run) && !reachedStop(stopAt, run);
}
