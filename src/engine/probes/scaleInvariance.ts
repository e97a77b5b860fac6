import { BatchNorm } from '../layers/batchNorm';
import { Conv2d } from '../layers/conv2d';
import { GroupNorm } from '../layers/groupNorm';
import { InstanceNorm2d } from '../layers/instanceNorm2d';
import type { Layer } from '../layers/layer';
import { LayerNorm } from '../layers/layerNorm';
import { Linear } from '../layers/linear';
import { RMSNorm } from '../layers/rmsNorm';
import type { NamedLayer } from '../layers/sequential';
import type { Model } from '../model/model';

/**
 * The weights whose scale the next layer divides out: W → cW (c > 0) leaves the network's output,
 * and so the loss, unchanged, which makes the gradient orthogonal to W and c times smaller at cW
 * (van Laarhoven 2017, arXiv:1706.05350). That holds for a Linear or Conv2d whose output goes straight
 * into a normalization that removes its scale:
 * - BatchNorm and InstanceNorm, with or without a bias: each output channel is centred over the
 *   samples (and positions), so a per-channel bias is subtracted with the mean;
 * - LayerNorm, GroupNorm and RMSNorm only without a bias: they normalize across channels, so a bias
 *   that does not scale with W changes their input's direction.
 * Names are the weights' state_dict names ('fc2.weight', 'block1.conv1.weight').
 */
export function scaleInvariantWeights(model: Model): Set<string> {
  const names = new Set<string>();
  const walk = (prefix: string, children: readonly NamedLayer[]): void => {
    children.forEach(([name, layer], i) => {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const next = children[i + 1]?.[1];
      if ((layer instanceof Linear || layer instanceof Conv2d) && next && removesScale(next, layer))
        names.add(`${path}.weight`);
      const inner = (layer as { children?: readonly NamedLayer[] }).children;
      if (Array.isArray(inner)) walk(path, inner);
    });
  };
  walk('', model.root.children);
  return names;
}

function removesScale(norm: Layer, producer: Linear | Conv2d): boolean {
  if (norm instanceof BatchNorm || norm instanceof InstanceNorm2d) return true;
  const acrossChannels =
    norm instanceof LayerNorm || norm instanceof GroupNorm || norm instanceof RMSNorm;
  return acrossChannels && producer.bias === undefined;
}
