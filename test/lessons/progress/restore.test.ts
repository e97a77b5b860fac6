import { describe, expect, it } from 'vitest';
import { progressCatalog } from '../../../src/lessons/progress/catalog';
import { restoreProgress, serializeProgress } from '../../../src/lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import { fixtureTrack } from './fixtureTrack';

const catalog = progressCatalog(fixtureTrack());
const AT = '2025-03-01T10:00:00.000Z';

const full: Progress = {
  version: 1,
  quizzes: {
    'alpha/aq1': { answers: [0, 1], solved: true, firstTryCorrect: false, revealed: false },
    'alpha/add-bn/question': { answers: [0], solved: true, firstTryCorrect: true, revealed: false },
  },
  experiments: { 'alpha/falls': { at: AT, detail: 'Net: loss 1.000 → 0.400' } },
  viewedCharts: { 'alpha/falls': ['loss'] },
  checkpoints: { 'alpha/saw-it': { at: AT, detail: 'seen' } },
  practice: { 'alpha/add-bn': { at: AT, detail: 'done' } },
  completedLessons: { alpha: AT },
};

function restored(text: string | null) {
  const result = restoreProgress(text, catalog);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

describe('restoreProgress', () => {
  it('starts empty, with nothing to report, when nothing was saved', () => {
    expect(restored(null)).toEqual({ ok: true, progress: EMPTY_PROGRESS, notices: [] });
  });

  it('reads back exactly what was saved', () => {
    expect(restored(serializeProgress(full))).toEqual({ ok: true, progress: full, notices: [] });
  });

  it('refuses garbage that is not JSON', () => {
    expect(restoreProgress('{"version": 1, "quizzes": {', catalog)).toEqual({
      ok: false,
      reason: 'is not readable (it is not valid JSON)',
    });
  });

  it('refuses JSON that is not a progress record', () => {
    expect(restoreProgress('[1, 2, 3]', catalog)).toMatchObject({ ok: false });
    expect(restoreProgress('"hello"', catalog)).toMatchObject({ ok: false });
    expect(restoreProgress('{"name": "someone else\'s file"}', catalog)).toEqual({
      ok: false,
      reason: 'is not a normlab progress record',
    });
  });

  it('refuses a newer or unknown format version instead of guessing what its fields mean', () => {
    expect(restoreProgress(JSON.stringify({ ...full, version: 7 }), catalog)).toEqual({
      ok: false,
      reason: 'was saved by a newer version of normlab (format 7); this page reads format 1',
    });
    expect(restoreProgress(JSON.stringify({ ...full, version: 'beta' }), catalog)).toEqual({
      ok: false,
      reason: 'has an unknown format version ("beta")',
    });
  });

  it('keeps the valid fields when one field has the wrong type, and says which was reset', () => {
    const text = JSON.stringify({ ...full, quizzes: 'lots of answers' });
    const result = restored(text);
    expect(result.progress).toEqual({ ...full, quizzes: {} });
    expect(result.notices).toEqual(['Quiz answers could not be read and were reset.']);
  });

  it('drops single damaged entries and keeps their neighbours', () => {
    const text = JSON.stringify({
      ...full,
      quizzes: {
        ...full.quizzes,
        'alpha/aq2': { answers: ['first'], solved: 'yes', firstTryCorrect: true, revealed: false },
      },
      checkpoints: { ...full.checkpoints, 'beta/no-peek': { at: 'last Tuesday', detail: 'x' } },
    });
    const result = restored(text);
    expect(result.progress).toEqual(full);
    expect(result.notices).toEqual([
      '1 of the saved quiz answers could not be read and was reset.',
      '1 of the saved checkpoints could not be read and was reset.',
    ]);
  });

  it('removes answers to a quiz that no longer exists, or whose choices no longer fit', () => {
    const text = JSON.stringify({
      ...full,
      quizzes: {
        ...full.quizzes,
        'alpha/removed-question': {
          answers: [0],
          solved: true,
          firstTryCorrect: true,
          revealed: false,
        },
        // alpha/aq3 has three choices: index 5 cannot be one of them
        'alpha/aq3': { answers: [5], solved: false, firstTryCorrect: false, revealed: false },
      },
    });
    const result = restored(text);
    expect(result.progress.quizzes).toEqual(full.quizzes);
    expect(result.notices).toEqual([
      '2 answers to questions that are no longer in the lessons (or whose choices changed) were removed.',
    ]);
  });

  it('removes checkpoints, lessons and charts that the lessons no longer have', () => {
    const text = JSON.stringify({
      ...full,
      checkpoints: { ...full.checkpoints, 'alpha/old-checkpoint': { at: AT, detail: 'x' } },
      completedLessons: { ...full.completedLessons, retired: AT },
      viewedCharts: { 'alpha/falls': ['loss', 'digits'] },
    });
    const result = restored(text);
    expect(result.progress).toEqual({ ...full, viewedCharts: {} });
    expect(result.notices).toEqual([
      'Viewed charts of 1 experiment that changed or no longer exist were removed.',
      '1 checkpoint that no longer exists was removed.',
      '1 completed lesson that no longer exists was removed.',
    ]);
  });

  it('salvages progress saved before it carried a version, and says so', () => {
    const { version: _version, ...unversioned } = full;
    const result = restored(JSON.stringify(unversioned));
    expect(result.progress).toEqual(full);
    expect(result.notices).toEqual([
      'The saved progress had no format version; everything that could be read was kept.',
    ]);
  });

  it('treats a missing field as nothing done there, without a notice', () => {
    const result = restored(JSON.stringify({ version: 1, completedLessons: { alpha: AT } }));
    expect(result.progress).toEqual({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT } });
    expect(result.notices).toEqual([]);
  });
});
