import { describe, expect, it } from 'vitest';
import { evaluateCheckpoint } from '../../../src/lessons/progress/checkpoints';
import { recordAnswer, recordReveal } from '../../../src/lessons/progress/quizProgress';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import type { Checkpoint } from '../../../src/lessons/schema';
import { fixtureQuizKeys, fixtureTrack } from './fixtureTrack';

const track = fixtureTrack();
const [alpha, beta, gamma] = track.lessons;
const AT = '2025-03-01T10:00:00.000Z';

function checkpointOf(lessonIndex: number, id: string): Checkpoint {
  const s = track.lessons[lessonIndex]!.segments.find(
    (x) => x.kind === 'checkpoint' && x.id === id,
  );
  if (s?.kind !== 'checkpoint') throw new Error(`no checkpoint ${id}`);
  return s.data;
}

function firstTry(keys: readonly string[]): Progress['quizzes'] {
  return Object.fromEntries(keys.map((k) => [k, recordAnswer(undefined, 1, true)]));
}

describe('evaluateCheckpoint', () => {
  const sawIt = checkpointOf(0, 'saw-it');

  it('experiment: not earned until the claim has shown in the learner’s runs', () => {
    expect(evaluateCheckpoint(alpha!, sawIt, EMPTY_PROGRESS, track)).toEqual({
      earned: false,
      reason: 'Run the experiment “Loss falls” until its effect shows in your own runs.',
    });
  });

  it('experiment with viewedChart: the claim alone is not enough, the chart must have been shown', () => {
    const shown = {
      ...EMPTY_PROGRESS,
      experiments: { 'alpha/falls': { at: AT, detail: 'Net: loss 2.000 → 0.500' } },
      viewedCharts: { 'alpha/falls': ['activations' as const] },
    };
    expect(evaluateCheckpoint(alpha!, sawIt, shown, track)).toEqual({
      earned: false,
      reason: 'The effect showed in “Loss falls”; now look at its Loss chart with your runs in it.',
    });
    const viewed = { ...shown, viewedCharts: { 'alpha/falls': ['loss' as const] } };
    expect(evaluateCheckpoint(alpha!, sawIt, viewed, track)).toEqual({
      earned: true,
      reason: '“Loss falls”: Net: loss 2.000 → 0.500',
    });
  });

  it('experiments: needs every listed claim, and names the ones still missing', () => {
    const both = checkpointOf(2, 'both');
    const one = { ...EMPTY_PROGRESS, experiments: { 'gamma/one': { at: AT, detail: 'fell' } } };
    expect(evaluateCheckpoint(gamma!, both, one, track)).toEqual({
      earned: false,
      reason: 'Still to show in your own runs: “Second experiment”.',
    });
    const two = {
      ...one,
      experiments: { ...one.experiments, 'gamma/two': { at: AT, detail: 'fell too' } },
    };
    expect(evaluateCheckpoint(gamma!, both, two, track)).toEqual({
      earned: true,
      reason: '“First experiment”: fell “Second experiment”: fell too',
    });
  });

  describe('quizzesWithoutPeeking', () => {
    const noPeek = checkpointOf(1, 'no-peek');
    const allKeys = [...fixtureQuizKeys('alpha'), ...fixtureQuizKeys('beta')];

    it('is earned when every question of the named lessons was right on the first try', () => {
      const progress = { ...EMPTY_PROGRESS, quizzes: firstTry(allKeys) };
      expect(evaluateCheckpoint(beta!, noPeek, progress, track)).toEqual({
        earned: true,
        reason: 'All 8 questions answered correctly on the first try, without revealing an answer.',
      });
    });

    it('does not count a question solved only on a retry', () => {
      const quizzes = {
        ...firstTry(allKeys),
        'alpha/aq2': recordAnswer(recordAnswer(undefined, 0, false), 1, true),
      };
      expect(evaluateCheckpoint(beta!, noPeek, { ...EMPTY_PROGRESS, quizzes }, track)).toEqual({
        earned: false,
        reason:
          '7 of 8 questions answered correctly on the first try without revealing the answer; every one has to be.',
      });
    });

    it('does not count a question whose answer was revealed first', () => {
      const quizzes = {
        ...firstTry(allKeys),
        'beta/bq4': recordAnswer(recordReveal(undefined), 1, true),
      };
      expect(evaluateCheckpoint(beta!, noPeek, { ...EMPTY_PROGRESS, quizzes }, track).earned).toBe(
        false,
      );
    });

    it('ignores questions of lessons it does not name (gamma’s questions are not needed)', () => {
      const progress = { ...EMPTY_PROGRESS, quizzes: firstTry(allKeys) };
      expect(evaluateCheckpoint(beta!, noPeek, progress, track).earned).toBe(true);
    });
  });
});
