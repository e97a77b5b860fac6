import type { Tensor } from '../tensor';
import { histogram, type Histogram, type HistogramRange } from './histogram';
import { meanStd, quantiles } from './moments';

/** What kind of layer produced a tapped output; the UI groups and labels by it. */
export type TapKind = 'linear' | 'conv' | 'norm' | 'activation' | 'block' | 'pool' | 'other';

export interface ActivationStats {
  readonly name: string;
  readonly label: string;
  readonly kind: TapKind;
  readonly mean: number;
  readonly std: number;
  readonly histogram: Histogram;
  /** tanh: |y| > 0.97; sigmoid: y < 0.03 or y > 0.97. Undefined for other layers. */
  readonly saturated?: number;
  /** ReLU: fraction of units (features, or channels of a feature map) that are 0 for the whole batch. */
  readonly dead?: number;
  /** 15th, 50th and 85th percentiles of unit 0 over the batch (Ioffe & Szegedy's Figure 1 view). */
  readonly unitPercentiles: readonly [number, number, number];
}

export function saturatedFraction(y: ArrayLike<number>, activation: 'tanh' | 'sigmoid'): number {
  let count = 0;
  if (activation === 'tanh') {
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i]!) > 0.97) count++;
  } else {
    for (let i = 0; i < y.length; i++) if (y[i]! < 0.03 || y[i]! > 0.97) count++;
  }
  return y.length === 0 ? 0 : count / y.length;
}

/**
 * Units that never fire in the batch: for [N, F] a unit is a feature, for [N, C, H, W] a channel
 * (all its positions in all samples are ≤ 0 after ReLU).
 */
export function deadFraction(y: Tensor): number {
  const n = y.shape[0] ?? 0;
  const units = y.shape[1] ?? 0;
  if (n === 0 || units === 0) return 0;
  const spatial = y.data.length / (n * units);
  let dead = 0;
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let s = 0; s < n && !alive; s++) {
      const base = (s * units + u) * spatial;
      for (let k = 0; k < spatial; k++) {
        if (y.data[base + k]! > 0) {
          alive = true;
          break;
        }
      }
    }
    if (!alive) dead++;
  }
  return dead / units;
}

/** The values of unit 0 (feature 0, or channel 0 at every position) across the batch. */
function unitZero(y: Tensor): Float32Array {
  const n = y.shape[0] ?? 0;
  const units = y.shape[1] ?? 1;
  const spatial = n === 0 ? 0 : y.data.length / (n * units);
  const out = new Float32Array(n * spatial);
  for (let s = 0; s < n; s++)
    out.set(y.data.subarray(s * units * spatial, s * units * spatial + spatial), s * spatial);
  return out;
}

export function activationStats(
  name: string,
  label: string,
  kind: TapKind,
  y: Tensor,
  range: HistogramRange,
  activation?: string,
): ActivationStats {
  const { mean, std } = meanStd(y.data);
  const [p15, p50, p85] = quantiles(unitZero(y), [0.15, 0.5, 0.85]) as [number, number, number];
  return {
    name,
    label,
    kind,
    mean,
    std,
    histogram: histogram(y.data, range),
    ...(activation === 'tanh' || activation === 'sigmoid'
      ? { saturated: saturatedFraction(y.data, activation) }
      : {}),
    ...(activation === 'relu' ? { dead: deadFraction(y) } : {}),
    unitPercentiles: [p15, p50, p85],
  };
}
