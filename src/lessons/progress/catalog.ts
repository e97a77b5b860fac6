/**
 * Everything in the current lessons that progress can refer to. Saved progress is checked against it,
 * so answers to a question that was removed (or whose choices changed) are dropped instead of
 * counting for something they no longer mean.
 */
import type { ChartKind, Quiz } from '../schema';
import type { Track } from '../track';
import { blockKey, practiceQuestionKey } from './keys';

export interface QuizShape {
  readonly choices: number;
  readonly correct: number;
}

export interface ExperimentShape {
  readonly charts: readonly ChartKind[];
  readonly hasClaim: boolean;
}

export interface ProgressCatalog {
  readonly lessons: ReadonlySet<string>;
  /** Quiz questions and practice questions, by key. */
  readonly quizzes: ReadonlyMap<string, QuizShape>;
  /** Every experiment, by key, with the charts it shows and whether it claims an effect. */
  readonly experiments: ReadonlyMap<string, ExperimentShape>;
  readonly checkpoints: ReadonlySet<string>;
  readonly practice: ReadonlySet<string>;
}

export function quizShape(quiz: Quiz): QuizShape {
  return { choices: quiz.choices.length, correct: quiz.choices.findIndex((c) => c.correct) };
}

export function progressCatalog(track: Track): ProgressCatalog {
  const lessons = new Set<string>();
  const quizzes = new Map<string, QuizShape>();
  const experiments = new Map<string, ExperimentShape>();
  const checkpoints = new Set<string>();
  const practice = new Set<string>();
  for (const lesson of track.lessons) {
    const id = lesson.meta.id;
    lessons.add(id);
    for (const s of lesson.segments) {
      if (s.kind === 'quiz') quizzes.set(blockKey(id, s.id), quizShape(s.data));
      else if (s.kind === 'experiment') {
        const shape = { charts: s.data.charts, hasClaim: s.data.claim !== undefined };
        experiments.set(blockKey(id, s.id), shape);
      } else if (s.kind === 'checkpoint') checkpoints.add(blockKey(id, s.id));
      else if (s.kind === 'practice') {
        practice.add(blockKey(id, s.id));
        if (s.data.question) quizzes.set(practiceQuestionKey(id, s.id), quizShape(s.data.question));
      }
    }
  }
  return { lessons, quizzes, experiments, checkpoints, practice };
}
