/**
 * A checkpoint earned by a practice must take the learner's own change: trained exactly as written,
 * the practice's experiment must NOT show the practice's claim (experimentClaims.test.ts shows that it
 * does once the change is made). The figures a mystery network's text quotes are claims (of its
 * hidden experiment for the network as written, of the practice for the fixed one), which
 * experimentClaims.test.ts checks and claimsBackNumbers.test.ts ties to the text; what a claim cannot
 * state is checked here on the network as written and as fixed.
 */
import { describe, expect, it } from 'vitest';
import { smoothLosses } from '../../src/engine/train/smoothLosses';
import { evaluateClaim, type RunHistory } from '../../src/lessons/claims';
import { runExperiment } from '../../src/lessons/runExperiment';
import type { Experiment, Practice } from '../../src/lessons/schema';
import { lessonName, nodeDatasetLoader, practiceExperiment, readLessons } from './headlessLessons';

const TIMEOUT_MS = 10 * 60_000;

/** What a mystery's text says that no claim can state, on the network as written and as fixed. */
const MYSTERY_FACTS: Record<string, (broken: RunHistory, fixed: RunHistory) => void> = {
  // "Note that the fix does not change training at all"
  'mystery-forgotten-eval': (broken, fixed) => {
    expect(Array.from(fixed.losses)).toEqual(Array.from(broken.losses));
  },
  // "the smoothed training loss itself never gets below 2 in 600 steps"
  'mystery-tiny-batch': (broken) => {
    const smooth = smoothLosses(broken.losses).slice(19);
    expect(Math.min(...smooth)).toBeGreaterThan(2);
  },
  // "Its training loss keeps falling, yet its validation loss … ends well above …"; fixed: "below 0.3"
  'mystery-lagging-stats': (broken, fixed) => {
    const smooth = smoothLosses(broken.losses).slice(19);
    expect(smooth[smooth.length - 1]).toBeLessThan(smooth[0]! / 2);
    const lastLoss = (run: RunHistory) => run.validation[run.validation.length - 1]!.loss;
    expect(lastLoss(broken)).toBeGreaterThan(0.4);
    expect(lastLoss(fixed)).toBeLessThan(0.3);
  },
};

for (const lesson of readLessons()) {
  const name = lessonName(lesson);
  const experiments = new Map<string, Experiment>();
  for (const s of lesson.segments) if (s.kind === 'experiment') experiments.set(s.id, s.data);
  const practices = new Map<string, Practice>();
  for (const s of lesson.segments) if (s.kind === 'practice') practices.set(s.id, s.data);
  const earning = new Set(
    lesson.segments.flatMap((s) =>
      s.kind === 'checkpoint' && 'practice' in s.data.earnedBy ? [s.data.earnedBy.practice] : [],
    ),
  );

  const checked = [...practices].filter(([id, p]) => p.hidden.length > 0 || earning.has(id));
  if (checked.length === 0) continue;

  describe(name, () => {
    for (const [id, practice] of checked) {
      const mystery = practice.hidden.length > 0;
      it(
        `${id}: trained as written, its claim does not show${id in MYSTERY_FACTS ? '; what the text says holds' : ''}`,
        async () => {
          const experiment = experiments.get(practice.experiment)!;
          const { runs } = await runExperiment(experiment, nodeDatasetLoader);
          const verdict = evaluateClaim(practice.claim, runs);
          expect(verdict.shown, verdict.detail).toBe(false);
          if (!mystery) return;
          const facts = MYSTERY_FACTS[id];
          if (!facts) return;
          const fixed = await runExperiment(
            practiceExperiment(experiment, practice),
            nodeDatasetLoader,
          );
          facts(runs[0]!, fixed.runs[0]!);
        },
        TIMEOUT_MS,
      );
    }
  });
}
