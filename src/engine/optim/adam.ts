import type { Param } from '../layers/layer';
import { CheckedOptimizer, checkRange } from './optimizer';
import { optimWasm } from './optimWasm';

export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  /** AdamW: decay the weights directly (p *= 1 − lr·wd) instead of adding wd·p to the gradient. */
  decoupled?: boolean;
}

/** Adam's per-param moments: PyTorch's state[p]['exp_avg'] and ['exp_avg_sq'] (not bias-corrected). */
export interface AdamState {
  readonly expAvg: Float32Array;
  readonly expAvgSq: Float32Array;
}

/**
 * torch.optim.Adam / AdamW (1.13, single-tensor path, amsgrad off), per element at step t:
 *   AdamW: p *= 1 − lr·wd            Adam: g += wd·p (only if wd ≠ 0)
 *   m = β₁m + (1 − β₁)g;  v = β₂v + (1 − β₂)g²
 *   p −= lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + eps)      (eps after the bias-corrected root)
 */
export class Adam extends CheckedOptimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly decoupled: boolean;
  private readonly moments: (AdamState | undefined)[];
  private steps = 0;

  constructor(params: readonly Param[], options: AdamOptions = {}) {
    const {
      lr = 1e-3,
      betas = [0.9, 0.999],
      eps = 1e-8,
      weightDecay = 0,
      decoupled = false,
    } = options;
    const where = decoupled ? 'AdamW' : 'Adam';
    super(params, lr, where);
    checkRange(betas[0], 'betas[0]', where, 0, 1, true);
    checkRange(betas[1], 'betas[1]', where, 0, 1, true);
    checkRange(eps, 'eps', where, 0);
    checkRange(weightDecay, 'weightDecay', where, 0);
    [this.beta1, this.beta2] = betas;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
    this.moments = this.params.map(() => undefined);
  }

  /** Steps taken so far (PyTorch's state[p]['step']). */
  get stepCount(): number {
    return this.steps;
  }

  /** The moments of `param`; undefined before the first step. */
  state(param: Param): AdamState | undefined {
    const i = this.params.indexOf(param);
    return i < 0 ? undefined : this.moments[i];
  }

  step(): void {
    const t = ++this.steps;
    const { lr, beta1, beta2, eps, weightDecay: wd, decoupled } = this;
    const stepSize = lr / (1 - beta1 ** t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    const decay = decoupled ? 1 - lr * wd : 1;
    const l2 = decoupled ? 0 : wd;
    const wasm = optimWasm();
    for (let k = 0; k < this.params.length; k++) {
      const param = this.params[k]!;
      const p = param.value.data;
      const g = param.grad.data;
      const n = p.length;
      let s = this.moments[k];
      if (s === undefined) {
        s = this.moments[k] = { expAvg: new Float32Array(n), expAvgSq: new Float32Array(n) };
      }
      const m = s.expAvg;
      const v = s.expAvgSq;
      if (wasm !== undefined) {
        // The loop below, in the module (optimWasm.ts): the same bits.
        wasm.adam(p, g, m, v, { decay, l2, beta1, beta2, stepSize, bc2Sqrt, eps });
        continue;
      }
      for (let i = 0; i < n; i++) {
        // AdamW: p *= 1 − lr·wd, before the gradient step; Adam: g += wd·p
        const pi = p[i]! * decay;
        const gi = g[i]! + l2 * pi;
        m[i] = beta1 * m[i]! + (1 - beta1) * gi;
        v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
        // p −= lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + eps), from the float32-stored m and v as in torch
        p[i] = pi - (stepSize * m[i]!) / (Math.sqrt(v[i]!) / bc2Sqrt + eps);
      }
    }
  }
}

/** torch.optim.AdamW: Adam with decoupled weight decay, default weightDecay 0.01. */
export class AdamW extends Adam {
  constructor(params: readonly Param[], options: Omit<AdamOptions, 'decoupled'> = {}) {
    super(params, { weightDecay: 0.01, ...options, decoupled: true });
  }
}
