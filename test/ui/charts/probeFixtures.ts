import type { ActivationStats } from '../../../src/engine/probes/activationStats';
import type { Histogram } from '../../../src/engine/probes/histogram';
import type { NormStats, ParamStats, ProbeSnapshot } from '../../../src/engine/probes/probe';

/** Hand-made probe data with distinct values, shaped exactly like the engine's. */

export function hist(counts: number[], min = -2, max = 2, underflow = 0, overflow = 0): Histogram {
  return { min, max, counts: Uint32Array.from(counts), underflow, overflow };
}

export function activation(
  name: string,
  label: string,
  overrides: Partial<ActivationStats> = {},
): ActivationStats {
  return {
    name,
    label,
    kind: 'activation',
    mean: 0.41,
    std: 0.62,
    histogram: hist([0, 3, 9, 4]),
    unitPercentiles: [-0.5, 0, 0.5],
    ...overrides,
  };
}

export function param(name: string, overrides: Partial<ParamStats> = {}): ParamStats {
  return {
    name,
    role: 'weight',
    shape: [16, 2],
    gradNorm: 0.012,
    gradHistogram: hist([1, 5, 5, 1], -0.1, 0.1),
    weightStd: 0.081,
    weightHistogram: hist([2, 14, 14, 2], -0.2, 0.2),
    updateRatio: -2.9,
    weightNorm: 2.3,
    initialWeightNorm: 2,
    relativeUpdate: 0.004,
    scaleInvariant: false,
    effectiveLearningRate: null,
    ...overrides,
  };
}

export function snapshot(
  step: number,
  params: readonly ParamStats[],
  activations: readonly ActivationStats[] = [],
  norms: readonly NormStats[] = [],
): ProbeSnapshot {
  return { step, params, activations, norms };
}
