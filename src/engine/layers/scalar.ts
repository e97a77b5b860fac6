import { reuse, tensor, type Tensor } from '../tensor';
import { scratch } from './scratch';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';

/**
 * One learned number applied to every element: the scalar biases and multipliers with which Fixup
 * (Zhang et al. 2019, arXiv:1901.09321) replaces normalization's β and γ, and the branch gain α of
 * SkipInit (De & Smith 2020, arXiv:2002.10444) and ReZero (Bachlechner et al. 2020, arXiv:2003.04887).
 * In PyTorch each is an `nn.Parameter(torch.full((1,), value))` used as `x + b` or `x * a`.
 */

/** y = x + b. Backward: db += Σ dy, dx = dy (passed on as it is: it is the same gradient). */
export class ScalarBias implements Layer {
  readonly label = 'ScalarBias';
  readonly bias: Param = makeParam('bias', 'scalar', tensor([1]));
  private y: Tensor | undefined;

  forward(x: Tensor, _mode: Mode): Tensor {
    const y = (this.y = reuse(this.y, x.shape));
    const b = this.bias.value.data[0]!;
    const xs = x.data;
    const ys = y.data;
    for (let i = 0; i < xs.length; i++) ys[i] = xs[i]! + b;
    return y;
  }

  backward(dy: Tensor): Tensor {
    cached(this.y, this.label);
    let sum = 0;
    const g = dy.data;
    for (let i = 0; i < g.length; i++) sum += g[i]!;
    this.bias.grad.data[0]! += sum;
    return dy;
  }

  params(): readonly Param[] {
    return [this.bias];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}

/** y = a·x. Backward: da += Σ dy ⊙ x, dx = a·dy. */
export class ScalarScale implements Layer {
  readonly label: string;
  readonly weight: Param;
  private x: Tensor | undefined;
  private y: Tensor | undefined;

  constructor(initial: number) {
    this.label = `ScalarScale(${initial})`;
    this.weight = makeParam('weight', 'scalar', tensor([1], [initial]));
  }

  forward(x: Tensor, _mode: Mode): Tensor {
    this.x = x;
    const y = (this.y = reuse(this.y, x.shape));
    const a = this.weight.value.data[0]!;
    const xs = x.data;
    const ys = y.data;
    for (let i = 0; i < xs.length; i++) ys[i] = a * xs[i]!;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = cached(this.x, this.label);
    const a = this.weight.value.data[0]!;
    const dx = scratch.gradientBuffer(x.shape, dy);
    const xs = x.data;
    const g = dy.data;
    const out = dx.data;
    let sum = 0;
    for (let i = 0; i < g.length; i++) {
      sum += g[i]! * xs[i]!;
      out[i] = a * g[i]!;
    }
    this.weight.grad.data[0]! += sum;
    return dx;
  }

  params(): readonly Param[] {
    return [this.weight];
  }

  buffers(): readonly Buffer[] {
    return [];
  }
}
