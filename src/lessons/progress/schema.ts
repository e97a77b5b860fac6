/**
 * What a learner has done, as saved in the browser and in an exported file. Every record says what
 * was observed and when, so a checkpoint is a fact about the learner's own runs and answers, not a
 * tick. Bump PROGRESS_VERSION when the shape changes and teach `restoreProgress` to migrate.
 */
import { z } from '../../engine/zod';
import type { SettingKey } from '../../lab/labSettings';
import { SETTING_KEYS } from '../../lab/settingsRegistry';
import { CHART_KINDS, type ChartKind } from '../chartKinds';

export const PROGRESS_VERSION = 1;

const isoDate = z.iso.datetime({ offset: true });

/** A quiz's choice, remembered by a fingerprint of its text (see `choiceFingerprint`). */
const fingerprint = z.string().regex(/^[0-9a-f]{8}$/);

/** One quiz question (or a practice exercise's question) as the learner answered it. */
export const quizRecordSchema = z
  .object({
    /** Every choice submitted, by index, oldest first. */
    answers: z.array(z.number().int().min(0).max(63)).max(200),
    /** Answered correctly at least once. */
    solved: z.boolean(),
    /** The first submitted answer was the correct one. */
    firstTryCorrect: z.boolean(),
    /** The learner revealed the answer before solving it. */
    revealed: z.boolean(),
    /**
     * The choices as they were when last answered, by fingerprint, so answers follow choices that were
     * reordered or reworded in a lesson edit. Absent in records saved before fingerprints existed.
     */
    choices: z.array(fingerprint).max(16).optional(),
    /** The index of the correct choice among `choices`, to notice when a lesson changes it. */
    correct: z.number().int().min(0).max(15).optional(),
  })
  .strict();
export type QuizRecord = z.infer<typeof quizRecordSchema>;

/**
 * What the learner predicted before running an experiment: a choice (by index in the lesson file) or
 * a slider value, and when. Records saved before predictions existed simply have none.
 */
export const predictionRecordSchema = z.union([
  z
    .object({
      at: isoDate,
      choice: z.number().int().min(0).max(15),
      /** The choices when it was made, by fingerprint, so it follows a reordered or reworded choice. */
      choices: z.array(fingerprint).max(16).optional(),
    })
    .strict(),
  z.object({ at: isoDate, value: z.number() }).strict(),
]);
export type PredictionRecord = z.infer<typeof predictionRecordSchema>;
export type PredictionChoiceRecord = Extract<PredictionRecord, { choice: number }>;

/** Something earned or observed: when, and the measurement that showed it. */
export const achievementSchema = z.object({ at: isoDate, detail: z.string().max(2000) }).strict();
export type Achievement = z.infer<typeof achievementSchema>;

export const viewedChartsSchema = z.array(z.enum(CHART_KINDS)).max(CHART_KINDS.length);

/** A mystery network's hidden settings the learner has revealed. */
export const revealedSettingsSchema = z
  .array(z.enum(SETTING_KEYS as unknown as [SettingKey, ...SettingKey[]]))
  .max(SETTING_KEYS.length);

export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  /** By quiz key (lesson/quiz) or practice question key (lesson/practice/question). */
  readonly quizzes: Readonly<Record<string, QuizRecord>>;
  /** Experiments whose claim showed in the learner's own live runs, by lesson/experiment. */
  readonly experiments: Readonly<Record<string, Achievement>>;
  /** Charts of an experiment the learner looked at with data in them, by lesson/experiment. */
  readonly viewedCharts: Readonly<Record<string, readonly ChartKind[]>>;
  readonly checkpoints: Readonly<Record<string, Achievement>>;
  /** Practice exercises passed, by lesson/practice. */
  readonly practice: Readonly<Record<string, Achievement>>;
  /** When each lesson was completed, by lesson id (ISO date). */
  readonly completedLessons: Readonly<Record<string, string>>;
  /** Predictions committed before running an experiment, by lesson/prediction. */
  readonly predictions: Readonly<Record<string, PredictionRecord>>;
  /** The hidden settings of a mystery network the learner revealed, by lesson/practice. */
  readonly revealedSettings: Readonly<Record<string, readonly SettingKey[]>>;
  /**
   * Valid entries whose lesson or block is not in the current lessons (renamed, removed, or a quiz
   * whose correct choice changed), kept so they come back if the lesson does, and go into exports.
   */
  readonly orphaned?: OrphanedEntries;
}

export type OrphanedEntries = Readonly<
  Partial<Record<ProgressField, Readonly<Record<string, unknown>>>>
>;

/** The record fields of Progress, each validated entry by entry when saved data is read back. */
export const PROGRESS_FIELDS = {
  quizzes: { schema: quizRecordSchema, what: 'quiz answers' },
  experiments: { schema: achievementSchema, what: 'experiment results' },
  viewedCharts: { schema: viewedChartsSchema, what: 'viewed charts' },
  checkpoints: { schema: achievementSchema, what: 'checkpoints' },
  practice: { schema: achievementSchema, what: 'practice exercises' },
  completedLessons: { schema: isoDate, what: 'completed lessons' },
  predictions: { schema: predictionRecordSchema, what: 'predictions' },
  revealedSettings: { schema: revealedSettingsSchema, what: 'revealed mystery settings' },
} as const;
export type ProgressField = keyof typeof PROGRESS_FIELDS;
export const PROGRESS_FIELD_NAMES = Object.keys(PROGRESS_FIELDS) as readonly ProgressField[];

export const EMPTY_PROGRESS: Progress = {
  version: PROGRESS_VERSION,
  quizzes: {},
  experiments: {},
  viewedCharts: {},
  checkpoints: {},
  practice: {},
  completedLessons: {},
  predictions: {},
  revealedSettings: {},
};
