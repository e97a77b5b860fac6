import type { Param } from '../layers/layer';
import { CheckedOptimizer, checkRange } from './optimizer';
import { optimWasm } from './optimWasm';

export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
}

/**
 * torch.optim.SGD (1.13, single-tensor path), per element:
 *   d = g + wd·p
 *   b = d on the first step, then b = momentum·b + (1 − dampening)·d
 *   p −= lr·b, or with nesterov p −= lr·(d + momentum·b)
 */
export class SGD extends CheckedOptimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  /** One momentum buffer per param, created on the first step as PyTorch does. */
  private readonly buffers: (Float32Array | undefined)[];

  constructor(params: readonly Param[], options: SGDOptions) {
    const { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false } = options;
    super(params, lr, 'SGD');
    checkRange(momentum, 'momentum', 'SGD', 0);
    checkRange(dampening, 'dampening', 'SGD', 0, 1);
    checkRange(weightDecay, 'weightDecay', 'SGD', 0);
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new Error(
        `SGD: nesterov requires momentum > 0 and dampening 0, got momentum ${momentum}, dampening ${dampening}`,
      );
    }
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
    this.buffers = this.params.map(() => undefined);
  }

  /** The momentum buffer of `param` (PyTorch's state[p]['momentum_buffer']); undefined before the first step or without momentum. */
  momentumBuffer(param: Param): Float32Array | undefined {
    const i = this.params.indexOf(param);
    return i < 0 ? undefined : this.buffers[i];
  }

  step(): void {
    const { lr, momentum, dampening, weightDecay: wd, nesterov } = this;
    const wasm = optimWasm();
    for (let k = 0; k < this.params.length; k++) {
      const param = this.params[k]!;
      const p = param.value.data;
      const g = param.grad.data;
      const n = p.length;
      if (wasm !== undefined) {
        // The loops below, in the module (optimWasm.ts): the same bits.
        const first = momentum !== 0 && this.buffers[k] === undefined;
        if (first) this.buffers[k] = new Float32Array(n);
        const mode = momentum === 0 ? 0 : first ? 1 : 2;
        const keep = 1 - dampening;
        wasm.sgd(p, g, this.buffers[k], { lr, wd, momentum, keep, mode, nesterov });
        continue;
      }
      if (momentum === 0) {
        // p −= lr·(g + wd·p)
        for (let i = 0; i < n; i++) p[i]! -= lr * (g[i]! + wd * p[i]!);
        continue;
      }
      let b = this.buffers[k];
      if (b === undefined) {
        // b = d
        b = this.buffers[k] = new Float32Array(n);
        for (let i = 0; i < n; i++) b[i] = g[i]! + wd * p[i]!;
      } else {
        // b = momentum·b + (1 − dampening)·d
        const keep = 1 - dampening;
        for (let i = 0; i < n; i++) b[i] = momentum * b[i]! + keep * (g[i]! + wd * p[i]!);
      }
      if (nesterov) {
        // p −= lr·(d + momentum·b)
        for (let i = 0; i < n; i++) p[i]! -= lr * (g[i]! + wd * p[i]! + momentum * b[i]!);
      } else {
        // p −= lr·b
        for (let i = 0; i < n; i++) p[i]! -= lr * b[i]!;
      }
    }
  }
}
