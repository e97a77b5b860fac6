import { describe, expect, it } from 'vitest';
import {
  answeredWithoutPeeking,
  lessonQuizKeys,
  recordAnswer,
  recordReveal,
} from '../../../src/lessons/progress/quizProgress';
import { fixtureTrack } from './fixtureTrack';

describe('quiz progress', () => {
  it('a right first answer counts as answered without peeking', () => {
    const record = recordAnswer(undefined, 1, true);
    expect(record).toEqual({ answers: [1], solved: true, firstTryCorrect: true, revealed: false });
    expect(answeredWithoutPeeking(record)).toBe(true);
  });

  it('a wrong answer then a retry solves the question but not on the first try', () => {
    const retried = recordAnswer(recordAnswer(undefined, 0, false), 1, true);
    expect(retried).toEqual({
      answers: [0, 1],
      solved: true,
      firstTryCorrect: false,
      revealed: false,
    });
    expect(answeredWithoutPeeking(retried)).toBe(false);
  });

  it('stays solved when a later answer is wrong', () => {
    expect(recordAnswer(recordAnswer(undefined, 1, true), 2, false).solved).toBe(true);
  });

  it('records a reveal before answering, which rules out "without peeking" even if then right', () => {
    const revealed = recordReveal(undefined);
    expect(revealed).toEqual({
      answers: [],
      solved: false,
      firstTryCorrect: false,
      revealed: true,
    });
    const answered = recordAnswer(revealed, 1, true);
    expect(answered).toEqual({ answers: [1], solved: true, firstTryCorrect: true, revealed: true });
    expect(answeredWithoutPeeking(answered)).toBe(false);
  });

  it('ignores a reveal after the question is solved (the explanations are already shown)', () => {
    const solved = recordAnswer(undefined, 1, true);
    expect(recordReveal(solved)).toBe(solved);
  });

  it('lists a lesson’s quiz questions in order, without its practice question', () => {
    const alpha = fixtureTrack().lessons[0]!;
    expect(lessonQuizKeys(alpha)).toEqual(['alpha/aq1', 'alpha/aq2', 'alpha/aq3', 'alpha/aq4']);
  });
});
