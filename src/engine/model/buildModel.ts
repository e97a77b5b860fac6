import { initBias, initWeight } from '../init/initialize';
import { computeFans } from '../init/fans';
import { BatchNorm1d, BatchNorm2d } from '../layers/batchNorm';
import { Conv2d } from '../layers/conv2d';
import { Flatten } from '../layers/flatten';
import { GELU } from '../layers/gelu';
import { GlobalAvgPool2d } from '../layers/globalAvgPool2d';
import { GroupNorm } from '../layers/groupNorm';
import { InstanceNorm2d } from '../layers/instanceNorm2d';
import type { Layer } from '../layers/layer';
import { LayerNorm } from '../layers/layerNorm';
import { LeakyReLU } from '../layers/leakyRelu';
import { Linear } from '../layers/linear';
import { RMSNorm } from '../layers/rmsNorm';
import { ReLU } from '../layers/relu';
import { ResidualBlock } from '../layers/residualBlock';
import { Sequential } from '../layers/sequential';
import { Sigmoid } from '../layers/sigmoid';
import { Tanh } from '../layers/tanh';
import type { Rng } from '../rng';
import { Model } from './model';
import {
  parseModelSpec,
  type ActivationKind,
  type CnnSpec,
  type MlpSpec,
  type ModelSpec,
  type NormSpec,
} from './spec';

/**
 * Builds and initializes the network a spec describes. Layer names follow PyTorch's state_dict
 * conventions (fc1, norm1, …; stem_conv, block1.conv1, …, fc) so PyTorch weights map one to one.
 * `rng` draws the initial weights, layer by layer in forward order.
 */
export function buildModel(input: ModelSpec | unknown, rng: Rng): Model {
  const spec = parseModelSpec(input);
  const root = spec.family === 'mlp' ? buildMlp(spec) : buildCnn(spec);
  const model = new Model(spec, root);
  initializeModel(model, rng);
  return model;
}

export function makeActivation(kind: ActivationKind, negativeSlope = 0.01): Layer {
  switch (kind) {
    case 'relu':
      return new ReLU();
    case 'leakyRelu':
      return new LeakyReLU(negativeSlope);
    case 'tanh':
      return new Tanh();
    case 'sigmoid':
      return new Sigmoid();
    case 'gelu':
      return new GELU();
  }
}

/** The norm layer for a hidden vector of `features` (MLP), or null for 'none'. */
function makeNorm1d(norm: NormSpec, features: number): Layer | null {
  switch (norm.kind) {
    case 'none':
      return null;
    case 'batchNorm':
      return new BatchNorm1d(features);
    case 'layerNorm':
      return new LayerNorm([features]);
    case 'rmsNorm':
      return new RMSNorm([features]);
    case 'groupNorm':
      return new GroupNorm(norm.groups ?? 1, features);
    case 'instanceNorm':
      throw new Error('InstanceNorm needs spatial inputs; it is only available for the CNN');
  }
}

/** The norm layer for a [C, H, W] feature map, or null for 'none'. */
function makeNorm2d(norm: NormSpec, channels: number, height: number, width: number): Layer | null {
  switch (norm.kind) {
    case 'none':
      return null;
    case 'batchNorm':
      return new BatchNorm2d(channels);
    case 'layerNorm':
      // nn.LayerNorm([C, H, W]): every sample normalised over all its features.
      return new LayerNorm([channels, height, width]);
    case 'rmsNorm':
      // nn.RMSNorm([C, H, W]): every sample scaled by the RMS of all its features, as LayerNorm.
      return new RMSNorm([channels, height, width]);
    case 'groupNorm':
      return new GroupNorm(norm.groups ?? 1, channels);
    case 'instanceNorm':
      return new InstanceNorm2d(channels);
  }
}

function buildMlp(spec: MlpSpec): Sequential {
  const children: [string, Layer][] = [['flatten', new Flatten()]];
  let features = spec.inputSize;
  for (let i = 1; i <= spec.depth; i++) {
    const norm = makeNorm1d(spec.norm, spec.width);
    children.push([`fc${i}`, new Linear(features, spec.width, spec.bias)]);
    const act: [string, Layer] = [`act${i}`, makeActivation(spec.activation, spec.negativeSlope)];
    if (norm && spec.normPlacement === 'before') children.push([`norm${i}`, norm], act);
    else if (norm) children.push(act, [`norm${i}`, norm]);
    else children.push(act);
    features = spec.width;
  }
  children.push([`fc${spec.depth + 1}`, new Linear(features, spec.numClasses, true)]);
  return new Sequential(children);
}

function buildCnn(spec: CnnSpec): Sequential {
  const [inChannels, height, width] = spec.inputShape;
  const channels = spec.stemChannels;
  const stemNorm = makeNorm2d(spec.norm, channels, height, width);
  const children: [string, Layer][] = [
    // A norm right after a conv makes the conv's bias redundant (β does its job), as in torchvision.
    [
      'stem_conv',
      new Conv2d({
        inChannels,
        outChannels: channels,
        kernelSize: 3,
        padding: 1,
        bias: stemNorm === null,
      }),
    ],
  ];
  const act: [string, Layer] = ['stem_act', makeActivation(spec.activation, spec.negativeSlope)];
  if (stemNorm && spec.normPlacement === 'before') children.push(['stem_bn', stemNorm], act);
  else if (stemNorm) children.push(act, ['stem_bn', stemNorm]);
  else children.push(act);

  const normFactory =
    spec.norm.kind === 'none'
      ? null
      : (c: number): Layer => makeNorm2d(spec.norm, c, height, width) as Layer;
  for (let b = 1; b <= spec.blocks; b++) {
    children.push([
      `block${b}`,
      new ResidualBlock({
        inChannels: channels,
        outChannels: channels,
        residual: spec.residual,
        makeNorm: normFactory,
        makeActivation: () => makeActivation(spec.activation, spec.negativeSlope),
        normPlacement: spec.normPlacement,
      }),
    ]);
  }
  children.push(
    ['pool', new GlobalAvgPool2d()],
    ['fc', new Linear(channels, spec.numClasses, true)],
  );
  return new Sequential(children);
}

/**
 * Applies the spec's init scheme to every Linear and Conv2d weight and bias (PyTorch: model.apply(fn)).
 * Norm layers keep γ = 1, β = 0 from their constructors, except the optional zero-γ residual trick.
 */
export function initializeModel(model: Model, rng: Rng): void {
  const scheme = model.spec.init;
  for (const { layer } of model.layers()) {
    if (layer instanceof Linear || layer instanceof Conv2d) {
      initWeight(layer.weight.value, scheme, rng);
      if (layer.bias)
        initBias(layer.bias.value, computeFans(layer.weight.value.shape).fanIn, scheme, rng);
    }
  }
  // Zeroing the last γ makes a block start as the identity only when that norm sits on the residual
  // branch before the sum: with placement 'after' it follows the sum, and without a skip there is no
  // identity path, so zeroing it would silence the whole block instead.
  const spec = model.spec;
  if (
    spec.family === 'cnn' &&
    spec.zeroInitResidualGamma === true &&
    spec.residual &&
    spec.normPlacement === 'before'
  ) {
    for (const { layer } of model.layers()) {
      if (layer instanceof ResidualBlock) {
        const scale = layer.lastNorm?.params().find((p) => p.role === 'normScale');
        scale?.value.data.fill(0);
      }
    }
  }
}
