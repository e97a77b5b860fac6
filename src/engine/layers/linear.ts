import { gemm } from '../kernels/gemm';
import { expectRank, formatShape, reuse, tensor, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';

/**
 * nn.Linear: y = x Wᵀ + b, with W stored [out, in] as in PyTorch. Weights start at zero; init fills them.
 * A caller that keeps the weights elsewhere (the depth probe's bank) passes `weight`, storage included.
 */
export class Linear implements Layer {
  readonly label: string;
  readonly weight: Param;
  readonly bias: Param | undefined;
  private x: Tensor | undefined;
  private y: Tensor | undefined;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    hasBias = true,
    weight?: Param,
  ) {
    this.label = `Linear(${inFeatures}→${outFeatures})`;
    if (weight && weight.value.data.length !== outFeatures * inFeatures) {
      throw new Error(
        `${this.label}: the given weight has ${weight.value.data.length} values, expected ${outFeatures * inFeatures}`,
      );
    }
    this.weight = weight ?? makeParam('weight', 'weight', tensor([outFeatures, inFeatures]));
    this.bias = hasBias ? makeParam('bias', 'bias', tensor([outFeatures])) : undefined;
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
    const y = (this.y = reuse(this.y, [n, this.outFeatures]));
    // y = x Wᵀ
    gemm({
      transA: false,
      transB: true,
      M: n,
      N: this.outFeatures,
      K: this.inFeatures,
      A: x.data,
      B: this.weight.value.data,
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
    const x = cached(this.x, this.label);
    const n = x.shape[0]!;
    // dW += dyᵀ x
    gemm({
      transA: true,
      transB: false,
      M: this.outFeatures,
      N: this.inFeatures,
      K: n,
      A: dy.data,
      B: x.data,
      C: this.weight.grad.data,
      accumulate: true,
    });
    // db += Σ_rows dy
    if (this.bias) {
      const db = this.bias.grad.data;
      for (let i = 0; i < n; i++) {
        const row = i * this.outFeatures;
        for (let j = 0; j < this.outFeatures; j++) db[j]! += dy.data[row + j]!;
      }
    }
    // dx = dy W
    const dx = scratch.gradientBuffer(x.shape, dy);
    gemm({
      transA: false,
      transB: false,
      M: n,
      N: this.inFeatures,
      K: this.outFeatures,
      A: dy.data,
      B: this.weight.value.data,
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
