import { describe, expect, it } from 'vitest';
import { calculateGain, NONLINEARITIES, type Nonlinearity } from '../../../src/engine/init/gain';
import { fromTorchName, initFormulas, relClose, type FixtureNonlinearity } from './initFixture';

describe('calculateGain', () => {
  it('matches torch.nn.init.calculate_gain for every nonlinearity in init_formulas', () => {
    const f = initFormulas();
    const nonlinearities = f.config['nonlinearities'] as FixtureNonlinearity[];
    const gains = f.outputs['gain']!.data;
    expect(gains.length).toBe(nonlinearities.length);
    nonlinearities.forEach(({ name, param }, j) => {
      const gain = calculateGain(fromTorchName(name), param ?? undefined);
      expect(relClose(gain, gains[j]!), `${name}(${param}): ${gain} vs ${gains[j]}`).toBe(true);
    });
  });

  it('gives the textbook constants', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('identity')).toBe(1);
    expect(calculateGain('conv2d')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.SQRT2);
    expect(calculateGain('selu')).toBe(0.75);
  });

  it('leakyRelu: √(2/(1+a²)) with a = 0.01 by default', () => {
    // a = 0.5: √(2 / 1.25) = √1.6
    expect(calculateGain('leakyRelu', 0.5)).toBeCloseTo(Math.sqrt(1.6), 15);
    // a = 0: the ReLU gain
    expect(calculateGain('leakyRelu', 0)).toBe(Math.SQRT2);
    expect(calculateGain('leakyRelu')).toBe(calculateGain('leakyRelu', 0.01));
    expect(calculateGain('leakyRelu')).not.toBe(Math.SQRT2);
  });

  it('ignores param for nonlinearities that have none, as PyTorch does', () => {
    expect(calculateGain('relu', 0.3)).toBe(Math.SQRT2);
    expect(calculateGain('tanh', 7)).toBe(5 / 3);
  });

  it('throws for an unknown nonlinearity, listing the allowed ones', () => {
    expect(() => calculateGain('softplus' as Nonlinearity)).toThrow(
      /unknown nonlinearity 'softplus'; expected one of linear, .*selu/,
    );
  });

  it('throws for a non-finite leakyRelu slope', () => {
    expect(() => calculateGain('leakyRelu', Number.NaN)).toThrow(/slope must be a finite number/);
  });

  it('lists every nonlinearity it accepts', () => {
    for (const n of NONLINEARITIES) expect(Number.isFinite(calculateGain(n))).toBe(true);
  });
});
