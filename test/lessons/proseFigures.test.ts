/**
 * Figures the lessons state in their prose, outside any block, about what the Lab shows when the
 * learner tries something ("Try GroupNorm with the norm control…", "Try 12 blocks in the Lab…", what
 * a depth probe shows). Each is quoted here as the lesson writes it: the quote must still be in the
 * lesson; for runs, every number in it must be a setting or a claim of the runs that measure it (the
 * rule of claimsBackNumbers.test.ts), and those runs are trained headless and must show the claim;
 * for a probe, the engine's probe (seeded, as the widget draws it) must show each number; for a
 * computed figure (correlatedFeatures.ts), the seeded computation must give each number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../src/engine/probes/depthProbe';
import { evaluateClaim } from '../../src/lessons/claims';
import { unbackedNumbers } from '../../src/lessons/claimNumbers';
import { runExperiment } from '../../src/lessons/runExperiment';
import { probeOptions } from '../../src/lessons/widgets/depthProbeSetup';
import { LESSONS_DIR, nodeDatasetLoader } from './headlessLessons';
import { COMPUTED_FIGURES, FIGURES, PROBE_FIGURES } from './proseFigures';

const TIMEOUT_MS = 10 * 60_000;

/** The lesson's text with every run of whitespace as one space, so a quote may span lines. */
const lessonText = (file: string) =>
  readFileSync(join(LESSONS_DIR, file), 'utf8').replace(/\s+/g, ' ');

describe('figures stated in lesson prose', () => {
  for (const figure of FIGURES) {
    it(
      `${figure.lesson}: “${figure.quote}”`,
      async () => {
        expect(lessonText(figure.lesson)).toContain(figure.quote);
        const stated = { ...figure.experiment, takeaway: figure.quote };
        expect(unbackedNumbers(stated).map((u) => u.number.text)).toEqual([]);
        const { runs } = await runExperiment(figure.experiment, nodeDatasetLoader);
        const verdict = evaluateClaim(figure.experiment.claim!, runs);
        expect(verdict.shown, verdict.detail).toBe(true);
      },
      TIMEOUT_MS,
    );
  }

  for (const figure of COMPUTED_FIGURES) {
    it(`${figure.lesson}: “${figure.quote}”`, () => {
      expect(lessonText(figure.lesson)).toContain(figure.quote);
      figure.check();
    });
  }

  for (const figure of PROBE_FIGURES) {
    it(`${figure.lesson}: “${figure.quote}”`, () => {
      expect(lessonText(figure.lesson)).toContain(figure.quote);
      figure.check(depthProbe(probeOptions({ width: 256, norm: 'none', ...figure.probe })).layers);
    });
  }
});
