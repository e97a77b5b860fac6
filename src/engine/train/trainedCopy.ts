import type { Dataset } from '../data/dataset';
import type { RunConfig } from './runConfig';
import { formatMegabytes, planRunMemory, RUN_MEMORY_BUDGET } from './memoryPlan';
import { TrainingRun } from './trainingRun';
import { thisWorker } from './workerHost';
import { formatCount } from '../text/numberText';

/**
 * A second run that starts from a trained run's weights and statistics, with its own optimizer (fresh
 * state, the run's optimizer settings) and its own seeded batches of `batchSize`: training after
 * training (fine-tuning, weight averaging) happens on it, so the run itself, its history and charts
 * stay as they were and several variants start from the same network.
 */

/** How the copy trains: its batch size and learning rate (the run's when not given). */
export interface CopyTraining {
  readonly batchSize: number;
  readonly learningRate?: number | undefined;
}

function copyConfig(run: TrainingRun, { batchSize, learningRate }: CopyTraining): RunConfig {
  const optimizer = run.config.optimizer;
  return {
    ...run.config,
    batchSize,
    optimizer: learningRate === undefined ? optimizer : { ...optimizer, lr: learningRate },
  };
}

/** Why a copy of `run` training `how` does not fit beside it (with `extraBytes` more), or null. */
export function trainedCopyRefusal(
  run: TrainingRun,
  train: Dataset,
  how: CopyTraining,
  extraBytes = 0,
): string | null {
  const { batchSize, learningRate } = how;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > train.count) {
    return `The batch size must be a whole number from 1 to ${formatCount(train.count)} (the training images), got ${batchSize}.`;
  }
  if (learningRate !== undefined && !(learningRate >= 0.0001 && learningRate <= 10)) {
    return `The learning rate must be from 0.0001 to 10, got ${learningRate}.`;
  }
  // The copy shares the data; everything else it allocates for itself.
  const plan = planRunMemory(
    copyConfig(run, how),
    { trainCount: train.count, testCount: 0 },
    thisWorker(),
  );
  const copy = plan.total - plan.parts.data + extraBytes;
  const needs = run.memory.total + copy;
  if (needs > RUN_MEMORY_BUDGET) {
    return `Training a copy of the network beside the run needs about ${formatMegabytes(copy)} more, ${formatMegabytes(needs)} in all, more than the ${formatMegabytes(RUN_MEMORY_BUDGET)} a run may use. Lower the width, the depth or the batch size.`;
  }
  return null;
}

/** The copy, ready to `step()` (its steps count from 0); throws when `trainedCopyRefusal` gives a reason. */
export function trainedCopy(run: TrainingRun, train: Dataset, how: CopyTraining): TrainingRun {
  const refusal = trainedCopyRefusal(run, train, how);
  if (refusal !== null) throw new Error(refusal);
  const copy = new TrainingRun(copyConfig(run, how), train);
  copy.model.loadStateDict(run.model.stateDict());
  copy.model.forwardChunk = run.model.forwardChunk;
  return copy;
}
