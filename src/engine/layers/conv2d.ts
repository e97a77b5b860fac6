import { implicitConv, type ConvWasm } from '../kernels/convWasm';
import { gemm } from '../kernels/gemm';
import { col2im, convOutputSize, im2col, type ConvGeometry } from '../kernels/im2col';
import { expectRank, formatShape, reuse, tensor, type Tensor } from '../tensor';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';
import { planeSums } from './planeSums';
import { scratch } from './scratch';
import { standardizeRows, WeightStandardizer } from './weightStandardization';

export interface Conv2dOptions {
  inChannels: number;
  outChannels: number;
  /** Square kernels only: k×k. */
  kernelSize: number;
  stride?: number;
  padding?: number;
  bias?: boolean;
  /** Compute with each output channel's kernel standardized (weightStandardization.ts). */
  weightStandardization?: boolean;
}

/**
 * nn.Conv2d on NCHW input, W stored [out, in, k, k] as in PyTorch. The whole batch is one matrix
 * product, Y [O, N·OH·OW] = W [O, C·k·k] · cols [C·k·k, N·OH·OW], cols being the im2col matrix.
 * With WebAssembly SIMD (everywhere we run) the product is an implicit GEMM in the wasm module
 * (src/engine/kernels/convWasm.ts): cols is never built and Y lands in NCHW directly. Without it,
 * im2col builds cols here and the product's result is regrouped into NCHW. Both give the same bits.
 * Working arrays (cols, the products, the flipped kernel) are shared by every layer (scratch.ts), so
 * backward builds cols again from x rather than keeping them: k² times the input, per layer, was what
 * made a deep CNN take gigabytes. Weights start at zero; init fills them.
 * With weight standardization every product uses Ŵ, each output channel's C·k·k kernel standardized,
 * and the weight gradient ∂L/∂Ŵ is carried back to W through the channels' statistics.
 */
export class Conv2d implements Layer {
  readonly label: string;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  readonly stride: number;
  readonly padding: number;
  readonly weight: Param;
  readonly bias: Param | undefined;
  private geometry: ConvGeometry | undefined;
  private y: Tensor | undefined;
  /** The input of the last forward pass, read again by the weight gradient. */
  private x: Tensor | undefined;
  /** The kernel the last forward pass ran on, so that backward matches it. */
  private implicit: ConvWasm | undefined;
  private readonly standardizer: WeightStandardizer | undefined;
  /** The weights the latest forward convolved with: W, or Ŵ under weight standardization. */
  private used: Float32Array | undefined;

  constructor({
    inChannels,
    outChannels,
    kernelSize,
    stride = 1,
    padding = 0,
    bias = true,
    weightStandardization = false,
  }: Conv2dOptions) {
    for (const [name, value, min] of [
      ['inChannels', inChannels, 1],
      ['outChannels', outChannels, 1],
      ['kernelSize', kernelSize, 1],
      ['stride', stride, 1],
      ['padding', padding, 0],
    ] as const) {
      if (!Number.isInteger(value) || value < min) {
        throw new Error(`Conv2d: ${name} must be a whole number ≥ ${min}, got ${value}`);
      }
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    const ws = weightStandardization ? ', standardized weights' : '';
    this.label = `Conv2d(${inChannels}→${outChannels}, ${kernelSize}×${kernelSize}, s${stride}, p${padding}${ws})`;
    this.weight = makeParam(
      'weight',
      'weight',
      tensor([outChannels, inChannels, kernelSize, kernelSize]),
    );
    this.bias = bias ? makeParam('bias', 'bias', tensor([outChannels])) : undefined;
    this.standardizer = weightStandardization
      ? new WeightStandardizer(outChannels, inChannels * kernelSize * kernelSize)
      : undefined;
  }

  get weightStandardization(): boolean {
    return this.standardizer !== undefined;
  }

  /** The kernels the layer computes with now: W, or a fresh copy of Ŵ under weight standardization. */
  effectiveWeight(): Float32Array {
    const w = this.weight.value.data;
    if (!this.standardizer) return w;
    const patch = this.inChannels * this.kernelSize * this.kernelSize;
    const { eps } = this.standardizer;
    return standardizeRows(w, this.outChannels, patch, eps, new Float32Array(w.length));
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    const g = (this.geometry = this.geometryOf(x));
    const implicit = (this.implicit = implicitConv());
    this.x = x;
    const weights = (this.used = this.standardizer
      ? this.standardizer.standardize(this.weight.value.data)
      : this.weight.value.data);
    if (implicit !== undefined) {
      const y = (this.y = reuse(this.y, [g.batch, this.outChannels, g.outHeight, g.outWidth]));
      const b = this.bias?.value.data;
      implicit.forward(x.data, weights, b, y.data, g, this.outChannels);
      return y;
    }
    const planeOut = g.outHeight * g.outWidth;
    const columns = g.batch * planeOut;
    const patch = this.inChannels * this.kernelSize * this.kernelSize;
    const cols = scratch.floats('conv.columns', patch * columns);
    const product = scratch.floats('conv.product', this.outChannels * columns);
    im2col(x.data, g, cols);
    // Y = W · cols
    gemm({
      transA: false,
      transB: false,
      M: this.outChannels,
      N: columns,
      K: patch,
      A: weights,
      B: cols,
      C: product,
      accumulate: false,
    });
    // y[n, o] = Y[o, n-th block] + b[o]
    const y = (this.y = reuse(this.y, [g.batch, this.outChannels, g.outHeight, g.outWidth]));
    const out = y.data;
    const b = this.bias?.value.data;
    for (let n = 0; n < g.batch; n++) {
      for (let o = 0; o < this.outChannels; o++) {
        const from = o * columns + n * planeOut;
        const to = (n * this.outChannels + o) * planeOut;
        const shift = b === undefined ? 0 : b[o]!;
        for (let p = 0; p < planeOut; p++) out[to + p] = product[from + p]! + shift;
      }
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    return this.backpropagate(dy, true)!;
  }

  /** dW and db without dx (the stem, whose input is the data: Model.backward). */
  backwardParams(dy: Tensor): void {
    this.backpropagate(dy, false);
  }

  /** dW and db accumulated; dx returned where `inputGradient` asks for it. */
  private backpropagate(dy: Tensor, inputGradient: boolean): Tensor | undefined {
    const g = cached(this.geometry, this.label);
    const planeOut = g.outHeight * g.outWidth;
    const columns = g.batch * planeOut;
    const expected = [g.batch, this.outChannels, g.outHeight, g.outWidth];
    if (dy.data.length !== columns * this.outChannels) {
      throw new Error(
        `${this.label}: backward expected a gradient of shape ${formatShape(expected)}, got ${formatShape(dy.shape)}`,
      );
    }
    this.addBiasGradient(dy, g);
    const weightGrad = this.standardizer?.gradientScratch() ?? this.weight.grad.data;
    const dx =
      this.implicit !== undefined
        ? this.backwardImplicit(dy, g, this.implicit, weightGrad, inputGradient)
        : this.backwardExplicit(dy, g, weightGrad, inputGradient);
    // ∂L/∂W from ∂L/∂Ŵ under weight standardization
    this.standardizer?.backward(weightGrad, this.weight.grad.data);
    return dx;
  }

  /** The backward of the path without wasm: dW += dY · colsᵀ by im2col, dx by gather or scatter. */
  private backwardExplicit(
    dy: Tensor,
    g: ConvGeometry,
    weightGrad: Float32Array,
    inputGradient: boolean,
  ): Tensor | undefined {
    const columns = g.batch * g.outHeight * g.outWidth;
    const patch = this.inChannels * this.kernelSize * this.kernelSize;
    const dY = this.reorderGradient(dy, g);
    const cols = scratch.floats('conv.columns', patch * columns);
    im2col(cached(this.x, this.label).data, g, cols);
    // dW += dY · colsᵀ
    gemm({
      transA: false,
      transB: true,
      M: this.outChannels,
      N: patch,
      K: columns,
      A: dY,
      B: cols,
      C: weightGrad,
      accumulate: true,
    });
    if (!inputGradient) return undefined;
    const dx = scratch.gradientBuffer([g.batch, g.channels, g.height, g.width], dy);
    if (this.gathersInputGradient(g)) this.inputGradientByGather(dy, g, dx);
    else this.inputGradientByScatter(dY, g, dx);
    return dx;
  }

  /** The implicit-GEMM backward: dW from dy and x as they are, dx by gather (stride 1) or scatter. */
  private backwardImplicit(
    dy: Tensor,
    g: ConvGeometry,
    implicit: ConvWasm,
    weightGrad: Float32Array,
    inputGradient: boolean,
  ): Tensor | undefined {
    const x = cached(this.x, this.label);
    implicit.weightGradient(dy.data, x.data, weightGrad, g, this.outChannels);
    if (!inputGradient) return undefined;
    const dx = scratch.gradientBuffer([g.batch, g.channels, g.height, g.width], dy);
    if (this.gathersInputGradient(g)) {
      const full = this.fullGeometry(g);
      implicit.forward(dy.data, this.flippedWeight(), undefined, dx.data, full, this.inChannels);
    } else {
      this.inputGradientByScatter(this.reorderGradient(dy, g), g, dx);
    }
    return dx;
  }

  /** dx by a gather (the full convolution below) where it applies, else by col2im's scatter. */
  private gathersInputGradient(g: ConvGeometry): boolean {
    return g.stride === 1 && this.padding <= this.kernelSize - 1;
  }

  /** db[o] += Σ_{n,p} dy[n, o, p]: each (n, o) plane summed in float64, then added to db[o] in order. */
  private addBiasGradient(dy: Tensor, g: ConvGeometry): void {
    const db = this.bias?.grad.data;
    if (db === undefined) return;
    const sums = planeSums(dy.data, g.outHeight * g.outWidth);
    for (let n = 0; n < g.batch; n++) {
      for (let o = 0; o < this.outChannels; o++) db[o]! += sums[n * this.outChannels + o]!;
    }
  }

  /** dY [O, N·OH·OW] (in the shared product array): dY[o, n-th block] = dy[n, o]. */
  private reorderGradient(dy: Tensor, g: ConvGeometry): Float32Array {
    const planeOut = g.outHeight * g.outWidth;
    const columns = g.batch * planeOut;
    const dY = scratch.floats('conv.product', this.outChannels * columns);
    const grad = dy.data;
    for (let n = 0; n < g.batch; n++) {
      for (let o = 0; o < this.outChannels; o++) {
        const from = (n * this.outChannels + o) * planeOut;
        const to = o * columns + n * planeOut;
        for (let p = 0; p < planeOut; p++) dY[to + p] = grad[from + p]!;
      }
    }
    return dY;
  }

  /** dcols = Wᵀ · dY;  dx = col2im(dcols): every column entry is added back to the pixel it came from. */
  private inputGradientByScatter(dY: Float32Array, g: ConvGeometry, dx: Tensor): void {
    const columns = g.batch * g.outHeight * g.outWidth;
    const patch = this.inChannels * this.kernelSize * this.kernelSize;
    // The columns of the forward pass are no longer needed: dcols takes their place.
    const dcols = scratch.floats('conv.columns', patch * columns);
    gemm({
      transA: true,
      transB: false,
      M: patch,
      N: columns,
      K: this.outChannels,
      A: cached(this.used, this.label),
      B: dY,
      C: dcols,
      accumulate: false,
    });
    col2im(dcols, g, dx.data);
  }

  /**
   * Stride 1: dx is the "full" convolution of dy with the flipped kernel, transposed in channels,
   *   dx[n, c, h, w] = Σ_{o,i,j} dy[n, o, h + p − i, w + p − j] · W[o, c, i, j]
   *                  = Σ_{o,i',j'} dy[n, o, h − p' + i', w − p' + j'] · W[o, c, k−1−i', k−1−j'],
   * a padding-p' = k−1−p convolution whose output is H×W again. Computed as a convolution, it
   * replaces col2im's scatter-add (the slowest loop of a CNN step) by a gather.
   */
  private fullGeometry(g: ConvGeometry): ConvGeometry {
    return {
      batch: g.batch,
      channels: this.outChannels,
      height: g.outHeight,
      width: g.outWidth,
      kernel: this.kernelSize,
      stride: 1,
      padding: this.kernelSize - 1 - this.padding,
      outHeight: g.height,
      outWidth: g.width,
    };
  }

  /** W flipped in space and transposed in channels: flipped[c, o, i', j'] = W[o, c, k−1−i', k−1−j']. */
  private flippedWeight(): Float32Array {
    const taps = this.kernelSize * this.kernelSize;
    const [C, O] = [this.inChannels, this.outChannels];
    const flipped = scratch.floats('conv.flipped', C * O * taps);
    const w = cached(this.used, this.label);
    for (let c = 0; c < C; c++) {
      for (let o = 0; o < O; o++) {
        const from = (o * C + c) * taps + taps - 1;
        const to = (c * O + o) * taps;
        for (let t = 0; t < taps; t++) flipped[to + t] = w[from - t]!;
      }
    }
    return flipped;
  }

  /** The full convolution above as im2col(dy) and one product (the path without wasm). */
  private inputGradientByGather(dy: Tensor, g: ConvGeometry, dx: Tensor): void {
    const C = this.inChannels;
    const plane = g.height * g.width;
    const columns = g.batch * plane;
    const full = this.fullGeometry(g);
    const depth = this.outChannels * this.kernelSize * this.kernelSize;
    const dcols = scratch.floats('conv.columns', depth * columns);
    im2col(dy.data, full, dcols);
    // dX [C, N·H·W] = flipped [C, O·k·k] · im2col(dy) [O·k·k, N·H·W]
    // dY, in the product array, went into dW already.
    const product = scratch.floats('conv.product', C * columns);
    gemm({
      transA: false,
      transB: false,
      M: C,
      N: columns,
      K: depth,
      A: this.flippedWeight(),
      B: dcols,
      C: product,
      accumulate: false,
    });
    // dx[n, c] = dX[c, n-th block]
    const out = dx.data;
    for (let n = 0; n < g.batch; n++) {
      for (let c = 0; c < C; c++) {
        const from = c * columns + n * plane;
        const to = (n * C + c) * plane;
        for (let p = 0; p < plane; p++) out[to + p] = product[from + p]!;
      }
    }
  }

  params(): readonly Param[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  buffers(): readonly Buffer[] {
    return [];
  }

  private geometryOf(x: Tensor): ConvGeometry {
    expectRank(x, 4, this.label);
    const [batch, channels, height, width] = x.shape as [number, number, number, number];
    if (channels !== this.inChannels) {
      throw new Error(
        `${this.label}: expected ${this.inChannels} input channels (NCHW), got shape ${formatShape(x.shape)}`,
      );
    }
    const { kernelSize: kernel, stride, padding } = this;
    const outHeight = convOutputSize(height, kernel, stride, padding);
    const outWidth = convOutputSize(width, kernel, stride, padding);
    if (outHeight < 1 || outWidth < 1) {
      throw new Error(
        `${this.label}: input ${formatShape(x.shape)} is smaller than the ${kernel}×${kernel} kernel with padding ${padding}`,
      );
    }
    const previous = this.geometry;
    if (
      previous !== undefined &&
      previous.batch === batch &&
      previous.height === height &&
      previous.width === width
    ) {
      return previous;
    }
    return { batch, channels, height, width, kernel, stride, padding, outHeight, outWidth };
  }
}
