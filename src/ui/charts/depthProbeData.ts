import type { DepthProbeLayer, DepthProbeResult } from '../../engine/probes/depthProbe';
import { formatNumber, listPhrase } from './format';
import { isLoggable } from './logScale';

export interface DepthRow {
  readonly layer: number;
  /** Null where a log axis cannot show the value (exactly 0, or not finite). */
  readonly activationStd: number | null;
  readonly gradNorm: number | null;
  readonly weightGradNorm: number | null;
}

export type DepthMeasure = 'activationStd' | 'gradNorm' | 'weightGradNorm';

export function depthRows(result: DepthProbeResult): DepthRow[] {
  return result.layers.map((l) => ({
    layer: l.layer,
    activationStd: isLoggable(l.activationStd) ? l.activationStd : null,
    gradNorm: isLoggable(l.gradNorm) ? l.gradNorm : null,
    weightGradNorm: isLoggable(l.weightGradNorm) ? l.weightGradNorm : null,
  }));
}

/** The layers whose `measure` cannot be drawn on a log axis. */
export function unplottableLayers(
  result: DepthProbeResult,
  measure: DepthMeasure,
): DepthProbeLayer[] {
  return result.layers.filter((l) => !isLoggable(l[measure]));
}

/** "3", "3–50", "2, 4 and 6–9": consecutive layer numbers folded into ranges. */
export function layerRanges(layers: readonly number[]): string {
  const sorted = [...layers].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (let i = 1; i <= sorted.length; i++) {
    const n = sorted[i];
    if (n !== undefined && prev !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    if (start !== undefined && prev !== undefined)
      runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return listPhrase(runs);
}

function trend(result: DepthProbeResult, measure: DepthMeasure, name: string): string {
  const first = result.layers[0]!;
  const last = result.layers[result.layers.length - 1]!;
  const unit = result.unit ?? 'layer';
  if (first === last) return `${name} ${formatNumber(first[measure])} at ${unit} ${first.layer}`;
  return `${name} goes from ${formatNumber(first[measure])} at ${unit} ${first.layer} to ${formatNumber(last[measure])} at ${unit} ${last.layer}`;
}

/**
 * "50 layers, tanh, Xavier normal, no norm: activation std goes from 0.63 at layer 1 to 0.12 at layer 50;
 * the gradient reaching each layer's output goes from …; the weight gradient goes from …. Input std 1."
 */
export function summarizeDepthProbe(result: DepthProbeResult, setting: string): string {
  if (result.layers.length === 0) return `${setting}: no layers were measured.`;
  return (
    `${setting}: ${trend(result, 'activationStd', 'activation std')}; ` +
    `${trend(result, 'gradNorm', `the gradient at each ${result.unit ?? 'layer'}'s output`)}; ` +
    `${trend(result, 'weightGradNorm', 'the weight gradient')}. Input std ${formatNumber(result.inputStd)}.`
  );
}
