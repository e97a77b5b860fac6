/**
 * Every effect a lesson claims really shows: each experiment with a claim and each practice (with the
 * settings its task asks for) is trained headless with the engine, exactly as the Lab would train it,
 * and its claim must be judged shown by the same evaluator the browser uses. Depth-probe widgets must
 * show, with their default settings, the picture their configuration is known for.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { depthProbe } from '../../src/engine/probes/depthProbe';
import { TrainingRun } from '../../src/engine/train/trainingRun';
import { toWorkerSetup } from '../../src/lab/settings';
import { explainError } from '../../src/worker/explainError';
import { evaluateClaim, type RunHistory } from '../../src/lessons/claims';
import type { BlockSegment, ParsedLesson } from '../../src/lessons/parseLesson';
import { evaluatePractice } from '../../src/lessons/progress/practice';
import { expectedRange, formatMeasure, inRange, measureValue } from '../../src/lessons/predictions';
import { runExperiment, type ExperimentResult } from '../../src/lessons/runExperiment';
import { runSettings } from '../../src/lessons/runSettings';
import type { Experiment } from '../../src/lessons/schema';
import {
  choiceFromWidget,
  probeMeasure,
  probeOptions,
  readDepthProbe,
  type DepthProbeWidget,
} from '../../src/lessons/widgets/depthProbeSetup';
import { cellOutcome, sweepCells } from '../../src/lessons/widgets/depthSweep';
import { smoothLosses } from '../../src/engine/train/smoothLosses';
import { sourceExcerpt } from '../../src/lessons/widgets/engineSource';
import {
  LESSONS_DIR,
  lessonName,
  nodeDatasetLoader,
  practiceExperiment,
  readLessons,
} from './headlessLessons';
import { depthProbeExpectation } from './depthProbeExpectations';

/** Generous per-test limit: the suite as a whole is meant to stay under ~5 minutes. */
const EXPERIMENT_TIMEOUT_MS = 240_000;

const lessons = readLessons();
const timings: { name: string; seconds: number }[] = [];

afterAll(() => {
  if (timings.length === 0) return;
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  const lines = [...timings]
    .sort((a, b) => b.seconds - a.seconds)
    .map((t) => `  ${t.seconds.toFixed(1).padStart(6)} s  ${t.name}`);
  console.log(`Headless experiment runtimes (${total.toFixed(1)} s in all):\n${lines.join('\n')}`);
});

async function timed(name: string, experiment: Experiment): Promise<ExperimentResult> {
  const started = performance.now();
  const result = await runExperiment(experiment, nodeDatasetLoader);
  timings.push({ name, seconds: (performance.now() - started) / 1000 });
  return result;
}

/** Runs an experiment once and shares the result between the tests that need it. */
function memo<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= compute());
}

function describeRuns(runs: readonly RunHistory[]): string {
  return runs
    .map((r) => {
      const last = r.validation[r.validation.length - 1];
      const diverged = r.divergedAt !== undefined ? `, diverged at ${r.divergedAt}` : '';
      const acc = last ? `, validation accuracy ${(100 * last.accuracy).toFixed(1)}%` : '';
      return `${r.label}: ${r.losses.length} steps${diverged}${acc}`;
    })
    .join('; ');
}

/** explainError's fallback: an error nobody anticipated, which no lesson may show on purpose. */
const UNEXPECTED = explainError(new Error('probe')).split('probe')[0]!;

type Block<K extends BlockSegment['kind']> = Extract<BlockSegment, { kind: K }>;

function blocksOf<K extends BlockSegment['kind']>(lesson: ParsedLesson, kind: K): Block<K>[] {
  return lesson.segments.filter((s): s is Block<K> => s.kind === kind);
}

describe(`lesson experiments (${LESSONS_DIR}/*.md)`, () => {
  it('there are lessons to check', () => {
    expect(
      lessons.map((l) => l.file),
      `no lesson files in ${LESSONS_DIR}/`,
    ).not.toEqual([]);
  });

  for (const lesson of lessons) {
    const name = lessonName(lesson);

    it(`${name} › every block parses`, () => {
      // A broken experiment would silently drop out of the checks below: a parse issue fails here.
      expect(lesson.issues.map((i) => `${i.file}:${i.line}: ${i.message}`)).toEqual([]);
    });

    const experiments = new Map(blocksOf(lesson, 'experiment').map((b) => [b.id, b.data]));

    for (const block of blocksOf(lesson, 'experiment')) {
      const experiment = block.data;
      // Each run trains in a test of its own (a run's history does not depend on the other runs), so
      // no single test carries a whole slow experiment; the claim then reads all of them.
      const runResults = experiment.runs.map((run) =>
        memo(() =>
          timed(`${name} › ${block.id} › ${run.label}`, { ...experiment, runs: [run] }).then(
            (r) => r.runs[0]!,
          ),
        ),
      );
      const result = memo(async (): Promise<ExperimentResult> => {
        const runs: RunHistory[] = [];
        for (const run of runResults) runs.push(await run());
        const verdict = experiment.claim ? evaluateClaim(experiment.claim, runs) : undefined;
        return { runs, verdict };
      });

      experiment.runs.forEach((run, index) => {
        it(
          `${name} › ${block.id} › ${run.label}: runs its ${experiment.steps} steps`,
          async () => {
            const outcome = await runResults[index]!().then(
              (history) => ({ ok: true as const, history }),
              (error: unknown) => ({ ok: false as const, error }),
            );
            if (!outcome.ok) {
              // Some experiments show a run the engine refuses (batch size 1 under BatchNorm). The
              // Lab then shows explainError's message instead of a curve: it must be a specific
              // explanation (and another run of the experiment must train, checked below).
              const message = explainError(outcome.error);
              expect(message.startsWith(UNEXPECTED), `${run.label}: ${message}`).toBe(false);
              return;
            }
            // Every run trains exactly the step budget the learner's "Run experiment" gives it,
            // unless it diverges, and ends with a validation result the claim (and the learner) can read.
            const { history } = outcome;
            expect(history.label).toBe(run.label);
            if (history.divergedAt === undefined) {
              expect(history.losses.length, describeRuns([history])).toBe(experiment.steps);
              expect(history.validation[history.validation.length - 1]?.step).toBe(
                experiment.steps,
              );
            } else {
              expect(history.divergedAt).toBeLessThanOrEqual(experiment.steps);
            }
          },
          EXPERIMENT_TIMEOUT_MS,
        );
      });

      it(`${name} › ${block.id}: not every run stops with an error`, async () => {
        const failed = await Promise.all(
          runResults.map((run) =>
            run().then(
              () => 0,
              () => 1,
            ),
          ),
        );
        expect(
          failed.reduce((a: number, b) => a + b, 0),
          'runs that stopped with an error',
        ).toBeLessThan(experiment.runs.length);
      });

      if (experiment.claim) {
        const claim = experiment.claim;
        it(
          `${name} › ${block.id}: ${claim.kind}`,
          async () => {
            const { verdict } = await result();
            expect(verdict?.shown, `claim not shown: ${verdict?.detail}`).toBe(true);
          },
          EXPERIMENT_TIMEOUT_MS,
        );
      }

      // Predict, then run: the range a prediction block calls expected is where the runs land.
      for (const p of blocksOf(lesson, 'prediction').filter(
        (p) => p.data.experiment === block.id,
      )) {
        it(
          `${name} › ${p.id}: the runs land in the expected range`,
          async () => {
            const value = measureValue(p.data.measure, (await result()).runs);
            expect(value, 'measured value').toBeDefined();
            const shown = formatMeasure(p.data.measure, value!);
            expect(inRange(expectedRange(p.data), value!), `measured ${shown}`).toBe(true);
          },
          EXPERIMENT_TIMEOUT_MS,
        );
      }
    }

    for (const block of blocksOf(lesson, 'practice')) {
      const practice = block.data;
      it(
        `${name} › ${block.id}: ${practice.claim.kind}`,
        async () => {
          const experiment = experiments.get(practice.experiment);
          if (!experiment) throw new Error(`practice names no experiment of this lesson`);
          const done = practiceExperiment(experiment, practice);
          const { runs } = await timed(`${name} › ${block.id} (practice)`, done);
          const verdict = evaluatePractice(
            practice,
            done.runs.map((run, i) => ({ label: run.label, settings: runSettings(done, i) })),
            evaluateClaim(practice.claim, runs),
            true,
          );
          const unmet = verdict.conditions.filter((c) => !c.met).map((c) => c.text);
          expect(unmet, `practice not passed (${describeRuns(runs)})`).toEqual([]);
        },
        EXPERIMENT_TIMEOUT_MS,
      );
    }

    for (const block of blocksOf(lesson, 'widget')) {
      const widget = block.data;
      if (widget.widget === 'depthProbe') {
        const probe: DepthProbeWidget = widget;
        const expectation = depthProbeExpectation(probe);
        const reading = memo(() =>
          Promise.resolve(readDepthProbe(depthProbe(probeOptions(choiceFromWidget(probe))))),
        );
        it(`${name} › ${block.id}: depthProbe ${expectation.description}`, async () => {
          expectation.check(await reading());
        });
        for (const expected of probe.expect) {
          const range = [
            expected.atLeast !== undefined ? `≥ ${expected.atLeast}` : '',
            expected.atMost !== undefined ? `≤ ${expected.atMost}` : '',
          ].filter(Boolean);
          it(`${name} › ${block.id}: depthProbe ${expected.measure} ${range.join(' and ')}`, async () => {
            // What the lesson text states about this probe, as numbers.
            const value = probeMeasure(await reading(), expected.measure);
            if (expected.atLeast !== undefined)
              expect(value, expected.measure).toBeGreaterThanOrEqual(expected.atLeast);
            if (expected.atMost !== undefined)
              expect(value, expected.measure).toBeLessThanOrEqual(expected.atMost);
          });
        }
      } else if (widget.widget === 'engineSource') {
        it(`${name} › ${block.id}: engineSource shows ${widget.file}`, () => {
          // The browser bundles the same files; a missing file or marker would show as an error box.
          const path = `src/engine/${widget.file}`;
          const sources = existsSync(path) ? { [`/${path}`]: readFileSync(path, 'utf8') } : {};
          const excerpt = sourceExcerpt(sources, widget);
          expect(excerpt.ok ? '' : excerpt.message).toBe('');
        });
      } else if (widget.widget === 'depthSweep') {
        for (const expected of widget.expect) {
          it(
            `${name} › ${block.id}: ${expected.config} at depth ${expected.depth} ${expected.outcome}`,
            async () => {
              const cell = sweepCells(widget).find(
                (c) => c.label === expected.config && c.depth === expected.depth,
              )!;
              const setup = toWorkerSetup(cell.settings, 0);
              const { train } = await nodeDatasetLoader(setup.dataset);
              const run = new TrainingRun(setup.config, train);
              const losses: number[] = [];
              let divergedAt: number | undefined;
              while (losses.length < widget.steps) {
                const step = run.step();
                if (step.status === 'diverged') {
                  divergedAt = step.step;
                  break;
                }
                losses.push(step.loss);
              }
              const smooth = smoothLosses(losses);
              const outcome = cellOutcome(cell, {
                steps: losses.length,
                ...(smooth.length > 0 ? { finalLoss: smooth[smooth.length - 1]! } : {}),
                ...(divergedAt !== undefined ? { divergedAt } : {}),
              });
              expect(outcome, `final smoothed loss ${smooth[smooth.length - 1]}`).toBe(
                expected.outcome,
              );
            },
            EXPERIMENT_TIMEOUT_MS,
          );
        }
        it(`${name} › ${block.id}: depthSweep builds every run`, async () => {
          for (const cell of sweepCells(widget)) {
            const setup = toWorkerSetup(cell.settings, 0);
            const { train } = await nodeDatasetLoader(setup.dataset);
            expect(
              () => new TrainingRun(setup.config, train),
              `${cell.label} at depth ${cell.depth}`,
            ).not.toThrow();
          }
        });
      }
    }
  }
});
