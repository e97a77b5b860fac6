import type { ParamStats, ProbeSnapshot } from '../../engine/probes/probe';
import { atStep, formatNumber, listPhrase } from './format';
import { paramLayerName } from './layerNames';
import { isLoggable } from './logScale';
import { weightSeries, type LayerSeriesRows } from './probeHistory';

/** The three histories the weight-norm chart draws, one line per weight layer each. */
export interface WeightNormSeries {
  /** ‖W‖ over steps. */
  readonly norms: LayerSeriesRows;
  /** ‖ΔW‖ / ‖W‖ of each probed step. */
  readonly relativeUpdates: LayerSeriesRows;
  /** η / ‖W‖² of the weights that feed a normalization under SGD (empty rows otherwise). */
  readonly effectiveRates: LayerSeriesRows;
}

export function weightNormSeries(snapshots: readonly ProbeSnapshot[]): WeightNormSeries {
  return {
    norms: weightSeries(snapshots, (p) => p.weightNorm),
    relativeUpdates: weightSeries(snapshots, (p) =>
      isLoggable(p.relativeUpdate) ? p.relativeUpdate : null,
    ),
    effectiveRates: withValues(weightSeries(snapshots, (p) => p.effectiveLearningRate)),
  };
}

/** Only the layers that have a value somewhere: a classifier never has an effective learning rate. */
function withValues(series: LayerSeriesRows): LayerSeriesRows {
  const layers = series.layers.filter((l) =>
    series.rows.some((r) => r[l.key] !== null && r[l.key] !== undefined),
  );
  return { layers, rows: layers.length === 0 ? [] : series.rows };
}

/** [0, a little above the largest norm], so growth from the start reads against zero. */
export function normDomain(series: LayerSeriesRows): [number, number] {
  let hi = 0;
  for (const row of series.rows)
    for (const l of series.layers) {
      const v = row[l.key];
      if (v !== null && v !== undefined && Number.isFinite(v) && v > hi) hi = v;
    }
  return [0, hi > 0 ? hi * 1.05 : 1];
}

const growth = (p: ParamStats) =>
  p.initialWeightNorm > 0
    ? ` (×${formatNumber(p.weightNorm / p.initialWeightNorm)} since the start)`
    : '';

/**
 * "At step 600, weight norm per layer: fc1 9.1 (×1.4 since the start), fc2 …. Relative update of the
 * last step: fc1 0.0012, …. Effective learning rate η/‖W‖² of the weights that feed a
 * normalization: fc1 0.0012, fc2 …."
 */
export function summarizeWeightNorms(
  params: readonly ParamStats[],
  step: number | undefined,
): string {
  const weights = params.filter((p) => p.role === 'weight');
  const parts = [
    atStep(
      step,
      `weight norm per layer: ${weights
        .map((p) => `${paramLayerName(p.name)} ${formatNumber(p.weightNorm)}${growth(p)}`)
        .join(', ')}.`,
    ),
  ];
  const updates = weights.filter((p) => p.relativeUpdate !== null);
  if (updates.length > 0)
    parts.push(
      `Relative update of the last step: ${updates
        .map((p) => `${paramLayerName(p.name)} ${formatNumber(p.relativeUpdate!)}`)
        .join(', ')}.`,
    );
  const rates = weights.filter((p) => p.effectiveLearningRate !== null);
  if (rates.length > 0)
    parts.push(
      `Effective learning rate η/‖W‖² of the weights that feed a normalization: ${rates
        .map((p) => `${paramLayerName(p.name)} ${formatNumber(p.effectiveLearningRate!)}`)
        .join(', ')}.`,
    );
  else if (weights.some((p) => p.scaleInvariant))
    parts.push(
      `${listPhrase(weights.filter((p) => p.scaleInvariant).map((p) => paramLayerName(p.name)))} feed a normalization, but only SGD has an effective learning rate η/‖W‖²; the relative update is the step that matters.`,
    );
  return parts.join(' ');
}
