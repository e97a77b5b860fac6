// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { serializeProgress } from '../../src/lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../../src/lessons/progress/schema';
import { MAX_IMPORT_BYTES } from '../../src/store/progressSlice';
import { PROGRESS_STORAGE_KEY } from '../../src/store/progressStorage';
import { fixtureTrack } from '../lessons/progress/fixtureTrack';
import { openTab as openTabOn, savedProgress as saved, tabsStartEmptyAt } from './progressTabs';

const track = fixtureTrack();
const NOW = new Date('2025-05-06T07:08:09.000Z');
const AT = '2025-03-01T10:00:00.000Z';

const openTab = () => openTabOn(track);

tabsStartEmptyAt(NOW);

describe('two tabs', () => {
  it('never lose each other’s answers, even before the storage event arrives', () => {
    const a = openTab();
    const b = openTab();
    a.getState().answerQuiz('alpha/aq1', 1, true);
    b.getState().answerQuiz('alpha/aq2', 1, true);
    expect(Object.keys(saved().quizzes).sort()).toEqual(['alpha/aq1', 'alpha/aq2']);
    // a reload of either finds both
    expect(Object.keys(openTab().getState().progress.quizzes).sort()).toEqual([
      'alpha/aq1',
      'alpha/aq2',
    ]);
  });

  it('take up the other tab’s changes on a storage event, including a reset', () => {
    const a = openTab();
    const b = openTab();
    a.getState().answerQuiz('alpha/aq1', 1, true);
    b.getState().progressStorageChanged();
    expect(b.getState().progress.quizzes['alpha/aq1']?.solved).toBe(true);
    b.getState().resetProgress();
    a.getState().progressStorageChanged();
    expect(a.getState().progress).toEqual(EMPTY_PROGRESS);
    a.getState().answerQuiz('alpha/aq3', 1, true);
    expect(Object.keys(saved().quizzes)).toEqual(['alpha/aq3']);
  });

  it('ignore a storage event for the record they wrote themselves', () => {
    const a = openTab();
    a.getState().answerQuiz('alpha/aq1', 1, true);
    const before = a.getState().progress;
    a.getState().progressStorageChanged();
    expect(a.getState().progress).toBe(before);
  });
});

describe('import', () => {
  const file = (progress: Partial<Progress>) =>
    serializeProgress({ ...EMPTY_PROGRESS, ...progress });

  it('merges by default, so progress only grows, and can be undone', () => {
    const tab = openTab();
    tab.getState().answerQuiz('alpha/aq1', 1, true);
    const before = tab.getState().progress;
    const text = file({ completedLessons: { alpha: AT } });
    expect(tab.getState().previewImport(text)).toEqual({
      ok: true,
      holds: '1 completed lesson',
      current: '1 answered question',
      addsSomething: true,
    });
    expect(tab.getState().progress).toBe(before);
    expect(tab.getState().importProgress(text).ok).toBe(true);
    expect(tab.getState().progress.quizzes).toEqual(before.quizzes);
    expect(tab.getState().progress.completedLessons).toEqual({ alpha: AT });
    expect(tab.getState().undoImport()).toEqual({
      ok: true,
      message: 'Import undone: your progress is back to 1 answered question.',
    });
    expect(tab.getState().progress).toEqual(before);
    expect(saved()).toEqual(before);
  });

  it('replaces only when asked, and that can be undone too', () => {
    const tab = openTab();
    tab.getState().answerQuiz('alpha/aq1', 1, true);
    const before = tab.getState().progress;
    const result = tab
      .getState()
      .importProgress(file({ completedLessons: { alpha: AT } }), 'replace');
    expect(result).toEqual({
      ok: true,
      message:
        "Replaced your progress with the file's: 1 completed lesson. You can undo this import.",
    });
    expect(tab.getState().progress.quizzes).toEqual({});
    tab.getState().undoImport();
    expect(tab.getState().progress).toEqual(before);
  });

  it('refuses a file that could only wipe progress, with the reason', () => {
    const tab = openTab();
    tab.getState().answerQuiz('alpha/aq1', 1, true);
    const before = tab.getState().progress;
    const message =
      'That file holds no answers, results or completed lessons for these lessons, so importing it could only erase progress. Your progress was not changed.';
    expect(tab.getState().importProgress(file({}), 'replace')).toEqual({ ok: false, message });
    expect(tab.getState().importProgress('{"practice": {}, "quizzes": {}}', 'replace')).toEqual({
      ok: false,
      message: 'That file holds no progress this page can use. Your progress was not changed.',
    });
    expect(tab.getState().importProgress('{"practice": []}', 'replace')).toEqual({
      ok: false,
      message: 'That file is not a normlab progress record. Your progress was not changed.',
    });
    expect(tab.getState().progress).toBe(before);
  });

  it('refuses a file too large to be progress before reading it', () => {
    const tab = openTab();
    const text = file({ completedLessons: { alpha: AT } }).padEnd(MAX_IMPORT_BYTES + 1, ' ');
    expect(tab.getState().previewImport(text)).toEqual({
      ok: false,
      message:
        'That file is 1 MB, more than a progress file can be (at most 1 MB; a whole course is about 40 KB). Your progress was not changed.',
    });
  });

  it('says so, and changes nothing, when the browser cannot save the imported progress', () => {
    const tab = openTab();
    tab.getState().answerQuiz('alpha/aq1', 1, true);
    const before = tab.getState().progress;
    const savedText = localStorage.getItem(PROGRESS_STORAGE_KEY);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(tab.getState().importProgress(file({ completedLessons: { alpha: AT } }))).toEqual({
      ok: false,
      message:
        'The imported progress could not be saved in this browser (its storage is full or disabled), so nothing was imported. Your progress was not changed.',
    });
    expect(tab.getState().progress).toBe(before);
    expect(localStorage.getItem(PROGRESS_STORAGE_KEY)).toBe(savedText);
  });

  it('rejects entries with oversized text and hostile keys with a message, never a throw', () => {
    const tab = openTab();
    const text = JSON.stringify({
      version: 1,
      experiments: { 'gamma/one': { at: AT, detail: 'x'.repeat(6_000) } },
      completedLessons: { ['__proto__']: AT, constructor: AT, alpha: AT },
    });
    const result = tab.getState().importProgress(text);
    expect(result.ok).toBe(true);
    expect(tab.getState().progress.experiments).toEqual({});
    expect(tab.getState().progressNotices).toContain(
      '1 of the saved experiment results could not be read and was left out.',
    );
  });
});
