import { describe, expect, it } from 'vitest';
import { initBias, initParams, initWeight } from '../../../src/engine/init/initialize';
import type { FanMode, InitScheme } from '../../../src/engine/init/schemes';
import { theoreticalSpread } from '../../../src/engine/init/spread';
import { makeParam } from '../../../src/engine/layers/layer';
import { createRng } from '../../../src/engine/rng';
import { tensor } from '../../../src/engine/tensor';
import { fromTorchName, initFormulas } from './initFixture';

interface Moments {
  mean: number;
  std: number;
  min: number;
  max: number;
}

function moments(data: Float32Array): Moments {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / data.length;
  let ss = 0;
  for (const v of data) ss += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(ss / data.length), min, max };
}

/** The init_formulas sample entries, translated from torch.nn.init calls into our schemes. */
function schemeFromTorchSample(sample: {
  init: string;
  kwargs: Record<string, unknown>;
}): InitScheme {
  const { init, kwargs } = sample;
  const mode = (m: unknown): FanMode => {
    if (m === 'fan_in') return 'fanIn';
    if (m === 'fan_out') return 'fanOut';
    throw new Error(`init_formulas: unknown mode ${String(m)}`);
  };
  switch (init) {
    case 'xavier_uniform':
      return { kind: 'xavierUniform', gain: kwargs['gain'] as number };
    case 'xavier_normal':
      return { kind: 'xavierNormal', gain: kwargs['gain'] as number };
    case 'kaiming_uniform':
    case 'kaiming_normal':
      return {
        kind: init === 'kaiming_uniform' ? 'kaimingUniform' : 'kaimingNormal',
        a: kwargs['a'] as number,
        mode: mode(kwargs['mode']),
        nonlinearity: fromTorchName(kwargs['nonlinearity'] as string),
      };
    case 'default_linear':
      return { kind: 'pytorchDefault' };
    default:
      throw new Error(`init_formulas: unmapped sample init '${init}'`);
  }
}

/**
 * The README's statistical check of an n-sample draw against the target std s: |mean| < 5·s/√n,
 * std within 1%, and for uniform schemes max and −min just below the bound (within 0.1%; the
 * expected gap is about 2·bound/n). Normal draws must not be truncated: beyond ±4s with 262k samples.
 */
function expectMatchesTheory(m: Moments, scheme: InitScheme, shape: number[], n: number): void {
  const { std: s, bound } = theoreticalSpread(scheme, shape);
  const label = JSON.stringify(scheme);
  expect(Math.abs(m.mean), `${label} mean`).toBeLessThan((5 * s) / Math.sqrt(n));
  expect(Math.abs(m.std / s - 1), `${label} std ${m.std} vs ${s}`).toBeLessThan(0.01);
  if (bound !== undefined) {
    const b32 = Math.fround(bound); // the samples are float32
    expect(m.max, `${label} max`).toBeLessThanOrEqual(b32);
    expect(-m.min, `${label} −min`).toBeLessThanOrEqual(b32);
    expect(m.max, `${label} max`).toBeGreaterThan(bound * 0.999);
    expect(-m.min, `${label} −min`).toBeGreaterThan(bound * 0.999);
  } else {
    expect(m.max, `${label} max`).toBeGreaterThan(4 * s);
    expect(-m.min, `${label} −min`).toBeGreaterThan(4 * s);
  }
}

describe('initWeight: sample statistics', () => {
  const f = initFormulas();
  const shape = f.config['sample_shape'] as number[];
  const seed = f.config['sample_seed'] as number;
  const samples = f.config['samples'] as { init: string; kwargs: Record<string, unknown> }[];
  const torchMoments = f.outputs['sample_moments']!;
  const n = shape.reduce((a, b) => a * b, 1);

  samples.forEach((sample, k) => {
    const scheme = schemeFromTorchSample(sample);
    it(`${sample.init} ${JSON.stringify(sample.kwargs)}: our draws and PyTorch's fit the same theory`, () => {
      const [mean, std, min, max] = torchMoments.data.slice(k * 4, k * 4 + 4) as [
        number,
        number,
        number,
        number,
      ];
      // PyTorch's own draws validate the theory we compute...
      expectMatchesTheory({ mean, std, min, max }, scheme, shape, n);
      // ...and ours must fit it too.
      const w = tensor(shape);
      initWeight(w, scheme, createRng(seed));
      expectMatchesTheory(moments(w.data), scheme, shape, n);
    });
  });

  it('custom and plain uniform/normal schemes fit their theory on a 512×512 draw', () => {
    const schemes: InitScheme[] = [
      { kind: 'custom', distribution: 'uniform', fanMode: 'fanAvg', gain: 1.5, multiplier: 0.8 },
      { kind: 'custom', distribution: 'normal', fanMode: 'fanOut', gain: 2, multiplier: 3 },
      { kind: 'uniform', low: -0.3, high: 0.3 },
      { kind: 'normal', mean: 0, std: 0.02 },
    ];
    schemes.forEach((scheme, i) => {
      const w = tensor([512, 512]);
      initWeight(w, scheme, createRng(100 + i));
      expectMatchesTheory(moments(w.data), scheme, [512, 512], 512 * 512);
    });
  });
});

describe('initWeight', () => {
  const schemes: InitScheme[] = [
    { kind: 'uniform', low: -1, high: 2 },
    { kind: 'normal', mean: 0.5, std: 2 },
    { kind: 'xavierNormal', gain: 1 },
    { kind: 'kaimingUniform', a: 0, mode: 'fanOut', nonlinearity: 'relu' },
    { kind: 'orthogonal', gain: 1 },
    { kind: 'pytorchDefault' },
    { kind: 'custom', distribution: 'normal', fanMode: 'fanAvg', gain: 1, multiplier: 1 },
  ];

  /** A [6, 5, 3, 3] weight drawn by `scheme` from a generator seeded `seed`. */
  const drawn = (scheme: InitScheme, seed: number) => {
    const w = tensor([6, 5, 3, 3]);
    initWeight(w, scheme, createRng(seed));
    return w;
  };

  it('same seed gives identical bits for every random scheme', () => {
    for (const scheme of schemes) {
      expect(drawn(scheme, 42).data, scheme.kind).toEqual(drawn(scheme, 42).data);
    }
  });

  it('different seeds give different weights for every random scheme', () => {
    for (const scheme of schemes) {
      const a = drawn(scheme, 42);
      const b = drawn(scheme, 43);
      let differing = 0;
      for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) differing++;
      expect(differing, scheme.kind).toBe(a.data.length);
    }
  });

  it('zeros and constant overwrite whatever was there', () => {
    const w = tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    initWeight(w, { kind: 'zeros' }, createRng(1));
    expect(Array.from(w.data)).toEqual([0, 0, 0, 0, 0, 0]);
    initWeight(w, { kind: 'constant', value: -0.25 }, createRng(1));
    expect(Array.from(w.data)).toEqual([-0.25, -0.25, -0.25, -0.25, -0.25, -0.25]);
  });

  it('throws for a tensor whose data does not match its shape', () => {
    const w = { shape: [3, 4], data: new Float32Array(10) };
    expect(() => initWeight(w, { kind: 'zeros' }, createRng(1))).toThrow(
      /initWeight: tensor of shape \[3, 4\] holds 10 values, expected 12/,
    );
  });
});

describe('initBias', () => {
  it('pytorchDefault draws U(±1/√fanIn), filling the range', () => {
    // fanIn 25: bound 0.2
    const b = tensor([4000]);
    initBias(b, 25, { kind: 'pytorchDefault' }, createRng(9));
    const m = moments(b.data);
    expect(m.max).toBeLessThanOrEqual(Math.fround(0.2));
    expect(m.min).toBeGreaterThanOrEqual(-0.2);
    expect(m.max).toBeGreaterThan(0.19);
    expect(m.min).toBeLessThan(-0.19);
  });

  it('every other scheme sets biases to zero, even when they held values', () => {
    const b = tensor([3], [0.5, -1, 2]);
    initBias(
      b,
      10,
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      createRng(1),
    );
    expect(Array.from(b.data)).toEqual([0, 0, 0]);
  });
});

describe('initParams', () => {
  function model() {
    return [
      makeParam('fc1.weight', 'weight', tensor([4, 9])),
      makeParam('fc1.bias', 'bias', tensor([4])),
      makeParam('norm1.weight', 'normScale', tensor([4], [0.1, 0.2, 0.3, 0.4])),
      makeParam('norm1.bias', 'normShift', tensor([4], [1, 2, 3, 4])),
      makeParam('conv.weight', 'weight', tensor([2, 3, 2, 2])),
      makeParam('conv.bias', 'bias', tensor([2])),
    ];
  }

  it('draws each weight and bias from rng.fork(name), biases with their own layer’s fan-in', () => {
    const params = model();
    const scheme: InitScheme = { kind: 'pytorchDefault' };
    initParams(params, scheme, createRng(7));
    const [fc1w, fc1b, , , convw, convb] = params;

    const w = tensor([4, 9]);
    initWeight(w, scheme, createRng(7).fork('fc1.weight'));
    expect(fc1w!.value.data).toEqual(w.data);
    const b = tensor([4]);
    initBias(b, 9, scheme, createRng(7).fork('fc1.bias')); // fc1: fanIn 9
    expect(fc1b!.value.data).toEqual(b.data);
    const cb = tensor([2]);
    initBias(cb, 12, scheme, createRng(7).fork('conv.bias')); // conv: fanIn 3·2·2 = 12
    expect(convb!.value.data).toEqual(cb.data);
    expect(convw!.value.data.some((v) => v !== 0)).toBe(true);
  });

  it('resets norm scales to 1 and shifts to 0', () => {
    const params = model();
    initParams(params, { kind: 'xavierUniform', gain: 1 }, createRng(7));
    expect(Array.from(params[2]!.value.data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(params[3]!.value.data)).toEqual([0, 0, 0, 0]);
  });

  it('does not depend on the order of the params', () => {
    const forward = model();
    const reversed = model().reverse();
    initParams(
      forward,
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      createRng(3),
    );
    initParams(
      reversed,
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      createRng(3),
    );
    for (const p of forward) {
      expect(reversed.find((q) => q.name === p.name)!.value.data, p.name).toEqual(p.value.data);
    }
  });

  it('throws when a bias has no matching weight', () => {
    const params = [makeParam('head.bias', 'bias', tensor([3]))];
    expect(() => initParams(params, { kind: 'pytorchDefault' }, createRng(1))).toThrow(
      /bias 'head.bias' needs its layer's weight 'head.weight'/,
    );
  });
});
