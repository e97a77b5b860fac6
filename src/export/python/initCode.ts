import { INIT_SCHEMES, type InitScheme } from '../../engine/init/schemes';
import type { ModelSpec } from '../../engine/model/spec';
import { pyFloat, pyNumber } from './pythonText';
import { refuse } from './refusal';

/** torch.nn.init's names for the engine's nonlinearities ('identity' is torch's 'linear'). */
const TORCH_NONLINEARITY: Record<string, string> = {
  linear: 'linear',
  identity: 'linear',
  conv2d: 'conv2d',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leakyRelu: 'leaky_relu',
  selu: 'selu',
};

interface InitLines {
  /** What the scheme is, for the docstring. */
  readonly summary: string;
  /** Statements for one weight tensor `w`. */
  readonly weight: readonly string[];
  /** Statements for its bias `b` (the layer's `fan_in` is known). */
  readonly bias: readonly string[];
  /** Whether the statements use fans(w). */
  readonly usesFans: boolean;
}

function fanMode(mode: string): string {
  return mode === 'fanOut' ? 'fan_out' : 'fan_in';
}

function schemeLines(scheme: InitScheme): InitLines {
  const zeroBias = ['nn.init.zeros_(b)'];
  switch (scheme.kind) {
    case 'zeros':
      return {
        summary: 'every weight zero (all units start identical and stay so)',
        weight: ['nn.init.zeros_(w)'],
        bias: zeroBias,
        usesFans: false,
      };
    case 'constant':
      return {
        summary: `every weight ${scheme.value}`,
        weight: [`nn.init.constant_(w, ${pyFloat(scheme.value)})`],
        bias: zeroBias,
        usesFans: false,
      };
    case 'uniform':
      return {
        summary: `weights from U(${scheme.low}, ${scheme.high})`,
        weight: [`nn.init.uniform_(w, a=${pyFloat(scheme.low)}, b=${pyFloat(scheme.high)})`],
        bias: zeroBias,
        usesFans: false,
      };
    case 'normal':
      return {
        summary: `weights from N(${scheme.mean}, ${scheme.std}²)`,
        weight: [`nn.init.normal_(w, mean=${pyFloat(scheme.mean)}, std=${pyFloat(scheme.std)})`],
        bias: zeroBias,
        usesFans: false,
      };
    case 'xavierUniform':
    case 'xavierNormal': {
      const fn = scheme.kind === 'xavierUniform' ? 'xavier_uniform_' : 'xavier_normal_';
      return {
        summary: `Xavier (Glorot) ${scheme.kind === 'xavierUniform' ? 'uniform' : 'normal'}: std = gain·√(2 / (fan_in + fan_out))`,
        weight: [`nn.init.${fn}(w, gain=${pyFloat(scheme.gain)})`],
        bias: zeroBias,
        usesFans: false,
      };
    }
    case 'kaimingUniform':
    case 'kaimingNormal': {
      const fn = scheme.kind === 'kaimingUniform' ? 'kaiming_uniform_' : 'kaiming_normal_';
      const nonlinearity = TORCH_NONLINEARITY[scheme.nonlinearity];
      if (nonlinearity === undefined) {
        refuse('the Kaiming nonlinearity', scheme.nonlinearity, Object.keys(TORCH_NONLINEARITY));
      }
      return {
        summary: `Kaiming (He) ${scheme.kind === 'kaimingUniform' ? 'uniform' : 'normal'}: std = gain / √${fanMode(scheme.mode)} with the ${nonlinearity} gain`,
        weight: [
          `nn.init.${fn}(w, a=${pyNumber(scheme.a)}, mode="${fanMode(scheme.mode)}", nonlinearity="${nonlinearity}")`,
        ],
        bias: zeroBias,
        usesFans: false,
      };
    }
    case 'orthogonal':
      return {
        summary: 'orthogonal: a random (semi-)orthogonal matrix times the gain',
        weight: [`nn.init.orthogonal_(w, gain=${pyFloat(scheme.gain)})`],
        bias: zeroBias,
        usesFans: false,
      };
    case 'pytorchDefault':
      return {
        summary:
          "PyTorch's default, what nn.Linear and nn.Conv2d do on their own (reset_parameters); written out here",
        weight: ['nn.init.kaiming_uniform_(w, a=math.sqrt(5))  # bound = 1/√fan_in'],
        bias: [
          'fan_in, _ = fans(w)',
          'bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0',
          'nn.init.uniform_(b, -bound, bound)',
        ],
        usesFans: true,
      };
    case 'custom': {
      const fan =
        scheme.fanMode === 'fanAvg'
          ? '(fan_in + fan_out) / 2'
          : scheme.fanMode === 'fanOut'
            ? 'fan_out'
            : 'fan_in';
      const std = `${pyFloat(scheme.multiplier)} * ${pyFloat(scheme.gain)} / math.sqrt(${fan})`;
      return {
        summary: `custom: std = multiplier·gain / √fan = ${scheme.multiplier}·${scheme.gain} / √(${fan}), ${scheme.distribution}`,
        weight: [
          'fan_in, fan_out = fans(w)',
          `std = ${std}`,
          scheme.distribution === 'uniform'
            ? 'nn.init.uniform_(w, -math.sqrt(3) * std, math.sqrt(3) * std)  # a uniform with this std'
            : 'nn.init.normal_(w, 0.0, std)',
        ],
        bias: zeroBias,
        usesFans: true,
      };
    }
    default:
      return refuse(
        'the init scheme',
        (scheme as { kind?: unknown }).kind,
        INIT_SCHEMES.map((s) => s.kind),
      );
  }
}

const FANS_HELPER = `def fans(weight):
    """fan_in and fan_out of a Linear [out, in] or Conv2d [out, in, kh, kw] weight, as torch.nn.init counts them."""
    receptive_field = weight[0][0].numel()
    return weight.size(1) * receptive_field, weight.size(0) * receptive_field

`;

/** What the branch init does after the scheme, as the engine's initializeBranches. */
function branchInitLines(spec: ModelSpec): string {
  const names = spec.family === 'cnn' ? ['conv1', 'conv2'] : ['fc1', 'fc2'];
  switch (spec.branchInit ?? 'standard') {
    case 'standard':
      return '';
    case 'zeroGamma':
      return `
    # Each residual block starts as the identity: its last norm's γ is zero (Goyal et al. 2017, arXiv:1706.02677).
    for module in model.modules():
        if isinstance(module, Block):
            nn.init.zeros_(module.bn2.weight)`;
    case 'fixup':
      return `
    # Fixup (arXiv:1901.09321): in each of the L branches of m = 2 layers, the first layer is scaled
    # by L^(-1/(2m-2)) = L^(-1/2) and the last starts at zero; so does the classifier. The scalar
    # biases start at 0 and the multipliers at 1 (Bias, Scale).
    blocks = [module for module in model.modules() if isinstance(module, Block)]
    with torch.no_grad():
        for block in blocks:
            block.${names[0]}.weight.mul_(len(blocks) ** -0.5)
            block.${names[1]}.weight.zero_()
        model.fc.weight.zero_()
        model.fc.bias.zero_()`;
    case 'skipInit':
    case 'reZero':
      return `
    # Each block's α (Scale(0.0)) starts at zero, so each block starts as the identity.`;
  }
}

/** `init_weights(model)`: the scheme as torch.nn.init calls, applied to every Linear and Conv2d. */
export function initCode(spec: ModelSpec): string {
  const lines = schemeLines(spec.init);
  const gammaLines = branchInitLines(spec);
  const biasNote =
    spec.init.kind === 'pytorchDefault'
      ? ''
      : '\n    Biases start at zero: torch.nn.init defines only the weights, and zero biases keep the\n    comparison between schemes about the weights alone.';
  return `${lines.usesFans ? FANS_HELPER : ''}def init_weights(model):
    """Initialize every Linear and Conv2d: ${lines.summary}.${biasNote}
    Norm layers keep PyTorch's γ = 1, β = 0."""
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            w = module.weight
${lines.weight.map((l) => `            ${l}`).join('\n')}
            if module.bias is not None:
                b = module.bias
${lines.bias.map((l) => `                ${l}`).join('\n')}${gammaLines}
`;
}
