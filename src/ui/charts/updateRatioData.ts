import type { ParamStats } from '../../engine/probes/probe';
import { atStep, formatNumber, listPhrase } from './format';
import { paramLayerName } from './layerNames';
import type { LayerSeriesRows } from './probeHistory';

/** log10(std(Δw) / std(w)) ≈ −3: each step changes a weight by about a thousandth of its spread. */
export const TYPICAL_UPDATE_RATIO = -3;
/** A decade either side of −3 still counts as ordinary. */
const TOLERANCE = 1;

/** The y range: whole decades around the data that always include −4 to −2, so −3 sits inside. */
export function updateRatioDomain(series: LayerSeriesRows): [number, number] {
  let lo = TYPICAL_UPDATE_RATIO - TOLERANCE;
  let hi = TYPICAL_UPDATE_RATIO + TOLERANCE;
  for (const row of series.rows) {
    for (const layer of series.layers) {
      const v = row[layer.key];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [Math.floor(lo), Math.ceil(hi) + 0]; // + 0 turns Math.ceil(−0.4) = −0 into 0
}

export function hasUpdateRatios(series: LayerSeriesRows): boolean {
  return series.rows.some((row) =>
    series.layers.some((l) => {
      const v = row[l.key];
      return v !== null && v !== undefined;
    }),
  );
}

/**
 * "At step 1,200, log10 of update size over weight size: fc1 −2.9, fc2 −3.4. Far from −3: fc3 at −1.2
 * (large updates)."
 */
export function summarizeUpdateRatios(
  params: readonly ParamStats[],
  step: number | undefined,
): string {
  const weights = params.filter((p) => p.role === 'weight');
  const list = weights
    .map(
      (p) =>
        `${paramLayerName(p.name)} ${p.updateRatio === null ? 'no update' : formatNumber(p.updateRatio)}`,
    )
    .join(', ');
  const parts = [
    atStep(step, `log10 of update size over weight size per layer: ${list}. About −3 is typical.`),
  ];
  const far = weights.filter(
    (p) => p.updateRatio !== null && Math.abs(p.updateRatio - TYPICAL_UPDATE_RATIO) > TOLERANCE,
  );
  if (far.length > 0) {
    parts.push(
      `Far from it: ${listPhrase(
        far.map(
          (p) =>
            `${paramLayerName(p.name)} (${p.updateRatio! > TYPICAL_UPDATE_RATIO ? 'large' : 'tiny'} updates)`,
        ),
      )}.`,
    );
  }
  if (weights.some((p) => p.updateRatio === null)) {
    parts.push('No update means the weights or their change were all zero.');
  }
  return parts.join(' ');
}
