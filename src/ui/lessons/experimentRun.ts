import type { RunHistory } from '../../lessons/claims';
import type { LabRunSettings } from '../../lab/labSettings';
import { freshRunState, type RunState } from '../../runs/runState';

/**
 * One run of a lesson experiment: the one run state (src/runs/runState.ts), named by its label, kept
 * with COMPLETE_HISTORY so the claim evaluator smooths over every step exactly as the headless
 * lesson tests do, and the browser and the tests judge the same numbers.
 */
export interface ExperimentRun extends RunState {
  readonly label: string;
}

export function freshExperimentRun(
  label: string,
  settings: LabRunSettings,
  awaitingReady = false,
): ExperimentRun {
  return { label, ...freshRunState(settings, awaitingReady) };
}

/**
 * Whether the run has nothing more to report for this experiment: it diverged, failed, or trained
 * all its steps and was validated at the last one (as the headless runner validates).
 */
export function isSettled(run: RunState): boolean {
  if (run.status === 'diverged' || run.status === 'error') return true;
  if (run.status !== 'done') return false;
  const last = run.validation.items[run.validation.items.length - 1];
  return last !== undefined && last.step >= run.target;
}

/**
 * The runs an operation after training (fold, recalibrate, fine-tune, average) works on: BatchNorm runs
 * that trained all their steps and whose worker still holds the network. They are `ready` once each
 * was validated at its last step: "Training finished." shows as the last step arrives, while the
 * worker is still measuring it, and the buttons must not look pressable before a press can act.
 */
export function afterTrainingTargets(
  runs: readonly ExperimentRun[],
  hasNetwork: (index: number) => boolean,
): { readonly indices: readonly number[]; readonly ready: boolean } {
  const indices = runs.flatMap((run, index) =>
    run.status === 'done' && run.settings.norm === 'batchNorm' && hasNetwork(index) ? [index] : [],
  );
  return { indices, ready: indices.length > 0 && indices.every((i) => isSettled(runs[i]!)) };
}

/** What the claim evaluator reads. Validation before any training (step 0) is not evidence. */
export function toRunHistory(run: ExperimentRun): RunHistory {
  return {
    label: run.label,
    losses: run.history.losses,
    steps: run.history.steps,
    validation: run.validation.items.filter((v) => v.step > 0),
    ...(run.divergedAt !== undefined ? { divergedAt: run.divergedAt } : {}),
    // The worker probes the last step of every "Run experiment": the internal claims read that one.
    ...(run.probes ? { finalProbe: run.probes } : {}),
    // What the learner's after-training buttons measured on the trained runs.
    afterTraining: {
      fold: run.afterTraining.fold,
      recalibration: run.afterTraining.recalibration,
      fineTune: run.afterTraining.fineTune,
      averaging: run.afterTraining.averaging,
    },
  };
}
