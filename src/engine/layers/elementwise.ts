import { formatShape, reuse, sameShape, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, type Buffer, type Layer, type Mode, type Param } from './layer';

/** The activation functions the engine implements (probes read `kind` to measure dead or saturated units). */
/** The activation layers, in menu order; the model spec accepts exactly these. */
export const ACTIVATIONS = ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'gelu'] as const;
export type ActivationKind = (typeof ACTIVATIONS)[number];

/**
 * A parameter-free elementwise activation y = f(x) on a tensor of any rank. Subclasses supply the two
 * loops: `apply` (y = f(x)) and `derive` (dx = dy ⊙ f′(x), from x or from the cached y, whichever is
 * cheaper and more accurate).
 */
export abstract class Elementwise implements Layer {
  abstract readonly kind: ActivationKind;
  abstract readonly label: string;
  private x: Tensor | undefined;
  private y: Tensor | undefined;

  forward(x: Tensor, _mode: Mode): Tensor {
    this.x = x;
    const y = (this.y = reuse(this.y, x.shape));
    this.apply(x.data, y.data);
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = cached(this.x, this.label);
    if (!sameShape(dy.shape, x.shape)) {
      throw new Error(
        `${this.label}: backward expected a gradient of shape ${formatShape(x.shape)}, got ${formatShape(dy.shape)}`,
      );
    }
    const dx = scratch.gradientBuffer(x.shape, dy);
    this.derive(x.data, cached(this.y, this.label).data, dy.data, dx.data);
    return dx;
  }

  params(): readonly Param[] {
    return [];
  }

  buffers(): readonly Buffer[] {
    return [];
  }

  /** y = f(x), elementwise. */
  protected abstract apply(x: Float32Array, y: Float32Array): void;
  /** dx = dy ⊙ f′(x), elementwise; y = f(x) from the latest forward. */
  protected abstract derive(
    x: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
  ): void;
}
