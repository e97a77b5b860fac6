import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import {
  isLessonCompleted,
  lessonRequirements,
  lessonStates,
  milestoneAccess,
  remainingSummary,
} from '../../../src/lessons/progress/unlock';
import { fixtureQuizKeys, fixtureTrack } from './fixtureTrack';

const track = fixtureTrack();
const [alpha, beta] = track.lessons;
const AT = '2025-03-01T10:00:00.000Z';

function solved(keys: readonly string[]): Progress['quizzes'] {
  return Object.fromEntries(
    keys.map((k) => [k, { answers: [0, 1], solved: true, firstTryCorrect: false, revealed: true }]),
  );
}

describe('lesson completion', () => {
  it('lists every quiz question and checkpoint of a lesson as a requirement', () => {
    expect(lessonRequirements(alpha!, EMPTY_PROGRESS).map((r) => `${r.kind} ${r.key}`)).toEqual([
      'checkpoint alpha/saw-it',
      'quiz alpha/aq1',
      'quiz alpha/aq2',
      'quiz alpha/aq3',
      'quiz alpha/aq4',
    ]);
    expect(remainingSummary(alpha!, EMPTY_PROGRESS)).toBe(
      '4 quiz questions and 1 checkpoint to go',
    );
  });

  it('is not complete with every question solved (even after retries) but a checkpoint missing', () => {
    const progress = { ...EMPTY_PROGRESS, quizzes: solved(fixtureQuizKeys('alpha')) };
    expect(isLessonCompleted(alpha!, progress)).toBe(false);
    expect(remainingSummary(alpha!, progress)).toBe('1 checkpoint to go');
  });

  it('is complete once every question is solved and every checkpoint earned', () => {
    const progress = {
      ...EMPTY_PROGRESS,
      quizzes: solved(fixtureQuizKeys('alpha')),
      checkpoints: { 'alpha/saw-it': { at: AT, detail: 'x' } },
    };
    expect(isLessonCompleted(alpha!, progress)).toBe(true);
    expect(remainingSummary(alpha!, progress)).toBe('');
  });

  it('stays complete once recorded, even if the lesson later gained a question', () => {
    expect(isLessonCompleted(beta!, { ...EMPTY_PROGRESS, completedLessons: { beta: AT } })).toBe(
      true,
    );
  });
});

describe('unlocking', () => {
  it('opens only the first lesson at the start, and says what opens the others', () => {
    const states = lessonStates(track, EMPTY_PROGRESS);
    expect(states.map((s) => s.access.open)).toEqual([true, false, false]);
    const beta = states[1]!.access;
    expect(beta.open === false && beta.reason).toBe(
      'This lesson opens when you complete “Alpha lesson”.',
    );
  });

  it('opens a lesson named in a completed lesson’s unlocks', () => {
    const states = lessonStates(track, { ...EMPTY_PROGRESS, completedLessons: { alpha: AT } });
    expect(states.map((s) => [s.lesson.meta.id, s.access.open, s.completed])).toEqual([
      ['alpha', true, true],
      ['beta', true, false],
      ['gamma', false, false],
    ]);
  });

  it('opens a lesson nobody names once the lesson before it is completed', () => {
    const states = lessonStates(track, {
      ...EMPTY_PROGRESS,
      completedLessons: { alpha: AT, beta: AT },
    });
    expect(states[2]!.access.open).toBe(true);
  });

  it('does not open a lesson whose unlocking lesson is incomplete, even if a later one is done', () => {
    const states = lessonStates(track, { ...EMPTY_PROGRESS, completedLessons: { gamma: AT } });
    expect(states.map((s) => s.access.open)).toEqual([true, false, false]);
  });

  it('opens the milestone only when every lesson is completed', () => {
    const two = milestoneAccess(track, {
      ...EMPTY_PROGRESS,
      completedLessons: { alpha: AT, beta: AT },
    });
    expect(two.open === false && two.reason).toBe(
      'It opens when you complete every lesson: 2 of 3 done so far.',
    );
    expect(
      milestoneAccess(track, {
        ...EMPTY_PROGRESS,
        completedLessons: { alpha: AT, beta: AT, gamma: AT },
      }),
    ).toEqual({ open: true });
  });
});
