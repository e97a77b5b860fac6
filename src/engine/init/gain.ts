/**
 * torch.nn.init.calculate_gain: the factor that keeps activations' variance roughly constant through
 * a layer followed by `nonlinearity`. Xavier and Kaiming multiply their base std by it.
 */
export const NONLINEARITIES = [
  'linear',
  'identity',
  'conv2d',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'selu',
] as const;

export type Nonlinearity = (typeof NONLINEARITIES)[number];

/** PyTorch's default leaky_relu slope when calculate_gain gets no param. */
export const DEFAULT_LEAKY_RELU_SLOPE = 0.01;

export function isNonlinearity(name: string): name is Nonlinearity {
  return (NONLINEARITIES as readonly string[]).includes(name);
}

/** `param` is the leaky ReLU negative slope; the other nonlinearities ignore it, as in PyTorch. */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'identity':
    case 'conv2d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? DEFAULT_LEAKY_RELU_SLOPE;
      if (!Number.isFinite(slope)) {
        throw new Error(`calculateGain: leakyRelu slope must be a finite number, got ${slope}`);
      }
      // gain = √(2 / (1 + a²))
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default: {
      // Reachable from untyped data (a URL, a saved run): name the culprit and the choices.
      const unknown: never = nonlinearity;
      throw new Error(
        `calculateGain: unknown nonlinearity '${String(unknown)}'; expected one of ${NONLINEARITIES.join(', ')}`,
      );
    }
  }
}
