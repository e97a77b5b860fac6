/**
 * Whether a track's multiple-choice questions can be gamed by picking the longest answer. Authors
 * tend to hedge the right answer until it is the longest choice; a learner who notices can pass
 * without reading. Two figures, measured over every question (quizzes and practice questions):
 * how often the correct choice is strictly the longest, and the median of its length over the mean
 * length of the distractors. `npm run lessons:check` prints them; a test holds them to the limits.
 */
import type { Segment } from './parseLesson';
import type { Quiz } from './schema';

export const FAIRNESS_LIMITS = {
  /** The correct choice may be strictly the longest in at most this share of questions. */
  longestShare: 0.4,
  /** The median of (correct length / mean distractor length) may be at most this. */
  medianRatio: 1.25,
} as const;

export interface QuestionLengths {
  /** Where the question is: lesson/block. */
  readonly key: string;
  readonly correct: number;
  readonly distractors: readonly number[];
}

export interface QuizFairness {
  readonly questions: number;
  /** Questions whose correct choice is longer than every distractor. */
  readonly correctLongest: number;
  readonly longestShare: number;
  readonly medianRatio: number;
  /** The questions whose correct choice is strictly the longest, for an author to rebalance. */
  readonly longestKeys: readonly string[];
}

/**
 * The length a reader sees: Markdown and TeX markers (`$`, backticks, `*`, `_`) do not count,
 * whitespace runs count once, and characters are counted as code points (so "²" is one).
 */
export function visibleLength(text: string): number {
  const plain = text
    .replace(/[$`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].length;
}

export function questionLengths(key: string, quiz: Quiz): QuestionLengths {
  const correct = quiz.choices.find((c) => c.correct);
  return {
    key,
    correct: correct ? visibleLength(correct.text) : 0,
    distractors: quiz.choices.filter((c) => !c.correct).map((c) => visibleLength(c.text)),
  };
}

/** Every multiple-choice question of the lessons: quiz blocks and practice questions. */
export function trackQuestions(
  lessons: readonly {
    readonly meta: { readonly id: string };
    readonly segments: readonly Segment[];
  }[],
): QuestionLengths[] {
  return lessons.flatMap((lesson) =>
    lesson.segments.flatMap((s) => {
      if (s.kind === 'quiz') return [questionLengths(`${lesson.meta.id}/${s.id}`, s.data)];
      if (s.kind === 'practice' && s.data.question)
        return [questionLengths(`${lesson.meta.id}/${s.id}/question`, s.data.question)];
      return [];
    }),
  );
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function quizFairness(questions: readonly QuestionLengths[]): QuizFairness {
  const longest = questions.filter((q) => q.distractors.every((d) => q.correct > d));
  const ratios = questions.map((q) => {
    const mean = q.distractors.reduce((a, b) => a + b, 0) / Math.max(1, q.distractors.length);
    return q.correct / Math.max(1, mean);
  });
  return {
    questions: questions.length,
    correctLongest: longest.length,
    longestShare: questions.length === 0 ? 0 : longest.length / questions.length,
    medianRatio: median(ratios),
    longestKeys: longest.map((q) => q.key),
  };
}

/** What exceeds the limits, in words; empty when the questions are fair. */
export function fairnessProblems(fairness: QuizFairness): string[] {
  const problems: string[] = [];
  if (fairness.longestShare > FAIRNESS_LIMITS.longestShare)
    problems.push(
      `the correct choice is strictly the longest in ${percent(fairness.longestShare)} of the questions (at most ${percent(FAIRNESS_LIMITS.longestShare)} allowed): shorten it or lengthen the distractors in ${fairness.longestKeys.join(', ')}`,
    );
  if (fairness.medianRatio > FAIRNESS_LIMITS.medianRatio)
    problems.push(
      `the median length of the correct choice is ${fairness.medianRatio.toFixed(2)}× the distractors' (at most ${FAIRNESS_LIMITS.medianRatio} allowed): move its hedges into its explanation`,
    );
  return problems;
}

/** One line for lessons:check. */
export function formatFairness(fairness: QuizFairness): string {
  return `quiz fairness: ${fairness.questions} multiple-choice questions; the correct choice is strictly the longest in ${fairness.correctLongest} (${percent(fairness.longestShare)}, limit ${percent(FAIRNESS_LIMITS.longestShare)}); median length of the correct choice over the mean distractor ${fairness.medianRatio.toFixed(2)}× (limit ${FAIRNESS_LIMITS.medianRatio.toFixed(2)}×)`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
