/**
 * Predict, then run: before a lesson's key experiment the learner commits to a prediction of one
 * measured quantity (a choice among ranges, or a value on a slider), then runs the experiment and
 * sees the prediction beside what their runs measured. The measure is read from the same run
 * histories the claim evaluator reads, in the browser and in the lesson tests, and the tests check
 * that the range a block calls expected is where the seeded runs really land.
 */
import { z } from '../engine/zod';
import { SMOOTHING_WINDOW, smoothLosses } from '../engine/train/smoothLosses';
import { stepsToLoss, type RunHistory } from './claims';
import { formatCount } from '../lab/formatNumber';
import { checkOneMarked } from './oneMarkedChoice';

const label = z.string({ error: 'must name a run of the experiment by its label' }).min(1);
const finite = (what: string) => z.number({ error: `must be ${what}` });

/** The quantity a prediction is about, measured on one run once it has finished. */
export const measureSchema = z.discriminatedUnion(
  'kind',
  [
    /** The run's last validation accuracy, 0 to 1 (shown as a percentage). */
    z.object({ kind: z.literal('finalAccuracy'), run: label }).strict(),
    /** The run's smoothed training loss at its last step (a diverged run counts as infinite). */
    z.object({ kind: z.literal('finalLoss'), run: label }).strict(),
    /** The first step at which the run's smoothed loss is at most `loss` (never: infinite). */
    z
      .object({
        kind: z.literal('stepsToLoss'),
        run: label,
        loss: finite('a positive loss').positive({ error: 'must be a positive loss' }),
      })
      .strict(),
  ],
  { error: "must be one of 'finalAccuracy', 'finalLoss', 'stepsToLoss'" },
);
export type Measure = z.infer<typeof measureSchema>;

/** A range of the measure, `from` ≤ value < `below`; a missing bound is open. */
const rangeFields = {
  from: finite('a number').optional(),
  below: finite('a number').optional(),
};
const rangeSchema = z.object(rangeFields).strict();
export type MeasureRange = z.infer<typeof rangeSchema>;

export const predictionSchema = z
  .object({
    /** The experiment of this lesson the prediction is about; the page shows it at its top. */
    experiment: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'must be the id of an experiment of this lesson',
    }),
    /** What to predict (Markdown). */
    question: z.string().trim().min(1, { error: 'must be the question' }),
    measure: measureSchema,
    /** Either: 2 to 6 ranges of the measure, in words, exactly one marked expected … */
    choices: z
      .array(
        z
          .object({
            text: z.string().trim().min(1, { error: 'must be the choice text' }),
            ...rangeFields,
            expected: z.boolean().default(false),
          })
          .strict(),
      )
      .min(2, { error: 'must offer at least two choices' })
      .max(6, { error: 'must offer at most six choices' })
      .optional(),
    /** … or a slider over the measure, with the range the runs are expected to land in. */
    slider: z
      .object({
        min: finite('a number'),
        max: finite('a number'),
        step: finite('a positive number').positive({ error: 'must be a positive number' }),
        expected: rangeSchema,
      })
      .strict()
      .optional(),
    /** Shown beside the result: why the runs came out as they did (Markdown). */
    explanation: z.string().trim().min(1, { error: 'must explain the result' }),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.choices === undefined) === (p.slider === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must have either choices or a slider (exactly one of them)',
      });
    }
    if (p.choices) {
      checkOneMarked(p.choices, (c) => c.expected, 'expected', ctx);
      p.choices.forEach((c, i) => {
        if (c.from === undefined && c.below === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['choices', i],
            message: 'needs a range: from, below or both',
          });
        const overlaps = p.choices!.findIndex((d, j) => j !== i && rangesOverlap(c, d));
        if (overlaps >= 0 && overlaps > i)
          ctx.addIssue({
            code: 'custom',
            path: ['choices', i],
            message: `overlaps choice ${overlaps + 1}: a result must fall into one choice only`,
          });
      });
    }
    if (p.slider && p.slider.min >= p.slider.max)
      ctx.addIssue({ code: 'custom', path: ['slider'], message: 'min must be below max' });
  });
export type Prediction = z.infer<typeof predictionSchema>;

function rangesOverlap(a: MeasureRange, b: MeasureRange): boolean {
  const lo = Math.max(a.from ?? -Infinity, b.from ?? -Infinity);
  const hi = Math.min(a.below ?? Infinity, b.below ?? Infinity);
  return lo < hi;
}

export function inRange(range: MeasureRange, value: number): boolean {
  return (
    (range.from === undefined || value >= range.from) &&
    (range.below === undefined || value < range.below)
  );
}

/** What the learner committed to: a choice (by index in the file) or a slider value. */
export type PredictionAnswer = { readonly choice: number } | { readonly value: number };

/**
 * The measure on the named run, or undefined while the run has no evidence yet (no step, or no
 * validation for an accuracy). A diverged run has an infinite final loss and never reaches a loss.
 */
export function measureValue(measure: Measure, runs: readonly RunHistory[]): number | undefined {
  const run = runs.find((r) => r.label === measure.run);
  if (!run) return undefined;
  switch (measure.kind) {
    case 'finalAccuracy':
      return run.validation[run.validation.length - 1]?.accuracy;
    case 'finalLoss': {
      if (run.divergedAt !== undefined) return Infinity;
      const smooth = smoothLosses(run.losses);
      return smooth.length === 0 ? undefined : smooth[smooth.length - 1];
    }
    case 'stepsToLoss':
      if (run.losses.length < SMOOTHING_WINDOW && run.divergedAt === undefined) return undefined;
      return stepsToLoss(run, measure.loss) ?? Infinity;
  }
}

/** The measure in words: "validation accuracy 12.3 %", "smoothed loss 0.412", "step 60". */
export function formatMeasure(measure: Measure, value: number): string {
  switch (measure.kind) {
    case 'finalAccuracy':
      return `${(100 * value).toFixed(1)} %`;
    case 'finalLoss':
      return Number.isFinite(value) ? value.toFixed(3) : 'diverged';
    case 'stepsToLoss':
      return Number.isFinite(value) ? `step ${formatCount(value)}` : 'not reached in this run';
  }
}

/** What the measure is, for the learner: "Final validation accuracy of run “Xavier”". */
export function describeMeasure(measure: Measure): string {
  switch (measure.kind) {
    case 'finalAccuracy':
      return `Validation accuracy of “${measure.run}” after its last step`;
    case 'finalLoss':
      return `Smoothed training loss of “${measure.run}” at its last step`;
    case 'stepsToLoss':
      return `Step at which “${measure.run}” first reaches a smoothed loss of ${measure.loss}`;
  }
}

/** The range the block says the seeded runs land in. */
export function expectedRange(prediction: Prediction): MeasureRange {
  if (prediction.slider) return prediction.slider.expected;
  return prediction.choices!.find((c) => c.expected)!;
}

/** The index of the choice a measured value falls into, if any. */
export function choiceFor(prediction: Prediction, value: number): number | undefined {
  const index = prediction.choices?.findIndex((c) => inRange(c, value)) ?? -1;
  return index < 0 ? undefined : index;
}

/** Whether the learner's prediction was borne out by the measured value. */
export function predictionHeld(
  prediction: Prediction,
  answer: PredictionAnswer,
  value: number,
): boolean {
  if ('choice' in answer) return choiceFor(prediction, value) === answer.choice;
  const slider = prediction.slider;
  if (!slider) return false;
  // A slider prediction holds when it is within one tenth of the slider's span of the result.
  const tolerance = (slider.max - slider.min) / 10;
  const clamped = Math.min(slider.max, Math.max(slider.min, value));
  return Math.abs(clamped - answer.value) <= tolerance;
}
