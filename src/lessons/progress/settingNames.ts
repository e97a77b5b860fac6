import { LAB_DATASETS } from '../../lab/datasets';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import {
  ACTIVATION_LABELS,
  ARCHITECTURE_LABELS,
  FAN_MODE_LABELS,
  INIT_LABELS,
  NORM_LABELS,
  OPTIMIZER_LABELS,
  PLACEMENT_LABELS,
  VALIDATION_LABELS,
  formatNumber,
} from '../../lab/labels';

/** What each Lab setting is called, and a one-line hint, for lesson controls and practice checks. */
export const SETTING_NAMES: Readonly<Record<SettingKey, { label: string; hint: string }>> = {
  dataset: { label: 'Dataset', hint: 'What the network learns to classify.' },
  noise: { label: 'Noise', hint: 'How far the 2-D points scatter, 0 to 0.5.' },
  architecture: { label: 'Architecture', hint: 'Fully connected layers or a ResNet-like CNN.' },
  depth: { label: 'Depth', hint: 'Hidden layers (MLP) or residual blocks (CNN).' },
  width: { label: 'Width', hint: 'Units per hidden layer, or channels per convolution.' },
  activation: { label: 'Activation', hint: 'The nonlinearity after each hidden layer.' },
  norm: { label: 'Normalization', hint: 'The normalization layer inside every block.' },
  groups: { label: 'Groups', hint: 'GroupNorm only: channel groups; must divide the width.' },
  placement: { label: 'Norm placement', hint: 'Normalize before or after the activation.' },
  residual: { label: 'Skip connections', hint: 'CNN only: add each block’s input to its output.' },
  init: { label: 'Weight init', hint: 'How the weights are drawn before training.' },
  initDistribution: { label: 'Custom init distribution', hint: 'Normal or uniform draws.' },
  initFanMode: { label: 'Custom init fan', hint: 'Which fan the spread is divided by.' },
  initGain: { label: 'Custom init gain', hint: 'Multiplies the spread, e.g. √2 for ReLU.' },
  initMultiplier: { label: 'Custom init multiplier', hint: 'An extra factor on the spread.' },
  optimizer: { label: 'Optimizer', hint: 'How gradients become weight updates.' },
  learningRate: { label: 'Learning rate', hint: 'The size of each update step.' },
  batchSize: { label: 'Batch size', hint: 'Samples per training step.' },
  seed: { label: 'Seed', hint: 'Fixes the initial weights and the data order.' },
  validationMode: { label: 'Validation mode', hint: 'Validate with running or batch statistics.' },
};

const number = (v: number): string => formatNumber(v);
const text = (v: string): string => v;

const VALUE_LABELS: { readonly [K in SettingKey]: (value: LabRunSettings[K]) => string } = {
  dataset: (v) => LAB_DATASETS[v].label,
  noise: number,
  architecture: (v) => ARCHITECTURE_LABELS[v],
  depth: number,
  width: number,
  activation: (v) => ACTIVATION_LABELS[v],
  norm: (v) => NORM_LABELS[v],
  groups: number,
  placement: (v) => PLACEMENT_LABELS[v],
  residual: (v) => (v ? 'on' : 'off'),
  init: (v) => INIT_LABELS[v],
  initDistribution: text,
  initFanMode: (v) => FAN_MODE_LABELS[v],
  initGain: number,
  initMultiplier: number,
  optimizer: (v) => OPTIMIZER_LABELS[v],
  learningRate: number,
  batchSize: number,
  seed: (v) => String(v),
  validationMode: (v) => VALIDATION_LABELS[v],
};

/** A setting's value as a learner reads it: 'BatchNorm', 'Kaiming normal', '0.1', 'on'. */
export function settingValueLabel<K extends SettingKey>(key: K, value: LabRunSettings[K]): string {
  return VALUE_LABELS[key](value);
}
