import type { Dataset } from '../data/dataset';
import { setBatchNormFrozen } from '../model/freezeBatchNorm';
import { MAX_FINE_TUNE_STEPS } from '../model/recalibrationLimits';
import { trainedCopy, trainedCopyRefusal } from './trainedCopy';
import { VALIDATION_SAMPLES, type Evaluation, type TrainingRun } from './trainingRun';
import { formatCount } from '../text/numberText';

/** How one fine-tuned copy ended: its eval-mode result, or the step at which it diverged. */
export type FineTuneOutcome =
  { readonly evaluation: Evaluation } | { readonly divergedAt: number; readonly reason: string };

/** A trained network fine-tuned twice from the same start, on the same batches: BatchNorm live and frozen. */
export interface FineTuneReport {
  readonly batchSize: number;
  readonly steps: number;
  readonly learningRate: number;
  /** The trained run's eval-mode result before fine-tuning. */
  readonly before: Evaluation;
  /** BatchNorm as in training: batch statistics, running statistics updated. */
  readonly live: FineTuneOutcome;
  /** BatchNorm frozen (PyTorch: `m.eval()` on every BatchNorm): running statistics used and kept. */
  readonly frozen: FineTuneOutcome;
}

/** How to fine-tune: batches of `batchSize` for `steps` steps at `learningRate` (the run's optimizer otherwise). */
export interface FineTuneOptions {
  readonly batchSize: number;
  readonly steps: number;
  readonly learningRate: number;
}

/** Why `fineTuneRun` cannot run with these options, or null. */
export function fineTuneRefusal(
  run: TrainingRun,
  train: Dataset,
  options: FineTuneOptions,
): string | null {
  const { steps } = options;
  if (run.config.model.norm.kind !== 'batchNorm') {
    return 'Fine-tuning with frozen BatchNorm needs BatchNorm; this network has none (LayerNorm, GroupNorm and InstanceNorm keep no running statistics to freeze).';
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_FINE_TUNE_STEPS) {
    return `Fine-tuning takes a whole number of steps from 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}, got ${steps}.`;
  }
  if (options.batchSize === 1) {
    return 'Fine-tuning compares live with frozen BatchNorm, and live BatchNorm cannot train on batches of 1 (the variance of one value is 0): use batches of 2 or more.';
  }
  return trainedCopyRefusal(run, train, options);
}

/**
 * Fine-tuning with small batches (lesson 6): two copies of the trained run continue training for
 * `steps` steps at `batchSize` and `learningRate` (a fresh optimizer of the run's kind), on the same seeded batches, one with
 * live BatchNorm and one with every BatchNorm frozen; each is then evaluated in eval mode on up to
 * VALIDATION_SAMPLES test samples. The run itself is not changed. Throws when `fineTuneRefusal` gives a reason.
 */
export function fineTuneRun(
  run: TrainingRun,
  train: Dataset,
  test: Dataset,
  options: FineTuneOptions,
): FineTuneReport {
  const refusal = fineTuneRefusal(run, train, options);
  if (refusal !== null) throw new Error(refusal);
  const limit = { limit: VALIDATION_SAMPLES };
  const before = run.evaluate(test, 'eval', limit);
  const outcome = (frozen: boolean): FineTuneOutcome => {
    const copy = trainedCopy(run, train, options);
    setBatchNormFrozen(copy.model, frozen);
    for (let s = 0; s < options.steps; s++) {
      const result = copy.step();
      if (result.status === 'diverged') return { divergedAt: result.step, reason: result.reason };
    }
    return { evaluation: copy.evaluate(test, 'eval', limit) };
  };
  return { ...options, before, live: outcome(false), frozen: outcome(true) };
}
