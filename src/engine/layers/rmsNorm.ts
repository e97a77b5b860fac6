import { numel, reuse, tensor, type Shape, type Tensor } from '../tensor';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';
import {
  addInto,
  checkEps,
  checkGradientShape,
  samplesOverTrailingDims,
  trailingDimsLabel,
} from './normCore';
import { scratch } from './scratch';

/** torch.finfo(torch.float32).eps = 2⁻²³: nn.RMSNorm's eps when none is given (PyTorch ≥ 2.4). */
export const RMS_NORM_DEFAULT_EPS = 2 ** -23;

export interface RMSNormOptions {
  /** Added to the mean square inside the root; nn.RMSNorm's default is float32's machine epsilon. */
  readonly eps?: number;
}

/**
 * RMSNorm (Zhang & Sennrich 2019, arXiv:1910.07467), as torch.nn.RMSNorm(normalizedShape) of
 * PyTorch ≥ 2.4: each sample is divided by the root mean square of its trailing dims, with no
 * centring and no shift, then scaled elementwise by γ (shape normalizedShape):
 *   r = 1/√(mean(x²) + ε),   y = γ ⊙ x · r
 * It keeps LayerNorm's rescaling and drops the mean: cheaper, and what current language models use.
 * Train and eval are the same.
 */
export class RMSNorm implements Layer {
  readonly kind = 'rmsNorm';
  readonly label: string;
  readonly normalizedShape: Shape;
  readonly eps: number;
  /** γ, PyTorch's `weight`; there is no bias. */
  readonly weight: Param;
  private readonly size: number;
  private x: Tensor | undefined;
  private y: Tensor | undefined;
  /** Per sample: r = 1/√(mean(x²) + ε) of the latest forward. */
  private invRms = new Float64Array(0);
  /** float64 scratch for dγ of one backward, added to the float32 grad at the end. */
  private readonly gammaGrad: Float64Array;

  constructor(normalizedShape: readonly number[], options: RMSNormOptions = {}) {
    const label = trailingDimsLabel('RMSNorm', normalizedShape);
    this.label = label;
    this.eps = checkEps(options.eps ?? RMS_NORM_DEFAULT_EPS, label);
    this.normalizedShape = [...normalizedShape];
    this.size = numel(normalizedShape);
    const gamma = tensor(normalizedShape);
    gamma.data.fill(1);
    this.weight = makeParam('weight', 'normScale', gamma);
    this.gammaGrad = new Float64Array(this.size);
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const rows = samplesOverTrailingDims(x, this.normalizedShape, this.label);
    const n = this.size;
    if (this.invRms.length !== rows) this.invRms = new Float64Array(rows);
    this.x = x;
    const y = (this.y = reuse(this.y, x.shape));
    const xd = x.data;
    const yd = y.data;
    const gamma = this.weight.value.data;
    for (let row = 0; row < rows; row++) {
      const base = row * n;
      // r = 1/√(mean(x²) + ε)
      let s2 = 0;
      for (let i = 0; i < n; i++) s2 += xd[base + i]! * xd[base + i]!;
      const r = 1 / Math.sqrt(s2 / n + this.eps);
      this.invRms[row] = r;
      // y = γ ⊙ x · r
      for (let i = 0; i < n; i++) yd[base + i] = gamma[i]! * xd[base + i]! * r;
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = cached(this.x, this.label);
    checkGradientShape(dy, x, this.label);
    const n = this.size;
    const rows = x.data.length / n;
    const dx = scratch.gradientBuffer(x.shape, dy);
    const xd = x.data;
    const dyd = dy.data;
    const dxd = dx.data;
    const gamma = this.weight.value.data;
    const gammaGrad = this.gammaGrad.fill(0);
    for (let row = 0; row < rows; row++) {
      const base = row * n;
      const r = this.invRms[row]!;
      // s = Σ γ dy x over the sample; dγ += dy ⊙ x · r
      let s = 0;
      for (let i = 0; i < n; i++) {
        const gx = dyd[base + i]! * xd[base + i]!;
        s += gamma[i]! * gx;
        gammaGrad[i]! += gx * r;
      }
      // ∂r/∂x_j = −r³ x_j / n, so dx_j = r γ_j dy_j − (r³ s / n) x_j
      const q = (r * r * r * s) / n;
      for (let i = 0; i < n; i++) {
        dxd[base + i] = r * gamma[i]! * dyd[base + i]! - q * xd[base + i]!;
      }
    }
    addInto(this.weight.grad.data, gammaGrad);
    return dx;
  }

  params(): readonly Param[] {
    return [this.weight];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
