import type { TrainTestSplit } from '../engine/data/dataset';
import { measureFold, recalibrateRun } from '../engine/train/batchNormAfterTraining';
import { fineTuneRun } from '../engine/train/fineTune';
import type { TrainingRun } from '../engine/train/trainingRun';
import { averageWeightsRun } from '../engine/train/weightAveraging';
import type { AfterTrainingRequest, AfterTrainingResult } from './protocol';

/**
 * What one after-training request measures on a trained run, at the run's current step. The browser
 * worker and the headless lesson runner both answer requests with it, so a lesson's claims read the
 * same numbers in both. Throws, with a message for the learner, when the operation cannot be done.
 */
export function measureAfterTraining(
  run: TrainingRun,
  { train, test }: TrainTestSplit,
  request: AfterTrainingRequest,
): Exclude<AfterTrainingResult, { kind: 'refused' }> {
  const step = run.stepCount;
  switch (request.type) {
    case 'foldBatchNorm':
      return { kind: 'fold', step, report: measureFold(run, test) };
    case 'recalibrateBatchNorm':
      return {
        kind: 'recalibrate',
        step,
        report: recalibrateRun(run, train, test, request.batches, request.shift),
      };
    case 'fineTuneBatchNorm': {
      const { batchSize, steps, learningRate } = request;
      return {
        kind: 'fineTune',
        step,
        report: fineTuneRun(run, train, test, { batchSize, steps, learningRate }),
      };
    }
    case 'averageWeights': {
      const { steps, batches } = request;
      return {
        kind: 'average',
        step,
        report: averageWeightsRun(run, train, test, { steps, batches }),
      };
    }
  }
}
