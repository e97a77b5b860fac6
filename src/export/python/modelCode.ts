import { NORM_LAYER_KINDS } from '../../engine/layers/normCore';
import {
  ACTIVATIONS,
  type ActivationKind,
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
  const net = spec.family === 'mlp' ? mlpCode(spec) : cnnCode(spec);
  return spec.norm.kind === 'rmsNorm' ? `${RMS_NORM_CODE}\n\n${net}` : net;
}

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

function norm1dCode(norm: NormSpec, features: number): string {
  switch (norm.kind) {
    case 'batchNorm':
      return `nn.BatchNorm1d(${features})`;
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
      return `nn.BatchNorm2d(${channels})`;
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

function normTitle(norm: NormSpec): string {
  switch (norm.kind) {
    case 'batchNorm':
      return 'BatchNorm';
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
    init.push(`self.fc${i} = nn.Linear(${features}, ${spec.width}${bias})`);
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
    """An MLP: ${spec.depth} hidden layer${spec.depth === 1 ? '' : 's'} of ${spec.width} units (${order}, ${normTitle(spec.norm)}),
    then a Linear layer to ${spec.numClasses} classes.${biasNote}"""

    def __init__(self):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${forward.map((l) => `        ${l}`).join('\n')}
`;
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
  // A norm right after a conv makes the conv's bias redundant (β does its job), as in torchvision.
  const convBias = hasNorm && before ? ', bias=False' : '';

  // The stem conv has no bias whenever a norm follows it, before or after its activation.
  const stemInit = [
    `self.stem_conv = nn.Conv2d(${inChannels}, ${channels}, kernel_size=3, padding=1${hasNorm ? ', bias=False' : ''})`,
  ];
  const stemSteps = ['self.stem_conv'];
  if (hasNorm && before) {
    stemInit.push(`self.stem_bn = ${norm}`);
    stemSteps.push('self.stem_bn');
  }
  stemInit.push(`self.stem_act = ${act}`);
  stemSteps.push('self.stem_act');
  if (hasNorm && !before) {
    stemInit.push(`self.stem_bn = ${norm}`);
    stemSteps.push('self.stem_bn');
  }

  const blockNames = Array.from({ length: spec.blocks }, (_, i) => `block${i + 1}`);
  const init = [
    ...stemInit,
    ...blockNames.map((b) => `self.${b} = Block(${channels})`),
    'self.pool = nn.AdaptiveAvgPool2d(1)  # global average pooling',
    `self.fc = nn.Linear(${channels}, ${spec.numClasses})`,
  ];
  const forward = [
    `x = ${composed(stemSteps, 'x')}`,
    ...blockNames.map((b) => `x = self.${b}(x)`),
    'x = torch.flatten(self.pool(x), 1)',
    'return self.fc(x)  # logits; CrossEntropyLoss applies the softmax',
  ];
  return `${blockCode(spec, act, blockNorm, convBias)}

class Net(nn.Module):
    """A CNN: a 3×3 conv stem with ${channels} channels, ${spec.blocks} ${spec.residual ? 'residual' : 'plain (no skip connection)'} block${spec.blocks === 1 ? '' : 's'}, global average
    pooling and a Linear layer to ${spec.numClasses} classes (${normTitle(spec.norm)}${hasNorm ? `, placed ${spec.normPlacement} the activation` : ''})."""

    def __init__(self):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${forward.map((l) => `        ${l}`).join('\n')}
`;
}

function blockCode(spec: CnnSpec, act: string, norm: string, convBias: string): string {
  const hasNorm = norm !== '';
  const before = spec.normPlacement === 'before';
  const conv = (name: string) =>
    `self.${name} = nn.Conv2d(channels, channels, kernel_size=3, padding=1${convBias})`;
  const init: string[] = [];
  const lines: string[] = [];
  if (before) {
    init.push(conv('conv1'));
    if (hasNorm) init.push(`self.bn1 = ${norm}`);
    init.push(`self.act1 = ${act}`, conv('conv2'));
    if (hasNorm) init.push(`self.bn2 = ${norm}`);
    init.push(`self.act2 = ${act}`);
    lines.push(
      `out = ${composed(hasNorm ? ['self.conv1', 'self.bn1', 'self.act1'] : ['self.conv1', 'self.act1'], 'x')}`,
      `out = ${composed(hasNorm ? ['self.conv2', 'self.bn2'] : ['self.conv2'], 'out')}`,
    );
    if (spec.residual) lines.push('out = out + x  # the skip connection');
    lines.push('return self.act2(out)');
  } else {
    init.push(conv('conv1'), `self.act1 = ${act}`);
    if (hasNorm) init.push(`self.bn1 = ${norm}`);
    init.push(conv('conv2'), `self.act2 = ${act}`);
    if (hasNorm) init.push(`self.bn2 = ${norm}`);
    lines.push(
      `out = ${composed(hasNorm ? ['self.conv1', 'self.act1', 'self.bn1'] : ['self.conv1', 'self.act1'], 'x')}`,
      'out = self.conv2(out)',
    );
    if (spec.residual) lines.push('out = out + x  # the skip connection');
    lines.push(hasNorm ? 'return self.bn2(self.act2(out))' : 'return self.act2(out)');
  }
  const shape = before
    ? 'conv → norm → act → conv → norm'
    : 'conv → act → norm → conv, each norm after its activation';
  const sum = spec.residual ? 'F(x) + x' : 'F(x)';
  const tail = before || !hasNorm ? `act(${sum})` : `norm(act(${sum}))`;
  const summary = `y = ${tail} with F = ${shape}${spec.residual ? '' : '; no skip connection'}`;
  return `class Block(nn.Module):
    """A residual block as torchvision's BasicBlock: ${summary}."""

    def __init__(self, channels):
        super().__init__()
${init.map((l) => `        ${l}`).join('\n')}

    def forward(self, x):
${lines.map((l) => `        ${l}`).join('\n')}
`;
}
