import { describe, expect, it } from 'vitest';
import { LEARNING_RATE_STOPS, nearestStop } from '../../../src/ui/lab/fields/LearningRateField';
import { numberProblem } from '../../../src/ui/lab/fields/NumberField';

describe('LEARNING_RATE_STOPS', () => {
  it('runs 1, 2, 3, 5 per decade from 0.0001 to 10', () => {
    expect(LEARNING_RATE_STOPS.slice(0, 5)).toEqual([0.0001, 0.0002, 0.0003, 0.0005, 0.001]);
    expect(LEARNING_RATE_STOPS.slice(-5)).toEqual([1, 2, 3, 5, 10]);
    expect(LEARNING_RATE_STOPS).toHaveLength(21);
  });

  it('finds the nearest stop on a log scale', () => {
    expect(LEARNING_RATE_STOPS[nearestStop(0.1)]).toBe(0.1);
    // 0.0014: log distance to 0.001 is 0.34, to 0.002 is 0.36
    expect(LEARNING_RATE_STOPS[nearestStop(0.0014)]).toBe(0.001);
    expect(LEARNING_RATE_STOPS[nearestStop(0.0015)]).toBe(0.002);
    expect(LEARNING_RATE_STOPS[nearestStop(7.5)]).toBe(10);
  });
});

describe('numberProblem', () => {
  const batch = { min: 1, max: 512, integer: true };

  it('accepts whole numbers in range', () => {
    expect(numberProblem(' 64 ', batch, 32)).toBeUndefined();
  });

  it('explains what is wrong and what the run keeps', () => {
    expect(numberProblem('2.5', batch, 32)).toBe(
      '“2.5” is not a whole number from 1 to 512; the run keeps 32.',
    );
    expect(numberProblem('', batch, 32)).toBe(
      'An empty box is not a whole number from 1 to 512; the run keeps 32.',
    );
    expect(numberProblem('1e9', { min: 0.0001, max: 10, integer: false }, 0.1)).toBe(
      '“1e9” is not a number from 0.0001 to 10; the run keeps 0.1.',
    );
  });
});
