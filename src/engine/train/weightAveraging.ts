import type { Dataset } from '../data/dataset';
import { WeightAverage } from '../model/averageWeights';
import { MAX_FINE_TUNE_STEPS, MAX_RECALIBRATION_BATCHES } from '../model/recalibrationLimits';
import { recalibrateRun, type RecalibrationReport } from './batchNormAfterTraining';
import { trainedCopy, trainedCopyRefusal } from './trainedCopy';
import { VALIDATION_SAMPLES, type Evaluation, type TrainingRun } from './trainingRun';
import { formatCount } from '../text/numberText';

/** Continue for `steps` steps averaging the weights, then recalibrate from `batches` training batches. */
export interface AveragingOptions {
  readonly steps: number;
  readonly batches: number;
}

/** What stochastic weight averaging gave, measured in eval mode on the same test samples. */
export interface AveragingReport extends AveragingOptions {
  /** The last network of the continued training, with its own running statistics. */
  readonly last: Evaluation;
  /**
   * The average of its weights: `before`, with the running statistics of the network the averaging
   * started from (what AveragedModel holds until update_bn), and `after`, with statistics recalibrated
   * for the average (update_bn).
   */
  readonly averaged: RecalibrationReport;
}

/** Why `averageWeightsRun` cannot run with these options, or null. */
export function averagingRefusal(
  run: TrainingRun,
  train: Dataset,
  { steps, batches }: AveragingOptions,
): string | null {
  if (run.config.model.norm.kind !== 'batchNorm') {
    return 'Weight averaging is offered here with its BatchNorm recalibration, and this network has no BatchNorm (LayerNorm, GroupNorm and InstanceNorm keep no running statistics).';
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_FINE_TUNE_STEPS) {
    return `Weight averaging takes a whole number of steps from 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}, got ${steps}.`;
  }
  if (!Number.isInteger(batches) || batches < 1 || batches > MAX_RECALIBRATION_BATCHES) {
    return `Recalibration needs a whole number of batches from 1 to ${formatCount(MAX_RECALIBRATION_BATCHES)}, got ${batches}.`;
  }
  // The average is kept in float64 beside the copy.
  return trainedCopyRefusal(
    run,
    train,
    { batchSize: run.config.batchSize },
    2 * run.memory.parts.parameters,
  );
}

/**
 * Stochastic weight averaging, then precise BN (Izmailov et al. 2018, arXiv:1803.05407; PyTorch:
 * AveragedModel, then update_bn): a copy of the trained run continues for `steps` steps with the run's
 * batch size and learning rate (constant, as SWA's own schedule), and the weights after each step are
 * averaged. The averaged network is evaluated with the running statistics of the trained run (what
 * AveragedModel holds when update_bn is forgotten), then with statistics recalibrated from `batches`
 * training batches.
 * The run itself is not changed. Throws when `averagingRefusal` gives a reason.
 */
export function averageWeightsRun(
  run: TrainingRun,
  train: Dataset,
  test: Dataset,
  options: AveragingOptions,
): AveragingReport {
  const refusal = averagingRefusal(run, train, options);
  if (refusal !== null) throw new Error(refusal);
  const copy = trainedCopy(run, train, { batchSize: run.config.batchSize });
  // AveragedModel deep-copies the model, buffers included, when averaging starts, and then averages
  // parameters only: without update_bn the average keeps the statistics of that first network.
  const startStatistics = copy.model.buffers().map((b) => Float32Array.from(b.value.data));
  const average = new WeightAverage();
  for (let s = 0; s < options.steps; s++) {
    const result = copy.step();
    if (result.status === 'diverged') {
      throw new Error(
        `The continued training diverged at step ${result.step} (${result.reason}), so there is nothing to average. Average a run that trains stably.`,
      );
    }
    average.add(copy.model);
  }
  const last = copy.evaluate(test, 'eval', { limit: VALIDATION_SAMPLES });
  average.applyTo(copy.model);
  copy.model.buffers().forEach((b, i) => b.value.data.set(startStatistics[i]!));
  return { ...options, last, averaged: recalibrateRun(copy, train, test, options.batches) };
}
