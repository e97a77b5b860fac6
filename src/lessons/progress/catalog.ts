/**
 * Everything in the current lessons that progress can refer to. Saved progress is checked against it,
 * so answers to a question that was removed (or whose choices changed) are dropped instead of
 * counting for something they no longer mean.
 */
import type { SettingKey } from '../../lab/labSettings';
import type { ChartKind, Quiz } from '../schema';
import type { Track } from '../track';
import { blockKey, practiceQuestionKey } from './keys';

export interface QuizShape {
  readonly choices: number;
  readonly correct: number;
  /** Each choice's `choiceFingerprint`, in order. */
  readonly fingerprints: readonly string[];
  /** How a notice names the question: its text, shortened, and the lesson's title. */
  readonly label: string;
}

export interface ExperimentShape {
  readonly charts: readonly ChartKind[];
  readonly hasClaim: boolean;
}

export interface PredictionShape {
  /** The choices' fingerprints (see `choiceFingerprint`); empty for a slider. */
  readonly fingerprints: readonly string[];
  readonly slider: { readonly min: number; readonly max: number } | undefined;
}

export interface ProgressCatalog {
  readonly lessons: ReadonlySet<string>;
  /** Quiz questions and practice questions, by key. */
  readonly quizzes: ReadonlyMap<string, QuizShape>;
  /**
   * Every experiment, by key, with the charts it shows and whether it claims an effect; and every
   * practice, whose copy of its experiment has charts of its own that a learner can view.
   */
  readonly experiments: ReadonlyMap<string, ExperimentShape>;
  readonly checkpoints: ReadonlySet<string>;
  readonly practice: ReadonlySet<string>;
  /** Former keys (from `formerIds` of lessons and blocks) → current keys. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly predictions: ReadonlyMap<string, PredictionShape>;
  /** Mystery networks (practices with hidden settings), by key, with the settings they hide. */
  readonly mysteries: ReadonlyMap<string, readonly SettingKey[]>;
}

/**
 * A choice's identity across lesson edits that keep its meaning: FNV-1a of its text with case,
 * spacing and punctuation ignored, as 8 hex digits. Reordering choices keeps every fingerprint;
 * rewording one changes only its own.
 */
export function choiceFingerprint(text: string): string {
  const normal = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function quizShape(quiz: Quiz, lessonTitle = ''): QuizShape {
  const question = quiz.question.length > 60 ? `${quiz.question.slice(0, 60)}…` : quiz.question;
  return {
    choices: quiz.choices.length,
    correct: quiz.choices.findIndex((c) => c.correct),
    fingerprints: quiz.choices.map((c) => choiceFingerprint(c.text)),
    label: lessonTitle === '' ? `“${question}”` : `“${question}” (${lessonTitle})`,
  };
}

export function progressCatalog(track: Track): ProgressCatalog {
  const lessons = new Set<string>();
  const quizzes = new Map<string, QuizShape>();
  const experiments = new Map<string, ExperimentShape>();
  const checkpoints = new Set<string>();
  const practice = new Set<string>();
  const aliases = new Map<string, string>();
  const predictions = new Map<string, PredictionShape>();
  const mysteries = new Map<string, readonly SettingKey[]>();
  for (const lesson of track.lessons) {
    const id = lesson.meta.id;
    const title = lesson.meta.title;
    const lessonIds = [id, ...(lesson.meta.formerIds ?? [])];
    lessons.add(id);
    for (const former of lessonIds.slice(1)) aliases.set(former, id);
    for (const s of lesson.segments) {
      if (s.kind === 'markdown' || s.kind === 'invalid') continue;
      // Every former spelling of this block's key (old lesson id × old block id) leads to the new one.
      for (const lessonId of lessonIds) {
        for (const blockId of [s.id, ...(s.formerIds ?? [])]) {
          if (lessonId === id && blockId === s.id) continue;
          aliases.set(blockKey(lessonId, blockId), blockKey(id, s.id));
          if (s.kind === 'practice')
            aliases.set(practiceQuestionKey(lessonId, blockId), practiceQuestionKey(id, s.id));
        }
      }
      if (s.kind === 'quiz') quizzes.set(blockKey(id, s.id), quizShape(s.data, title));
      else if (s.kind === 'experiment') {
        const shape = { charts: s.data.charts, hasClaim: s.data.claim !== undefined };
        experiments.set(blockKey(id, s.id), shape);
      } else if (s.kind === 'checkpoint') checkpoints.add(blockKey(id, s.id));
      else if (s.kind === 'prediction') {
        const slider = s.data.slider;
        predictions.set(blockKey(id, s.id), {
          fingerprints: (s.data.choices ?? []).map((c) => choiceFingerprint(c.text)),
          slider: slider ? { min: slider.min, max: slider.max } : undefined,
        });
      } else if (s.kind === 'practice') {
        practice.add(blockKey(id, s.id));
        if (s.data.hidden.length > 0) mysteries.set(blockKey(id, s.id), s.data.hidden);
        const target = lesson.segments.find(
          (e) => e.kind === 'experiment' && e.id === s.data.experiment,
        );
        if (target?.kind === 'experiment')
          experiments.set(blockKey(id, s.id), { charts: target.data.charts, hasClaim: false });
        if (s.data.question)
          quizzes.set(practiceQuestionKey(id, s.id), quizShape(s.data.question, title));
      }
    }
  }
  return { lessons, quizzes, experiments, checkpoints, practice, predictions, mysteries, aliases };
}
