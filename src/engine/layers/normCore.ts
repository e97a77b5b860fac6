import { formatShape, numel, reuse, sameShape, tensor, type Shape, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';

/** The normalisations a layer performs (a model's NormKind adds 'none'); the Lab switches on it. */
export const NORM_LAYER_KINDS = [
  'batchNorm',
  'layerNorm',
  'rmsNorm',
  'groupNorm',
  'instanceNorm',
] as const;
export type NormLayerKind = (typeof NORM_LAYER_KINDS)[number];

export interface NormOptions {
  /** Added to the variance inside the square root; PyTorch's default is 1e-5. */
  readonly eps?: number;
}

export const DEFAULT_EPS = 1e-5;

export function checkPositiveInteger(value: number, what: string, where: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${where}: ${what} must be a positive integer, got ${value}`);
  }
}

/**
 * The label of a layer normalising each sample over its trailing dims `normalizedShape`
 * (`LayerNorm(64)`, `RMSNorm(16×7×7)`), after checking the shape names at least one positive dim.
 */
export function trailingDimsLabel(name: string, normalizedShape: readonly number[]): string {
  const label =
    normalizedShape.length === 1
      ? `${name}(${normalizedShape[0]})`
      : `${name}(${formatShape(normalizedShape)})`;
  if (normalizedShape.length === 0) {
    throw new Error(`${name}: normalizedShape must name at least one trailing dim, got []`);
  }
  for (const d of normalizedShape) checkPositiveInteger(d, 'every normalizedShape dim', label);
  return label;
}

/** How many samples `x` holds, each of shape `normalizedShape` in its trailing dims (or throws). */
export function samplesOverTrailingDims(
  x: Tensor,
  normalizedShape: readonly number[],
  where: string,
): number {
  const k = normalizedShape.length;
  const trailing = x.shape.slice(x.shape.length - k);
  if (x.shape.length < k || trailing.some((d, i) => d !== normalizedShape[i])) {
    throw new Error(
      `${where}: the trailing dims of the input must be ${formatShape(normalizedShape)}, got shape ${formatShape(x.shape)}`,
    );
  }
  return x.data.length / numel(normalizedShape);
}

export function checkEps(eps: number, where: string): number {
  if (!Number.isFinite(eps) || eps < 0) {
    throw new Error(`${where}: eps must be a finite number ≥ 0, got ${eps}`);
  }
  return eps;
}

/**
 * How an input splits into normalisation groups, viewed as [samples, groups, channelsPerGroup,
 * spatial] in row-major order: each (sample, group) block of channelsPerGroup·spatial consecutive
 * values shares one mean and variance, and each of the groups·channelsPerGroup affine entries
 * scales `spatial` consecutive values.
 *   GroupNorm(G, C) on [N, C, H, W]: [N, G, C/G, H·W]
 *   InstanceNorm2d(C) on [N, C, H, W]: [N, C, 1, H·W]
 *   LayerNorm(shape) on [..., ...shape]: [leading, 1, numel(shape), 1]
 */
export interface GroupLayout {
  readonly samples: number;
  readonly groups: number;
  readonly channelsPerGroup: number;
  readonly spatial: number;
}

/**
 * The shared kernel of LayerNorm, GroupNorm and InstanceNorm: normalise each group of a sample with
 * its own biased mean and variance, then apply a per-channel affine. Statistics never involve other
 * samples, so train and eval modes are the same. Statistics are summed in float64 (JS numbers) and
 * the output is stored in float32.
 */
export abstract class GroupedNorm implements Layer {
  abstract readonly label: string;
  abstract readonly kind: NormLayerKind;
  /** γ, PyTorch's `weight`. */
  readonly weight: Param;
  /** β, PyTorch's `bias`. */
  readonly bias: Param;
  private x: Tensor | undefined;
  private y: Tensor | undefined;
  private layout: GroupLayout | undefined;
  /** Per (sample, group): μ and 1/√(σ² + eps) of the latest forward. */
  private mean = new Float64Array(0);
  private invStd = new Float64Array(0);
  /** float64 scratch for the parameter gradients of one backward, added to the float32 grads at the end. */
  private readonly gammaGrad: Float64Array;
  private readonly betaGrad: Float64Array;

  protected constructor(
    affineShape: Shape,
    readonly eps: number,
  ) {
    const gamma = tensor(affineShape);
    gamma.data.fill(1);
    this.weight = makeParam('weight', 'normScale', gamma);
    this.bias = makeParam('bias', 'normShift', tensor(affineShape));
    this.gammaGrad = new Float64Array(gamma.data.length);
    this.betaGrad = new Float64Array(gamma.data.length);
  }

  /** Validates the input shape and says how it splits into groups. */
  protected abstract layoutOf(x: Tensor): GroupLayout;

  forward(x: Tensor, _mode: Mode): Tensor {
    const layout = this.layoutOf(x);
    const { samples, groups, channelsPerGroup, spatial } = layout;
    const rows = samples * groups;
    const size = channelsPerGroup * spatial;
    if (this.mean.length !== rows) {
      this.mean = new Float64Array(rows);
      this.invStd = new Float64Array(rows);
    }
    this.x = x;
    this.layout = layout;
    const y = (this.y = reuse(this.y, x.shape));
    const xd = x.data;
    const yd = y.data;
    const gamma = this.weight.value.data;
    const beta = this.bias.value.data;
    for (let row = 0; row < rows; row++) {
      const base = row * size;
      // μ, σ² over the group. Sums are centred on the group's first value so that
      // E[d²] − E[d]² stays accurate when |μ| ≫ σ.
      const shift = xd[base]!;
      let s1 = 0;
      let s2 = 0;
      for (let i = base; i < base + size; i++) {
        const d = xd[i]! - shift;
        s1 += d;
        s2 += d * d;
      }
      const centred = s1 / size;
      const mu = shift + centred;
      const variance = Math.max(0, s2 / size - centred * centred);
      const r = 1 / Math.sqrt(variance + this.eps);
      this.mean[row] = mu;
      this.invStd[row] = r;
      // y = γ_c (x − μ) r + β_c = x·(γ_c r) + (β_c − μ γ_c r)
      const firstChannel = (row % groups) * channelsPerGroup;
      for (let k = 0; k < channelsPerGroup; k++) {
        const c = firstChannel + k;
        const scale = gamma[c]! * r;
        const offset = beta[c]! - mu * scale;
        const start = base + k * spatial;
        for (let i = start; i < start + spatial; i++) yd[i] = xd[i]! * scale + offset;
      }
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = cached(this.x, this.label);
    const { samples, groups, channelsPerGroup, spatial } = cached(this.layout, this.label);
    checkGradientShape(dy, x, this.label);
    const rows = samples * groups;
    const size = channelsPerGroup * spatial;
    const dx = scratch.gradientBuffer(x.shape, dy);
    const xd = x.data;
    const dyd = dy.data;
    const dxd = dx.data;
    const gamma = this.weight.value.data;
    const gammaGrad = this.gammaGrad.fill(0);
    const betaGrad = this.betaGrad.fill(0);
    for (let row = 0; row < rows; row++) {
      const base = row * size;
      const mu = this.mean[row]!;
      const r = this.invStd[row]!;
      const firstChannel = (row % groups) * channelsPerGroup;
      // Pass 1: a = Σ γ dy and b = Σ γ dy (x − μ) over the group; dβ_c += Σ dy, dγ_c += Σ dy x̂.
      let a = 0;
      let b = 0;
      for (let k = 0; k < channelsPerGroup; k++) {
        const c = firstChannel + k;
        const start = base + k * spatial;
        let sumDy = 0;
        let sumDyCentred = 0;
        for (let i = start; i < start + spatial; i++) {
          const g = dyd[i]!;
          sumDy += g;
          sumDyCentred += g * (xd[i]! - mu);
        }
        betaGrad[c]! += sumDy;
        gammaGrad[c]! += sumDyCentred * r;
        a += gamma[c]! * sumDy;
        b += gamma[c]! * sumDyCentred;
      }
      // Pass 2: dx = r (γ_c dy − mean(γ dy) − x̂ mean(γ dy x̂)) = (γ_c r) dy + q x + o
      const q = (-r * r * r * b) / size;
      const o = (-r * a) / size - q * mu;
      for (let k = 0; k < channelsPerGroup; k++) {
        const p = gamma[firstChannel + k]! * r;
        const start = base + k * spatial;
        for (let i = start; i < start + spatial; i++) dxd[i] = dyd[i]! * p + xd[i]! * q + o;
      }
    }
    addInto(this.weight.grad.data, gammaGrad);
    addInto(this.bias.grad.data, betaGrad);
    return dx;
  }

  params(): readonly Param[] {
    return [this.weight, this.bias];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}

/** Throws when the upstream gradient does not have the shape of the latest forward's output. */
export function checkGradientShape(dy: Tensor, x: Tensor, where: string): void {
  if (!sameShape(dy.shape, x.shape)) {
    throw new Error(
      `${where}: backward expected a gradient of shape ${formatShape(x.shape)} (the output of the latest forward), got ${formatShape(dy.shape)}`,
    );
  }
}

/** target += source, rounding the float64 sums to float32 once. */
export function addInto(target: Float32Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
}
