import { progressCatalog, type ProgressCatalog } from '../lessons/progress/catalog';
import { mergeProgress } from '../lessons/progress/merge';
import { recordAnswer, recordReveal } from '../lessons/progress/quizProgress';
import { countEntries, restoreProgress, serializeProgress } from '../lessons/progress/restore';
import {
  EMPTY_PROGRESS,
  type PredictionRecord,
  type Progress,
  type QuizRecord,
} from '../lessons/progress/schema';
import type { PredictionAnswer } from '../lessons/predictions';
import { settleProgress } from '../lessons/progress/settle';
import { summarizeProgress } from '../lessons/progress/summary';
import type { SettingKey } from '../lab/labSettings';
import type { ChartKind } from '../lessons/schema';
import type { Track } from '../lessons/track';
import {
  forgetKeptRecord,
  keepStoredRecordAside,
  listKeptRecords,
  readStoredProgress,
  writeStoredProgress,
  type KeptRecord,
} from './progressStorage';
import { formatNumber } from '../lab/formatNumber';

export type ImportResult =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** What an import file holds, read before anything changes, so the learner can choose. */
export type ImportPreview =
  | {
      readonly ok: true;
      /** "12 answered questions and 2 completed lessons". */
      readonly holds: string;
      /** The same for the progress saved here now. */
      readonly current: string;
      /** Whether the file has anything this browser's progress lacks. */
      readonly addsSomething: boolean;
    }
  | { readonly ok: false; readonly message: string };

export type ImportMode = 'merge' | 'replace';

/** An import file larger than this is refused unread: a whole course's progress is about 40 KB. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface ProgressSlice {
  readonly progress: Progress;
  /** The lessons the progress refers to; set by `loadProgress`. */
  readonly progressTrack: Track | undefined;
  /** What changed when saved or imported progress was read back (shown until dismissed). */
  readonly progressNotices: readonly string[];
  /** Set when this browser will not keep the progress. */
  readonly progressStorageProblem: string | undefined;
  /** Saved records this page could not read, kept as they were so the learner can export them. */
  readonly keptProgress: readonly KeptRecord[];
  /** The progress before the last import, while it can still be undone. */
  readonly progressBeforeImport: Progress | undefined;

  /** Reads the saved progress for these lessons (once, when the app starts). */
  loadProgress(track: Track): void;
  /** Another tab saved progress: take it up (the `storage` event). */
  progressStorageChanged(): void;
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
  /** The learner committed to a prediction before running its experiment (the first one is kept). */
  recordPrediction(predictionKey: string, answer: PredictionAnswer): void;
  /** The learner revealed one of a mystery network's hidden settings (kept for good). */
  revealMysterySetting(practiceKey: string, setting: SettingKey): void;
  /** The progress as the text of an export file. */
  exportProgress(): string;
  /** What an import of this text would bring, or why it is refused; changes nothing. */
  previewImport(text: string): ImportPreview;
  /** Merges an exported file's progress into this one (or replaces it), validated like saved progress. */
  importProgress(text: string, mode?: ImportMode): ImportResult;
  /** Puts back the progress from before the last import. */
  undoImport(): ImportResult;
  /** Deletes a record kept aside (after the learner exported it). */
  forgetKeptProgress(key: string): void;
  resetProgress(): void;
  dismissProgressNotices(): void;
}

/** The parts of zustand's set and get the slice needs, so it composes into any store that has it. */
type SetProgress = (partial: Partial<ProgressSlice>) => void;
type GetProgress = () => ProgressSlice;

/**
 * Progress is saved on every change by read-merge-write: what another tab saved since this one last
 * wrote is merged in first, so two tabs never lose each other's work, and a `storage` event brings
 * the other tab's changes onto this page at once. A saved record this page cannot read is copied
 * aside (never overwritten) and listed for export.
 */
export function createProgressSlice(set: SetProgress, get: GetProgress): ProgressSlice {
  /** The text this tab last saved: when storage still holds it, no other tab has written since. */
  let lastWritten: string | null | undefined;
  /** Set when a record this page cannot read could not be copied aside: then nothing is saved over it. */
  let writeBlocked = false;
  let catalog: { track: Track; catalog: ProgressCatalog } | undefined;
  const catalogOf = (track: Track): ProgressCatalog => {
    if (catalog?.track !== track) catalog = { track, catalog: progressCatalog(track) };
    return catalog.catalog;
  };
  const settled = (progress: Progress): Progress => {
    const track = get().progressTrack;
    return track ? settleProgress(progress, track, new Date()) : progress;
  };

  /** This tab's progress with whatever another tab saved since this tab last wrote. */
  const freshProgress = (): Progress => {
    const { progress, progressTrack } = get();
    if (!progressTrack || writeBlocked) return progress;
    const stored = readStoredProgress();
    if ('error' in stored || stored.text === null || stored.text === lastWritten) return progress;
    const result = restoreProgress(stored.text, catalogOf(progressTrack));
    if (result.ok) return mergeProgress(progress, result.progress);
    // Another tab (of a newer normlab) saved a record this page cannot read: keep it before writing.
    const kept = keepStoredRecordAside(stored.text, new Date());
    if (kept.key === undefined) writeBlocked = true;
    set({ keptProgress: mergeKept(get().keptProgress, kept) });
    return progress;
  };

  /** Saves the progress; returns the storage problem, if any (and then nothing was written). */
  const write = (progress: Progress): string | undefined => {
    if (writeBlocked) return get().progressStorageProblem;
    const text = serializeProgress(progress);
    const problem = writeStoredProgress(text);
    if (problem === undefined) lastWritten = text;
    return problem;
  };
  const commit = (progress: Progress, extra: Partial<ProgressSlice> = {}): void => {
    set({ ...extra, progress, progressStorageProblem: write(progress) });
  };
  /** Applies a change to the freshest progress, records whatever it earned, and saves. */
  const update = (change: (progress: Progress) => Progress): void => {
    const before = get().progress;
    const base = freshProgress();
    const changed = change(base);
    if (changed === base && base === before) return;
    commit(settled(changed));
  };
  /** A quiz record remembers the choices it was answered against (see followQuizChoices). */
  const withChoices = (key: string, record: QuizRecord): QuizRecord => {
    const track = get().progressTrack;
    const shape = track ? catalogOf(track).quizzes.get(key) : undefined;
    return shape ? { ...record, choices: [...shape.fingerprints], correct: shape.correct } : record;
  };

  /** A choice prediction remembers the choices it was made among, like a quiz record. */
  const withPredictionChoices = (key: string, record: PredictionRecord): PredictionRecord => {
    const track = get().progressTrack;
    const shape = track ? catalogOf(track).predictions.get(key) : undefined;
    return 'choice' in record && shape ? { ...record, choices: [...shape.fingerprints] } : record;
  };

  const readImport = (
    text: string,
  ):
    | { ok: true; incoming: Progress; notices: readonly string[] }
    | { ok: false; message: string } => {
    const track = get().progressTrack;
    if (!track) return { ok: false, message: 'The lessons have not loaded yet; try again.' };
    const refused = (reason: string) => ({
      ok: false as const,
      message: `That file ${reason}. Your progress was not changed.`,
    });
    if (text.length > MAX_IMPORT_BYTES)
      return refused(
        `is ${megabytes(text.length)}, more than a progress file can be (at most ${megabytes(MAX_IMPORT_BYTES)}; a whole course is about 40 KB)`,
      );
    if (text.trim() === '') return refused('is empty');
    const result = restoreProgress(text, catalogOf(track));
    if (!result.ok) return refused(result.reason);
    if (countEntries(result.progress) === 0)
      return refused(
        'holds no answers, results or completed lessons for these lessons, so importing it could only erase progress',
      );
    return { ok: true, incoming: result.progress, notices: result.notices };
  };

  return {
    progress: EMPTY_PROGRESS,
    progressTrack: undefined,
    progressNotices: [],
    progressStorageProblem: undefined,
    keptProgress: [],
    progressBeforeImport: undefined,

    loadProgress(track) {
      lastWritten = undefined;
      writeBlocked = false;
      const stored = readStoredProgress();
      if ('error' in stored) {
        set({
          progressTrack: track,
          progress: EMPTY_PROGRESS,
          progressStorageProblem: stored.error,
        });
        return;
      }
      set({ progressTrack: track, keptProgress: listKeptRecords() });
      const result = restoreProgress(stored.text, catalogOf(track));
      if (!result.ok) {
        // Never save over a record this page cannot read: copy it aside first, or save nothing.
        const kept = keepStoredRecordAside(stored.text ?? '', new Date());
        writeBlocked = kept.key === undefined;
        lastWritten = stored.text;
        const where = writeBlocked
          ? 'This browser would not store a copy of it, so normlab will not save over it: what you do in this visit is kept only until you close the tab. Export the saved record under “Your progress” to keep it.'
          : 'It was not changed: it is kept aside, and you can export it under “Your progress”. Your progress from now on is saved anew.';
        set({
          progress: settleProgress(EMPTY_PROGRESS, track, new Date()),
          progressNotices: [`Your saved progress ${result.reason}. ${where}`],
          keptProgress: mergeKept(get().keptProgress, kept),
        });
        return;
      }
      lastWritten = stored.text;
      const progress = settleProgress(result.progress, track, new Date());
      set({ progressNotices: result.notices });
      if (result.changed === true || progress !== result.progress) commit(progress);
      else set({ progress, progressStorageProblem: undefined });
    },
    progressStorageChanged() {
      const track = get().progressTrack;
      if (!track || writeBlocked) return;
      const stored = readStoredProgress();
      if ('error' in stored || stored.text === null || stored.text === lastWritten) return;
      const result = restoreProgress(stored.text, catalogOf(track));
      if (!result.ok) return;
      // Another tab saved by read-merge-write, so its record already holds everything this tab
      // saved; it replaces this tab's copy (so a reset or retake there shows here too). Only when this
      // tab's own saves failed does it keep its own progress as well.
      const unsaved = get().progressStorageProblem !== undefined;
      const next = unsaved ? mergeProgress(get().progress, result.progress) : result.progress;
      lastWritten = stored.text;
      set({ progress: settleProgress(next, track, new Date()) });
    },
    answerQuiz(key, choice, correct) {
      update((p) => ({
        ...p,
        quizzes: {
          ...p.quizzes,
          [key]: withChoices(key, recordAnswer(p.quizzes[key], choice, correct)),
        },
      }));
    },
    revealQuiz(key) {
      update((p) => {
        const before = p.quizzes[key];
        const after = recordReveal(before);
        return after === before
          ? p
          : { ...p, quizzes: { ...p.quizzes, [key]: withChoices(key, after) } };
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
    recordPrediction(predictionKey, answer) {
      update((p) =>
        p.predictions[predictionKey]
          ? p
          : {
              ...p,
              predictions: {
                ...p.predictions,
                [predictionKey]: withPredictionChoices(predictionKey, {
                  at: new Date().toISOString(),
                  ...answer,
                }),
              },
            },
      );
    },
    revealMysterySetting(practiceKey, setting) {
      update((p) => {
        const revealed = p.revealedSettings[practiceKey] ?? [];
        if (revealed.includes(setting)) return p;
        return {
          ...p,
          revealedSettings: { ...p.revealedSettings, [practiceKey]: [...revealed, setting] },
        };
      });
    },
    exportProgress() {
      return serializeProgress(get().progress);
    },
    previewImport(text) {
      const read = readImport(text);
      if (!read.ok) return read;
      const current = freshProgress();
      const merged = mergeProgress(current, read.incoming);
      return {
        ok: true,
        holds: summarizeProgress(read.incoming),
        current: summarizeProgress(current),
        addsSomething: serializeProgress(merged) !== serializeProgress(current),
      };
    },
    importProgress(text, mode = 'merge') {
      const read = readImport(text);
      if (!read.ok) return read;
      const before = freshProgress();
      const next = settled(mode === 'merge' ? mergeProgress(before, read.incoming) : read.incoming);
      // Save first: when this browser refuses the bigger record, nothing changes and the learner is told.
      const storageWorked = get().progressStorageProblem === undefined;
      const problem = write(next);
      if (problem !== undefined && storageWorked)
        return {
          ok: false,
          message: `The imported progress could not be saved in this browser (its storage is full or disabled), so nothing was imported. Your progress was not changed.`,
        };
      set({
        progress: next,
        progressStorageProblem: problem,
        progressNotices: read.notices,
        progressBeforeImport: before,
      });
      const verb =
        mode === 'merge'
          ? `Merged the file into your progress: you now have ${summarizeProgress(next)}.`
          : `Replaced your progress with the file's: ${summarizeProgress(next)}.`;
      const partly =
        read.notices.length === 0
          ? ''
          : ' Some parts of the file could not be used; the notice above says which.';
      return { ok: true, message: `${verb}${partly} You can undo this import.` };
    },
    undoImport() {
      const before = get().progressBeforeImport;
      if (!before) return { ok: false, message: 'There is no import to undo.' };
      commit(before, { progressBeforeImport: undefined, progressNotices: [] });
      return {
        ok: true,
        message: `Import undone: your progress is back to ${summarizeProgress(before)}.`,
      };
    },
    forgetKeptProgress(key) {
      forgetKeptRecord(key);
      set({ keptProgress: get().keptProgress.filter((r) => r.key !== key) });
    },
    resetProgress() {
      commit(EMPTY_PROGRESS, { progressNotices: [], progressBeforeImport: undefined });
    },
    dismissProgressNotices() {
      set({ progressNotices: [] });
    },
  };
}

function megabytes(chars: number): string {
  return `${formatNumber(chars / 1_000_000)} MB`;
}

function mergeKept(list: readonly KeptRecord[], kept: KeptRecord): readonly KeptRecord[] {
  return list.some((r) => r.text === kept.text) ? list : [...list, kept];
}

/** Selectors at module scope, so components subscribe to stable functions. */
export const selectProgress = (s: ProgressSlice): Progress => s.progress;
export const selectProgressNotices = (s: ProgressSlice): readonly string[] => s.progressNotices;
export const selectStorageProblem = (s: ProgressSlice): string | undefined =>
  s.progressStorageProblem;
export const selectProgressTrack = (s: ProgressSlice): ProgressSlice['progressTrack'] =>
  s.progressTrack;
/**
 * One quiz question's record. A question subscribed to it alone is not rendered again when an
 * experiment records a chart viewed or a claim shown: at 4× CPU throttling, rendering every question
 * of the lesson again was 60–92 ms of such an update's task (docs/PERFORMANCE.md).
 */
export const selectQuizRecord =
  (key: string) =>
  (s: ProgressSlice): QuizRecord | undefined =>
    s.progress.quizzes[key];
export const selectAnswerQuiz = (s: ProgressSlice) => s.answerQuiz;
export const selectRevealQuiz = (s: ProgressSlice) => s.revealQuiz;
export const selectRetakeQuizzes = (s: ProgressSlice) => s.retakeQuizzes;
export const selectRecordClaimShown = (s: ProgressSlice) => s.recordClaimShown;
export const selectRecordChartViewed = (s: ProgressSlice) => s.recordChartViewed;
export const selectRecordPracticePassed = (s: ProgressSlice) => s.recordPracticePassed;
export const selectKeptProgress = (s: ProgressSlice): readonly KeptRecord[] => s.keptProgress;
export const selectCanUndoImport = (s: ProgressSlice): boolean =>
  s.progressBeforeImport !== undefined;
export const selectRecordPrediction = (s: ProgressSlice) => s.recordPrediction;
export const selectRevealMysterySetting = (s: ProgressSlice) => s.revealMysterySetting;
