import { describe, expect, it } from 'vitest';
import { choiceOrder } from '../../../src/ui/lessons/choiceOrder';

describe('choiceOrder', () => {
  it('is a permutation of the choices, the same every time for a question', () => {
    const order = choiceOrder('batch-normalization/quiz-1', 4);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceOrder('batch-normalization/quiz-1', 4)).toEqual(order);
  });

  it('does not leave the first-written choice first for every question', () => {
    const firsts = Array.from({ length: 24 }, (_, q) => choiceOrder(`lesson/q${q}`, 4)[0]);
    // With 24 questions a fair shuffle puts choice 0 first about 6 times; all 24 would be a bug.
    expect(firsts.filter((f) => f === 0).length).toBeLessThan(12);
    expect(new Set(firsts).size).toBe(4);
  });

  it('handles one and two choices', () => {
    expect(choiceOrder('x', 1)).toEqual([0]);
    expect([...choiceOrder('x', 2)].sort()).toEqual([0, 1]);
  });
});
