/**
 * The two paper replications at MNIST scale, run headless as a learner's "Run experiment" would run
 * them: Ioffe & Szegedy's Figure 1 (BatchNorm on a small sigmoid MLP) and He et al.'s Figure 3
 * (30-layer plain ReLU net, Kaiming vs Xavier). Each must show its effect, and each should take about
 * a minute on a 2-core laptop; the seconds are logged.
 */
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/lessons/runExperiment';
import { lessonName, LESSONS_DIR, nodeDatasetLoader, readLessons } from './headlessLessons';

const REPLICATIONS = [
  { id: 'ioffe-figure-1', paper: 'Ioffe & Szegedy (2015), Figure 1' },
  { id: 'he-figure-3', paper: 'He et al. (2015), Figure 3' },
] as const;

/**
 * Far above the ≈ 1 minute the issue asks for, so a busy shared machine does not fail the test, yet
 * low enough to catch an experiment that has grown into a long wait for the learner.
 */
const MAX_SECONDS = 180;

const lessons = readLessons();

describe(`paper replications (${LESSONS_DIR}/*.md)`, () => {
  for (const { id, paper } of REPLICATIONS) {
    it(
      `${id}: ${paper} completes headless and shows its effect`,
      async () => {
        const found = lessons.flatMap((lesson) =>
          lesson.segments.flatMap((s) =>
            s.kind === 'experiment' && s.id === id ? [{ lesson, experiment: s.data }] : [],
          ),
        );
        expect(
          found.map((f) => lessonName(f.lesson)),
          `exactly one experiment with id '${id}' in ${LESSONS_DIR}/`,
        ).toHaveLength(1);
        const { lesson, experiment } = found[0]!;
        expect(
          experiment.claim,
          `${id} needs a claim stating the effect it replicates`,
        ).toBeDefined();

        const started = performance.now();
        const result = await runExperiment(experiment, nodeDatasetLoader);
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `${lessonName(lesson)} › ${id} (${paper}): ${seconds.toFixed(1)} s for ${experiment.runs.length} runs × ${experiment.steps} steps`,
        );

        expect(result.verdict?.shown, `effect not shown: ${result.verdict?.detail}`).toBe(true);
        for (const run of result.runs) {
          expect(run.divergedAt, `${run.label} diverged`).toBeUndefined();
          expect(run.losses.length, `${run.label} finished its steps`).toBe(experiment.steps);
        }
        expect(seconds, `${id} took ${seconds.toFixed(1)} s`).toBeLessThan(MAX_SECONDS);
      },
      (MAX_SECONDS + 60) * 1000,
    );
  }
});
