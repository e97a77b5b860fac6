import type { CnnSpec, MlpSpec } from '../../../src/engine/model/spec';

/** Kaiming normal for ReLU, as torch.nn.init.kaiming_normal_ defaults it. */
export const KAIMING_RELU = {
  kind: 'kaimingNormal',
  a: 0,
  mode: 'fanIn',
  nonlinearity: 'relu',
} as const;

/**
 * The test networks' common ground: ReLU with BatchNorm before it and Kaiming-normal weights. A test
 * gives the sizes it needs and whatever else it is about.
 */
export function mlpSpec(
  size: Pick<MlpSpec, 'inputSize' | 'numClasses' | 'depth' | 'width'>,
  other: Partial<MlpSpec> = {},
): MlpSpec {
  return {
    family: 'mlp',
    ...size,
    activation: 'relu',
    norm: { kind: 'batchNorm' },
    normPlacement: 'before',
    init: KAIMING_RELU,
    bias: true,
    ...other,
  };
}

/** The same for the CNN, with residual connections. */
export function cnnSpec(
  size: Pick<CnnSpec, 'inputShape' | 'numClasses' | 'stemChannels' | 'blocks'>,
  other: Partial<CnnSpec> = {},
): CnnSpec {
  return {
    family: 'cnn',
    ...size,
    residual: true,
    activation: 'relu',
    norm: { kind: 'batchNorm' },
    normPlacement: 'before',
    init: KAIMING_RELU,
    ...other,
  };
}
