import { gemm } from '../kernels/gemm';
import { expectRank, formatShape, reuse, tensor, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';
import { standardizeRows, WeightStandardizer } from './weightStandardization';

export interface LinearOptions {
  /** Compute with each output unit's weights standardized (weightStandardization.ts); V stays the parameter. */
  readonly weightStandardization?: boolean;
}

/**
 * nn.Linear: y = x Wᵀ + b, with W stored [out, in] as in PyTorch. Weights start at zero; init fills them.
 * A caller that keeps the weights elsewhere (the depth probe's bank) passes `weight`, storage included.
 * With weight standardization the product uses Ŵ, each row of W standardized, and backward carries
 * ∂L/∂Ŵ back to W through the rows' statistics.
 */
export class Linear implements Layer {
  readonly label: string;
  readonly weight: Param;
  readonly bias: Param | undefined;
  private readonly standardizer: WeightStandardizer | undefined;
  private x: Tensor | undefined;
  private y: Tensor | undefined;
  /** The weights the latest forward multiplied by: W, or Ŵ under weight standardization. */
  private used: Float32Array | undefined;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    hasBias = true,
    weight?: Param,
    options: LinearOptions = {},
  ) {
    const ws = options.weightStandardization === true;
    this.label = `Linear(${inFeatures}→${outFeatures}${ws ? ', standardized weights' : ''})`;
    if (weight && weight.value.data.length !== outFeatures * inFeatures) {
      throw new Error(
        `${this.label}: the given weight has ${weight.value.data.length} values, expected ${outFeatures * inFeatures}`,
      );
    }
    this.weight = weight ?? makeParam('weight', 'weight', tensor([outFeatures, inFeatures]));
    this.bias = hasBias ? makeParam('bias', 'bias', tensor([outFeatures])) : undefined;
    this.standardizer = ws ? new WeightStandardizer(outFeatures, inFeatures) : undefined;
  }

  get weightStandardization(): boolean {
    return this.standardizer !== undefined;
  }

  /** The weights the layer computes with now: W, or a fresh copy of Ŵ under weight standardization. */
  effectiveWeight(): Float32Array {
    const w = this.weight.value.data;
    if (!this.standardizer) return w;
    const { eps } = this.standardizer;
    return standardizeRows(w, this.outFeatures, this.inFeatures, eps, new Float32Array(w.length));
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    expectRank(x, 2, this.label);
    const [n, features] = x.shape as [number, number];
    if (features !== this.inFeatures) {
      throw new Error(
        `${this.label}: expected ${this.inFeatures} input features, got shape ${formatShape(x.shape)}`,
      );
    }
    this.x = x;
    const weights = (this.used = this.standardizer
      ? this.standardizer.standardize(this.weight.value.data)
      : this.weight.value.data);
    const y = (this.y = reuse(this.y, [n, this.outFeatures]));
    // y = x Wᵀ
    gemm({
      transA: false,
      transB: true,
      M: n,
      N: this.outFeatures,
      K: this.inFeatures,
      A: x.data,
      B: weights,
      C: y.data,
      accumulate: false,
    });
    // y += b (broadcast over rows)
    if (this.bias) {
      const b = this.bias.value.data;
      for (let i = 0; i < n; i++) {
        const row = i * this.outFeatures;
        for (let j = 0; j < this.outFeatures; j++) y.data[row + j]! += b[j]!;
      }
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    return this.backpropagate(dy, true)!;
  }

  /** dW and db without dx (an MLP's first layer, whose input is the data: Model.backward). */
  backwardParams(dy: Tensor): void {
    this.backpropagate(dy, false);
  }

  /** dW and db accumulated; dx returned where `inputGradient` asks for it. */
  private backpropagate(dy: Tensor, inputGradient: boolean): Tensor | undefined {
    const x = cached(this.x, this.label);
    const weights = cached(this.used, this.label);
    const n = x.shape[0]!;
    const weightGrad = this.standardizer?.gradientScratch() ?? this.weight.grad.data;
    // dW += dyᵀ x   (dŴ under weight standardization, then carried back to W)
    gemm({
      transA: true,
      transB: false,
      M: this.outFeatures,
      N: this.inFeatures,
      K: n,
      A: dy.data,
      B: x.data,
      C: weightGrad,
      accumulate: true,
    });
    this.standardizer?.backward(weightGrad, this.weight.grad.data);
    // db += Σ_rows dy
    if (this.bias) {
      const db = this.bias.grad.data;
      for (let i = 0; i < n; i++) {
        const row = i * this.outFeatures;
        for (let j = 0; j < this.outFeatures; j++) db[j]! += dy.data[row + j]!;
      }
    }
    if (!inputGradient) return undefined;
    // dx = dy W
    const dx = scratch.gradientBuffer(x.shape, dy);
    gemm({
      transA: false,
      transB: false,
      M: n,
      N: this.inFeatures,
      K: this.outFeatures,
      A: dy.data,
      B: weights,
      C: dx.data,
      accumulate: false,
    });
    return dx;
  }

  params(): readonly Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
