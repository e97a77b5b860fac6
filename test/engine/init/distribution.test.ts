import { describe, expect, it } from 'vitest';
import {
  biasDistribution,
  weightDistribution,
  type WeightDistribution,
} from '../../../src/engine/init/distribution';
import { computeFans } from '../../../src/engine/init/fans';
import type { InitScheme } from '../../../src/engine/init/schemes';
import { formulaCases, initFormulas, relClose } from './initFixture';

/** The half-width of a symmetric uniform, or the std of a zero-mean normal; fails otherwise. */
function spreadOf(d: WeightDistribution, quantity: 'bound' | 'std'): number {
  if (quantity === 'bound') {
    if (d.kind !== 'uniform') throw new Error(`expected a uniform distribution, got ${d.kind}`);
    expect(d.low).toBe(-d.high);
    return d.high;
  }
  if (d.kind !== 'normal') throw new Error(`expected a normal distribution, got ${d.kind}`);
  expect(d.mean).toBe(0);
  return d.std;
}

describe('weightDistribution', () => {
  it('matches every xavier/kaiming bound and std of init_formulas (rtol 1e-6)', () => {
    const cases = formulaCases(initFormulas());
    expect(cases.length).toBe(6 * 4 * 6); // 6 tables × 4 shapes × 6 nonlinearities
    for (const c of cases) {
      const actual = spreadOf(weightDistribution(c.scheme, c.shape), c.quantity);
      expect(relClose(actual, c.expected), `${c.what}: ${actual} vs ${c.expected}`).toBe(true);
    }
  });

  it('pytorchDefault weight and bias bounds match nn.Linear / nn.Conv2d (rtol 1e-6)', () => {
    const f = initFormulas();
    const shapes = f.config['shapes'] as number[][];
    shapes.forEach((shape, i) => {
      const weight = spreadOf(weightDistribution({ kind: 'pytorchDefault' }, shape), 'bound');
      const bias = spreadOf(
        biasDistribution({ kind: 'pytorchDefault' }, computeFans(shape).fanIn),
        'bound',
      );
      const wantWeight = f.outputs['default_weight_bound']!.data[i]!;
      const wantBias = f.outputs['default_bias_bound']!.data[i]!;
      expect(relClose(weight, wantWeight), `weight bound ${i}: ${weight} vs ${wantWeight}`).toBe(
        true,
      );
      expect(relClose(bias, wantBias), `bias bound ${i}: ${bias} vs ${wantBias}`).toBe(true);
    });
  });

  it('hand-worked Kaiming/Xavier values for a [3, 2, 2, 2] conv weight', () => {
    // fanIn = 2·2·2 = 8, fanOut = 3·2·2 = 12
    // kaiming normal, relu, fanIn: √2/√8 = 0.5
    const kn = weightDistribution(
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      [3, 2, 2, 2],
    );
    expect(kn).toEqual({ kind: 'normal', mean: 0, std: expect.closeTo(0.5, 15) });
    // xavier uniform, gain 2: 2·√(6/20) = √1.2
    const xu = weightDistribution({ kind: 'xavierUniform', gain: 2 }, [3, 2, 2, 2]);
    expect(spreadOf(xu, 'bound')).toBeCloseTo(Math.sqrt(1.2), 14);
    // kaiming uniform, tanh, fanOut: √3·(5/3)/√12 = 5/6
    const ku = weightDistribution(
      { kind: 'kaimingUniform', a: 0, mode: 'fanOut', nonlinearity: 'tanh' },
      [3, 2, 2, 2],
    );
    expect(spreadOf(ku, 'bound')).toBeCloseTo(5 / 6, 14);
  });

  it('custom(fanAvg, gain g) is Xavier and custom(fanIn, √2) is Kaiming ReLU, for both distributions', () => {
    const f = initFormulas();
    for (const shape of f.config['shapes'] as number[][]) {
      for (const gain of [1, 5 / 3, 0.25]) {
        for (const distribution of ['uniform', 'normal'] as const) {
          const quantity = distribution === 'uniform' ? 'bound' : 'std';
          const custom = (fanMode: 'fanAvg' | 'fanIn', g: number): number =>
            spreadOf(
              weightDistribution(
                { kind: 'custom', distribution, fanMode, gain: g, multiplier: 1 },
                shape,
              ),
              quantity,
            );
          const xavier = spreadOf(
            weightDistribution(
              { kind: distribution === 'uniform' ? 'xavierUniform' : 'xavierNormal', gain },
              shape,
            ),
            quantity,
          );
          const kaiming = spreadOf(
            weightDistribution(
              {
                kind: distribution === 'uniform' ? 'kaimingUniform' : 'kaimingNormal',
                a: 0,
                mode: 'fanIn',
                nonlinearity: 'relu',
              },
              shape,
            ),
            quantity,
          );
          expect(custom('fanAvg', gain)).toBeCloseTo(xavier, 14);
          expect(custom('fanIn', Math.SQRT2)).toBeCloseTo(kaiming, 14);
        }
      }
    }
  });

  it('custom scales linearly with the multiplier and uses the chosen fan', () => {
    // [10, 40]: fanIn 40, fanOut 10. normal std = 3·2/√10 with fanOut
    const d = weightDistribution(
      { kind: 'custom', distribution: 'normal', fanMode: 'fanOut', gain: 2, multiplier: 3 },
      [10, 40],
    );
    expect(spreadOf(d, 'std')).toBeCloseTo(6 / Math.sqrt(10), 14);
    // uniform bound = 0.5·1·√(3/40) with fanIn
    const u = weightDistribution(
      { kind: 'custom', distribution: 'uniform', fanMode: 'fanIn', gain: 1, multiplier: 0.5 },
      [10, 40],
    );
    expect(spreadOf(u, 'bound')).toBeCloseTo(0.5 * Math.sqrt(3 / 40), 14);
  });

  it('plain schemes pass their parameters through and need no fans (rank 1 is fine)', () => {
    expect(weightDistribution({ kind: 'zeros' }, [4])).toEqual({ kind: 'constant', value: 0 });
    expect(weightDistribution({ kind: 'constant', value: 0.3 }, [4])).toEqual({
      kind: 'constant',
      value: 0.3,
    });
    expect(weightDistribution({ kind: 'uniform', low: -2, high: 5 }, [4])).toEqual({
      kind: 'uniform',
      low: -2,
      high: 5,
    });
    expect(weightDistribution({ kind: 'normal', mean: 1, std: 0.2 }, [4])).toEqual({
      kind: 'normal',
      mean: 1,
      std: 0.2,
    });
  });

  it('fan-scaled schemes and orthogonal throw on a rank-1 shape', () => {
    for (const scheme of [
      { kind: 'xavierNormal', gain: 1 },
      { kind: 'pytorchDefault' },
      { kind: 'orthogonal', gain: 1 },
    ] satisfies InitScheme[]) {
      expect(() => weightDistribution(scheme, [5])).toThrow(/rank ≥ 2/);
    }
  });

  it('rejects invalid scheme parameters with a specific message', () => {
    expect(() => weightDistribution({ kind: 'normal', mean: 0, std: -1 }, [2, 2])).toThrow(
      /normal std must be ≥ 0, got -1/,
    );
    expect(() => weightDistribution({ kind: 'uniform', low: 1, high: 0 }, [2, 2])).toThrow(
      /low ≤ high/,
    );
    expect(() => weightDistribution({ kind: 'xavierUniform', gain: Number.NaN }, [2, 2])).toThrow(
      /xavierUniform gain must be a finite number, got NaN/,
    );
  });
});

describe('biasDistribution', () => {
  it('pytorchDefault: U(±1/√fanIn)', () => {
    expect(biasDistribution({ kind: 'pytorchDefault' }, 16)).toEqual({
      kind: 'uniform',
      low: -0.25,
      high: 0.25,
    });
  });

  it('pytorchDefault with fanIn 0 gives bound 0, as PyTorch does', () => {
    expect(biasDistribution({ kind: 'pytorchDefault' }, 0)).toEqual({
      kind: 'uniform',
      low: -0,
      high: 0,
    });
  });

  it('every other scheme gives zero biases', () => {
    const others: InitScheme[] = [
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      { kind: 'xavierUniform', gain: 1 },
      { kind: 'normal', mean: 3, std: 1 },
      { kind: 'constant', value: 2 },
      { kind: 'orthogonal', gain: 1 },
      { kind: 'custom', distribution: 'uniform', fanMode: 'fanAvg', gain: 1, multiplier: 1 },
    ];
    for (const s of others) expect(biasDistribution(s, 9)).toEqual({ kind: 'constant', value: 0 });
  });

  it('throws for a negative or fractional fanIn', () => {
    expect(() => biasDistribution({ kind: 'pytorchDefault' }, -3)).toThrow(
      /fanIn must be a non-negative integer, got -3/,
    );
  });
});
