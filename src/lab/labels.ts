import type { ActivationKind, NormKind, NormPlacement } from '../engine/model/spec';
import type { Architecture, LabInitKind, LabOptimizer, ValidationMode } from './labSettings';

/** Names a learner reads, for every choice the Lab offers. */

export const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  mlp: 'MLP (fully connected)',
  cnn: 'ResNet-like CNN',
};

export const ACTIVATION_LABELS: Record<ActivationKind, string> = {
  relu: 'ReLU',
  leakyRelu: 'LeakyReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  gelu: 'GELU',
};

export const NORM_LABELS: Record<NormKind, string> = {
  none: 'None',
  batchNorm: 'BatchNorm',
  layerNorm: 'LayerNorm',
  groupNorm: 'GroupNorm',
  instanceNorm: 'InstanceNorm',
};

export const PLACEMENT_LABELS: Record<NormPlacement, string> = {
  before: 'Before the activation',
  after: 'After the activation',
};

export const INIT_LABELS: Record<LabInitKind, string> = {
  pytorchDefault: 'PyTorch default',
  zeros: 'Zero',
  xavierUniform: 'Xavier uniform',
  xavierNormal: 'Xavier normal',
  kaimingUniform: 'Kaiming uniform',
  kaimingNormal: 'Kaiming normal',
  orthogonal: 'Orthogonal',
  custom: 'Custom',
};

export const OPTIMIZER_LABELS: Record<LabOptimizer, string> = {
  sgd: 'SGD with momentum 0.9',
  adam: 'Adam',
};

export const VALIDATION_LABELS: Record<ValidationMode, string> = {
  eval: 'Eval mode (running statistics)',
  train: 'Train mode (batch statistics)',
};

export const FAN_MODE_LABELS: Record<'fanIn' | 'fanOut' | 'fanAvg', string> = {
  fanIn: 'fan in',
  fanOut: 'fan out',
  fanAvg: 'average of fan in and fan out',
};

/** A number as a person would write it: 0.1, 0.0003, 3e-5, 12. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(3));
  const abs = Math.abs(rounded);
  if (abs >= 1e-4 && abs < 1e6) return String(rounded);
  return rounded.toExponential().replace('e+', 'e');
}
