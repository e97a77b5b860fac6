import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCoherent } from '../../src/lab/coherence';
import { MAX_RUNS, type LabRunSettings } from '../../src/lab/labSettings';
import { SETTING_KEYS, SETTINGS } from '../../src/lab/settingsRegistry';
import { decodeLab, encodeLab, MAX_LISTED_NOTICES } from '../../src/lab/urlState';

/** Every run decodeLab returns must be one the Lab's controls could produce. */
function expectUsable(runs: readonly LabRunSettings[]): void {
  expect(runs.length).toBeGreaterThanOrEqual(1);
  expect(runs.length).toBeLessThanOrEqual(MAX_RUNS);
  for (const run of runs) {
    expect(makeCoherent(run).fixes).toEqual([]);
    for (const key of SETTING_KEYS) {
      const text = String(run[key]);
      expect(SETTINGS[key].schema.safeParse(text).success).toBe(true);
    }
  }
}

const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A', 'B', 'z', '');
const paramName = fc.oneof(
  fc.constantFrom(...SETTING_KEYS.map((k) => SETTINGS[k].param), '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.constantFrom('1e9', '0', '-1', 'NaN', 'Infinity', '1e20', '１２', 'true', 'cnn', 'mnist28'),
  fc.stringMatching(/^[+-]?\d{0,30}(\.\d{0,5})?(e[+-]?\d{0,4})?[x.]?$/),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const pair = fc.oneof(
  fc.tuple(letter, paramName, value).map(([l, p, v]) => `${l}${l ? '.' : ''}${p}=${v}`),
  fc.tuple(fc.constantFrom('runs', 'RUNS'), value).map(([p, v]) => `${p}=${v}`),
);
const structuredQuery = fc.array(pair, { maxLength: 40 }).map((pairs) => pairs.join('&'));
const rawQuery = fc.string({ unit: 'binary', maxLength: 400 });
const mangledQuery = fc
  .array(fc.constantFrom('%', '%2', '%zz', '&', '=', '.', 'a.lr', '1', '#', '?', ' ', '\uD800'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('decodeLab properties (fast-check)', () => {
  it('turns any link into usable runs and a bounded list of notices', () => {
    fc.assert(
      fc.property(fc.oneof(structuredQuery, rawQuery, mangledQuery), (query) => {
        const decoded = decodeLab(query);
        expectUsable(decoded.runs);
        expect(decoded.notices.length).toBeLessThanOrEqual(MAX_LISTED_NOTICES + 1);
        for (const notice of decoded.notices) expect(notice.message.length).toBeLessThan(400);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back what it decoded, with no notice', () => {
    fc.assert(
      fc.property(structuredQuery, (query) => {
        const { runs } = decodeLab(query);
        const again = decodeLab(encodeLab(runs));
        expect(again.notices).toEqual([]);
        expect(again.runs).toEqual(runs);
      }),
      { numRuns: 1000 },
    );
  });
});
