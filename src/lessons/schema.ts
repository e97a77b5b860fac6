/**
 * The lesson file format, as schemas. A lesson is Markdown with YAML front matter and embedded blocks:
 *
 *   :::experiment bn-vs-plain
 *   title: …            (YAML body, validated by the schema of its kind)
 *   :::
 *
 * lessons/README.md documents it for authors; these schemas are what is enforced at build time, in
 * tests and at run time (where a broken block becomes an inline error box).
 */
import { z } from '../engine/zod';
import {
  DEFAULT_RUN_SETTINGS,
  MAX_RUNS,
  type LabRunSettings,
  type SettingKey,
} from '../lab/labSettings';
import { makeCoherent } from '../lab/coherence';
import { isOwnDataset } from '../lab/datasets';
import {
  PROBE_SETTINGS,
  type ProbeChoiceSetting,
  type ProbeRangeSetting,
} from '../lab/probeSettings';
import { SETTING_KEYS, SETTINGS } from '../lab/settingsRegistry';
import {
  MAX_FINE_TUNE_STEPS,
  MAX_RECALIBRATION_BATCHES,
} from '../engine/model/recalibrationLimits';
import { CHART_KINDS } from './chartKinds';
import { claimSchema, type Claim } from './claims';
import { afterTrainingMeasureOperation } from './internalClaims';
import type { AfterTrainingOperation } from '../worker/protocol';
import { predictionSchema } from './predictions';
import { checkOneMarked } from './oneMarkedChoice';

const text = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}` });
const id = z
  .string({ error: 'must be an id of lowercase letters, digits and dashes' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'must be an id of lowercase letters, digits and dashes',
  })
  // Progress is a record keyed by ids; `constructor` would read as already present on any object.
  .refine((value) => !(value in Object.prototype), {
    error: (issue) =>
      `must not be '${String(issue.input)}' (a name JavaScript objects already have)`,
  });

/** Ids a lesson or block had before a rename; learners' progress under them is carried over. */
export const formerIdsSchema = z.array(id, { error: 'must be a list of ids' }).max(20);

/** The blocks a lecture deck shows as scenes; only they take speaker notes. */
export const NOTED_BLOCK_KINDS = ['experiment', 'widget', 'quiz'] as const;

/** Speaker notes for the block's scene in a lecture deck (Markdown), instead of the prose around it. */
export const notesSchema = z
  .string({ error: 'must be text (Markdown): what the presenter says at this scene' })
  .trim()
  .min(1, { error: 'must be text (Markdown): what the presenter says at this scene' })
  .max(4000, { error: 'must be at most 4,000 characters: notes are read at a glance' });

/** The course (lessons 1–5) and the advanced track after it. */
export const LESSON_TRACKS = ['core', 'advanced'] as const;
export type LessonTrack = (typeof LESSON_TRACKS)[number];

export const frontMatterSchema = z
  .object({
    id,
    title: text('a title'),
    order: z
      .number({ error: 'must be a whole number ≥ 1' })
      .int()
      .min(1, { error: 'must be a whole number ≥ 1' }),
    summary: text('a one-sentence summary'),
    minutes: z
      .number({ error: 'must be the estimated minutes, 1 to 180' })
      .int({ error: 'must be the estimated minutes, 1 to 180' })
      .min(1, { error: 'must be the estimated minutes, 1 to 180' })
      .max(180, { error: 'must be the estimated minutes, 1 to 180' }),
    /** What finishing this lesson unlocks: lesson ids, or 'milestone' for the track's last page. */
    unlocks: z.array(z.union([id, z.literal('milestone')]), {
      error: 'must be a list of lesson ids (or milestone)',
    }),
    /**
     * 'core' (the default): the course, whose last lesson opens the milestone. 'advanced': the
     * advanced track, placed after every core lesson and before the milestone, which it does not gate.
     */
    track: z
      .enum(LESSON_TRACKS, { error: `must be ${LESSON_TRACKS.map((t) => `'${t}'`).join(' or ')}` })
      .default('core'),
    /** Ids this lesson had before, so learners' progress follows a rename. */
    formerIds: formerIdsSchema.optional(),
  })
  .strict();

/**
 * Partial Lab settings, validated by the settings registry (the same rules a shared link obeys):
 * `{ norm: batchNorm, learningRate: 0.3 }`.
 */
export const partialSettingsSchema = z
  .record(z.string(), z.unknown(), { error: 'must be a map of Lab settings' })
  .superRefine((record, ctx) => {
    for (const [key, value] of Object.entries(record)) {
      if (!(SETTING_KEYS as readonly string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a Lab setting; use one of ${SETTING_KEYS.join(', ')}`,
        });
        continue;
      }
      const field = SETTINGS[key as SettingKey];
      const parsed = field.schema.safeParse(String(value));
      if (!parsed.success)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${JSON.stringify(value)} is not ${field.allowed}`,
        });
    }
  })
  .transform((record) => {
    const out: Partial<Record<SettingKey, unknown>> = {};
    for (const [key, value] of Object.entries(record)) {
      out[key as SettingKey] = SETTINGS[key as SettingKey].schema.parse(String(value));
    }
    return out as Partial<LabRunSettings>;
  });

export { CHART_KINDS, chartsShowViews, probeSpacing, type ChartKind } from './chartKinds';

const settingKey = z.enum(SETTING_KEYS as unknown as [SettingKey, ...SettingKey[]], {
  error: `must be a Lab setting: ${SETTING_KEYS.join(', ')}`,
});

/**
 * What the learner can do to an experiment's trained BatchNorm runs (and the headless tests do):
 * fold the norms into the layers before them, and re-estimate their statistics from `batches`
 * training batches, on inputs shifted to contrast · x + brightness when `shift` is given (AdaBN).
 */
const afterTrainingSchema = z
  .object({
    fold: z.boolean().default(false),
    recalibrate: z
      .object({
        batches: z
          .number({ error: `must be a whole number of batches, 1 to ${MAX_RECALIBRATION_BATCHES}` })
          .int({ error: `must be a whole number of batches, 1 to ${MAX_RECALIBRATION_BATCHES}` })
          .min(1, { error: `must be a whole number of batches, 1 to ${MAX_RECALIBRATION_BATCHES}` })
          .max(MAX_RECALIBRATION_BATCHES, {
            error: `must be a whole number of batches, 1 to ${MAX_RECALIBRATION_BATCHES}`,
          }),
        shift: z
          .object({
            contrast: z.number().min(0.1).max(10),
            brightness: z.number().min(-5).max(5),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** Fine-tune copies with live and frozen BatchNorm: batches of `batchSize`, `steps` steps. */
    fineTune: z
      .object({
        batchSize: z.number().int().min(2).max(512),
        steps: z.number().int().min(1).max(MAX_FINE_TUNE_STEPS),
        learningRate: z.number().min(0.0001).max(10),
      })
      .strict()
      .optional(),
    /** Average the weights of `steps` more steps (SWA), then recalibrate from `batches` batches. */
    average: z
      .object({
        steps: z.number().int().min(1).max(MAX_FINE_TUNE_STEPS),
        batches: z.number().int().min(1).max(MAX_RECALIBRATION_BATCHES),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (a) =>
      a.fold || a.recalibrate !== undefined || a.fineTune !== undefined || a.average !== undefined,
    { error: 'must offer at least one of fold: true, recalibrate, fineTune and average' },
  );
export type AfterTrainingOperations = z.infer<typeof afterTrainingSchema>;

/** Which after-training operations a claim reads. */
export function claimedAfterTraining(claim: Claim | undefined): Set<AfterTrainingOperation> {
  if (!claim) return new Set();
  if (claim.kind === 'allOf')
    return new Set(claim.claims.flatMap((c) => [...claimedAfterTraining(c)]));
  if (claim.kind !== 'afterTraining') return new Set();
  return new Set([afterTrainingMeasureOperation(claim.measure)]);
}

/** What an experiment must offer for a claim on each operation. */
const OFFER: Record<AfterTrainingOperation, string> = {
  fold: "reads what folding measured, so the experiment needs 'afterTraining: { fold: true }'",
  recalibrate:
    "reads what recalibrating measured, so the experiment needs 'afterTraining: { recalibrate: { batches: N } }'",
  fineTune:
    "reads what fine-tuning measured, so the experiment needs 'afterTraining: { fineTune: { batchSize: B, steps: N, learningRate: η } }'",
  average:
    "reads what weight averaging measured, so the experiment needs 'afterTraining: { average: { steps: N, batches: K } }'",
};

const offered = (a: AfterTrainingOperations | undefined, operation: AfterTrainingOperation) =>
  operation === 'fold'
    ? a?.fold === true
    : (operation === 'recalibrate'
        ? a?.recalibrate
        : operation === 'fineTune'
          ? a?.fineTune
          : a?.average) !== undefined;

export const experimentSchema = z
  .object({
    title: text('a title'),
    /** Markdown shown above the experiment. */
    intro: z.string().optional(),
    /** Settings shared by every run, over the Lab defaults. */
    base: partialSettingsSchema.default({}),
    /** 1 to 4 runs; each a label and the settings where it differs from `base`. */
    runs: z
      .array(
        z
          .object({ label: text('a run label'), settings: partialSettingsSchema.default({}) })
          .strict(),
      )
      .min(1, { error: 'must list at least one run' })
      .max(MAX_RUNS, { error: `must list at most ${MAX_RUNS} runs` }),
    /** The settings the learner may change inside the lesson (the Lab link offers all of them). */
    controls: z.array(settingKey).default([]),
    charts: z
      .array(z.enum(CHART_KINDS, { error: `must be one of ${CHART_KINDS.join(', ')}` }))
      .min(1),
    /** Training steps of one "Run experiment". */
    steps: z.number().int().min(1).max(20_000),
    /** Validate every N steps (on up to 1,000 test samples). */
    validationEvery: z.number().int().min(1).max(5_000).default(50),
    /** The layer whose unit-0 percentiles the 'percentiles' chart follows (Ioffe & Szegedy's Figure 1). */
    percentileLayer: z.string().optional(),
    /** The effect the lesson text claims; checked live for checkpoints and headless in the tests. */
    claim: claimSchema.optional(),
    /** What the learner should notice once the claim shows (Markdown). */
    takeaway: z.string().optional(),
    /** BatchNorm after training: the operations offered once the runs have trained (lesson 6). */
    afterTraining: afterTrainingSchema.optional(),
  })
  .strict()
  .superRefine((exp, ctx) => {
    for (const operation of claimedAfterTraining(exp.claim)) {
      if (!offered(exp.afterTraining, operation))
        ctx.addIssue({ code: 'custom', path: ['claim'], message: OFFER[operation] });
    }
    const labels = exp.runs.map((r) => r.label);
    labels.forEach((l, i) => {
      if (labels.indexOf(l) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['runs', i, 'label'],
          message: `'${l}' is used twice`,
        });
    });
    // Each run must be one the Lab could train as written: the registry's availability rules would
    // otherwise change it silently in the browser (InstanceNorm needs the CNN, …).
    exp.runs.forEach((run, i) => {
      const asked = { ...DEFAULT_RUN_SETTINGS, ...exp.base, ...run.settings };
      // A learner's own data lives in their browser only: a lesson run on it would have nothing to train.
      if (isOwnDataset(asked.dataset)) {
        ctx.addIssue({
          code: 'custom',
          path: [...('dataset' in run.settings ? ['runs', i, 'settings'] : ['base']), 'dataset'],
          message: `${asked.dataset} is the learner's own data, which only the Lab can train on: run '${run.label}' needs a built-in data set (mnist14, mnist28, spiral, circles, xor or blobs)`,
        });
        return;
      }
      const { settings, fixes } = makeCoherent(asked);
      for (const fix of fixes) {
        const where = fix.key in run.settings ? ['runs', i, 'settings'] : ['base'];
        ctx.addIssue({
          code: 'custom',
          path: [...where, fix.key],
          message: `${String(asked[fix.key])} cannot be used in run '${run.label}': ${fix.reason} (it would train with ${String(settings[fix.key])})`,
        });
      }
    });
  });

/**
 * The network a depth probe measures: shared by the depthProbe widget and chart-reading quizzes, with
 * the limits, choices and defaults of the probe's settings registry.
 */
const depthProbeFields = {
  depth: probeRange(PROBE_SETTINGS.depth),
  width: probeRange(PROBE_SETTINGS.width),
  activation: probeChoice(PROBE_SETTINGS.activation),
  init: probeChoice(PROBE_SETTINGS.init),
  norm: probeChoice(PROBE_SETTINGS.norm),
  /** Skip connections around every layer; absent: a plain stack. */
  residual: z.boolean().optional(),
};

function probeRange(setting: ProbeRangeSetting) {
  return z.number().int().min(setting.min).max(setting.max).default(setting.default);
}

function probeChoice<T extends string>(setting: ProbeChoiceSetting<T>) {
  return z.enum(setting.values).default(setting.default);
}

export const PROBE_MEASURES = [
  'activationPerLayer',
  'activationRatio',
  'gradientPerLayer',
  'gradientRatio',
  'weightGradientRatio',
] as const;
export type ProbeMeasure = (typeof PROBE_MEASURES)[number];

/**
 * One number a depth probe shows, and the range the text claims for it. Ratios compare the last layer
 * with the first in the direction the signal travels: activations layer L / layer 1, gradients (at the
 * output and of the weights) layer 1 / layer L; "per layer" is the geometric mean factor of one layer.
 */
const probeExpectationSchema = z
  .object({
    measure: z.enum(PROBE_MEASURES, { error: `must be one of ${PROBE_MEASURES.join(', ')}` }),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  })
  .strict()
  .refine((e) => e.atLeast !== undefined || e.atMost !== undefined, {
    error: 'must give atLeast, atMost or both',
  });

const widgetSchema = z.discriminatedUnion(
  'widget',
  [
    /** Signal propagation in an untrained MLP: activation std and gradient norm per layer. */
    z
      .object({
        widget: z.literal('depthProbe'),
        title: text('a title'),
        ...depthProbeFields,
        /** What the text says the default picture shows, as numbers; the lesson tests probe and check them. */
        expect: z.array(probeExpectationSchema).default([]),
      })
      .strict(),
    /** Gradient descent on a 2-D quadratic: unscaled vs standardized features. */
    z
      .object({
        widget: z.literal('lossContours'),
        title: text('a title'),
        condition: z.number().min(1).max(1000).default(25),
      })
      .strict(),
    /** The (N, C, H, W) cube with the axes each norm reduces over. */
    z.object({ widget: z.literal('axesCube'), title: text('a title') }).strict(),
    /** The engine's own source of a layer, beside its formula. */
    z
      .object({
        widget: z.literal('engineSource'),
        title: text('a title'),
        file: z.string().regex(/^[a-zA-Z0-9/]+\.ts$/, {
          error: 'must be a path under src/engine, like layers/batchNorm.ts',
        }),
        /** Show only from the line containing this text … */
        from: z.string().optional(),
        /** … to the line containing this text. */
        to: z.string().optional(),
        /** Beside it, the same layer from scratch in Python, tested against PyTorch's own. */
        python: z
          .enum(['batchNorm1d'], { error: "must be 'batchNorm1d' (the one Python twin so far)" })
          .optional(),
      })
      .strict(),
    /** Build an init from distribution × fan mode × gain × multiplier; its histogram updates live. */
    z
      .object({
        widget: z.literal('initBuilder'),
        title: text('a title'),
        fanIn: z.number().int().min(1).default(256),
        fanOut: z.number().int().min(1).default(256),
      })
      .strict(),
    /** How deep each configuration can go and still train. */
    z
      .object({
        widget: z.literal('depthSweep'),
        title: text('a title'),
        depths: z.array(z.number().int().min(1).max(64)).min(2).max(8),
        steps: z.number().int().min(10).max(2000).default(150),
        configs: z
          .array(z.object({ label: text('a label'), settings: partialSettingsSchema }).strict())
          .min(1)
          .max(4),
        /** What the text says the sweep shows, cell by cell; the lesson tests train those cells and check. */
        expect: z
          .array(
            z
              .object({
                config: text('a configuration label'),
                depth: z.number().int().min(1).max(64),
                outcome: z.enum(['trained', 'stalled', 'diverged'], {
                  error: `must be 'trained', 'stalled' or 'diverged'`,
                }),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .superRefine((sweep, ctx) => {
        const labels = sweep.configs.map((c) => c.label);
        sweep.expect.forEach((e, i) => {
          if (!labels.includes(e.config)) {
            ctx.addIssue({
              code: 'custom',
              path: ['expect', i, 'config'],
              message: `'${e.config}' is not one of the configs (${labels.join(', ')})`,
            });
          }
          if (!sweep.depths.includes(e.depth)) {
            ctx.addIssue({
              code: 'custom',
              path: ['expect', i, 'depth'],
              message: `${e.depth} is not one of the depths (${sweep.depths.join(', ')})`,
            });
          }
        });
      }),
  ],
  {
    error: `must be one of 'depthProbe', 'lossContours', 'axesCube', 'engineSource', 'initBuilder', 'depthSweep'`,
  },
);

export const SIGNAL_TRENDS = ['zero', 'overflow', 'steady', 'shrinks', 'grows'] as const;
const trend = z.enum(SIGNAL_TRENDS, { error: `must be one of ${SIGNAL_TRENDS.join(', ')}` });

/**
 * The chart a chart-reading question shows: a depth probe of an untrained network, measured by the
 * engine (seeded) when the question is shown. Its settings stay hidden from the learner, since
 * naming the fault is the question. `shows` states what the chart shows (the trend of the activation
 * std from the first layer to the last, and of the gradient from the last layer back to the first);
 * the lesson tests measure the probe and hold it to that.
 */
export const quizChartSchema = z
  .object({
    kind: z.literal('depthProbe', { error: "must be 'depthProbe'" }),
    ...depthProbeFields,
    shows: z.object({ activations: trend, gradients: trend }).strict(),
  })
  .strict();

export const quizSchema = z
  .object({
    question: text('the question'),
    /** A chart to read, shown above the choices ("which fault does this plot show?"). */
    chart: quizChartSchema.optional(),
    choices: z
      .array(
        z
          .object({
            text: text('the choice text'),
            correct: z.boolean().default(false),
            explanation: text('an explanation of this choice'),
          })
          .strict(),
      )
      .min(2, { error: 'must offer at least two choices' })
      .max(6, { error: 'must offer at most six choices' }),
  })
  .strict()
  .superRefine((quiz, ctx) => checkOneMarked(quiz.choices, (c) => c.correct, 'correct', ctx));

/** How a checkpoint is earned: always by something the learner did in the app. */
const earnedBySchema = z.union([
  /** The named experiment's claim showed in the learner's own runs (optionally with a chart looked at). */
  z.object({ experiment: id, viewedChart: z.enum(CHART_KINDS).optional() }).strict(),
  /** Every quiz of these lessons ('all' = the whole track) answered correctly without revealing the answer first. */
  z.object({ quizzesWithoutPeeking: z.union([z.literal('all'), z.array(id).min(1)]) }).strict(),
  /** Every listed experiment's claim showed. */
  z.object({ experiments: z.array(id).min(2) }).strict(),
  /**
   * The named practice (of this lesson) was passed: the learner changed the settings it asks for and
   * the effect showed in those runs (optionally with a chart of those changed runs looked at).
   */
  z.object({ practice: id, viewedChart: z.enum(CHART_KINDS).optional() }).strict(),
]);

export const checkpointSchema = z
  .object({
    title: text('a title'),
    description: text('a description of what earns it'),
    earnedBy: earnedBySchema,
  })
  .strict();

export const practiceSchema = z
  .object({
    title: text('a title'),
    /** The task, in Markdown. */
    task: text('the task'),
    /** The experiment (of this lesson) the learner edits to do the task. */
    experiment: id,
    /** Success: these runs must have these settings (what the learner had to change) … */
    requireSettings: z
      .array(z.object({ run: text('a run label'), settings: partialSettingsSchema }).strict())
      .default([]),
    /** … and this effect must show in the learner's runs. */
    claim: claimSchema,
    /** An optional question to answer after the runs (e.g. "when is each preferable?"). */
    question: quizSchema.optional(),
    /**
     * A "mystery network": these settings are hidden until the learner reveals or changes them, the
     * question names the fault, and `requireSettings` (inside the hidden ones) is its fix.
     */
    hidden: z.array(settingKey).default([]),
  })
  .strict();

export const BLOCK_KINDS = [
  'experiment',
  'widget',
  'quiz',
  'checkpoint',
  'practice',
  'prediction',
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const blockSchemas = {
  experiment: experimentSchema,
  widget: widgetSchema,
  quiz: quizSchema,
  checkpoint: checkpointSchema,
  practice: practiceSchema,
  prediction: predictionSchema,
} as const;

export type LessonFrontMatter = z.infer<typeof frontMatterSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
export type Widget = z.infer<typeof widgetSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type QuizChart = z.infer<typeof quizChartSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type { Prediction } from './predictions';
