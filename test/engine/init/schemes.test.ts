import { describe, expect, it } from 'vitest';
import { weightDistribution } from '../../../src/engine/init/distribution';
import {
  defaultInitScheme,
  INIT_SCHEMES,
  initSchemeLabel,
  validateInitScheme,
  type InitScheme,
} from '../../../src/engine/init/schemes';

describe('INIT_SCHEMES', () => {
  it('lists each scheme once, with a non-empty label, PyTorch default first', () => {
    const kinds = INIT_SCHEMES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    // LABELS is a record over InitSchemeKind, so the compiler already refuses a missing kind.
    expect(kinds.length).toBe(11);
    expect(kinds[0]).toBe('pytorchDefault');
    for (const s of INIT_SCHEMES) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(initSchemeLabel(s.kind)).toBe(s.label);
    }
  });

  it('defaultInitScheme gives a valid scheme of the asked kind for every entry', () => {
    for (const { kind } of INIT_SCHEMES) {
      const scheme = defaultInitScheme(kind);
      expect(scheme.kind).toBe(kind);
      expect(() => weightDistribution(scheme, [8, 4])).not.toThrow();
    }
  });

  it('default Kaiming is PyTorch kaiming_*_(a=0, fan_in) with the ReLU gain', () => {
    expect(defaultInitScheme('kaimingNormal')).toEqual({
      kind: 'kaimingNormal',
      a: 0,
      mode: 'fanIn',
      nonlinearity: 'relu',
    });
  });
});

describe('validateInitScheme', () => {
  // Schemes from a URL or saved run are untyped: these casts stand in for such data.
  const bad: [unknown, RegExp][] = [
    [{ kind: 'constant', value: Infinity }, /constant value must be a finite number, got Infinity/],
    [{ kind: 'normal', mean: Number.NaN, std: 1 }, /normal mean must be a finite number, got NaN/],
    [{ kind: 'uniform', low: 2, high: 1 }, /uniform needs low ≤ high, got low 2 > high 1/],
    [
      { kind: 'kaimingUniform', a: 0, mode: 'fanAvg', nonlinearity: 'relu' },
      /kaimingUniform mode must be one of fanIn, fanOut, got 'fanAvg'/,
    ],
    [
      { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'swish' },
      /kaimingNormal nonlinearity must be one of linear, .*, got 'swish'/,
    ],
    [{ kind: 'orthogonal', gain: '2' }, /orthogonal gain must be a finite number, got 2/],
    [
      { kind: 'custom', distribution: 'laplace', fanMode: 'fanIn', gain: 1, multiplier: 1 },
      /custom distribution must be one of uniform, normal, got 'laplace'/,
    ],
    [{ kind: 'lecun' }, /unknown kind 'lecun'; expected one of .*custom/],
  ];
  for (const [scheme, message] of bad) {
    it(`rejects ${JSON.stringify(scheme)}`, () => {
      expect(() => validateInitScheme(scheme as InitScheme)).toThrow(message);
    });
  }

  it('accepts a uniform with low = high (a constant, as PyTorch allows)', () => {
    expect(() => validateInitScheme({ kind: 'uniform', low: 0.5, high: 0.5 })).not.toThrow();
  });
});
