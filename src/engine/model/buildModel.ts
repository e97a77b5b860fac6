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
import { ScalarBias } from '../layers/scalar';
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

/** BatchNorm's ghost batches, when the spec asks for them. */
const ghost = (norm: NormSpec) =>
  norm.ghostBatch === undefined ? {} : { ghostBatchSize: norm.ghostBatch };

/** The norm layer for a hidden vector of `features` (MLP), or null for 'none'. */
function makeNorm1d(norm: NormSpec, features: number): Layer | null {
  switch (norm.kind) {
    case 'none':
      return null;
    case 'batchNorm':
      return new BatchNorm1d(features, ghost(norm));
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
      return new BatchNorm2d(channels, ghost(norm));
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
  if (spec.residual === true) return buildResidualMlp(spec);
  const children: [string, Layer][] = [['flatten', new Flatten()]];
  let features = spec.inputSize;
  const ws = { weightStandardization: spec.weightStandardization === true };
  for (let i = 1; i <= spec.depth; i++) {
    const norm = makeNorm1d(spec.norm, spec.width);
    children.push([`fc${i}`, new Linear(features, spec.width, spec.bias, undefined, ws)]);
    const act: [string, Layer] = [`act${i}`, makeActivation(spec.activation, spec.negativeSlope)];
    if (norm && spec.normPlacement === 'before') children.push([`norm${i}`, norm], act);
    else if (norm) children.push(act, [`norm${i}`, norm]);
    else children.push(act);
    features = spec.width;
  }
  children.push([`fc${spec.depth + 1}`, new Linear(features, spec.numClasses, true)]);
  return new Sequential(children);
}

/**
 * A residual MLP, named as the CNN: stem_fc (→ stem_bn) → stem_act, block1 … blockN (each two Linear
 * layers around the CNN block's norms and activations), fc.
 */
function buildResidualMlp(spec: MlpSpec): Sequential {
  const width = spec.width;
  const stemNorm = makeNorm1d(spec.norm, width);
  const children: [string, Layer][] = [
    ['flatten', new Flatten()],
    [
      'stem_fc',
      new Linear(spec.inputSize, width, spec.bias, undefined, {
        weightStandardization: spec.weightStandardization === true,
      }),
    ],
  ];
  children.push(...stemTail(spec, stemNorm));
  const makeNorm =
    spec.norm.kind === 'none' ? null : (c: number): Layer => makeNorm1d(spec.norm, c) as Layer;
  for (let b = 1; b <= spec.depth; b++) {
    children.push([
      `block${b}`,
      new ResidualBlock({
        inChannels: width,
        outChannels: width,
        transform: 'linear',
        makeNorm,
        makeActivation: () => makeActivation(spec.activation, spec.negativeSlope),
        normPlacement: spec.normPlacement,
        branchInit: spec.branchInit ?? 'standard',
        weightStandardization: spec.weightStandardization === true,
      }),
    ]);
  }
  children.push(...classifier(spec, width));
  return new Sequential(children);
}

/** The stem's activation and norm (named stem_act, stem_bn), in the spec's order. */
function stemTail(spec: ModelSpec, norm: Layer | null): [string, Layer][] {
  const act: [string, Layer] = ['stem_act', makeActivation(spec.activation, spec.negativeSlope)];
  if (!norm) return [act];
  return spec.normPlacement === 'before' ? [['stem_bn', norm], act] : [act, ['stem_bn', norm]];
}

/**
 * The last Linear layer; Fixup adds a scalar bias before it, as before every weight layer. It never
 * standardizes its weights: no norm follows it, and the logits' scale is for it to learn (as BiT's head).
 */
function classifier(spec: ModelSpec, features: number): [string, Layer][] {
  const fc: [string, Layer] = ['fc', new Linear(features, spec.numClasses, true)];
  return spec.branchInit === 'fixup' ? [['fc_bias', new ScalarBias()], fc] : [fc];
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
        weightStandardization: spec.weightStandardization === true,
      }),
    ],
  ];
  children.push(...stemTail(spec, stemNorm));

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
        branchInit: spec.branchInit ?? 'standard',
        weightStandardization: spec.weightStandardization === true,
      }),
    ]);
  }
  children.push(['pool', new GlobalAvgPool2d()], ...classifier(spec, channels));
  return new Sequential(children);
}

/**
 * Applies the spec's init scheme to every Linear and Conv2d weight and bias (PyTorch: model.apply(fn)).
 * Norm layers keep γ = 1, β = 0 from their constructors; then each residual block gets what its
 * branch init asks for (`initializeBranches`).
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
  initializeBranches(model);
}

/**
 * zero-γ: each branch's last norm has γ = 0. Fixup: each branch's first weight layer is scaled by
 * L^(-1/(2m-2)) (L branches of m = 2 weight layers: L^(-1/2)), its last weight layer and the
 * classifier start at zero. SkipInit and ReZero need nothing here: their α is built at 0.
 * Every block then starts as the identity (zero-γ, Fixup, SkipInit, ReZero) and the network as a
 * shallow one, whatever its depth.
 */
function initializeBranches(model: Model): void {
  const blocks = model
    .layers()
    .map(({ layer }) => layer)
    .filter((layer): layer is ResidualBlock => layer instanceof ResidualBlock);
  const init = model.spec.branchInit ?? 'standard';
  if (init === 'zeroGamma') {
    for (const block of blocks) {
      block.lastNorm
        ?.params()
        .find((p) => p.role === 'normScale')
        ?.value.data.fill(0);
    }
  }
  if (init === 'fixup') {
    const m = 2;
    const factor = blocks.length ** (-1 / (2 * m - 2));
    for (const block of blocks) {
      const w = block.layer1.weight.value.data;
      for (let i = 0; i < w.length; i++) w[i]! *= factor;
      block.layer2.weight.value.data.fill(0);
    }
    const fc = model.root.children.find(([name]) => name === 'fc')?.[1];
    if (fc instanceof Linear) {
      fc.weight.value.data.fill(0);
      fc.bias?.value.data.fill(0);
    }
  }
}
