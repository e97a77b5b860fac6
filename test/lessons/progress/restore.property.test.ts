import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressCatalog } from '../../../src/lessons/progress/catalog';
import { mergeProgress } from '../../../src/lessons/progress/merge';
import { restoreProgress, serializeProgress } from '../../../src/lessons/progress/restore';
import { fixtureTrack } from './fixtureTrack';

const catalog = progressCatalog(fixtureTrack());
const AT = '2025-03-01T10:00:00.000Z';

const key = fc.oneof(
  fc.constantFrom(
    'alpha/aq1',
    'alpha/falls',
    'alpha/saw-it',
    'alpha',
    'beta',
    '__proto__',
    'constructor',
    'gone/x',
    'alpha/add-bn/question',
  ),
  fc.string({ maxLength: 12 }),
);
const entry = fc.oneof(
  fc.record({
    answers: fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 4 }),
    solved: fc.boolean(),
    firstTryCorrect: fc.boolean(),
    revealed: fc.boolean(),
  }),
  fc.record({ at: fc.constantFrom(AT, 'yesterday'), detail: fc.string({ maxLength: 20 }) }),
  fc.constantFrom(AT, ['loss'], ['loss', 'digits']),
  fc.anything(),
);
const field = fc.dictionary(key, entry, { maxKeys: 6 });
const record = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.constant(undefined), fc.anything()),
    quizzes: field,
    experiments: field,
    viewedCharts: field,
    checkpoints: field,
    practice: field,
    completedLessons: field,
    orphaned: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('restoreProgress properties (fast-check)', () => {
  it('reads any record or text to progress or a reason, never a throw, never touching prototypes', () => {
    const text = fc.oneof(
      record.map((r) => JSON.stringify(r) ?? ''),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json(),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = restoreProgress(t, catalog);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        // what was read is a record it reads back unchanged
        const again = restoreProgress(serializeProgress(result.progress), catalog);
        expect(again).toMatchObject({ ok: true, progress: result.progress, changed: false });
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.getPrototypeOf(result.progress.quizzes)).toBe(Object.prototype);
      }),
      { numRuns: 1000 },
    );
  });

  it('merges so that progress only grows', () => {
    const readable = record
      .map((r) => restoreProgress(JSON.stringify({ ...r, version: 1 }), catalog))
      .filter((r) => r.ok)
      .map((r) => (r.ok ? r.progress : undefined)!);
    fc.assert(
      fc.property(readable, readable, (a, b) => {
        const merged = mergeProgress(a, b);
        for (const f of [
          'quizzes',
          'experiments',
          'viewedCharts',
          'checkpoints',
          'practice',
          'completedLessons',
        ] as const) {
          for (const k of [...Object.keys(a[f]), ...Object.keys(b[f])])
            expect(Object.hasOwn(merged[f], k)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
