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

/** The charts drawn from neither probes (every layer's statistics) nor views. */
const WITHOUT_PROBES: readonly ChartKind[] = ['loss', 'accuracy', 'boundary', 'digits'];

/**
 * About this many probe snapshots over a lesson run: a point every thirtieth of the way for the
 * charts over training (gradient norms, update ratios, the heatmap), as many redraws of the charts of
 * the latest step (histograms, BatchNorm statistics). A fast run gets about that many anyway (one
 * probe per 80 ms snapshot: init-and-norm's 600 steps had 20–25); a slow one got far more, each
 * costing a third of a step again (plain-vs-resnet's deep runs: 88 and 118 probed steps of 300,
 * 9–10 ms of CPU each on top of 28–43 ms; bench:lessons --cpu, 2026-12-03).
 */
export const PROBE_FRAMES = 30;

/**
 * The fewest steps between two probed steps that a block with `charts` needs over `steps` steps
 * (the worker's 'setProbeSpacing'): Infinity when no chart draws probes, so only the last step,
 * which claims read, is probed.
 */
export function probeSpacing(charts: readonly ChartKind[], steps: number): number {
  if (charts.every((chart) => WITHOUT_PROBES.includes(chart))) return Infinity;
  return Math.max(1, Math.floor(steps / PROBE_FRAMES));
}
