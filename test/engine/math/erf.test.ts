import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../../../src/engine/math/erf';

// Reference values: Python's math.erf / math.erfc (C library, accurate to about 1 ulp).
const ERF: [number, number][] = [
  [0.1, 0.1124629160182849],
  [0.46875, 0.49261347321793797], // the boundary between the first two rational approximations
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527],
  [3.5, 0.9999992569016276],
  [4, 0.9999999845827421], // the boundary between the last two approximations
  [5, 0.9999999999984626],
  [-0.3, -0.3286267594591274],
  [-2.5, -0.999593047982555],
];
const ERFC: [number, number][] = [
  [0.2, 0.7772974107895215],
  [1, 0.15729920705028513],
  [3, 2.2090496998585438e-5],
  [4.5, 1.9661604415428873e-10],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
  [-1.5, 1.9661051464753108],
];

const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('erf', () => {
  it('matches reference values to 1e-14 relative error on every branch', () => {
    for (const [x, want] of ERF)
      expect(relativeError(erf(x), want), `erf(${x})`).toBeLessThan(1e-14);
  });

  it('is odd, exact at 0 and saturates to ±1', () => {
    expect(erf(0)).toBe(0);
    expect(erf(-1.25)).toBe(-erf(1.25));
    expect(erf(7)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });
});

describe('erfc', () => {
  it('keeps its relative accuracy far into the tail, where 1 − erf would be 0', () => {
    for (const [x, want] of ERFC) {
      expect(relativeError(erfc(x), want), `erfc(${x})`).toBeLessThan(1e-13);
    }
  });

  it('is 1 − erf and reaches 0 and 2 at the ends', () => {
    for (const x of [-3, -0.4, 0, 0.3, 0.9, 2.2]) expect(erfc(x)).toBeCloseTo(1 - erf(x), 15);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
  });
});
