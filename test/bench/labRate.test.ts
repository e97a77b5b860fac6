import { describe, expect, it } from 'vitest';
import { labRateRow, medianRound, type LabRateRound } from '../../bench/ui/labRate';

const round = (lab: number, engine: number, unmeasurable?: string): LabRateRound => ({
  lab,
  engine,
  ratio: lab / engine,
  worker: undefined,
  ...(unmeasurable === undefined ? {} : { unmeasurable }),
});

describe('labRateRow', () => {
  it('takes the median round, so one slow window does not decide the row', () => {
    // Ratios 0.59, 0.86, 0.86, 1.02, 0.82: the idle runs of 2026-12-03 23:27-00:04 as rounds.
    const rounds = [
      round(590, 1000),
      round(860, 1000),
      round(430, 500),
      round(510, 500),
      round(820, 1000),
    ];
    const row = labRateRow(rounds, 0.6);
    expect(row.met).toBe(true);
    expect(row.value).toMatch(/^86%, the median of 5 rounds taken in turn \(59%–102%; /);
    expect(row.value).toContain('590.0 vs 1000.0; 860.0 vs 1000.0');
  });

  it('misses when the median round is under the target', () => {
    const rounds = [round(590, 1000), round(580, 1000), round(900, 1000)];
    expect(labRateRow(rounds, 0.6).met).toBe(false);
  });

  it('fails on a round the page did not answer in, whatever the median', () => {
    const rounds = [
      round(900, 1000),
      round(Number.NaN, 1000, 'the page did not answer within 20 s'),
      round(800, 1000),
    ];
    const row = labRateRow(rounds, 0.6);
    expect(row.met).toBe(false);
    expect(row.value).toContain('unmeasurable in round 2: the page did not answer within 20 s');
  });
});

describe('medianRound', () => {
  it('is the round whose ratio is the median, the lower middle of an even count', () => {
    const a = round(500, 1000);
    const b = round(700, 1000);
    const c = round(900, 1000);
    const d = round(800, 1000);
    expect(medianRound([c, a, b])).toBe(b);
    expect(medianRound([c, a, b, d])).toBe(b);
    expect(medianRound([a, round(Number.NaN, 1, 'frozen'), c])).toBe(a);
  });
});
