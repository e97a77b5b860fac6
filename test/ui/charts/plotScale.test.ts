import { describe, expect, it } from 'vitest';
import { fromPixel, pixelMap, scaleProblem, toPixel } from '../../../src/ui/charts/plotScale';

describe('pixelMap / toPixel', () => {
  it('maps a linear domain onto the pixel range', () => {
    // [10, 30] onto [100, 500]: 400 px per 20 units = 20 px per unit; 25 → 100 + 15·20 = 400
    const map = pixelMap({ kind: 'linear', domain: [10, 30] }, 100, 500);
    expect(toPixel(map, 10)).toBe(100);
    expect(toPixel(map, 25)).toBe(400);
    expect(toPixel(map, 30)).toBe(500);
  });

  it('maps a y axis upward when the range runs from bottom to top', () => {
    // [0, 2] onto bottom 210, top 10: 0.5 → 210 − 0.5·100 = 160
    const map = pixelMap({ kind: 'linear', domain: [0, 2] }, 210, 10);
    expect(toPixel(map, 0.5)).toBe(160);
  });

  it('spaces decades evenly on a log axis', () => {
    // [0.01, 100] is four decades over 400 px: 100 px per decade; 1 is two decades in
    const map = pixelMap({ kind: 'log', domain: [0.01, 100] }, 0, 400);
    expect(toPixel(map, 0.01)).toBeCloseTo(0, 9);
    expect(toPixel(map, 1)).toBeCloseTo(200, 9);
    expect(toPixel(map, 10 ** 1.5)).toBeCloseTo(350, 9);
  });

  it('gives NaN for values the axis cannot show', () => {
    const log = pixelMap({ kind: 'log', domain: [0.1, 10] }, 0, 100);
    expect(toPixel(log, 0)).toBeNaN();
    expect(toPixel(log, -3)).toBeNaN();
    expect(toPixel(log, Infinity)).toBeNaN();
    const linear = pixelMap({ kind: 'linear', domain: [0, 1] }, 0, 100);
    expect(toPixel(linear, Number.NaN)).toBeNaN();
    expect(toPixel(linear, -Infinity)).toBeNaN();
  });

  it('puts every value of a zero-width domain in the middle instead of at infinity', () => {
    const map = pixelMap({ kind: 'linear', domain: [3, 3] }, 0, 80);
    expect(toPixel(map, 3)).toBe(40);
    expect(fromPixel(map, 12)).toBeNaN();
  });

  it('inverts the mapping on both kinds of axis', () => {
    const linear = pixelMap({ kind: 'linear', domain: [-4, 6] }, 20, 220);
    expect(fromPixel(linear, toPixel(linear, 1.25))).toBeCloseTo(1.25, 12);
    const log = pixelMap({ kind: 'log', domain: [1e-4, 1] }, 300, 0);
    expect(fromPixel(log, toPixel(log, 0.003))).toBeCloseTo(0.003, 12);
  });
});

describe('scaleProblem', () => {
  it('accepts finite linear ranges, reversed ones included', () => {
    expect(scaleProblem({ kind: 'linear', domain: [5, 0] })).toBeNull();
  });

  it('names a range that is not finite', () => {
    expect(scaleProblem({ kind: 'linear', domain: [0, Number.NaN] })).toBe(
      'the axis range [0, NaN] is not a pair of finite numbers',
    );
  });

  it('names a log range that reaches 0 or below', () => {
    expect(scaleProblem({ kind: 'log', domain: [0, 10] })).toBe(
      'a log axis needs a positive range, got [0, 10]',
    );
  });
});
