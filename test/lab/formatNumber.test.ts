import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lab/formatNumber';

describe('formatNumber', () => {
  it('keeps three significant digits in the readable range', () => {
    expect(formatNumber(0.42)).toBe('0.42');
    expect(formatNumber(2.302585)).toBe('2.3');
    expect(formatNumber(0.0012345)).toBe('0.00123');
    expect(formatNumber(12345)).toBe('12,300');
  });

  it('writes learning rates down to 0.0001 as they are typed', () => {
    expect(formatNumber(0.0003)).toBe('0.0003');
    expect(formatNumber(0.0001)).toBe('0.0001');
    expect(formatNumber(0.00009)).toBe('9e−5');
  });

  it('switches to e-notation from a million, after rounding', () => {
    expect(formatNumber(999_999)).toBe('1e6');
    expect(formatNumber(123_456)).toBe('123,000');
  });

  it('uses e-notation with a true minus sign for tiny magnitudes', () => {
    expect(formatNumber(3.2e-5)).toBe('3.2e−5');
    expect(formatNumber(-1e-7)).toBe('−1e−7');
  });

  it('writes negative numbers with U+2212', () => {
    expect(formatNumber(-2.95)).toBe('−2.95');
  });

  it('names values that are not finite instead of printing NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('not a number');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(0)).toBe('0');
  });
});
