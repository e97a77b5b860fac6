import { progressCatalog } from '../lessons/progress/catalog';
import { recordAnswer, recordReveal } from '../lessons/progress/quizProgress';
import { restoreProgress, serializeProgress } from '../lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../lessons/progress/schema';
import { settleProgress } from '../lessons/progress/settle';
import type { ChartKind } from '../lessons/schema';
import type { Track } from '../lessons/track';
import { readStoredProgress, writeStoredProgress } from './progressStorage';

export type ImportResult =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string };

export interface ProgressSlice {
  readonly progress: Progress;
  /** The lessons the progress refers to; set by `loadProgress`. */
  readonly progressTrack: Track | undefined;
  /** What had to be reset when saved or imported progress was read back (shown until dismissed). */
  readonly progressNotices: readonly string[];
  /** Set when this browser will not keep the progress. */
  readonly progressStorageProblem: string | undefined;

  /** Reads the saved progress for these lessons (once, when the app starts). */
  loadProgress(track: Track): void;
  answerQuiz(key: string, choice: number, correct: boolean): void;
  /** The learner looked at the answer before solving the question. */
  revealQuiz(key: string): void;
  /** Forgets these answers so the questions can be taken again from scratch. */
  retakeQuizzes(keys: readonly string[]): void;
  /** An experiment's claim showed in the learner's own live runs (the first time is kept). */
  recordClaimShown(experimentKey: string, detail: string): void;
  /** A chart of an experiment was on screen with the learner's runs in it. */
  recordChartViewed(experimentKey: string, chart: ChartKind): void;
  recordPracticePassed(practiceKey: string, detail: string): void;
  /** The progress as the text of an export file. */
  exportProgress(): string;
  /** Replaces the progress with an exported file's, validated like saved progress. */
  importProgress(text: string): ImportResult;
  resetProgress(): void;
  dismissProgressNotices(): void;
}

/** The parts of zustand's set and get the slice needs, so it composes into any store that has it. */
type SetProgress = (partial: Partial<ProgressSlice>) => void;
type GetProgress = () => ProgressSlice;

export function createProgressSlice(set: SetProgress, get: GetProgress): ProgressSlice {
  /** Applies a change, records whatever it earned, and saves. */
  const update = (change: (progress: Progress) => Progress): void => {
    const { progress, progressTrack } = get();
    const changed = change(progress);
    if (changed === progress) return;
    commit(progressTrack ? settleProgress(changed, progressTrack, new Date()) : changed);
  };
  const commit = (progress: Progress, extra: Partial<ProgressSlice> = {}): void => {
    const problem = writeStoredProgress(serializeProgress(progress));
    set({ ...extra, progress, progressStorageProblem: problem });
  };

  return {
    progress: EMPTY_PROGRESS,
    progressTrack: undefined,
    progressNotices: [],
    progressStorageProblem: undefined,

    loadProgress(track) {
      const stored = readStoredProgress();
      if ('error' in stored) {
        set({
          progressTrack: track,
          progress: EMPTY_PROGRESS,
          progressStorageProblem: stored.error,
        });
        return;
      }
      const result = restoreProgress(stored.text, progressCatalog(track));
      const restored = result.ok ? result.progress : EMPTY_PROGRESS;
      const notices = result.ok
        ? result.notices
        : [`Your saved progress ${result.reason}, so it was reset.`];
      const progress = settleProgress(restored, track, new Date());
      set({ progressTrack: track, progressNotices: notices });
      if (notices.length > 0 || progress !== restored) commit(progress);
      else set({ progress, progressStorageProblem: undefined });
    },
    answerQuiz(key, choice, correct) {
      update((p) => ({
        ...p,
        quizzes: { ...p.quizzes, [key]: recordAnswer(p.quizzes[key], choice, correct) },
      }));
    },
    revealQuiz(key) {
      update((p) => {
        const before = p.quizzes[key];
        const after = recordReveal(before);
        return after === before ? p : { ...p, quizzes: { ...p.quizzes, [key]: after } };
      });
    },
    retakeQuizzes(keys) {
      update((p) => {
        if (!keys.some((k) => k in p.quizzes)) return p;
        const quizzes = { ...p.quizzes };
        for (const k of keys) delete quizzes[k];
        return { ...p, quizzes };
      });
    },
    recordClaimShown(experimentKey, detail) {
      update((p) =>
        p.experiments[experimentKey]
          ? p
          : {
              ...p,
              experiments: {
                ...p.experiments,
                [experimentKey]: { at: new Date().toISOString(), detail },
              },
            },
      );
    },
    recordChartViewed(experimentKey, chart) {
      update((p) => {
        const seen = p.viewedCharts[experimentKey] ?? [];
        if (seen.includes(chart)) return p;
        return { ...p, viewedCharts: { ...p.viewedCharts, [experimentKey]: [...seen, chart] } };
      });
    },
    recordPracticePassed(practiceKey, detail) {
      update((p) =>
        p.practice[practiceKey]
          ? p
          : {
              ...p,
              practice: { ...p.practice, [practiceKey]: { at: new Date().toISOString(), detail } },
            },
      );
    },
    exportProgress() {
      return serializeProgress(get().progress);
    },
    importProgress(text) {
      const track = get().progressTrack;
      if (!track) return { ok: false, message: 'The lessons have not loaded yet; try again.' };
      const refused = (reason: string): ImportResult => ({
        ok: false,
        message: `That file ${reason}. Your progress was not changed.`,
      });
      if (text.trim() === '') return refused('is empty');
      const result = restoreProgress(text, progressCatalog(track));
      if (!result.ok) return refused(result.reason);
      commit(settleProgress(result.progress, track, new Date()), {
        progressNotices: result.notices,
      });
      return {
        ok: true,
        message:
          result.notices.length === 0
            ? 'Progress imported.'
            : 'Progress imported. Some parts of the file could not be used; the notice above says which.',
      };
    },
    resetProgress() {
      commit(EMPTY_PROGRESS, { progressNotices: [] });
    },
    dismissProgressNotices() {
      set({ progressNotices: [] });
    },
  };
}

/** Selectors at module scope, so components subscribe to stable functions. */
export const selectProgress = (s: ProgressSlice): Progress => s.progress;
export const selectProgressNotices = (s: ProgressSlice): readonly string[] => s.progressNotices;
export const selectStorageProblem = (s: ProgressSlice): string | undefined =>
  s.progressStorageProblem;
export const selectProgressTrack = (s: ProgressSlice): ProgressSlice['progressTrack'] =>
  s.progressTrack;
export const selectAnswerQuiz = (s: ProgressSlice) => s.answerQuiz;
export const selectRevealQuiz = (s: ProgressSlice) => s.revealQuiz;
export const selectRetakeQuizzes = (s: ProgressSlice) => s.retakeQuizzes;
export const selectRecordClaimShown = (s: ProgressSlice) => s.recordClaimShown;
export const selectRecordChartViewed = (s: ProgressSlice) => s.recordChartViewed;
export const selectRecordPracticePassed = (s: ProgressSlice) => s.recordPracticePassed;
