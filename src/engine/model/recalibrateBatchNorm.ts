import { BatchNorm } from '../layers/batchNorm';
import type { Tensor } from '../tensor';
import type { Model } from './model';

export { MAX_RECALIBRATION_BATCHES } from './recalibrationLimits';

/**
 * "Precise BN" (Wu & Johnson 2021, arXiv:2105.07576; PyTorch: torch.optim.swa_utils.update_bn):
 * re-estimates every BatchNorm's running statistics for the weights the model has now. During training
 * the exponential moving average mixes in batches seen under older weights, so at a high learning rate
 * it lags the network it is meant to describe (and after weight averaging it describes none of the
 * averaged networks). With the weights frozen, K batches go through the network in train mode and
 * each BatchNorm keeps the plain average of what it saw:
 *   running_mean = (1/K) Σ_k μ_k,   running_var = (1/K) Σ_k s²_k,
 * where μ_k is batch k's mean and s²_k its unbiased variance (÷ (n − 1)), the same quantities the
 * moving average tracks, and num_batches_tracked = K, exactly as update_bn leaves them. With ghost
 * batches every ghost batch counts as one of the K, as each is one call of the BatchNorm in PyTorch.
 */
export function recalibrateBatchNorm(model: Model, batches: Iterable<Tensor>): number {
  const norms = model.layers().flatMap(({ layer }) => (layer instanceof BatchNorm ? [layer] : []));
  if (norms.length === 0) throw new Error('recalibrateBatchNorm: the model has no BatchNorm layer');
  const meanSums = norms.map((norm) => new Float64Array(norm.numFeatures));
  const varSums = norms.map((norm) => new Float64Array(norm.numFeatures));
  // The train-mode forwards move the running statistics too; they are replaced at the end.
  const saved = model.buffers().map((b) => Float32Array.from(b.value.data));
  let count = 0;
  let parts = 0;
  try {
    for (const x of batches) {
      model.forward(x, 'train');
      norms.forEach((norm, i) => {
        // Averages over the batch's ghost batches: weighted by their number, each counts once.
        const stats = norm.lastBatchStats!;
        for (let c = 0; c < norm.numFeatures; c++) {
          meanSums[i]![c]! += stats.mean[c]! * stats.ghostBatches;
          varSums[i]![c]! += stats.varUnbiased[c]! * stats.ghostBatches;
        }
      });
      parts += norms[0]!.lastBatchStats!.ghostBatches;
      count++;
    }
  } catch (error) {
    model.buffers().forEach((b, i) => b.value.data.set(saved[i]!));
    throw error;
  }
  if (count === 0) {
    model.buffers().forEach((b, i) => b.value.data.set(saved[i]!));
    throw new Error('recalibrateBatchNorm: no batches were given');
  }
  norms.forEach((norm, i) => {
    const mean = norm.runningMean.value.data;
    const variance = norm.runningVar.value.data;
    for (let c = 0; c < norm.numFeatures; c++) {
      mean[c] = meanSums[i]![c]! / parts;
      variance[c] = varSums[i]![c]! / parts;
    }
    norm.numBatchesTracked.value.data[0] = parts;
  });
  return count;
}
