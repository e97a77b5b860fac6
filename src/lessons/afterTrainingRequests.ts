import type { AfterTrainingRequest } from '../worker/protocol';
import type { AfterTrainingOperations } from './schema';

/**
 * The requests an experiment's after-training operations stand for, in the order the lesson page
 * offers them as buttons. The page sends one per click; the headless run (runExperiment) sends them
 * all, so both ask the worker for the same batches, steps and shifts.
 */
export function afterTrainingRequests({
  fold,
  recalibrate,
  fineTune,
  average,
}: AfterTrainingOperations): AfterTrainingRequest[] {
  const requests: AfterTrainingRequest[] = [];
  if (fold) requests.push({ type: 'foldBatchNorm' });
  if (recalibrate) {
    requests.push({
      type: 'recalibrateBatchNorm',
      batches: recalibrate.batches,
      shift: recalibrate.shift,
    });
  }
  if (fineTune) requests.push({ type: 'fineTuneBatchNorm', ...fineTune });
  if (average) requests.push({ type: 'averageWeights', ...average });
  return requests;
}
