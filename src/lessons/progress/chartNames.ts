import type { ChartKind } from '../schema';

/** The name a learner sees for each chart kind (tab labels, checkpoint reasons). */
export const CHART_NAMES: Readonly<Record<ChartKind, string>> = {
  loss: 'Loss',
  accuracy: 'Accuracy',
  activations: 'Activations',
  heatmap: 'Activations over time',
  gradNorms: 'Gradient norms',
  weights: 'Weights',
  updateRatio: 'Update ratio',
  weightNorms: 'Weight norms',
  bnStats: 'BatchNorm statistics',
  boundary: 'Decision boundary',
  digits: 'Digits',
  percentiles: 'Percentiles over time',
};
