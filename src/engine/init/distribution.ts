import type { Shape } from '../tensor';
import { computeFans, type Fans } from './fans';
import { calculateGain } from './gain';
import { validateInitScheme, type CustomFanMode, type InitScheme } from './schemes';

/** What a scheme draws each weight from, once the weight's shape (its fans) is known. */
export type WeightDistribution =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly std: number }
  /** A (semi-)orthogonal matrix times gain: not an elementwise distribution. */
  | { readonly kind: 'orthogonal'; readonly gain: number };

function fan(fans: Fans, mode: CustomFanMode): number {
  if (mode === 'fanIn') return fans.fanIn;
  if (mode === 'fanOut') return fans.fanOut;
  return (fans.fanIn + fans.fanOut) / 2;
}

function symmetricUniform(bound: number): WeightDistribution {
  return { kind: 'uniform', low: -bound, high: bound };
}

/**
 * The distribution `scheme` fills a weight of `shape` from, with torch.nn.init's formulas in
 * torch's order of operations (so the bounds match PyTorch to the last bit or two).
 */
export function weightDistribution(scheme: InitScheme, shape: Shape): WeightDistribution {
  validateInitScheme(scheme);
  switch (scheme.kind) {
    case 'zeros':
      return { kind: 'constant', value: 0 };
    case 'constant':
      return { kind: 'constant', value: scheme.value };
    case 'uniform':
      return { kind: 'uniform', low: scheme.low, high: scheme.high };
    case 'normal':
      return { kind: 'normal', mean: scheme.mean, std: scheme.std };
    case 'xavierUniform':
    case 'xavierNormal': {
      const { fanIn, fanOut } = computeFans(shape);
      // std = gain·√(2 / (fanIn + fanOut)); uniform bound = √3·std
      const std = scheme.gain * Math.sqrt(2 / (fanIn + fanOut));
      return scheme.kind === 'xavierUniform'
        ? symmetricUniform(Math.sqrt(3) * std)
        : { kind: 'normal', mean: 0, std };
    }
    case 'kaimingUniform':
    case 'kaimingNormal': {
      const gain = calculateGain(scheme.nonlinearity, scheme.a);
      // std = gain / √fan; uniform bound = √3·std
      const std = gain / Math.sqrt(fan(computeFans(shape), scheme.mode));
      return scheme.kind === 'kaimingUniform'
        ? symmetricUniform(Math.sqrt(3) * std)
        : { kind: 'normal', mean: 0, std };
    }
    case 'pytorchDefault': {
      // kaiming_uniform_(a = √5, leaky_relu): gain = √(1/3), so bound = √3·gain/√fanIn = 1/√fanIn
      const gain = calculateGain('leakyRelu', Math.sqrt(5));
      const std = gain / Math.sqrt(computeFans(shape).fanIn);
      return symmetricUniform(Math.sqrt(3) * std);
    }
    case 'custom': {
      // std = multiplier·gain/√fan; uniform bound = √3·std = multiplier·gain·√(3/fan)
      const std =
        (scheme.multiplier * scheme.gain) / Math.sqrt(fan(computeFans(shape), scheme.fanMode));
      return scheme.distribution === 'uniform'
        ? symmetricUniform(Math.sqrt(3) * std)
        : { kind: 'normal', mean: 0, std };
    }
    case 'orthogonal':
      computeFans(shape); // only for its shape check: orthogonal needs a matrix
      return { kind: 'orthogonal', gain: scheme.gain };
  }
}

/**
 * What a bias of a layer with `fanIn` inputs is drawn from under `scheme`.
 *
 * Why zeros for everything but pytorchDefault: torch.nn.init's xavier/kaiming/orthogonal functions
 * only define weights, and the usual recipe (and what a learner expects after choosing "Kaiming")
 * is to pair them with zero biases, so the comparison between schemes is about the weights alone.
 * pytorchDefault reproduces nn.Linear/nn.Conv2d's reset_parameters, bias U(±1/√fanIn) included.
 */
export function biasDistribution(scheme: InitScheme, fanIn: number): WeightDistribution {
  validateInitScheme(scheme);
  if (scheme.kind !== 'pytorchDefault') return { kind: 'constant', value: 0 };
  if (!Number.isInteger(fanIn) || fanIn < 0) {
    throw new Error(`biasDistribution: fanIn must be a non-negative integer, got ${fanIn}`);
  }
  // PyTorch: bound = 1/√fanIn if fanIn > 0 else 0
  return symmetricUniform(fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0);
}
