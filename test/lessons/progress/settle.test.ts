import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../../src/lessons/progress/quizProgress';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import { settleProgress } from '../../../src/lessons/progress/settle';
import { fixtureQuizKeys, fixtureTrack } from './fixtureTrack';

const track = fixtureTrack();
const NOW = new Date('2025-04-02T08:30:00.000Z');
const EARLIER = '2025-03-01T10:00:00.000Z';

describe('settleProgress', () => {
  it('returns the same object when nothing new was earned', () => {
    expect(settleProgress(EMPTY_PROGRESS, track, NOW)).toBe(EMPTY_PROGRESS);
  });

  it('records a checkpoint with the date and what was observed, then the lesson it completes', () => {
    const quizzes = Object.fromEntries(
      fixtureQuizKeys('alpha').map((k) => [k, recordAnswer(undefined, 1, true)]),
    );
    const progress: Progress = {
      ...EMPTY_PROGRESS,
      quizzes,
      experiments: { 'alpha/falls': { at: EARLIER, detail: 'Net: loss 2.000 → 0.500' } },
      viewedCharts: { 'alpha/falls': ['loss'] },
    };
    const settled = settleProgress(progress, track, NOW);
    expect(settled.checkpoints).toEqual({
      'alpha/saw-it': { at: NOW.toISOString(), detail: '“Loss falls”: Net: loss 2.000 → 0.500' },
    });
    expect(settled.completedLessons).toEqual({ alpha: NOW.toISOString() });
  });

  it('keeps what was earned earlier, with its original date', () => {
    const progress: Progress = {
      ...EMPTY_PROGRESS,
      checkpoints: { 'alpha/saw-it': { at: EARLIER, detail: 'first time' } },
      completedLessons: { beta: EARLIER },
    };
    expect(settleProgress(progress, track, NOW)).toBe(progress);
  });
});
