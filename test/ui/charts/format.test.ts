import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatStep, listPhrase } from '../../../src/ui/charts/format';

describe('formatStep', () => {
  it('groups thousands', () => {
    expect(formatStep(1200)).toBe('1,200');
    expect(formatStep(0)).toBe('0');
  });
});

describe('formatNumber', () => {
  it('keeps three significant digits in the readable range', () => {
    expect(formatNumber(0.42)).toBe('0.42');
    expect(formatNumber(2.302585)).toBe('2.3');
    expect(formatNumber(0.0012345)).toBe('0.00123');
    expect(formatNumber(12345)).toBe('12,300');
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

describe('formatPercent', () => {
  it('rounds to whole percents above 10%', () => {
    expect(formatPercent(0.912)).toBe('91%');
  });

  it('keeps one decimal below 10%', () => {
    expect(formatPercent(0.025)).toBe('2.5%');
    expect(formatPercent(0.004)).toBe('0.4%');
  });

  it('never rounds an imperfect score up to 100%', () => {
    expect(formatPercent(0.9996)).toBe('99.9%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('listPhrase', () => {
  it('joins with commas and a final "and"', () => {
    expect(listPhrase(['fc1', 'fc2', 'fc3'])).toBe('fc1, fc2 and fc3');
    expect(listPhrase(['fc1'])).toBe('fc1');
    expect(listPhrase([])).toBe('');
  });
});
