/**
 * The charts an experiment can show. A module of its own: saved progress (which chart a learner
 * viewed) needs the list, and the page loads saved progress before it can draw, without the lesson
 * block schemas that also use it.
 */
export const CHART_KINDS = [
  'loss',
  'accuracy',
  'activations',
  'heatmap',
  'gradNorms',
  'weights',
  'updateRatio',
  'weightNorms',
  'bnStats',
  'boundary',
  'digits',
  'percentiles',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * The charts drawn from a snapshot's views (the decision boundary, the digit predictions), which cost
 * the worker a forward pass each time. A lesson block that shows neither asks its workers for none.
 */
export function chartsShowViews(charts: readonly ChartKind[]): boolean {
  return charts.includes('boundary') || charts.includes('digits');
}
