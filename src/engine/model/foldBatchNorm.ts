import { BatchNorm } from '../layers/batchNorm';
import { Conv2d } from '../layers/conv2d';
import type { Layer } from '../layers/layer';
import { Linear } from '../layers/linear';
import type { NamedLayer } from '../layers/sequential';
import { createRng } from '../rng';
import { buildModel } from './buildModel';
import type { Model } from './model';
import type { ModelSpec } from './spec';

/**
 * Folding BatchNorm into the Linear or Conv2d in front of it (PyTorch:
 * torch.nn.utils.fusion.fuse_linear_bn_eval / fuse_conv_bn_eval). In eval mode BatchNorm is a fixed
 * affine map per channel c,
 *   BN(z)_c = γ_c (z_c − μ_c) / σ_c + β_c,   σ_c = √(running_var_c + eps),   μ_c = running_mean_c,
 * and with z = W x + b in front of it the two compose into one layer:
 *   W′_c = (γ_c / σ_c) W_c          (row c of a Linear weight, output channel c of a conv kernel)
 *   b′_c = (γ_c / σ_c)(b_c − μ_c) + β_c   (b_c = 0 when the layer had no bias)
 * The folded network computes the eval-mode function of the original with one layer fewer per norm.
 * It is an inference-time network: training it again would train a network without normalization.
 */

/** Why a spec's network cannot be folded, or null when it can. */
export function foldRefusal(spec: ModelSpec): string | null {
  if (spec.norm.kind !== 'batchNorm') {
    const which = spec.norm.kind === 'none' ? 'has no normalization' : `uses ${spec.norm.kind}`;
    return (
      `Folding needs BatchNorm; this network ${which}. Only BatchNorm becomes a fixed per-channel ` +
      'affine map in eval mode (LayerNorm, GroupNorm and InstanceNorm compute their statistics from each sample).'
    );
  }
  if (spec.normPlacement !== 'before') {
    return (
      "Folding needs each BatchNorm directly after its Linear/Conv2d (norm placement 'before'); with " +
      "'after' an activation sits between them, and a nonlinearity cannot be folded through."
    );
  }
  return null;
}

/**
 * The spec of the folded network: the same layers without norms, every Linear/Conv2d with a bias, and
 * plain weights (a standardized layer's Ŵ is folded into W′).
 */
export function foldedSpec(spec: ModelSpec): ModelSpec {
  // Without norms there is no γ to zero; SkipInit's α stays (Fixup and ReZero have no BatchNorm to fold).
  const { branchInit, weightStandardization: _standardized, ...kept } = spec;
  const rest =
    branchInit === undefined || branchInit === 'zeroGamma' ? kept : { ...kept, branchInit };
  if (rest.family === 'mlp') return { ...rest, norm: { kind: 'none' }, bias: true };
  // A CNN builds its convs with a bias exactly when no norm follows them.
  return { ...rest, norm: { kind: 'none' } };
}

interface FoldPair {
  /** The state_dict prefix of the Linear/Conv2d ('fc1', 'block2.conv1'). */
  readonly path: string;
  readonly layer: Linear | Conv2d;
  readonly norm: BatchNorm;
}

/** Every (Linear|Conv2d, BatchNorm) pair where the norm directly follows the layer in its container. */
function foldPairs(model: Model): FoldPair[] {
  const pairs: FoldPair[] = [];
  const walk = (prefix: string, children: readonly NamedLayer[]): void => {
    children.forEach(([name, layer], i) => {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (layer instanceof BatchNorm) {
        const previous = children[i - 1];
        const before = previous?.[1];
        if (!(before instanceof Linear || before instanceof Conv2d)) {
          throw new Error(
            `foldBatchNorm: ${path} (${layer.label}) follows ${previous ? `${previous[0]} (${before?.label})` : 'nothing'}, not a Linear or Conv2d`,
          );
        }
        const beforePath = prefix === '' ? previous![0] : `${prefix}.${previous![0]}`;
        pairs.push({ path: beforePath, layer: before, norm: layer });
      }
      const nested = (layer as Layer & { children?: readonly NamedLayer[] }).children;
      if (Array.isArray(nested)) walk(path, nested);
    });
  };
  walk('', model.root.children);
  return pairs;
}

/** W′ and b′ of one pair, computed in float64 and stored in float32. */
function foldPair({ layer, norm }: FoldPair): { weight: Float32Array; bias: Float32Array } {
  // Under weight standardization the layer computes with Ŵ: that is what folds.
  const w = layer.effectiveWeight();
  const b = layer.bias?.value.data;
  const channels = norm.numFeatures;
  const perChannel = w.length / channels;
  const gamma = norm.weight.value.data;
  const beta = norm.bias.value.data;
  const mean = norm.runningMean.value.data;
  const variance = norm.runningVar.value.data;
  const weight = new Float32Array(w.length);
  const bias = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const scale = gamma[c]! / Math.sqrt(variance[c]! + norm.eps); // γ / σ
    for (let k = c * perChannel; k < (c + 1) * perChannel; k++) weight[k] = w[k]! * scale; // W′ = (γ/σ) W
    bias[c] = ((b?.[c] ?? 0) - mean[c]!) * scale + beta[c]!; // b′ = (γ/σ)(b − μ) + β
  }
  return { weight, bias };
}

/**
 * A new model whose eval-mode outputs equal `model`'s (to float32 rounding) with every BatchNorm folded
 * into the Linear/Conv2d before it. `model` is not changed. Throws when `foldRefusal` gives a reason.
 */
export function foldBatchNorm(model: Model): Model {
  const refusal = foldRefusal(model.spec);
  if (refusal !== null) throw new Error(`foldBatchNorm: ${refusal}`);
  const pairs = foldPairs(model);
  const source = model.stateDict();
  const state: Record<string, Float32Array> = {};
  const foldedNames = new Set<string>();
  for (const pair of pairs) {
    const { weight, bias } = foldPair(pair);
    state[`${pair.path}.weight`] = weight;
    state[`${pair.path}.bias`] = bias;
    foldedNames.add(pair.path);
  }
  // The seed only fills tensors that loadStateDict overwrites next.
  const folded = buildModel(foldedSpec(model.spec), createRng(0));
  for (const { name } of folded.params()) {
    if (name in state) continue;
    const value = source[name];
    if (!value) throw new Error(`foldBatchNorm: the folded network's '${name}' has no source`);
    state[name] = value;
  }
  const expected = new Set(folded.params().map((p) => p.name));
  for (const name of Object.keys(state)) {
    if (!expected.has(name))
      throw new Error(`foldBatchNorm: '${name}' has no place in the folded network`);
  }
  folded.loadStateDict(state);
  folded.forwardChunk = model.forwardChunk;
  return folded;
}
