import { scratch } from './scratch';

/**
 * Weight standardization (Siyuan Qiao, Huiyu Wang, Chenxi Liu, Wei Shen and Alan Yuille 2019,
 * arXiv:1903.10520, eq. 5). A Linear or Conv2d that uses it keeps its learned weight V [out, fanIn]
 * and computes with each output unit's row standardized:
 *   Ŵ_o = (V_o − μ_o) · r_o,   μ_o = mean(V_o),   r_o = 1/√(σ²_o + ε),   σ²_o = mean((V_o − μ_o)²)
 * (the biased variance over the row's fanIn entries, ε inside the root as in the paper and in timm's
 * StdConv2d; the authors' first code divided by the unbiased std plus ε, which differs in the fourth
 * digit for small rows). Backward goes through the statistics, as LayerNorm's does without γ:
 *   ∂L/∂V_o = r_o (g_o − mean(g_o) − Ŵ_o · mean(g_o ⊙ Ŵ_o)),   g = ∂L/∂Ŵ.
 * Statistics are summed in float64; Ŵ is stored in float32.
 */
export const WEIGHT_STANDARDIZATION_EPS = 1e-5;

export class WeightStandardizer {
  /** Ŵ of the latest `standardize`, [rows, cols] row-major. */
  readonly standardized: Float32Array;
  private readonly invStd: Float64Array;

  constructor(
    private readonly rows: number,
    private readonly cols: number,
    readonly eps = WEIGHT_STANDARDIZATION_EPS,
  ) {
    this.standardized = new Float32Array(rows * cols);
    this.invStd = new Float64Array(rows);
  }

  /** Ŵ from V (kept for `backward`). */
  standardize(v: Float32Array): Float32Array {
    standardizeRows(v, this.rows, this.cols, this.eps, this.standardized, this.invStd);
    return this.standardized;
  }

  /**
   * A zeroed working array for ∂L/∂Ŵ, shared by every layer (one layer's backward at a time):
   * the layer accumulates its weight gradient there and hands it to `backward`.
   */
  gradientScratch(): Float32Array {
    return scratch
      .floats('weightStandardization.gradient', this.rows * this.cols)
      .fill(0, 0, this.rows * this.cols);
  }

  /** ∂L/∂V += the gradient through the standardization of g = ∂L/∂Ŵ (from the latest `standardize`). */
  backward(g: Float32Array, gradV: Float32Array): void {
    const { rows, cols } = this;
    const w = this.standardized;
    for (let o = 0; o < rows; o++) {
      const start = o * cols;
      let sumG = 0;
      let sumGW = 0;
      for (let j = start; j < start + cols; j++) {
        sumG += g[j]!;
        sumGW += g[j]! * w[j]!;
      }
      const r = this.invStd[o]!;
      const meanG = sumG / cols;
      const meanGW = sumGW / cols;
      for (let j = start; j < start + cols; j++) gradV[j]! += r * (g[j]! - meanG - w[j]! * meanGW);
    }
  }
}

/** out = each row of v standardized (see above); invStd, when given, receives each row's r. */
export function standardizeRows(
  v: Float32Array,
  rows: number,
  cols: number,
  eps: number,
  out: Float32Array,
  invStd?: Float64Array,
): Float32Array {
  for (let o = 0; o < rows; o++) {
    const start = o * cols;
    // Centred on the row's first entry so that E[d²] − E[d]² stays accurate when |μ| ≫ σ.
    const shift = v[start]!;
    let s1 = 0;
    let s2 = 0;
    for (let j = start; j < start + cols; j++) {
      const d = v[j]! - shift;
      s1 += d;
      s2 += d * d;
    }
    const centred = s1 / cols;
    const mu = shift + centred;
    const variance = Math.max(0, s2 / cols - centred * centred);
    const r = 1 / Math.sqrt(variance + eps);
    if (invStd) invStd[o] = r;
    for (let j = start; j < start + cols; j++) out[j] = (v[j]! - mu) * r;
  }
  return out;
}
