import { formatShape, numel, sameShape, type Shape, type Tensor } from '../tensor';
import { cached, type Buffer, type Layer, type Mode, type Param } from './layer';

/**
 * nn.Flatten: [N, d1, d2, …] → [N, d1·d2·…]. Row-major data is already in that order, so forward and
 * backward are views that share the data array; nothing is copied.
 */
export class Flatten implements Layer {
  readonly label = 'Flatten';
  private inputShape: Shape | undefined;

  forward(x: Tensor, _mode: Mode): Tensor {
    if (x.shape.length < 1) {
      throw new Error(`${this.label}: expected an input with a batch dimension, got a scalar`);
    }
    this.inputShape = x.shape;
    const n = x.shape[0]!;
    return { shape: [n, numel(x.shape.slice(1))], data: x.data };
  }

  backward(dy: Tensor): Tensor {
    const shape = cached(this.inputShape, this.label);
    const flat = [shape[0]!, numel(shape.slice(1))];
    if (!sameShape(dy.shape, flat)) {
      throw new Error(
        `${this.label}: backward expected a gradient of shape ${formatShape(flat)}, got ${formatShape(dy.shape)}`,
      );
    }
    return { shape, data: dy.data };
  }

  params(): readonly Param[] {
    return [];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
