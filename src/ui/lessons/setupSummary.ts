import { LAB_DATASETS } from '../../lab/datasets';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import {
  ACTIVATION_LABELS,
  INIT_LABELS,
  NORM_LABELS,
  OPTIMIZER_LABELS,
  formatNumber,
} from '../../lab/labels';

const INIT_KEYS: readonly SettingKey[] = [
  'init',
  'initDistribution',
  'initFanMode',
  'initGain',
  'initMultiplier',
];

/**
 * A run's setup in one line: "MNIST 14×14 · MLP, 8 hidden layers of 64 ReLU units · …". Settings in
 * `hidden` (a mystery network's) read "hidden" instead of their value.
 */
export function setupSummary(
  s: LabRunSettings,
  hidden: ReadonlySet<SettingKey> = new Set(),
): string {
  const isHidden = (...keys: readonly SettingKey[]): boolean => keys.some((k) => hidden.has(k));
  const network =
    s.architecture === 'cnn'
      ? `ResNet-like CNN, ${s.depth} ${s.residual ? 'residual' : 'plain'} block${s.depth === 1 ? '' : 's'} of ${s.width} channels, ${ACTIVATION_LABELS[s.activation]}`
      : `MLP, ${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} ${ACTIVATION_LABELS[s.activation]} units`;
  const norm = isHidden('norm')
    ? 'normalization hidden'
    : s.norm === 'none'
      ? 'no normalization'
      : NORM_LABELS[s.norm];
  const optimizer = isHidden('optimizer') ? 'optimizer hidden' : OPTIMIZER_LABELS[s.optimizer];
  const rate = isHidden('learningRate') ? 'hidden' : formatNumber(s.learningRate);
  return [
    LAB_DATASETS[s.dataset].label,
    network,
    norm,
    isHidden(...INIT_KEYS) ? 'init hidden' : `${INIT_LABELS[s.init]} init`,
    `${optimizer}, learning rate ${rate}`,
    `batch ${isHidden('batchSize') ? 'hidden' : s.batchSize}`,
  ].join(' · ');
}
