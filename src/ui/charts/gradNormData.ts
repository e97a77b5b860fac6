import type { ParamStats } from '../../engine/probes/probe';
import { atStep, formatNumber, listPhrase } from './format';
import { paramLayerName } from './layerNames';
import { isLoggable } from './logScale';

export interface GradNormBar {
  /** The weight's layer, 'fc1'. */
  readonly layer: string;
  readonly gradNorm: number;
}

/** ‖∂L/∂W‖ of each weight tensor (biases and norm affine parameters left out), in network order. */
export function gradNormBars(params: readonly ParamStats[]): GradNormBar[] {
  return params
    .filter((p) => p.role === 'weight')
    .map((p) => ({ layer: paramLayerName(p.name), gradNorm: p.gradNorm }));
}

/** Layers whose norm a log axis cannot show: exactly zero (no gradient at all) or not finite. */
export function undrawableLayers(bars: readonly GradNormBar[]): GradNormBar[] {
  return bars.filter((b) => !isLoggable(b.gradNorm));
}

/**
 * "At step 1,200, gradient norm per layer: fc1 0.0031, fc2 0.012. The smallest, fc1, is 3.9 times
 * smaller than the largest, fc2."
 */
export function summarizeGradNorms(bars: readonly GradNormBar[], step: number | undefined): string {
  const list = bars.map((b) => `${b.layer} ${formatNumber(b.gradNorm)}`).join(', ');
  const parts = [atStep(step, `gradient norm per layer: ${list}.`)];
  const zero = bars.filter((b) => b.gradNorm === 0).map((b) => b.layer);
  if (zero.length > 0) {
    parts.push(`${listPhrase(zero)} ${zero.length === 1 ? 'gets' : 'get'} no gradient at all.`);
  }
  const positive = bars.filter((b) => isLoggable(b.gradNorm));
  if (positive.length >= 2) {
    let lo = positive[0]!;
    let hi = positive[0]!;
    for (const b of positive) {
      if (b.gradNorm < lo.gradNorm) lo = b;
      if (b.gradNorm > hi.gradNorm) hi = b;
    }
    if (lo !== hi) {
      parts.push(
        `The smallest, ${lo.layer}, is ${formatNumber(hi.gradNorm / lo.gradNorm)} times smaller than the largest, ${hi.layer}.`,
      );
    }
  }
  return parts.join(' ');
}
