import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import { formatNumber } from '../../lab/formatNumber';
import { settingValueLabel } from '../../lab/settingsRegistry';

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
  const activation = settingValueLabel('activation', s.activation);
  const network =
    s.architecture === 'cnn'
      ? `ResNet-like CNN, ${s.depth} ${s.residual ? 'residual' : 'plain'} block${s.depth === 1 ? '' : 's'} of ${s.width} channels, ${activation}`
      : s.architecture === 'resmlp'
        ? `residual MLP, ${s.depth} block${s.depth === 1 ? '' : 's'} of two ${s.width}-unit ${activation} layers${s.branchInit === 'standard' ? '' : `, ${settingValueLabel('branchInit', s.branchInit)} branches`}`
        : `MLP, ${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} ${activation} units`;
  const norm = isHidden('norm')
    ? 'normalization hidden'
    : s.norm === 'none'
      ? 'no normalization'
      : settingValueLabel('norm', s.norm);
  const optimizer = isHidden('optimizer')
    ? 'optimizer hidden'
    : settingValueLabel('optimizer', s.optimizer);
  const rate = isHidden('learningRate') ? 'hidden' : formatNumber(s.learningRate);
  return [
    settingValueLabel('dataset', s.dataset),
    network,
    norm,
    isHidden(...INIT_KEYS) ? 'init hidden' : `${settingValueLabel('init', s.init)} init`,
    `${optimizer}, learning rate ${rate}`,
    `batch ${isHidden('batchSize') ? 'hidden' : s.batchSize}`,
  ].join(' · ');
}
