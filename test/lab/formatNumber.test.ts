import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lab/formatNumber';

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
