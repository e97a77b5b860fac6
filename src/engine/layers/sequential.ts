import type { Tensor } from '../tensor';
import { prefixed, type Buffer, type Layer, type Mode, type Param } from './layer';

/** A named child, as in PyTorch's nn.Sequential(OrderedDict(...)). */
export type NamedLayer = readonly [name: string, layer: Layer];

/**
 * nn.Sequential: forward runs the children in order, backward in reverse. Params and buffers carry
 * state_dict names prefixed with the child's name ('fc1.weight', 'block.bn1.running_mean') and share
 * the child's tensors, so an optimizer step on them updates the child.
 *
 * Keeps no state of its own between forward and backward: a caller may run the children's forwards
 * itself (to observe each output) and still call this backward.
 */
export class Sequential implements Layer {
  readonly label: string;
  readonly children: readonly NamedLayer[];
  /** The first child with parameters (−1: none): `backwardParams` goes no further down. */
  private readonly firstTrained: number;

  constructor(children: ReadonlyArray<NamedLayer>) {
    const seen = new Set<string>();
    for (const [name] of children) {
      if (name === '' || name.includes('.')) {
        throw new Error(`Sequential: child name '${name}' must be non-empty and contain no '.'`);
      }
      if (seen.has(name)) throw new Error(`Sequential: duplicate child name '${name}'`);
      seen.add(name);
    }
    this.children = [...children];
    this.label = `Sequential(${this.children.map(([name]) => name).join(', ')})`;
    this.firstTrained = this.children.findIndex(([, layer]) => layer.params().length > 0);
  }

  forward(x: Tensor, mode: Mode): Tensor {
    let h = x;
    for (const [, layer] of this.children) h = layer.forward(h, mode);
    return h;
  }

  backward(dy: Tensor): Tensor {
    let g = dy;
    for (let i = this.children.length - 1; i >= 0; i--) g = this.children[i]![1].backward(g);
    return g;
  }

  /**
   * Every parameter gradient, no input gradient: the children before the first with parameters
   * (a Flatten) are not run backward, and that one computes no input gradient where it can (the
   * stem convolution's, a full convolution as large as a 1-output-channel forward).
   */
  backwardParams(dy: Tensor): void {
    let g = dy;
    const first = this.firstTrained;
    if (first < 0) return;
    for (let i = this.children.length - 1; i > first; i--) g = this.children[i]![1].backward(g);
    const layer = this.children[first]![1];
    if (layer.backwardParams) layer.backwardParams(g);
    else layer.backward(g);
  }

  params(): readonly Param[] {
    return this.children.flatMap(([name, layer]) => prefixed(name, layer.params()));
  }

  buffers(): readonly Buffer[] {
    return this.children.flatMap(([name, layer]) => prefixed(name, layer.buffers()));
  }
}
