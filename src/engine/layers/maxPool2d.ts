import { expectRank, formatShape, reuse, sameShape, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, type Buffer, type Layer, type Mode, type Param } from './layer';

/**
 * nn.MaxPool2d(kernelSize, stride = kernelSize), no padding, floor mode: rows and columns that do not
 * fill a window are ignored. Each output remembers which input it came from; on ties the first
 * maximum in row-major order wins and gets the whole gradient, as in PyTorch.
 */
export class MaxPool2d implements Layer {
  readonly label: string;
  private inputShape: readonly number[] | undefined;
  private y: Tensor | undefined;
  /** argmax[i] = flat index into x of the maximum that produced y[i]. */
  private argmax: Int32Array = new Int32Array(0);

  constructor(
    readonly kernelSize = 2,
    readonly stride = kernelSize,
  ) {
    for (const [name, value] of [
      ['kernelSize', kernelSize],
      ['stride', stride],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new Error(`MaxPool2d: ${name} must be a whole number ≥ 1, got ${value}`);
      }
    }
    this.label = `MaxPool2d(${kernelSize}×${kernelSize}, s${stride})`;
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    expectRank(x, 4, this.label);
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const k = this.kernelSize;
    const s = this.stride;
    const oh = Math.floor((h - k) / s) + 1;
    const ow = Math.floor((w - k) / s) + 1;
    if (oh < 1 || ow < 1) {
      throw new Error(`${this.label}: input ${formatShape(x.shape)} is smaller than the window`);
    }
    this.inputShape = x.shape;
    const y = (this.y = reuse(this.y, [n, c, oh, ow]));
    if (this.argmax.length < y.data.length) this.argmax = new Int32Array(y.data.length);
    const src = x.data;
    const out = y.data;
    const argmax = this.argmax;
    let o = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const corner = base + i * s * w + j * s;
          let best = corner;
          let max = src[corner]!;
          for (let di = 0; di < k; di++) {
            const row = corner + di * w;
            for (let dj = 0; dj < k; dj++) {
              const v = src[row + dj]!;
              // strictly greater keeps the first maximum; v !== v lets a NaN win, as in PyTorch
              if (v > max || v !== v) {
                max = v;
                best = row + dj;
              }
            }
          }
          out[o] = max;
          argmax[o] = best;
          o++;
        }
      }
    }
    return y;
  }

  // dx[argmax[i]] += dy[i]; every other input gets 0
  backward(dy: Tensor): Tensor {
    const shape = cached(this.inputShape, this.label);
    const y = cached(this.y, this.label);
    if (!sameShape(dy.shape, y.shape)) {
      throw new Error(
        `${this.label}: backward expected a gradient of shape ${formatShape(y.shape)}, got ${formatShape(dy.shape)}`,
      );
    }
    const dx = scratch.gradientBuffer(shape, dy);
    const grad = dx.data;
    grad.fill(0);
    const argmax = this.argmax;
    for (let i = 0; i < dy.data.length; i++) grad[argmax[i]!]! += dy.data[i]!;
    return dx;
  }

  params(): readonly Param[] {
    return [];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
