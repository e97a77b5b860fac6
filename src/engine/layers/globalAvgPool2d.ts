import { expectRank, formatShape, reuse, sameShape, type Tensor } from '../tensor';
import { planeSums } from './planeSums';
import { scratch } from './scratch';
import { cached, type Buffer, type Layer, type Mode, type Param } from './layer';

/**
 * Global average pooling, [N, C, H, W] → [N, C]: PyTorch's adaptive_avg_pool2d(x, 1) followed by
 * flatten, fused because the classifier head always wants the flat vector.
 */
export class GlobalAvgPool2d implements Layer {
  readonly label = 'GlobalAvgPool2d';
  private inputShape: readonly number[] | undefined;
  private y: Tensor | undefined;

  forward(x: Tensor, _mode: Mode): Tensor {
    expectRank(x, 4, this.label);
    const [n, c, h, w] = x.shape as [number, number, number, number];
    this.inputShape = x.shape;
    const area = h * w;
    const y = (this.y = reuse(this.y, [n, c]));
    // y[n, c] = Σ_hw x[n, c, h, w] / (H·W), each sum in float64 (in the module where it can be:
    // the JavaScript loop cost about 2 ns a float)
    const sums = planeSums(x.data.subarray(0, n * c * area), area);
    for (let plane = 0; plane < n * c; plane++) y.data[plane] = sums[plane]! / area;
    return y;
  }

  // dx[n, c, h, w] = dy[n, c] / (H·W)
  backward(dy: Tensor): Tensor {
    const shape = cached(this.inputShape, this.label);
    const [n, c, h, w] = shape as [number, number, number, number];
    if (!sameShape(dy.shape, [n, c])) {
      throw new Error(
        `${this.label}: backward expected a gradient of shape ${formatShape([n, c])}, got ${formatShape(dy.shape)}`,
      );
    }
    const area = h * w;
    const dx = scratch.gradientBuffer(shape, dy);
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * area;
      dx.data.fill(dy.data[plane]! / area, base, base + area);
    }
    return dx;
  }

  params(): readonly Param[] {
    return [];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
