import type { PlacedLesson } from './lessonTypes';
import { blockKey } from './keys';
import type { QuizRecord } from './schema';

/** The record after the learner submits `choice`; only the first submission decides `firstTryCorrect`. */
export function recordAnswer(
  record: QuizRecord | undefined,
  choice: number,
  correct: boolean,
): QuizRecord {
  const answers = record?.answers ?? [];
  return {
    answers: [...answers, choice],
    solved: (record?.solved ?? false) || correct,
    firstTryCorrect: answers.length === 0 ? correct : (record?.firstTryCorrect ?? false),
    revealed: record?.revealed ?? false,
  };
}

/** The record after the learner asks to see the answer before solving the question. */
export function recordReveal(record: QuizRecord | undefined): QuizRecord {
  if (record?.solved) return record;
  return {
    answers: record?.answers ?? [],
    solved: false,
    firstTryCorrect: record?.firstTryCorrect ?? false,
    revealed: true,
  };
}

/** Answered correctly on the first try, with the answer never revealed beforehand. */
export function answeredWithoutPeeking(record: QuizRecord | undefined): boolean {
  return record !== undefined && record.firstTryCorrect && !record.revealed;
}

/** The keys of a lesson's quiz questions, in lesson order (practice questions are not quizzes). */
export function lessonQuizKeys(lesson: PlacedLesson): string[] {
  return lesson.segments.flatMap((s) =>
    s.kind === 'quiz' ? [blockKey(lesson.meta.id, s.id)] : [],
  );
}
