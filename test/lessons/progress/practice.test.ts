import { describe, expect, it } from 'vitest';
import { evaluateClaim, type RunHistory } from '../../../src/lessons/claims';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { evaluatePractice } from '../../../src/lessons/progress/practice';
import type { Practice } from '../../../src/lessons/schema';
import { fixtureTrack } from './fixtureTrack';

const practice: Practice = (() => {
  const s = fixtureTrack().lessons[0]!.segments.find((x) => x.kind === 'practice');
  if (s?.kind !== 'practice') throw new Error('fixture has no practice');
  return s.data;
})();

/** 60 steps falling linearly from 2 to 0.2: the smoothed loss ends well under 60% of its start. */
const falling: RunHistory = {
  label: 'Net',
  losses: Array.from({ length: 60 }, (_, i) => 2 - (1.8 * i) / 59),
  validation: [],
};
const flat: RunHistory = {
  label: 'Net',
  losses: Array.from({ length: 60 }, () => 2),
  validation: [],
};

const withNorm = (norm: 'none' | 'batchNorm') => [
  { label: 'Net', settings: { ...DEFAULT_RUN_SETTINGS, norm } },
  { label: 'Other', settings: DEFAULT_RUN_SETTINGS },
];

/** The verdict when run Net has `norm`, its losses are `history`, and the question is `solved` or not. */
const verdictFor = (norm: 'none' | 'batchNorm', history: RunHistory, solved: boolean) =>
  evaluatePractice(practice, withNorm(norm), evaluateClaim(practice.claim, [history]), solved);

describe('evaluatePractice', () => {
  it('passes when the named run has the required setting, the effect shows and the question is solved', () => {
    const verdict = verdictFor('batchNorm', falling, true);
    expect(verdict.passed).toBe(true);
    expect(verdict.conditions.map((c) => c.text)).toEqual([
      'Run “Net” uses normalization BatchNorm',
      // smoothed over 20 steps: mean of i = 0..19 is 2 − 1.8·9.5/59 = 1.710, of i = 40..59 is 2 − 1.8·49.5/59 = 0.490
      'The effect shows in your runs: Net: training loss (mean of 20 steps) 1.710 at step 20 → 0.490 at step 60',
      'The question is answered correctly',
    ]);
  });

  it.each([
    [
      'on the settings alone, saying what the run uses now',
      'none',
      falling,
      0,
      'Run “Net” uses normalization BatchNorm (now None)',
    ],
    [
      'when the effect has not shown, even with the right settings',
      'batchNorm',
      flat,
      1,
      'The effect shows in your runs (not yet: Net: training loss (mean of 20 steps) 2.000 at step 20 → 2.000 at step 60)',
    ],
  ] as const)('fails %s', (_, norm, losses, condition, text) => {
    const verdict = verdictFor(norm, losses, true);
    expect(verdict.passed).toBe(false);
    expect(verdict.conditions[condition]).toEqual({ text, met: false });
  });

  it('fails until its question is answered correctly', () => {
    expect(verdictFor('batchNorm', falling, false).passed).toBe(false);
  });
});
