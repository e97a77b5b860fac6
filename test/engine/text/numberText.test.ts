import { describe, expect, it } from 'vitest';
import { formatCount, formatLimit, formatNumber } from '../../../src/engine/text/numberText';
import { rangeText } from '../../../src/lab/settingsRegistry';

describe('formatNumber', () => {
  it.each([
    ['keeps three significant digits', 2.302585, '2.3'],
    ['keeps three significant digits of a small number', 0.0012345, '0.00123'],
    ['groups thousands', 12345, '12,300'],
    ['writes a learning rate as it is typed', 0.0003, '0.0003'],
    ['writes the smallest learning rate as it is typed', 0.0001, '0.0001'],
    ['uses e-notation below 0.0001', 0.00009, '9e−5'],
    ['uses e-notation with a true minus sign', 3.2e-5, '3.2e−5'],
    ['writes a negative tiny number with U+2212 twice', -1e-7, '−1e−7'],
    ['writes negative numbers with U+2212', -2.95, '−2.95'],
    ['switches to e-notation from a million, after rounding', 999_999, '1e6'],
    ['keeps a number below a million', 123_456, '123,000'],
    ['writes zero', 0, '0'],
    ['names a value that is not a number', Number.NaN, 'not a number'],
    ['writes infinity as ∞', Infinity, '∞'],
    ['writes minus infinity as −∞', -Infinity, '−∞'],
  ])('%s: %d → %s', (_, value, written) => {
    expect(formatNumber(value)).toBe(written);
  });
});

describe('formatCount', () => {
  it.each([
    ['groups thousands and keeps every digit', 12345, '12,345'],
    ['writes the largest step target', 100_000, '100,000'],
    ['writes small counts as they are', 7, '7'],
    ['writes zero', 0, '0'],
    ['writes a negative count with U+2212', -1200, '−1,200'],
    ['names a value that is not a number', Number.NaN, 'not a number'],
  ])('%s: %d → %s', (_, value, written) => {
    expect(formatCount(value)).toBe(written);
  });
});

describe('formatLimit and the range every notice, hint and refusal states', () => {
  it('writes whole-number limits exactly and other limits as values', () => {
    expect(formatLimit(100_000)).toBe('100,000');
    expect(formatLimit(4096)).toBe('4,096');
    expect(formatLimit(0.0001)).toBe('0.0001');
    expect(formatLimit(0.01)).toBe('0.01');
  });

  it('says "1 to 100,000", never "1 to 100000"', () => {
    expect(rangeText('integer', 1, 100_000)).toBe('a whole number from 1 to 100,000');
    expect(rangeText('number', 0.0001, 10)).toBe('a number from 0.0001 to 10');
  });
});
