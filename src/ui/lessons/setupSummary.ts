import { LAB_DATASETS } from '../../lab/datasets';
import type { LabRunSettings } from '../../lab/labSettings';
import {
  ACTIVATION_LABELS,
  INIT_LABELS,
  NORM_LABELS,
  OPTIMIZER_LABELS,
  formatNumber,
} from '../../lab/labels';

/** A run's setup in one line: "MNIST 14×14 · MLP, 8 hidden layers of 64 ReLU units · …". */
export function setupSummary(s: LabRunSettings): string {
  const network =
    s.architecture === 'cnn'
      ? `ResNet-like CNN, ${s.depth} ${s.residual ? 'residual' : 'plain'} block${s.depth === 1 ? '' : 's'} of ${s.width} channels, ${ACTIVATION_LABELS[s.activation]}`
      : `MLP, ${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} ${ACTIVATION_LABELS[s.activation]} units`;
  const norm = s.norm === 'none' ? 'no normalization' : NORM_LABELS[s.norm];
  return [
    LAB_DATASETS[s.dataset].label,
    network,
    norm,
    `${INIT_LABELS[s.init]} init`,
    `${OPTIMIZER_LABELS[s.optimizer]}, learning rate ${formatNumber(s.learningRate)}`,
    `batch ${s.batchSize}`,
  ].join(' · ');
}
