import { describe, expect, it } from 'vitest';
import { atStep, formatPercent, formatStep, listPhrase } from '../../../src/ui/charts/format';

describe('formatStep', () => {
  it('groups thousands', () => {
    expect(formatStep(1200)).toBe('1,200');
    expect(formatStep(0)).toBe('0');
  });
});

describe('atStep', () => {
  it('dates a summary by its step, or starts it with a capital when there is none', () => {
    expect(atStep(1200, 'gradient norm per layer: fc1 0.5.')).toBe(
      'At step 1,200, gradient norm per layer: fc1 0.5.',
    );
    expect(atStep(undefined, 'gradient norm per layer: fc1 0.5.')).toBe(
      'Gradient norm per layer: fc1 0.5.',
    );
    expect(atStep(0, '3 layers.')).toBe('At step 0, 3 layers.');
    expect(atStep(undefined, '3 layers.')).toBe('3 layers.');
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
