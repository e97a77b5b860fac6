import { describe, expect, it } from 'vitest';
import { recordAnswer, recordReveal } from '../../../src/lessons/progress/quizProgress';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import { isRuledOut, lostStakes, openStakes } from '../../../src/lessons/progress/stakes';
import { fixtureTrack } from './fixtureTrack';

const track = fixtureTrack();
const KEY = 'alpha/aq1';
const withRecord = (record: Progress['quizzes'][string]): Progress => ({
  ...EMPTY_PROGRESS,
  quizzes: { [KEY]: record },
});

describe('what a quiz answer can cost', () => {
  it('a question is ruled out by a wrong first answer or a reveal, never by a right first answer', () => {
    expect(isRuledOut(undefined)).toBe(false);
    expect(isRuledOut(recordAnswer(undefined, 1, true))).toBe(false);
    expect(isRuledOut(recordAnswer(undefined, 0, false))).toBe(true);
    expect(isRuledOut(recordAnswer(recordAnswer(undefined, 0, false), 1, true))).toBe(true);
    expect(isRuledOut(recordReveal(undefined))).toBe(true);
  });

  it('an unanswered question has the checkpoints that cover it at stake; afterwards they are lost', () => {
    expect(openStakes(KEY, EMPTY_PROGRESS, track).map((c) => c.key)).toEqual(['beta/no-peek']);
    expect(lostStakes(KEY, EMPTY_PROGRESS, track)).toEqual([]);
    const wrong = withRecord(recordAnswer(undefined, 0, false));
    expect(openStakes(KEY, wrong, track)).toEqual([]);
    expect(lostStakes(KEY, wrong, track).map((c) => c.title)).toEqual(['No peeking']);
    const right = withRecord(recordAnswer(undefined, 1, true));
    expect(openStakes(KEY, right, track)).toEqual([]);
    expect(lostStakes(KEY, right, track)).toEqual([]);
  });

  it('nothing is at stake for an earned checkpoint or a question no checkpoint covers', () => {
    const earned: Progress = {
      ...EMPTY_PROGRESS,
      checkpoints: { 'beta/no-peek': { at: '2026-12-01T10:00:00.000Z', detail: 'all right' } },
    };
    expect(openStakes(KEY, earned, track)).toEqual([]);
    expect(openStakes('gamma/gq1', EMPTY_PROGRESS, track)).toEqual([]);
    expect(openStakes('alpha/add-bn/question', EMPTY_PROGRESS, track)).toEqual([]);
  });
});
