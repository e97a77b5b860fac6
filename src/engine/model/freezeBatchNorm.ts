import { BatchNorm } from '../layers/batchNorm';
import type { Model } from './model';

/**
 * Frozen BatchNorm for fine-tuning with small batches (PyTorch: `m.eval()` on every `_BatchNorm`
 * module after `model.train()`; detection libraries' FrozenBatchNorm2d). Every BatchNorm of `model`
 * normalises with its running statistics and stops updating them, in training as in evaluation, while
 * every other layer trains as before. A pretrained network's statistics, estimated over many large
 * batches, then survive batches of two, whose own statistics are noise. Returns how many norms were set.
 */
export function setBatchNormFrozen(model: Model, frozen: boolean): number {
  let count = 0;
  for (const { layer } of model.layers()) {
    if (!(layer instanceof BatchNorm)) continue;
    layer.frozen = frozen;
    count++;
  }
  return count;
}
