import { describe, expect, it } from 'vitest';
import { decadeTicks, isLoggable, logBarDomain, logDomain } from '../../../src/ui/charts/logScale';

describe('logDomain', () => {
  it('encloses the positive values in whole decades', () => {
    // 0.003 → 10^−3, 42 → 10^2
    expect(logDomain([0.003, 0.5, 42])).toEqual([0.001, 100]);
  });

  it('ignores zeros, negatives, NaN and nulls, which a log axis cannot show', () => {
    expect(logDomain([0, -1, Number.NaN, null, 0.2, 0.7])).toEqual([0.1, 1]);
  });

  it('widens a single value to a full decade', () => {
    expect(logDomain([1])).toEqual([1, 10]);
  });

  it('returns null when nothing can be drawn', () => {
    expect(logDomain([0, 0, -3])).toBeNull();
  });
});

describe('decadeTicks', () => {
  it('puts a tick on every power of ten across a short range', () => {
    expect(decadeTicks([0.001, 10])).toEqual([0.001, 0.01, 0.1, 1, 10]);
  });

  it('skips decades on long ranges so at most eight ticks remain', () => {
    const ticks = decadeTicks([1e-12, 1e2]);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toBe(1e-12);
  });
});

describe('isLoggable', () => {
  it('accepts only positive finite numbers', () => {
    expect([1e-30, 0, -1, Infinity, null].map((v) => isLoggable(v))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('logBarDomain', () => {
  it('starts a decade lower when the smallest value sits on a power of ten', () => {
    // 0.001 would be a zero-length bar on [0.001, 0.1]
    expect(logBarDomain([0.001, 0.05])).toEqual([0.0001, 0.1]);
  });

  it('keeps the enclosing decades otherwise', () => {
    expect(logBarDomain([0.002, 0.05])).toEqual([0.001, 0.1]);
  });
});
