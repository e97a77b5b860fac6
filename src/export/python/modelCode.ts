import { NORM_LAYER_KINDS } from '../../engine/layers/normCore';
import {
  ACTIVATIONS,
  type ActivationKind,
  type BranchInit,
  type CnnSpec,
  type MlpSpec,
  type ModelSpec,
  type NormSpec,
} from '../../engine/model/spec';
import { pyFloat } from './pythonText';
import { refuse } from './refusal';

/**
 * The network as a PyTorch `nn.Module` whose attribute names are the engine's layer names (fc1,
 * norm1, act1, …; stem_conv, block1.conv1, …, fc), so the exported state_dict loads one to one.
 */
export function modelCode(spec: ModelSpec): string {
  const net =
    spec.family === 'cnn'
      ? cnnCode(spec)
      : spec.residual === true
        ? residualMlpCode(spec)
        : mlpCode(spec);
  const helpers = [
    spec.weightStandardization === true ? WEIGHT_STANDARDIZATION_CODE : '',
    spec.norm.ghostBatch !== undefined
      ? ghostBatchNormCode(spec.family === 'cnn' ? '2d' : '1d')
      : '',
    spec.norm.kind === 'rmsNorm' ? RMS_NORM_CODE : '',
    usesScalars(spec.branchInit) ? SCALAR_CODE : '',
  ].filter((code) => code !== '');
  return [...helpers, net].join('\n\n');
}

/**
 * Weight standardization has no torch module: the script defines the engine's
 * (src/engine/layers/weightStandardization.ts) as subclasses of nn.Linear and nn.Conv2d, so the
 * parameters and state_dict names stay theirs and only the weight the forward uses changes.
 */
const WEIGHT_STANDARDIZATION_CODE = `def standardize(weight, eps=1e-5):
    """Weight standardization (Qiao et al. 2019, arXiv:1903.10520): each output unit's weights minus
    their mean, divided by sqrt(their biased variance + eps)."""
    flat = weight.reshape(weight.shape[0], -1)
    mean = flat.mean(dim=1, keepdim=True)
    var = flat.var(dim=1, unbiased=False, keepdim=True)
    return ((flat - mean) / torch.sqrt(var + eps)).reshape(weight.shape)


class StdLinear(nn.Linear):
    """nn.Linear that computes with standardize(weight); the learned parameter is the raw weight."""

    def forward(self, x):
        return nn.functional.linear(x, standardize(self.weight), self.bias)


class StdConv2d(nn.Conv2d):
    """nn.Conv2d that computes with standardize(weight), each output channel's kernel standardized."""

    def forward(self, x):
        return self._conv_forward(x, standardize(self.weight), self.bias)
`;

/**
 * Ghost batches have no torch module: the script defines the engine's (src/engine/layers/batchNorm.ts)
 * as a subclass of nn.BatchNorm1d or nn.BatchNorm2d, so the state_dict names stay BatchNorm's. In
 * training each ghost batch is a BatchNorm call of its own, which normalizes it with its own statistics
 * and moves the running statistics (and num_batches_tracked) once, in order, as the engine does.
 */
const ghostBatchNormCode = (
  dims: '1d' | '2d',
): string => `class GhostBatchNorm${dims}(nn.BatchNorm${dims}):
    """BatchNorm over ghost batches (Hoffer et al. 2017, arXiv:1705.08741): in training, every
    ghost_batch consecutive samples are normalized with their own mean and variance, as
    torch.cat([bn(part) for part in x.split(ghost_batch)]); in eval, the running statistics as usual."""

    def __init__(self, num_features, ghost_batch):
        super().__init__(num_features)
        self.ghost_batch = ghost_batch

    def forward(self, x):
        if not self.training:
            return super().forward(x)
        return torch.cat([super(GhostBatchNorm${dims}, self).forward(part) for part in x.split(self.ghost_batch)])
`;

/** The class of a hidden weight layer: standardized or plain (the classifier is always plain). */
const linearClass = (spec: ModelSpec): string =>
  spec.weightStandardization === true ? 'StdLinear' : 'nn.Linear';
const convClass = (spec: ModelSpec): string =>
  spec.weightStandardization === true ? 'StdConv2d' : 'nn.Conv2d';

const usesScalars = (init: BranchInit | undefined): boolean =>
  init === 'fixup' || init === 'skipInit' || init === 'reZero';

/** One learned number on a whole tensor: Fixup's biases and multiplier, SkipInit's and ReZero's α. */
const SCALAR_CODE = `class Bias(nn.Module):
    """A learned scalar added to every element (Fixup's scalar biases, arXiv:1901.09321)."""

    def __init__(self):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return x + self.bias


class Scale(nn.Module):
    """A learned scalar that multiplies every element: Fixup's multiplier (starts at 1), the α of
    SkipInit (arXiv:2002.10444) and ReZero (arXiv:2003.04887), which starts at 0."""

    def __init__(self, value):
        super().__init__()
        self.weight = nn.Parameter(torch.full((1,), float(value)))

    def forward(self, x):
        return x * self.weight
`;

/**
 * torch 1.13 has no nn.RMSNorm (it came in 2.4), so the script defines one with 2.4's semantics:
 * eps defaults to float32's machine epsilon, there is a `weight` and no bias, and the state_dict
 * names are nn.RMSNorm's, so on a newer torch the class can be swapped for nn.RMSNorm as it is.
 */
const RMS_NORM_CODE = `class RMSNorm(nn.Module):
    """RMSNorm (Zhang & Sennrich 2019, arXiv:1910.07467), as torch.nn.RMSNorm of PyTorch >= 2.4:
    y = weight * x / sqrt(mean(x^2) + eps) over the trailing normalized_shape dims; no centring, no bias."""

    def __init__(self, normalized_shape, eps=torch.finfo(torch.float32).eps):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(self.normalized_shape))

    def forward(self, x):
        dims = tuple(range(-len(self.normalized_shape), 0))
        return self.weight * x * torch.rsqrt(x.pow(2).mean(dim=dims, keepdim=True) + self.eps)
`;

export function activationCode(kind: ActivationKind, negativeSlope = 0.01): string {
  switch (kind) {
    case 'relu':
      return 'nn.ReLU()';
    case 'leakyRelu':
      return `nn.LeakyReLU(${pyFloat(negativeSlope)})`;
    case 'tanh':
      return 'nn.Tanh()';
    case 'sigmoid':
      return 'nn.Sigmoid()';
    case 'gelu':
      return 'nn.GELU()';
    default:
      return refuse('the activation', kind, ACTIVATIONS);
  }
}

/** InstanceNorm normalises over pixels: the MLP has none. */
const MLP_NORMS = NORM_LAYER_KINDS.filter((kind) => kind !== 'instanceNorm');

/** `features` is a Python expression: a number in Net, the argument `channels` in Block. */
function norm1dCode(norm: NormSpec, features: number | string): string {
  switch (norm.kind) {
    case 'batchNorm':
      return norm.ghostBatch === undefined
        ? `nn.BatchNorm1d(${features})`
        : `GhostBatchNorm1d(${features}, ${norm.ghostBatch})`;
    case 'layerNorm':
      return `nn.LayerNorm(${features})`;
    case 'rmsNorm':
      return `RMSNorm(${features})`;
    case 'groupNorm':
      return `nn.GroupNorm(${norm.groups ?? 1}, ${features})`;
    default:
      return refuse('the MLP normalization', norm.kind, MLP_NORMS);
  }
}

/** `channels` is a Python expression: a number in Net, the argument `channels` in Block. */
function norm2dCode(norm: NormSpec, channels: string, height: number, width: number): string {
  switch (norm.kind) {
    case 'batchNorm':
      return norm.ghostBatch === undefined
        ? `nn.BatchNorm2d(${channels})`
        : `GhostBatchNorm2d(${channels}, ${norm.ghostBatch})`;
    case 'layerNorm':
      // every sample normalised over all of its C·H·W features, as the engine's LayerNorm([C, H, W])
      return `nn.LayerNorm([${channels}, ${height}, ${width}])`;
    case 'rmsNorm':
      // every sample scaled by the RMS of all of its C·H·W features, as the engine's RMSNorm([C, H, W])
      return `RMSNorm([${channels}, ${height}, ${width}])`;
    case 'groupNorm':
      return `nn.GroupNorm(${norm.groups ?? 1}, ${channels})`;
    case 'instanceNorm':
      return `nn.InstanceNorm2d(${channels}, affine=True)`;
    default:
      return refuse('the CNN normalization', norm.kind, NORM_LAYER_KINDS);
  }
}

/** ", standardized weights" in a network's docstring when its hidden layers standardize them. */
const wsTitle = (spec: ModelSpec): string =>
  spec.weightStandardization === true ? ', standardized weights' : '';

function normTitle(norm: NormSpec): string {
  switch (norm.kind) {
    case 'batchNorm':
      return norm.ghostBatch === undefined
        ? 'BatchNorm'
        : `BatchNorm over ghost batches of ${norm.ghostBatch}`;
    case 'layerNorm':
      return 'LayerNorm';
    case 'rmsNorm':
      return 'RMSNorm';
    case 'groupNorm':
      return `GroupNorm (${norm.groups ?? 1} groups)`;
    case 'instanceNorm':
      return 'InstanceNorm';
    case 'none':
      return 'no normalization';
  }
}

function mlpCode(spec: MlpSpec): string {
  const act = activationCode(spec.activation, spec.negativeSlope);
  const hasNorm = spec.norm.kind !== 'none';
  const before = spec.normPlacement === 'before';
  const order = !hasNorm
    ? 'Linear → activation'
    : before
      ? 'Linear → norm → activation'
      : 'Linear → activation → norm';
  const init: string[] = ['self.flatten = nn.Flatten()'];
  const forward: string[] = ['x = self.flatten(x)'];
  let features = spec.inputSize;
  for (let i = 1; i <= spec.depth; i++) {
    const bias = spec.bias ? '' : ', bias=False';
    init.push(`self.fc${i} = ${linearClass(spec)}(${features}, ${spec.width}${bias})`);
    const steps = [`self.fc${i}`];
    if (hasNorm && before) {
      init.push(`self.norm${i} = ${norm1dCode(spec.norm, spec.width)}`);
      steps.push(`self.norm${i}`);
    }
    init.push(`self.act${i} = ${act}`);
    steps.push(`self.act${i}`);
    if (hasNorm && !before) {
      init.push(`self.norm${i} = ${norm1dCode(spec.norm, spec.width)}`);
      steps.push(`self.norm${i}`);
    }
    forward.push(`x = ${composed(steps, 'x')}`);
    features = spec.width;
  }
  const out = spec.depth + 1;
  init.push(`self.fc${out} = nn.Linear(${features}, ${spec.numClasses})`);
  forward.push(`return self.fc${out}(x)  # logits; CrossEntropyLoss applies the softmax`);
  const biasNote = spec.bias
    ? ''
    : "\n    The hidden Linear layers have no bias: BatchNorm right after them subtracts the batch mean,\n    so a bias would do nothing (BatchNorm's β takes its place).";
  return `class Net(nn.Module):
    """An MLP: ${spec.depth} hidden layer${spec.depth === 1 ? '' : 's'} of ${spec.width} units (${order}, ${normTitle(spec.norm)}${wsTitle(spec)}),
    then a Linear layer to ${spec.numClasses} classes.${biasNote}"""

    def __init__(self):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${forward.map((l) => `        ${l}`).join('\n')}
`;
}

/** The MLP with residual blocks: named as the CNN (stem_fc, block1 …, fc), Linear for Conv2d. */
function residualMlpCode(spec: MlpSpec): string {
  const act = activationCode(spec.activation, spec.negativeSlope);
  const hasNorm = spec.norm.kind !== 'none';
  const before = spec.normPlacement === 'before';
  const width = spec.width;
  const bias = spec.bias ? '' : ', bias=False';
  const stem = stemCode(
    `${linearClass(spec)}(${spec.inputSize}, ${width}${bias})`,
    'stem_fc',
    hasNorm ? norm1dCode(spec.norm, String(width)) : '',
    act,
    before,
  );
  const blockNames = Array.from({ length: spec.depth }, (_, i) => `block${i + 1}`);
  const head = headCode(spec, width);
  const init = [
    'self.flatten = nn.Flatten()',
    ...stem.init,
    ...blockNames.map((b) => `self.${b} = Block(${width})`),
    ...head.init,
  ];
  const forward = [
    `x = ${composed(['self.flatten', ...stem.steps], 'x')}`,
    ...blockNames.map((b) => `x = self.${b}(x)`),
    head.forward,
  ];
  const block = blockCode({
    residual: true,
    before,
    norm: hasNorm ? norm1dCode(spec.norm, 'channels') : '',
    act,
    layer: (layerBias) =>
      `${linearClass(spec)}(channels, channels${layerBias ? '' : ', bias=False'})`,
    names: ['fc1', 'fc2'],
    what: 'Linear',
    branchInit: spec.branchInit ?? 'standard',
  });
  return `${block}

class Net(nn.Module):
    """A residual MLP: a Linear layer to ${width} units, ${spec.depth} residual block${spec.depth === 1 ? '' : 's'} of two Linear layers (${normTitle(spec.norm)}${wsTitle(spec)}${hasNorm ? `, placed ${spec.normPlacement} the activation` : ''}${branchTitle(spec.branchInit)}),
    then a Linear layer to ${spec.numClasses} classes."""

    def __init__(self):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${forward.map((l) => `        ${l}`).join('\n')}
`;
}

/** The stem: its weight layer, then norm and activation in the spec's order. */
function stemCode(
  layer: string,
  name: string,
  norm: string,
  act: string,
  before: boolean,
): { init: string[]; steps: string[] } {
  const init = [`self.${name} = ${layer}`];
  const steps = [`self.${name}`];
  if (norm !== '' && before) {
    init.push(`self.stem_bn = ${norm}`);
    steps.push('self.stem_bn');
  }
  init.push(`self.stem_act = ${act}`);
  steps.push('self.stem_act');
  if (norm !== '' && !before) {
    init.push(`self.stem_bn = ${norm}`);
    steps.push('self.stem_bn');
  }
  return { init, steps };
}

/** The classifier; Fixup puts a scalar bias before it, as before every weight layer. */
function headCode(spec: ModelSpec, features: number): { init: string[]; forward: string } {
  const fc = `self.fc = nn.Linear(${features}, ${spec.numClasses})`;
  const logits = '  # logits; CrossEntropyLoss applies the softmax';
  return spec.branchInit === 'fixup'
    ? { init: ['self.fc_bias = Bias()', fc], forward: `return self.fc(self.fc_bias(x))${logits}` }
    : { init: [fc], forward: `return self.fc(x)${logits}` };
}

function branchTitle(init: BranchInit | undefined): string {
  switch (init ?? 'standard') {
    case 'standard':
      return '';
    case 'zeroGamma':
      return ", each branch's last γ starting at zero";
    case 'fixup':
      return ', Fixup initialization';
    case 'skipInit':
      return ', SkipInit: each branch times a learned α that starts at zero';
    case 'reZero':
      return ', ReZero: x + α·F(x) with a learned α that starts at zero';
  }
}

function composed(steps: readonly string[], input: string): string {
  return steps.reduce((inner, f) => `${f}(${inner})`, input);
}

function cnnCode(spec: CnnSpec): string {
  const [inChannels, height, width] = spec.inputShape;
  const channels = spec.stemChannels;
  const act = activationCode(spec.activation, spec.negativeSlope);
  const hasNorm = spec.norm.kind !== 'none';
  const before = spec.normPlacement === 'before';
  const norm = hasNorm ? norm2dCode(spec.norm, String(channels), height, width) : '';
  const blockNorm = hasNorm ? norm2dCode(spec.norm, 'channels', height, width) : '';

  // The stem conv has no bias whenever a norm follows it, before or after its activation.
  const stem = stemCode(
    `${convClass(spec)}(${inChannels}, ${channels}, kernel_size=3, padding=1${hasNorm ? ', bias=False' : ''})`,
    'stem_conv',
    norm,
    act,
    before,
  );
  const blockNames = Array.from({ length: spec.blocks }, (_, i) => `block${i + 1}`);
  const head = headCode(spec, channels);
  const init = [
    ...stem.init,
    ...blockNames.map((b) => `self.${b} = Block(${channels})`),
    'self.pool = nn.AdaptiveAvgPool2d(1)  # global average pooling',
    ...head.init,
  ];
  const forward = [
    `x = ${composed(stem.steps, 'x')}`,
    ...blockNames.map((b) => `x = self.${b}(x)`),
    'x = torch.flatten(self.pool(x), 1)',
    head.forward,
  ];
  const block = blockCode({
    residual: spec.residual,
    before,
    norm: blockNorm,
    act,
    layer: (bias) =>
      `${convClass(spec)}(channels, channels, kernel_size=3, padding=1${bias ? '' : ', bias=False'})`,
    names: ['conv1', 'conv2'],
    what: 'conv',
    branchInit: spec.branchInit ?? 'standard',
  });
  return `${block}

class Net(nn.Module):
    """A CNN: a 3×3 conv stem with ${channels} channels, ${spec.blocks} ${spec.residual ? 'residual' : 'plain (no skip connection)'} block${spec.blocks === 1 ? '' : 's'}, global average
    pooling and a Linear layer to ${spec.numClasses} classes (${normTitle(spec.norm)}${wsTitle(spec)}${hasNorm ? `, placed ${spec.normPlacement} the activation` : ''})."""

    def __init__(self):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${forward.map((l) => `        ${l}`).join('\n')}
`;
}

interface BlockShape {
  readonly residual: boolean;
  readonly before: boolean;
  /** The norm's constructor call with `channels`, or '' for none. */
  readonly norm: string;
  readonly act: string;
  /** The weight layer's constructor call, with or without its bias. */
  readonly layer: (bias: boolean) => string;
  readonly names: readonly [string, string];
  /** 'conv' or 'Linear', for the docstring. */
  readonly what: string;
  readonly branchInit: BranchInit;
}

function blockCode(b: BlockShape): string {
  const hasNorm = b.norm !== '';
  const fixup = b.branchInit === 'fixup';
  const reZero = b.branchInit === 'reZero';
  const alpha = b.branchInit === 'skipInit' || reZero ? ['self.alpha'] : [];
  // A norm right after a weight layer makes its bias redundant (β does its job), as in torchvision;
  // Fixup's scalar biases take the place of the per-unit ones.
  const layerBias = !(hasNorm && b.before) && !fixup;
  const [n1, n2] = b.names.map((name) => `self.${name}`) as [string, string];
  const layer = (name: string) => `${name} = ${b.layer(layerBias)}`;
  const init: string[] = [];
  const lines: string[] = [];
  const skip = b.residual ? ['out = out + x  # the skip connection'] : [];
  if (fixup) {
    init.push(
      'self.bias1a = Bias()',
      layer(n1),
      'self.bias1b = Bias()',
      `self.act1 = ${b.act}`,
      'self.bias2a = Bias()',
      layer(n2),
      'self.scale = Scale(1.0)',
      'self.bias2b = Bias()',
      `self.act2 = ${b.act}`,
    );
    lines.push(
      `out = ${composed(['self.bias1a', n1, 'self.bias1b', 'self.act1'], 'x')}`,
      `out = ${composed(['self.bias2a', n2, 'self.scale', 'self.bias2b'], 'out')}`,
      ...skip,
      'return self.act2(out)',
    );
  } else if (b.before) {
    init.push(layer(n1));
    if (hasNorm) init.push(`self.bn1 = ${b.norm}`);
    init.push(`self.act1 = ${b.act}`, layer(n2));
    if (hasNorm) init.push(`self.bn2 = ${b.norm}`);
    if (alpha.length > 0) init.push('self.alpha = Scale(0.0)');
    if (!reZero) init.push(`self.act2 = ${b.act}`);
    lines.push(
      `out = ${composed(hasNorm ? [n1, 'self.bn1', 'self.act1'] : [n1, 'self.act1'], 'x')}`,
      `out = ${composed([n2, ...(hasNorm ? ['self.bn2'] : []), ...alpha], 'out')}`,
      ...skip,
      reZero ? 'return out' : 'return self.act2(out)',
    );
  } else {
    init.push(layer(n1), `self.act1 = ${b.act}`);
    if (hasNorm) init.push(`self.bn1 = ${b.norm}`);
    init.push(layer(n2));
    if (alpha.length > 0) init.push('self.alpha = Scale(0.0)');
    init.push(`self.act2 = ${b.act}`);
    if (hasNorm) init.push(`self.bn2 = ${b.norm}`);
    lines.push(
      `out = ${composed(hasNorm ? [n1, 'self.act1', 'self.bn1'] : [n1, 'self.act1'], 'x')}`,
      `out = ${composed([n2, ...alpha], 'out')}`,
      ...skip,
      hasNorm ? 'return self.bn2(self.act2(out))' : 'return self.act2(out)',
    );
  }
  const w = b.what;
  const shape = fixup
    ? `bias → ${w} → bias → act → bias → ${w} → scale → bias (Fixup's scalars)`
    : b.before
      ? `${w} → norm → act → ${w} → norm`
      : `${w} → act → norm → ${w}, each norm after its activation`;
  const branch = alpha.length > 0 ? 'α·F(x)' : 'F(x)';
  const sum = b.residual ? `${branch} + x` : branch;
  const tail = reZero ? sum : b.before || !hasNorm ? `act(${sum})` : `norm(act(${sum}))`;
  const summary = `y = ${tail} with F = ${shape}${b.residual ? '' : '; no skip connection'}`;
  return `class Block(nn.Module):
    """A residual block as torchvision's BasicBlock: ${summary}."""

    def __init__(self, channels):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${lines.map((l) => `        ${l}`).join('\n')}
`;
}
