// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeProgress } from '../../src/lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../../src/lessons/progress/schema';
import { PROGRESS_STORAGE_KEY } from '../../src/store/progressStorage';
import { resetAppStore, useAppStore } from '../../src/store/appStore';
import { fixtureQuizKeys, fixtureTrack } from '../lessons/progress/fixtureTrack';

const track = fixtureTrack();
const NOW = new Date('2025-05-06T07:08:09.000Z');
const AT = '2025-03-01T10:00:00.000Z';

const saved = (): Progress => JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? 'null');
const state = () => useAppStore.getState();

/** Reloading the page: a fresh store reading what the previous one saved. */
function reload(): void {
  resetAppStore();
  state().loadProgress(track);
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  localStorage.clear();
});
afterEach(() => {
  resetAppStore();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('progress slice of the store', () => {
  it('starts empty with nothing saved, and says nothing', () => {
    reload();
    expect(state().progress).toEqual(EMPTY_PROGRESS);
    expect(state().progressNotices).toEqual([]);
  });

  it('saves answers, reveals, claims and charts and reads them back after a reload', () => {
    reload();
    state().answerQuiz('alpha/aq1', 0, false);
    state().answerQuiz('alpha/aq1', 1, true);
    state().revealQuiz('alpha/aq2');
    state().recordClaimShown('alpha/falls', 'Net: loss 2.000 → 0.500');
    state().recordChartViewed('alpha/falls', 'loss');
    const before = state().progress;
    expect(saved()).toEqual(before);
    reload();
    expect(state().progress).toEqual(before);
    expect(state().progress.quizzes['alpha/aq1']).toMatchObject({
      answers: [0, 1],
      solved: true,
      firstTryCorrect: false,
      revealed: false,
      correct: 1,
    });
    expect(state().progress.quizzes['alpha/aq1']?.choices).toHaveLength(3);
    expect(state().progress.quizzes['alpha/aq2']?.revealed).toBe(true);
  });

  it('earns a checkpoint the moment its evidence is complete, with the date and what was seen', () => {
    reload();
    state().recordClaimShown('alpha/falls', 'Net: loss 2.000 → 0.500');
    expect(state().progress.checkpoints).toEqual({});
    state().recordChartViewed('alpha/falls', 'loss');
    expect(state().progress.checkpoints).toEqual({
      'alpha/saw-it': { at: NOW.toISOString(), detail: '“Loss falls”: Net: loss 2.000 → 0.500' },
    });
  });

  it('keeps the first time a claim showed', () => {
    reload();
    state().recordClaimShown('alpha/falls', 'first');
    state().recordClaimShown('alpha/falls', 'second');
    expect(state().progress.experiments['alpha/falls']?.detail).toBe('first');
  });

  it('completes a lesson when its last requirement is met, which opens the next one', () => {
    reload();
    for (const key of fixtureQuizKeys('alpha')) state().answerQuiz(key, 1, true);
    state().recordClaimShown('alpha/falls', 'fell');
    expect(state().progress.completedLessons).toEqual({});
    state().recordChartViewed('alpha/falls', 'loss');
    expect(state().progress.completedLessons).toEqual({ alpha: NOW.toISOString() });
  });

  it('retaking questions forgets their answers (and reveals)', () => {
    reload();
    state().revealQuiz('beta/bq1');
    state().answerQuiz('beta/bq1', 1, true);
    state().answerQuiz('beta/bq2', 1, true);
    state().retakeQuizzes(['beta/bq1']);
    expect(Object.keys(state().progress.quizzes)).toEqual(['beta/bq2']);
  });

  describe('reading damaged saved progress', () => {
    it('garbage JSON: keeps it aside unchanged, says so, and offers it for export', () => {
      const garbage = '{"version":1,"quizzes":{"alpha/aq1":';
      localStorage.setItem(PROGRESS_STORAGE_KEY, garbage);
      reload();
      expect(state().progress).toEqual(EMPTY_PROGRESS);
      expect(state().progressNotices).toEqual([
        'Your saved progress is not readable (it is not valid JSON). It was not changed: it is kept aside, and you can export it under “Your progress”. Your progress from now on is saved anew.',
      ]);
      const kept = state().keptProgress;
      expect(kept).toEqual([
        {
          key: `normlab.progress.kept-${NOW.toISOString()}`,
          text: garbage,
          keptAt: NOW.toISOString(),
        },
      ]);
      expect(localStorage.getItem(kept[0]!.key!)).toBe(garbage);
      // the next action saves a fresh record; the kept copy stays, and a reload still lists it
      state().answerQuiz('alpha/aq1', 1, true);
      expect(saved().quizzes['alpha/aq1']?.solved).toBe(true);
      reload();
      expect(state().keptProgress.map((r) => r.text)).toEqual([garbage]);
      expect(state().progressNotices).toEqual([]);
    });

    it('a record it cannot read and cannot copy aside is never written over', () => {
      const newer = JSON.stringify({ version: 2, quizzes: {} });
      localStorage.setItem(PROGRESS_STORAGE_KEY, newer);
      const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('quota', 'QuotaExceededError');
      });
      reload();
      expect(state().progressNotices[0]).toMatch(/will not save over it/);
      state().answerQuiz('alpha/aq1', 1, true);
      expect(state().progress.quizzes['alpha/aq1']?.solved).toBe(true);
      setItem.mockRestore();
      state().answerQuiz('alpha/aq2', 1, true);
      expect(localStorage.getItem(PROGRESS_STORAGE_KEY)).toBe(newer);
      expect(state().keptProgress.map((r) => r.text)).toEqual([newer]);
    });

    it('wrong types in one field: keeps the rest', () => {
      localStorage.setItem(
        PROGRESS_STORAGE_KEY,
        JSON.stringify({
          version: 1,
          quizzes: 42,
          experiments: { 'gamma/one': { at: AT, detail: 'fell' } },
          completedLessons: { alpha: AT },
        }),
      );
      reload();
      expect(state().progress).toEqual({
        ...EMPTY_PROGRESS,
        experiments: { 'gamma/one': { at: AT, detail: 'fell' } },
        completedLessons: { alpha: AT },
      });
      expect(state().progressNotices).toEqual(['Quiz answers could not be read and were reset.']);
    });

    it('a newer version: starts fresh, names the version, and keeps the record aside', () => {
      const newer = JSON.stringify({
        ...EMPTY_PROGRESS,
        version: 3,
        completedLessons: { alpha: AT },
      });
      localStorage.setItem(PROGRESS_STORAGE_KEY, newer);
      reload();
      expect(state().progress).toEqual(EMPTY_PROGRESS);
      expect(state().progressNotices).toEqual([
        'Your saved progress was saved by a newer version of normlab (format 3); this page reads format 1. It was not changed: it is kept aside, and you can export it under “Your progress”. Your progress from now on is saved anew.',
      ]);
      expect(localStorage.getItem(PROGRESS_STORAGE_KEY)).toBe(newer);
      expect(state().keptProgress.map((r) => r.text)).toEqual([newer]);
      state().forgetKeptProgress(state().keptProgress[0]!.key!);
      expect(state().keptProgress).toEqual([]);
      reload();
      expect(state().keptProgress).toEqual([
        { key: expect.any(String), text: newer, keptAt: NOW.toISOString() },
      ]);
    });

    it('answers for a quiz that no longer exists: keeps them aside and the others in use', () => {
      localStorage.setItem(
        PROGRESS_STORAGE_KEY,
        serializeProgress({
          ...EMPTY_PROGRESS,
          quizzes: {
            'alpha/aq1': { answers: [1], solved: true, firstTryCorrect: true, revealed: false },
            'alpha/deleted': { answers: [1], solved: true, firstTryCorrect: true, revealed: false },
          },
        }),
      );
      reload();
      expect(Object.keys(state().progress.quizzes)).toEqual(['alpha/aq1']);
      expect(Object.keys(saved().orphaned?.quizzes ?? {})).toEqual(['alpha/deleted']);
      expect(state().progressNotices).toEqual([
        '1 answer to questions that are no longer in the lessons is kept aside in your saved progress (and in exports), and will count again if it comes back.',
      ]);
      state().dismissProgressNotices();
      expect(state().progressNotices).toEqual([]);
    });
  });

  describe('export, import and reset', () => {
    it('exports a file that imports back to the same progress', () => {
      reload();
      state().answerQuiz('alpha/aq3', 1, true);
      state().recordClaimShown('gamma/two', 'fell');
      const exported = state().exportProgress();
      const before = state().progress;
      state().resetProgress();
      expect(state().progress).toEqual(EMPTY_PROGRESS);
      expect(state().importProgress(exported)).toEqual({
        ok: true,
        message:
          'Merged the file into your progress: you now have 1 answered question and 1 experiment result. You can undo this import.',
      });
      expect(state().progress).toEqual(before);
      expect(saved()).toEqual(before);
    });

    it('refuses a file that is not progress, with a clear message, leaving progress alone', () => {
      reload();
      state().answerQuiz('alpha/aq1', 1, true);
      const before = state().progress;
      expect(state().importProgress('PK\u0003\u0004 zip bytes')).toEqual({
        ok: false,
        message: 'That file is not readable (it is not valid JSON). Your progress was not changed.',
      });
      expect(state().importProgress('')).toEqual({
        ok: false,
        message: 'That file is empty. Your progress was not changed.',
      });
      expect(state().importProgress('{"version": 9}')).toEqual({
        ok: false,
        message:
          'That file was saved by a newer version of normlab (format 9); this page reads format 1. Your progress was not changed.',
      });
      expect(state().progress).toBe(before);
    });

    it('imports what it can from a partly damaged file and says what it left out', () => {
      reload();
      const text = JSON.stringify({
        version: 1,
        quizzes: { 'alpha/aq1': { answers: 'x' } },
        completedLessons: { alpha: AT },
      });
      expect(state().importProgress(text)).toEqual({
        ok: true,
        message:
          'Merged the file into your progress: you now have 1 completed lesson. Some parts of the file could not be used; the notice above says which. You can undo this import.',
      });
      expect(state().progress.completedLessons).toEqual({ alpha: AT });
      expect(state().progressNotices).toEqual([
        '1 of the saved quiz answers could not be read and was left out.',
      ]);
    });

    it('reset empties the saved progress too', () => {
      reload();
      state().answerQuiz('alpha/aq1', 1, true);
      state().resetProgress();
      expect(saved()).toEqual(EMPTY_PROGRESS);
    });
  });

  it('tells the learner when the browser will not save, and keeps working in memory', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    reload();
    state().answerQuiz('alpha/aq1', 1, true);
    expect(state().progress.quizzes['alpha/aq1']?.solved).toBe(true);
    expect(state().progressStorageProblem).toMatch(/not letting normlab save your progress/);
  });
});
