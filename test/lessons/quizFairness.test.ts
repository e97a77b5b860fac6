import { describe, expect, it } from 'vitest';
import {
  FAIRNESS_LIMITS,
  fairnessProblems,
  formatFairness,
  questionLengths,
  quizFairness,
  trackQuestions,
  visibleLength,
} from '../../src/lessons/quizFairness';
import type { Quiz } from '../../src/lessons/schema';
import { lessonName, readLessons } from './headlessLessons';

const quiz = (correct: string, ...distractors: string[]): Quiz => ({
  question: 'Which?',
  choices: [
    { text: correct, correct: true, explanation: 'Because.' },
    ...distractors.map((text) => ({ text, correct: false, explanation: 'No.' })),
  ],
});

describe('visibleLength', () => {
  it('counts what a reader sees: no Markdown or TeX markers, one space per run, code points', () => {
    expect(visibleLength('plain text')).toBe(10);
    expect(visibleLength('**bold** and `code`')).toBe(13);
    expect(visibleLength('$\\sigma$ term')).toBe(11);
    expect(visibleLength('  a \n  b  ')).toBe(3);
    expect(visibleLength('2¹⁰ ≈ 1,024')).toBe(11);
  });
});

describe('quizFairness', () => {
  it('counts a correct choice as longest only when it is strictly longer than every distractor', () => {
    const fairness = quizFairness([
      questionLengths('a/q1', quiz('long correct answer', 'short', 'tiny')),
      questionLengths('a/q2', quiz('same', 'same', 'sam')),
      questionLengths('a/q3', quiz('mid', 'longer one', 'xy')),
    ]);
    expect(fairness.questions).toBe(3);
    expect(fairness.correctLongest).toBe(1);
    expect(fairness.longestKeys).toEqual(['a/q1']);
    expect(fairness.longestShare).toBeCloseTo(1 / 3);
    // ratios: 19 / 4.5 = 4.22, 4 / 3.5 = 1.14, 3 / 6 = 0.5 → median 1.14
    expect(fairness.medianRatio).toBeCloseTo(4 / 3.5);
  });

  it('takes the mean of the two middle ratios for an even count', () => {
    const fairness = quizFairness([
      questionLengths('q1', quiz('aa', 'a')),
      questionLengths('q2', quiz('a', 'aa')),
    ]);
    expect(fairness.medianRatio).toBeCloseTo((2 + 0.5) / 2);
  });

  it('names what exceeds the limits and the questions to rebalance', () => {
    const gameable = quizFairness([
      questionLengths('l/q1', quiz('a much longer correct answer', 'short', 'brief')),
      questionLengths('l/q2', quiz('another long hedged answer here', 'no', 'nope')),
    ]);
    const problems = fairnessProblems(gameable);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/strictly the longest in 100 % .* l\/q1, l\/q2$/);
    expect(problems[1]).toMatch(/median length of the correct choice is \d+\.\d\d×/);
    const fair = quizFairness([questionLengths('l/q1', quiz('short', 'longer distractor'))]);
    expect(fairnessProblems(fair)).toEqual([]);
  });
});

describe('the lessons in lessons/', () => {
  const lessons = readLessons().filter((l) => l.meta !== undefined);
  const questions = trackQuestions(
    lessons.map((l) => ({ meta: { id: lessonName(l) }, segments: l.segments })),
  );
  const fairness = quizFairness(questions);

  it('include every quiz and practice question', () => {
    const quizBlocks = lessons.flatMap((l) => l.segments.filter((s) => s.kind === 'quiz'));
    expect(quizBlocks.length).toBeGreaterThanOrEqual(20);
    expect(questions.length).toBeGreaterThanOrEqual(quizBlocks.length);
  });

  it(`cannot be passed by picking the longest answer (${formatFairness(fairness)})`, () => {
    expect(fairness.longestShare).toBeLessThanOrEqual(FAIRNESS_LIMITS.longestShare);
    expect(fairness.medianRatio).toBeLessThanOrEqual(FAIRNESS_LIMITS.medianRatio);
    expect(fairnessProblems(fairness)).toEqual([]);
  });
});
