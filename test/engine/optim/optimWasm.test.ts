import { afterEach, describe, expect, it } from 'vitest';
import { makeParam, type Param } from '../../../src/engine/layers/layer';
import { Adam, AdamW, type AdamOptions } from '../../../src/engine/optim/adam';
import { optimWasm, useOptimWasm } from '../../../src/engine/optim/optimWasm';
import { SGD, type SGDOptions } from '../../../src/engine/optim/sgd';
import { createRng } from '../../../src/engine/rng';
import { tensor } from '../../../src/engine/tensor';
import { OPTIMIZER_CHUNK } from '../../../src/engine/kernels/wasmLayout';

afterEach(() => {
  useOptimWasm(true);
});

/**
 * Sizes: a single float (no pair at all), an odd length (a lone last element after the pairs), and
 * one over a chunk and odd (two chunks, the second ending in a lone element).
 */
const SIZES = [1, 7, OPTIMIZER_CHUNK + 3];

/** Params of SIZES with distinct values of mixed sign and size. */
function params(seed: number): Param[] {
  const rng = createRng(seed);
  return SIZES.map((n, k) => {
    const p = makeParam(`p${k}`, 'weight', tensor([n]));
    for (let i = 0; i < n; i++) p.value.data[i] = rng.normal() * (1 + (i % 5));
    return p;
  });
}

/** The bits of every parameter after each of `steps` steps on fresh gradients (and the state's). */
function trajectory(
  make: (ps: Param[]) => { step(): void; state(p: Param): readonly Float32Array[] },
  wasm: boolean,
  steps = 4,
): Uint32Array[] {
  useOptimWasm(wasm);
  const ps = params(3);
  const optimizer = make(ps);
  const rng = createRng(11);
  const out: Uint32Array[] = [];
  for (let s = 0; s < steps; s++) {
    for (const p of ps) {
      for (let i = 0; i < p.grad.data.length; i++) p.grad.data[i] = rng.normal() * 10 ** (i % 4);
    }
    optimizer.step();
    for (const p of ps) {
      out.push(new Uint32Array(Float32Array.from(p.value.data).buffer));
      for (const a of optimizer.state(p)) out.push(new Uint32Array(Float32Array.from(a).buffer));
    }
  }
  return out;
}

function sgd(options: SGDOptions) {
  return (ps: Param[]) => {
    const o = new SGD(ps, options);
    return { step: () => o.step(), state: (p: Param) => [o.momentumBuffer(p)].filter((b) => !!b) };
  };
}

function adam(options: AdamOptions, decoupled = false) {
  return (ps: Param[]) => {
    const o = decoupled ? new AdamW(ps, options) : new Adam(ps, options);
    return {
      step: () => o.step(),
      state: (p: Param) => {
        const s = o.state(p);
        return s ? [s.expAvg, s.expAvgSq] : [];
      },
    };
  };
}

describe('the optimizers in the WebAssembly module', () => {
  it('runs when WebAssembly SIMD is there (Node has it)', () => {
    expect(optimWasm()).toBeDefined();
  });

  const cases: [string, ReturnType<typeof sgd>][] = [
    ['SGD without momentum, with weight decay', sgd({ lr: 0.07, weightDecay: 0.013 })],
    ['SGD with momentum (first step, then later ones)', sgd({ lr: 0.05, momentum: 0.9 })],
    [
      'SGD with momentum, dampening and weight decay',
      sgd({ lr: 0.3, momentum: 0.7, dampening: 0.1, weightDecay: 0.01 }),
    ],
    ['SGD, Nesterov', sgd({ lr: 0.01, momentum: 0.95, nesterov: true, weightDecay: 0.001 })],
    ['Adam', adam({ lr: 0.003 })],
    ['Adam with L2 weight decay', adam({ lr: 0.01, betas: [0.8, 0.99], weightDecay: 0.05 })],
    ['AdamW', adam({ lr: 0.002, eps: 1e-6, weightDecay: 0.1 }, true)],
  ];
  for (const [name, make] of cases) {
    it(`${name}: the bits of the JavaScript loop, every step, params and state`, () => {
      const js = trajectory(make, false);
      const module = trajectory(make, true);
      expect(module.length).toBe(js.length);
      for (let i = 0; i < js.length; i++) expect(module[i]).toEqual(js[i]);
    });
  }

  it('the updates move the parameters (the comparison is not of two untouched copies)', () => {
    const [stepped] = trajectory(sgd({ lr: 0.05, momentum: 0.9 }), true, 1);
    const initial = new Uint32Array(Float32Array.from(params(3)[0]!.value.data).buffer);
    expect(stepped).not.toEqual(initial);
  });
});
