import { engineWasmKernels, type WasmKernels } from '../kernels/wasmKernels';
import { OPTIMIZER_CHUNK, optimizerLayout } from '../kernels/wasmLayout';
import { wasmSwitch } from '../kernels/wasmSwitch';

/** SGD's numbers for one step (sgd.ts); `mode` 0 without momentum, 1 on its first step, 2 after. */
export interface SgdStep {
  readonly lr: number;
  readonly wd: number;
  readonly momentum: number;
  /** 1 − dampening. */
  readonly keep: number;
  readonly mode: 0 | 1 | 2;
  readonly nesterov: boolean;
}

/** Adam's numbers for step t (adam.ts), each computed once in JavaScript. */
export interface AdamStep {
  readonly decay: number;
  readonly l2: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly stepSize: number;
  readonly bc2Sqrt: number;
  readonly eps: number;
}

/**
 * The optimizers' per-element updates in the WebAssembly module (assembly/optim.ts), with the bits
 * of the JavaScript loops in sgd.ts and adam.ts, which stay the definition and the path without
 * WebAssembly SIMD. JavaScript spends about 10 ns an element on them (three or four typed arrays,
 * float64 arithmetic, a store each), so on a deep MLP the update was a fifth of the step (lesson 2's
 * he-figure-2: 100,618 parameters, 0.97 ms of a 4.3–5 ms step); the module does two elements at
 * once and the copies in and out cost about 0.1 ns a float. Parameters go in chunks of
 * OPTIMIZER_CHUNK floats: every element is independent, so chunks change nothing but the memory.
 */
export class OptimWasm {
  private f32: Float32Array = new Float32Array(0);

  constructor(private readonly kernels: WasmKernels) {}

  /** p (and b, the momentum buffer, unless `mode` is 0) updated in place from g. */
  sgd(p: Float32Array, g: Float32Array, b: Float32Array | undefined, step: SgdStep): void {
    const n = p.length;
    for (let from = 0; from < n; from += OPTIMIZER_CHUNK) {
      const to = Math.min(n, from + OPTIMIZER_CHUNK);
      const at = this.layout(to - from);
      this.put(p, from, to, at.p);
      this.put(g, from, to, at.g);
      if (b !== undefined && step.mode === 2) this.put(b, from, to, at.s0);
      this.kernels.exports.sgdUpdate(
        at.p,
        at.g,
        at.s0,
        to - from,
        step.lr,
        step.wd,
        step.momentum,
        step.keep,
        step.mode,
        step.nesterov ? 1 : 0,
      );
      this.take(at.p, p, from, to);
      if (b !== undefined && step.mode !== 0) this.take(at.s0, b, from, to);
    }
  }

  /** p and the moments m, v updated in place from g. */
  adam(p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, step: AdamStep): void {
    const n = p.length;
    const { beta1, beta2 } = step;
    for (let from = 0; from < n; from += OPTIMIZER_CHUNK) {
      const to = Math.min(n, from + OPTIMIZER_CHUNK);
      const at = this.layout(to - from);
      this.put(p, from, to, at.p);
      this.put(g, from, to, at.g);
      this.put(m, from, to, at.s0);
      this.put(v, from, to, at.s1);
      this.kernels.exports.adamUpdate(
        at.p,
        at.g,
        at.s0,
        at.s1,
        to - from,
        step.decay,
        step.l2,
        beta1,
        1 - beta1,
        beta2,
        1 - beta2,
        step.stepSize,
        step.bc2Sqrt,
        step.eps,
      );
      this.take(at.p, p, from, to);
      this.take(at.s0, m, from, to);
      this.take(at.s1, v, from, to);
    }
  }

  private layout(floats: number): ReturnType<typeof optimizerLayout> {
    const at = optimizerLayout(this.kernels, floats);
    this.f32 = this.kernels.heap(at.end);
    return at;
  }

  private put(values: Float32Array, from: number, to: number, at: number): void {
    this.f32.set(values.subarray(from, to), at >> 2);
  }

  private take(at: number, out: Float32Array, from: number, to: number): void {
    out.set(this.f32.subarray(at >> 2, (at >> 2) + (to - from)), from);
  }
}

const optimPath = wasmSwitch(engineWasmKernels && new OptimWasm(engineWasmKernels));

/** The module's updates, or undefined without WebAssembly SIMD (the optimizers then run their own loops). */
export function optimWasm(): OptimWasm | undefined {
  return optimPath.current();
}

/** Turns the module's updates off or back on (tests compare both paths); returns whether they were on. */
export function useOptimWasm(on: boolean): boolean {
  return optimPath.use(on);
}
