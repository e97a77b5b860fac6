import { describe, expect, it } from 'vitest';
import { progressCatalog } from '../../../src/lessons/progress/catalog';
import { restoreProgress, serializeProgress } from '../../../src/lessons/progress/restore';
import {
  EMPTY_PROGRESS,
  type Progress,
  type QuizRecord,
} from '../../../src/lessons/progress/schema';
import { buildTrack } from '../../../src/lessons/track';
import { ALPHA, BETA, fixtureTrack, GAMMA } from './fixtureTrack';

const catalog = progressCatalog(fixtureTrack());
const AT = '2025-03-01T10:00:00.000Z';

/** A quiz record as the app saves it: with the choices it was answered against. */
function answered(key: string, record: Omit<QuizRecord, 'choices' | 'correct'>): QuizRecord {
  const shape = catalog.quizzes.get(key)!;
  return { ...record, choices: [...shape.fingerprints], correct: shape.correct };
}

const full: Progress = {
  version: 1,
  quizzes: {
    'alpha/aq1': answered('alpha/aq1', {
      answers: [0, 1],
      solved: true,
      firstTryCorrect: false,
      revealed: false,
    }),
    'alpha/add-bn/question': answered('alpha/add-bn/question', {
      answers: [0],
      solved: true,
      firstTryCorrect: true,
      revealed: false,
    }),
  },
  experiments: { 'alpha/falls': { at: AT, detail: 'Net: loss 1.000 → 0.400' } },
  viewedCharts: { 'alpha/falls': ['loss'] },
  checkpoints: { 'alpha/saw-it': { at: AT, detail: 'seen' } },
  practice: { 'alpha/add-bn': { at: AT, detail: 'done' } },
  completedLessons: { alpha: AT },
  predictions: {},
  revealedSettings: {},
};

function restored(text: string | null, using = catalog) {
  const result = restoreProgress(text, using);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

/** The fixture track with one lesson's text edited. */
function catalogWith(edit: (alpha: string) => string) {
  return progressCatalog(
    buildTrack({
      'lessons/01-alpha.md': edit(ALPHA),
      'lessons/02-beta.md': BETA,
      'lessons/03-gamma.md': GAMMA,
    }),
  );
}

describe('restoreProgress', () => {
  it('starts empty, with nothing to report, when nothing was saved', () => {
    expect(restored(null)).toEqual({
      ok: true,
      progress: EMPTY_PROGRESS,
      notices: [],
      changed: false,
    });
  });

  it('reads back exactly what was saved', () => {
    expect(restored(serializeProgress(full))).toEqual({
      ok: true,
      progress: full,
      notices: [],
      changed: false,
    });
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
    // a versionless object with the right field names but nothing valid in them
    expect(restoreProgress('{"practice": []}', catalog)).toEqual({
      ok: false,
      reason: 'is not a normlab progress record',
    });
    expect(restoreProgress('{"practice": {"x/y": 1}}', catalog)).toEqual({
      ok: false,
      reason: 'holds no progress this page can use',
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
      '1 of the saved quiz answers could not be read and was left out.',
      '1 of the saved checkpoints could not be read and was left out.',
    ]);
  });

  it('keeps answers to a quiz that no longer exists aside, and brings them back with the quiz', () => {
    const removed = { answers: [0], solved: true, firstTryCorrect: true, revealed: false };
    const text = JSON.stringify({
      ...full,
      quizzes: {
        ...full.quizzes,
        'alpha/removed-question': removed,
        // alpha/aq3 has three choices: index 5 cannot be one of them
        'alpha/aq3': { answers: [5], solved: false, firstTryCorrect: false, revealed: false },
      },
    });
    const result = restored(text);
    expect(result.progress.quizzes).toEqual(full.quizzes);
    expect(result.progress.orphaned?.quizzes).toEqual({
      'alpha/removed-question': removed,
      'alpha/aq3': { answers: [5], solved: false, firstTryCorrect: false, revealed: false },
    });
    expect(result.changed).toBe(true);
    expect(result.notices).toEqual([
      '2 answers to questions that are no longer in the lessons are kept aside in your saved progress (and in exports), and will count again if they come back.',
    ]);
    // read again: nothing new to say; with the question back in the lessons, the answer counts again
    const again = restored(serializeProgress(result.progress));
    expect(again.notices).toEqual([]);
    expect(again.changed).toBe(false);
    const withQuestion = catalogWith(
      (a) =>
        `${a}\n:::quiz removed-question\nquestion: Back?\nchoices:\n  - { text: Yes, correct: true, explanation: It is. }\n  - { text: No, explanation: It is not. }\n:::\n`,
    );
    const back = restored(serializeProgress(result.progress), withQuestion);
    expect(back.progress.quizzes['alpha/removed-question']).toMatchObject(removed);
    expect(back.progress.orphaned?.quizzes).toEqual({
      'alpha/aq3': { answers: [5], solved: false, firstTryCorrect: false, revealed: false },
    });
  });

  it('keeps checkpoints, lessons and charts the lessons no longer have aside', () => {
    const text = JSON.stringify({
      ...full,
      checkpoints: { ...full.checkpoints, 'alpha/old-checkpoint': { at: AT, detail: 'x' } },
      completedLessons: { ...full.completedLessons, retired: AT },
      viewedCharts: { 'alpha/falls': ['loss', 'digits'] },
    });
    const result = restored(text);
    expect(result.progress).toMatchObject({ ...full, viewedCharts: {} });
    expect(result.progress.orphaned).toEqual({
      viewedCharts: { 'alpha/falls': ['loss', 'digits'] },
      checkpoints: { 'alpha/old-checkpoint': { at: AT, detail: 'x' } },
      completedLessons: { retired: AT },
    });
    expect(result.notices).toEqual([
      'Viewed charts of 1 experiment that changed or no longer exist is kept aside in your saved progress (and in exports), and will count again if it comes back.',
      '1 checkpoint no longer in the lessons is kept aside in your saved progress (and in exports), and will count again if it comes back.',
      '1 completed lesson no longer in the track is kept aside in your saved progress (and in exports), and will count again if it comes back.',
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

  it('gives records saved before fingerprints the current choices, by index', () => {
    const legacy = { answers: [0, 1], solved: true, firstTryCorrect: false, revealed: false };
    const result = restored(JSON.stringify({ version: 1, quizzes: { 'alpha/aq1': legacy } }));
    expect(result.progress.quizzes['alpha/aq1']).toEqual(full.quizzes['alpha/aq1']);
    expect(result.changed).toBe(true);
  });
});

describe('restoreProgress across lesson edits', () => {
  const saved = serializeProgress(full);

  it('follows a renamed lesson through its formerIds', () => {
    const renamed = catalogWith((a) =>
      a.replace('id: alpha\n', 'id: alpha-renamed\nformerIds: [alpha]\n'),
    );
    const result = restored(saved, renamed);
    expect(result.notices).toEqual([]);
    expect(Object.keys(result.progress.quizzes).sort()).toEqual([
      'alpha-renamed/add-bn/question',
      'alpha-renamed/aq1',
    ]);
    expect(result.progress.completedLessons).toEqual({ 'alpha-renamed': AT });
    expect(result.progress.checkpoints).toEqual({
      'alpha-renamed/saw-it': full.checkpoints['alpha/saw-it'],
    });
  });

  it('follows a renamed block through the formerIds in its body', () => {
    const renamed = catalogWith((a) =>
      a.replace(':::quiz aq1\n', ':::quiz first-question\nformerIds: [aq1]\n'),
    );
    const result = restored(saved, renamed);
    expect(result.notices).toEqual([]);
    expect(result.progress.quizzes['alpha/first-question']).toMatchObject({ answers: [0, 1] });
  });

  it('keeps an answer without formerIds aside, and it returns when the rename is undone', () => {
    const renamed = catalogWith((a) => a.replace('id: alpha\n', 'id: alpha-renamed\n'));
    const first = restored(saved, renamed);
    expect(first.progress.quizzes).toEqual({});
    const back = restored(serializeProgress(first.progress), catalog);
    expect(back.progress.quizzes).toEqual(full.quizzes);
    expect(back.progress.completedLessons).toEqual(full.completedLessons);
  });

  it('follows answers when choices are reordered', () => {
    // aq1's correct choice is "Second"; move "Third" first
    const reordered = catalogWith((a) =>
      a.replace(
        /(:::quiz aq1\n[^]*?choices:\n)( {2}- [^\n]*\n)( {2}- [^\n]*\n)( {2}- [^\n]*\n)/,
        '$1$4$2$3',
      ),
    );
    expect(reordered.quizzes.get('alpha/aq1')?.correct).toBe(2);
    const result = restored(saved, reordered);
    expect(result.notices).toEqual([]);
    // answered First (now 1), then Second (now 2, still correct)
    expect(result.progress.quizzes['alpha/aq1']).toMatchObject({ answers: [1, 2], solved: true });
  });

  it('keeps answers when a choice is reworded in place', () => {
    const reworded = catalogWith((a) =>
      a.replace(
        '{ text: First choice, correct: false, explanation: First is wrong because of aq1. }',
        '{ text: The very first choice, correct: false, explanation: First is wrong because of aq1. }',
      ),
    );
    const result = restored(saved, reworded);
    expect(result.notices).toEqual([]);
    expect(result.progress.quizzes['alpha/aq1']).toMatchObject({ answers: [0, 1], solved: true });
  });

  it('reopens a solved question whose correct choice changed, and says so', () => {
    const changed = catalogWith((a) =>
      a
        .replace(
          '{ text: Second choice, correct: true, explanation: Second is right because of aq1. }',
          '{ text: Second choice, correct: false, explanation: Second is right because of aq1. }',
        )
        .replace(
          '{ text: Third choice, correct: false, explanation: Third is wrong because of aq1. }',
          '{ text: Third choice, correct: true, explanation: Third is wrong because of aq1. }',
        ),
    );
    const result = restored(saved, changed);
    expect(result.progress.quizzes['alpha/aq1']).toBeUndefined();
    expect(result.progress.orphaned?.quizzes?.['alpha/aq1']).toEqual(full.quizzes['alpha/aq1']);
    expect(result.notices).toEqual([
      'A lesson update changed the correct answer of a question you had solved: “a question 1?” (Alpha lesson). It is open to answer again; checkpoints you earned stay earned.',
    ]);
    // the earned checkpoint and completion stay
    expect(result.progress.completedLessons).toEqual(full.completedLessons);
    // reading the result again says nothing more
    expect(restored(serializeProgress(result.progress), changed).notices).toEqual([]);
  });
});

describe('restoreProgress on hostile records', () => {
  it('rejects a version nested 10,000 deep with a message, without throwing', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(restoreProgress(`{"version": ${deep}}`, catalog)).toEqual({
      ok: false,
      reason: 'has an unknown format version (a list)',
    });
    const deepEntry = `{"version": 1, "quizzes": {"alpha/aq1": ${deep}}}`;
    const result = restored(deepEntry);
    expect(result.progress.quizzes).toEqual({});
    expect(result.notices).toEqual([
      '1 of the saved quiz answers could not be read and was left out.',
    ]);
  });

  it('leaves out __proto__ and constructor keys and never touches Object.prototype', () => {
    const text = `{"version": 1, "completedLessons": {"__proto__": "${AT}", "constructor": "${AT}", "alpha": "${AT}"}, "quizzes": {"__proto__": {"polluted": true}}}`;
    const result = restored(text);
    expect(result.progress.completedLessons).toEqual({ alpha: AT });
    expect(Object.hasOwn(result.progress.completedLessons, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.notices).toContain(
      '1 of the saved quiz answers could not be read and was left out.',
    );
  });
});
