/**
 * Claims that measure one number of a run and check it lies in a range: what happens inside the
 * network, read from the probe snapshot of the run's last step (the headless runner probes that step,
 * and the browser worker always probes the last step of a "Run experiment"): gradient ratios between
 * layers, saturated and dead shares, the update-to-data ratio; and the loss curve's own numbers: the
 * loss of the very first step, where the smoothed loss ends and the step at which it reaches a value.
 * A lesson that says "the first layer's weight gradient is 10⁴× smaller", "a fifth of the ReLUs are
 * dead", "ends near loss 0.3" or "validation loss about 0.34" states it as one of these, and the tests
 * train and check it.
 */
import { z } from '../engine/zod';
import type { ProbeSnapshot } from '../engine/probes/probe';
import type { FoldReport, RecalibrationReport } from '../engine/train/batchNormAfterTraining';
import type { FineTuneReport } from '../engine/train/fineTune';
import type { AveragingReport } from '../engine/train/weightAveraging';
import type { AfterTrainingOperation } from '../worker/protocol';
import { AFTER_TRAINING_BUTTONS } from './afterTrainingButtons';
import { SMOOTHING_WINDOW } from '../engine/train/smoothLosses';
import { smoothedHistory } from './smoothedHistory';

const label = z.string({ error: 'must name a run of this experiment by its label' }).min(1);
const layerName = z
  .string({ error: 'must name a layer of the model, like fc1 or act3' })
  .regex(/^[a-z_][a-z0-9_.]*$/, { error: 'must name a layer of the model, like fc1 or act3' });
const bound = z.number({ error: 'must be a number' });

/** `atLeast` ≤ measured value ≤ `atMost`; at least one of the two is given. */
const range = { atLeast: bound.optional(), atMost: bound.optional() };
const hasBound = (c: { atLeast?: number | undefined; atMost?: number | undefined }) =>
  c.atLeast !== undefined || c.atMost !== undefined;
const boundError = { error: 'must give atLeast, atMost or both' };

/**
 * What an `afterTraining` claim reads: two of the fold's numbers, four of the recalibration's, four of
 * the fine-tuning's (live and frozen BatchNorm) and three of the weight averaging's.
 */
export const AFTER_TRAINING_MEASURES = [
  'foldDifference',
  'foldedLayers',
  'lossBefore',
  'lossAfter',
  'accuracyBefore',
  'accuracyAfter',
  'fineTuneLossLive',
  'fineTuneLossFrozen',
  'fineTuneAccuracyLive',
  'fineTuneAccuracyFrozen',
  'averageLossLast',
  'averageLossStale',
  'averageLossRecalibrated',
] as const;
export type AfterTrainingMeasure = (typeof AFTER_TRAINING_MEASURES)[number];

/** The operation whose result a measure reads. */
export function afterTrainingMeasureOperation(
  measure: AfterTrainingMeasure,
): AfterTrainingOperation {
  if (measure === 'foldDifference' || measure === 'foldedLayers') return 'fold';
  if (measure.startsWith('fineTune')) return 'fineTune';
  if (measure.startsWith('average')) return 'average';
  return 'recalibrate';
}

export const internalClaims = [
  /**
   * ‖∂L/∂P‖ of layer `numerator`'s parameter over layer `denominator`'s, at the run's last step.
   * A bias's gradient is the back-propagated gradient δ summed over the batch, so `param: bias`
   * shows the slope of the back-propagated signal and `param: weight` (δ·hᵀ) the step each weight gets.
   */
  z
    .object({
      kind: z.literal('gradRatio'),
      run: label,
      param: z.enum(['weight', 'bias'], { error: `must be 'weight' or 'bias'` }).default('weight'),
      numerator: layerName,
      denominator: layerName,
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
  /**
   * ‖∂L/∂P‖ of one layer's parameter at the run's last step: "the first layer's weight gradient is
   * about 2 × 10⁻⁸" (a ratio between layers is `gradRatio`).
   */
  z
    .object({
      kind: z.literal('gradNorm'),
      run: label,
      param: z.enum(['weight', 'bias'], { error: `must be 'weight' or 'bias'` }).default('weight'),
      layer: layerName,
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
  /** Share of tanh/sigmoid outputs on the flat ends (|tanh| > 0.97), in `layer` or averaged over all. */
  z
    .object({
      kind: z.literal('saturatedShare'),
      run: label,
      layer: layerName.optional(),
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
  /** Share of ReLU units that are 0 for the whole batch, in `layer` or averaged over all ReLU layers. */
  z
    .object({ kind: z.literal('deadShare'), run: label, layer: layerName.optional(), ...range })
    .strict()
    .refine(hasBound, boundError),
  /**
   * log10(std(Δw) / std(w)) for the last step (≈ −3 is the rule of thumb): of `layer`'s weight, or
   * the median over the weight tensors.
   */
  z
    .object({ kind: z.literal('updateRatio'), run: label, layer: layerName.optional(), ...range })
    .strict()
    .refine(hasBound, boundError),
  /**
   * A weight's size and step, at the run's last step (scale invariance): ‖W‖, ‖W‖ over its value at
   * initialization, ‖ΔW‖/‖W‖ of the last update, and η/‖W‖² for a weight that feeds a normalization
   * (SGD only). `layer` names the weight's layer, like fc2.
   */
  ...(['weightNorm', 'weightNormGrowth', 'relativeUpdate', 'effectiveLearningRate'] as const).map(
    (kind) =>
      z
        .object({ kind: z.literal(kind), run: label, layer: layerName, ...range })
        .strict()
        .refine(hasBound, boundError),
  ),
  /** The 15th, 50th or 85th percentile over the batch of unit 0 of `layer` (Ioffe & Szegedy's Figure 1 view). */
  z
    .object({
      kind: z.literal('unitPercentile'),
      run: label,
      layer: layerName,
      percentile: z.union([z.literal(15), z.literal(50), z.literal(85)], {
        error: 'must be 15, 50 or 85',
      }),
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
  /** The training loss of step 1, before any update could help (ln C for an unbiased start on C classes). */
  z
    .object({ kind: z.literal('initialLoss'), run: label, ...range })
    .strict()
    .refine(hasBound, boundError),
  /** The smoothed training loss at the run's last step ("ends near 0.3"). */
  z
    .object({ kind: z.literal('finalLoss'), run: label, ...range })
    .strict()
    .refine(hasBound, boundError),
  /** The run's latest validation loss (on up to 1,000 test images): "eval mode gives about 0.34". */
  z
    .object({ kind: z.literal('validationLoss'), run: label, ...range })
    .strict()
    .refine(hasBound, boundError),
  /** The step at which the smoothed training loss first reaches `loss` ("passes 0.6 after about 60 steps"). */
  z
    .object({
      kind: z.literal('stepsToLoss'),
      run: label,
      loss: z
        .number({ error: 'must be a positive loss' })
        .positive({ error: 'must be a positive loss' }),
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
  /**
   * What the experiment's after-training operation measured on the run once it had trained all its
   * steps: the fold's largest logit difference or the BatchNorm layers it removed, the eval loss
   * or accuracy before and after recalibrating the statistics (on shifted inputs for AdaBN), the eval
   * loss or accuracy of the copies fine-tuned with live and with frozen BatchNorm, or the eval loss
   * of the last continued network and of its weight average before and after recalibration (SWA).
   */
  z
    .object({
      kind: z.literal('afterTraining'),
      run: label,
      measure: z.enum(AFTER_TRAINING_MEASURES, {
        error: `must be one of ${AFTER_TRAINING_MEASURES.join(', ')}`,
      }),
      ...range,
    })
    .strict()
    .refine(hasBound, boundError),
] as const;

export type InternalClaim = z.infer<(typeof internalClaims)[number]>;
export const INTERNAL_CLAIM_KINDS = [
  'gradRatio',
  'gradNorm',
  'saturatedShare',
  'deadShare',
  'updateRatio',
  'weightNorm',
  'weightNormGrowth',
  'relativeUpdate',
  'effectiveLearningRate',
  'unitPercentile',
  'initialLoss',
  'finalLoss',
  'validationLoss',
  'stepsToLoss',
  'afterTraining',
] as const;

/** The latest result of each after-training operation on a run, each with the step it was measured at. */
export interface AfterTrainingHistory {
  readonly fold?: { readonly step: number; readonly report: FoldReport } | undefined;
  readonly recalibration?:
    { readonly step: number; readonly report: RecalibrationReport } | undefined;
  readonly fineTune?: { readonly step: number; readonly report: FineTuneReport } | undefined;
  readonly averaging?: { readonly step: number; readonly report: AveragingReport } | undefined;
}

/** What these claims read from a run. */
export interface InternalHistory {
  readonly label: string;
  readonly losses: ArrayLike<number>;
  readonly steps?: ArrayLike<number>;
  readonly divergedAt?: number;
  /** The run's validation results so far, the latest last. */
  readonly validation?: readonly { readonly step: number; readonly loss: number }[];
  /** The probe snapshot of the run's last step. */
  readonly finalProbe?: ProbeSnapshot;
  /** What folding and recalibrating the trained run measured. */
  readonly afterTraining?: AfterTrainingHistory;
}

/** The measured value and what it is ("fc1/fc31 weight gradient at step 400"), or why there is none yet. */
export type Measured = { readonly value: number; readonly what: string } | { readonly why: string };

const format = (x: number) =>
  Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(2) : x.toPrecision(3);

function lastStep(run: InternalHistory): number {
  const n = run.losses.length;
  if (n === 0) return 0;
  return run.steps ? run.steps[n - 1]! : n;
}

/** The probe of the run's final step, or the reason there is none to judge yet. */
function finalProbe(run: InternalHistory): ProbeSnapshot | string {
  if (run.divergedAt !== undefined) return `${run.label} diverged at step ${run.divergedAt}`;
  const probe = run.finalProbe;
  if (!probe || probe.step !== lastStep(run))
    return `${run.label} has no measurement of its last step yet`;
  return probe;
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The smoothed loss curve's measures: where it ends, and when it first reaches a value. */
function measureLossCurve(
  claim: Extract<InternalClaim, { kind: 'finalLoss' | 'stepsToLoss' }>,
  run: InternalHistory,
): Measured {
  if (run.divergedAt !== undefined)
    return { why: `${run.label} diverged at step ${run.divergedAt}` };
  const smooth = smoothedHistory(run.losses);
  if (smooth.length < SMOOTHING_WINDOW) return { why: `${run.label} needs more steps` };
  const stepAt = (i: number) => (run.steps ? run.steps[i]! : i + 1);
  const smoothed = `training loss (mean of ${SMOOTHING_WINDOW} steps)`;
  if (claim.kind === 'finalLoss')
    return {
      what: `${run.label}: ${smoothed} at step ${stepAt(smooth.length - 1)}`,
      value: smooth[smooth.length - 1]!,
    };
  for (let i = SMOOTHING_WINDOW - 1; i < smooth.length; i++)
    if (smooth[i]! <= claim.loss)
      return {
        what: `${run.label}: first step with a ${smoothed} ≤ ${claim.loss}`,
        value: stepAt(i),
      };
  return {
    why: `${run.label} has not reached a ${smoothed} of ${claim.loss} after ${stepAt(smooth.length - 1)} steps`,
  };
}

type WeightClaim = Extract<
  InternalClaim,
  { kind: 'weightNorm' | 'weightNormGrowth' | 'relativeUpdate' | 'effectiveLearningRate' }
>;

const WEIGHT_MEASURES: Record<WeightClaim['kind'], string> = {
  weightNorm: '‖W‖',
  weightNormGrowth: '‖W‖ over its value at initialization',
  relativeUpdate: '‖ΔW‖/‖W‖ of the last update',
  effectiveLearningRate: 'effective learning rate η/‖W‖²',
};

/** One weight's norm, growth, relative step or effective learning rate at the last step. */
function measureWeight(claim: WeightClaim, label: string, probe: ProbeSnapshot): Measured {
  const p = probe.params.find((q) => q.name === `${claim.layer}.weight`);
  if (!p) return { why: `${label} has no weight in ${claim.layer}` };
  const what = `${label}: ${WEIGHT_MEASURES[claim.kind]} of ${claim.layer} at step ${probe.step}`;
  switch (claim.kind) {
    case 'weightNorm':
      return { what, value: p.weightNorm };
    case 'weightNormGrowth':
      return p.initialWeightNorm > 0
        ? { what, value: p.weightNorm / p.initialWeightNorm }
        : { why: `${label}'s ${claim.layer} started at zero, so it has no growth factor` };
    case 'relativeUpdate':
      return p.relativeUpdate === null
        ? { why: `${label}'s ${claim.layer} has no update to compare yet` }
        : { what, value: p.relativeUpdate };
    case 'effectiveLearningRate':
      return p.effectiveLearningRate === null
        ? {
            why: p.scaleInvariant
              ? `${label} does not train with SGD, so ${claim.layer} has no η/‖W‖²`
              : `${label}'s ${claim.layer} does not feed a normalization, so its scale matters and η/‖W‖² is not its effective learning rate`,
          }
        : { what, value: p.effectiveLearningRate };
  }
}

/** The number an after-training operation measured on the run after its last step. */
function measureAfterTraining(
  claim: Extract<InternalClaim, { kind: 'afterTraining' }>,
  run: InternalHistory,
): Measured {
  if (run.divergedAt !== undefined)
    return { why: `${run.label} diverged at step ${run.divergedAt}` };
  const operation = afterTrainingMeasureOperation(claim.measure);
  const after = run.afterTraining;
  const done =
    operation === 'fold'
      ? after?.fold
      : operation === 'recalibrate'
        ? after?.recalibration
        : operation === 'fineTune'
          ? after?.fineTune
          : after?.averaging;
  if (!done || done.step !== lastStep(run) || lastStep(run) === 0)
    return {
      why: `${run.label}: press “${AFTER_TRAINING_BUTTONS[operation]}” once the run has trained all its steps`,
    };
  if (after?.fold && done === after.fold) {
    const r = after.fold.report;
    return claim.measure === 'foldDifference'
      ? {
          what: `${run.label}: largest |logit difference| between the network and its folded copy on ${r.samples} test samples (largest logit ${format(r.maxLogit)})`,
          value: r.maxDifference,
        }
      : {
          what: `${run.label}: BatchNorm layers folded away (${r.layersBefore} → ${r.layersAfter} layers)`,
          value: r.layersBefore - r.layersAfter,
        };
  }
  if (after?.fineTune && done === after.fineTune) {
    const r = after.fineTune.report;
    const frozen = claim.measure.endsWith('Frozen');
    const outcome = frozen ? r.frozen : r.live;
    const which = claim.measure.startsWith('fineTuneLoss') ? 'loss' : 'accuracy';
    const copy = `${frozen ? 'frozen' : 'live'}-BatchNorm copy`;
    if (!('evaluation' in outcome))
      return { why: `${run.label}: the ${copy} diverged at step ${outcome.divergedAt}` };
    return {
      what: `${run.label}: eval ${which} of the ${copy} after ${r.steps} fine-tuning steps at batch ${r.batchSize} (${outcome.evaluation.count} test samples)`,
      value: outcome.evaluation[which],
    };
  }
  if (after?.averaging && done === after.averaging) {
    const r = after.averaging.report;
    const [value, what] =
      claim.measure === 'averageLossLast'
        ? [r.last.loss, `the last of ${r.steps} continued steps`]
        : claim.measure === 'averageLossStale'
          ? [r.averaged.before.loss, `their weight average with the statistics it started from`]
          : [r.averaged.after.loss, `their weight average with recalibrated statistics`];
    return { what: `${run.label}: eval loss of ${what} (${r.last.count} test samples)`, value };
  }
  const r = (done as { readonly report: RecalibrationReport }).report;
  const when = claim.measure.endsWith('Before') ? 'before' : 'after';
  const which = claim.measure.startsWith('loss') ? 'loss' : 'accuracy';
  const shifted = r.shift ? ' on shifted inputs' : '';
  return {
    what: `${run.label}: eval ${which}${shifted} ${when} recalibrating (${r.before.count} test samples)`,
    value: r[when][which],
  };
}

export function measureInternal(claim: InternalClaim, run: InternalHistory): Measured {
  if (claim.kind === 'afterTraining') return measureAfterTraining(claim, run);
  if (claim.kind === 'initialLoss') {
    const what = `${run.label}: training loss of the single batch at step 1`;
    return run.losses.length === 0
      ? { why: `${run.label} has not trained a step yet` }
      : { what, value: run.losses[0]! };
  }
  if (claim.kind === 'finalLoss' || claim.kind === 'stepsToLoss')
    return measureLossCurve(claim, run);
  if (claim.kind === 'validationLoss') {
    const last = run.validation?.[run.validation.length - 1];
    return last === undefined
      ? { why: `${run.label} has no validation result yet` }
      : { what: `${run.label}: validation loss at step ${last.step}`, value: last.loss };
  }
  const probe = finalProbe(run);
  switch (claim.kind) {
    case 'gradRatio': {
      if (typeof probe === 'string') return { why: probe };
      const what = `${run.label}: ‖∂L/∂${claim.param === 'bias' ? 'b' : 'W'}‖ of ${claim.numerator} over ${claim.denominator} at step ${probe.step}`;
      const norm = (layer: string) =>
        probe.params.find((p) => p.name === `${layer}.${claim.param}`)?.gradNorm;
      const top = norm(claim.numerator);
      const bottom = norm(claim.denominator);
      if (top === undefined || bottom === undefined)
        return {
          why: `${run.label} has no ${claim.param} in ${top === undefined ? claim.numerator : claim.denominator}`,
        };
      return { what, value: bottom === 0 ? Infinity : top / bottom };
    }
    case 'gradNorm': {
      if (typeof probe === 'string') return { why: probe };
      const grad = probe.params.find((p) => p.name === `${claim.layer}.${claim.param}`)?.gradNorm;
      return grad === undefined
        ? { why: `${run.label} has no ${claim.param} in ${claim.layer}` }
        : {
            what: `${run.label}: ‖∂L/∂${claim.param === 'bias' ? 'b' : 'W'}‖ of ${claim.layer} at step ${probe.step}`,
            value: grad,
          };
    }
    case 'saturatedShare':
    case 'deadShare': {
      const key = claim.kind === 'saturatedShare' ? 'saturated' : 'dead';
      if (typeof probe === 'string') return { why: probe };
      const what = `${run.label}: ${key} share ${claim.layer ? `in ${claim.layer}` : 'averaged over the hidden layers'} at step ${probe.step}`;
      const values = probe.activations
        .filter((a) => (claim.layer ? a.name === claim.layer : true))
        .map((a) => a[key])
        .filter((v): v is number => v !== undefined);
      const value = mean(values);
      return value === undefined
        ? {
            why: `${run.label} has no ${key === 'saturated' ? 'tanh or sigmoid' : 'ReLU'} layer ${claim.layer ?? ''}`.trim(),
          }
        : { what, value };
    }
    case 'unitPercentile': {
      if (typeof probe === 'string') return { why: probe };
      const tap = probe.activations.find((a) => a.name === claim.layer);
      if (!tap) return { why: `${run.label} has no layer ${claim.layer}` };
      const index = claim.percentile === 15 ? 0 : claim.percentile === 50 ? 1 : 2;
      return {
        what: `${run.label}: ${claim.percentile}th percentile of ${claim.layer}'s unit 0 over the batch at step ${probe.step}`,
        value: tap.unitPercentiles[index],
      };
    }
    case 'weightNorm':
    case 'weightNormGrowth':
    case 'relativeUpdate':
    case 'effectiveLearningRate':
      return typeof probe === 'string' ? { why: probe } : measureWeight(claim, run.label, probe);
    case 'updateRatio': {
      if (typeof probe === 'string') return { why: probe };
      if (claim.layer !== undefined) {
        const ratio = probe.params.find((p) => p.name === `${claim.layer}.weight`)?.updateRatio;
        return ratio === undefined || ratio === null
          ? { why: `${run.label} has no update of a weight in ${claim.layer}` }
          : {
              what: `${run.label}: log10(std Δw / std w) of ${claim.layer} at step ${probe.step}`,
              value: ratio,
            };
      }
      const what = `${run.label}: median over the weight tensors of log10(std Δw / std w) at step ${probe.step}`;
      const ratios = probe.params
        .filter((p) => p.role === 'weight' && p.updateRatio !== null)
        .map((p) => p.updateRatio!)
        .sort((a, b) => a - b);
      if (ratios.length === 0) return { why: `${run.label} made no update yet` };
      const mid = ratios.length >> 1;
      const value = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
      return { what, value };
    }
  }
}

export function evaluateInternal(
  claim: InternalClaim,
  run: InternalHistory,
): { shown: boolean; detail: string } {
  const m = measureInternal(claim, run);
  if ('why' in m) return { shown: false, detail: m.why };
  const v = m.value;
  const shown =
    Number.isFinite(v) &&
    (claim.atLeast === undefined || v >= claim.atLeast) &&
    (claim.atMost === undefined || v <= claim.atMost);
  const wanted = [
    claim.atLeast !== undefined ? `≥ ${format(claim.atLeast)}` : '',
    claim.atMost !== undefined ? `≤ ${format(claim.atMost)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return { shown, detail: `${m.what} = ${format(v)} (claimed ${wanted})` };
}
