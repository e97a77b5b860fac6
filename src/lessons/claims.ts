/**
 * What an experiment claims, as data, and one evaluator for it. The same evaluator judges a learner's
 * live runs in the browser (to award checkpoints) and the headless runs of the lesson tests, so a
 * checkpoint is earned exactly when the effect the text describes has really shown up.
 */
import { z } from '../engine/zod';
import { SMOOTHING_WINDOW } from '../engine/train/smoothLosses';
import { smoothedHistory } from './smoothedHistory';
import type { ProbeSnapshot } from '../engine/probes/probe';
import {
  evaluateInternal,
  INTERNAL_CLAIM_KINDS,
  internalClaims,
  type AfterTrainingHistory,
  type InternalClaim,
} from './internalClaims';

const label = z.string({ error: 'must name a run of this experiment by its label' }).min(1);
const positive = (what: string) =>
  z.number({ error: `must be ${what}` }).positive({ error: `must be ${what}` });
const fraction = z
  .number({ error: 'must be a number from 0 to 1' })
  .min(0, { error: 'must be a number from 0 to 1' })
  .max(1, { error: 'must be a number from 0 to 1' });

const baseClaims = [
  /** `fast` reaches the smoothed training loss `loss` in at most `ratio` × the steps `slow` needs (or `slow` never does). */
  z
    .object({
      kind: z.literal('fasterToLoss'),
      fast: label,
      slow: label,
      loss: positive('a positive loss'),
      ratio: fraction,
    })
    .strict(),
  /** The run's latest validation accuracy is at least `accuracy`. */
  z.object({ kind: z.literal('accuracyAbove'), run: label, accuracy: fraction }).strict(),
  /** The run's latest validation accuracy stays at most `accuracy` (e.g. near chance). */
  z.object({ kind: z.literal('accuracyBelow'), run: label, accuracy: fraction }).strict(),
  /** The run stopped with a non-finite loss or gradient (at step `byStep` at the latest, if given). */
  z
    .object({
      kind: z.literal('diverges'),
      run: label,
      byStep: z
        .number({ error: 'must be a whole number of steps' })
        .int({ error: 'must be a whole number of steps' })
        .positive({ error: 'must be a whole number of steps' })
        .optional(),
    })
    .strict(),
  /** The run did not diverge and its smoothed loss fell to at most `fraction` of where it started. */
  z.object({ kind: z.literal('lossFalls'), run: label, fraction: fraction }).strict(),
  /** The final validation losses of runs `a` and `b` differ by at least `minDifference`. */
  z
    .object({
      kind: z.literal('validationDiffers'),
      a: label,
      b: label,
      minDifference: positive('a positive number'),
    })
    .strict(),
  /** The run's smoothed final training loss is lower than `than`'s by at least `margin`. */
  z
    .object({ kind: z.literal('lowerLoss'), run: label, than: label, margin: z.number().min(0) })
    .strict(),
] as const;

const BASE_CLAIM_KINDS = [
  'fasterToLoss',
  'accuracyAbove',
  'accuracyBelow',
  'diverges',
  'lossFalls',
  'validationDiffers',
  'lowerLoss',
] as const;

export type Claim =
  | z.infer<(typeof baseClaims)[number]>
  | InternalClaim
  | { readonly kind: 'allOf'; readonly claims: readonly Claim[] };

export const claimSchema: z.ZodType<Claim> = z.lazy(() =>
  z.discriminatedUnion(
    'kind',
    [
      ...baseClaims,
      ...internalClaims,
      z.object({ kind: z.literal('allOf'), claims: z.array(claimSchema).min(1) }).strict(),
    ],
    {
      error: `must be one of ${[...BASE_CLAIM_KINDS, ...INTERNAL_CLAIM_KINDS, 'allOf'].map((k) => `'${k}'`).join(', ')}`,
    },
  ),
);

/** What the evaluator needs to know about one run: its training losses and validation points so far. */
export interface RunHistory {
  readonly label: string;
  /** Training loss per step, step 1 first (a decimated history may skip steps: give `steps` then). */
  readonly losses: ArrayLike<number>;
  /** The step of each entry in `losses`; defaults to 1, 2, 3, … */
  readonly steps?: ArrayLike<number>;
  readonly validation: readonly {
    readonly step: number;
    readonly loss: number;
    readonly accuracy: number;
  }[];
  /** Set when the run diverged. */
  readonly divergedAt?: number;
  /** The probe snapshot of the run's last step (what the internal claims read). */
  readonly finalProbe?: ProbeSnapshot;
  /** What folding and recalibrating the trained run measured (what `afterTraining` claims read). */
  readonly afterTraining?: AfterTrainingHistory;
}

export interface ClaimVerdict {
  /** True once the evidence shows the claimed effect. */
  readonly shown: boolean;
  /** A sentence for the learner: what was measured. */
  readonly detail: string;
}

/** The first step at which the smoothed loss is at most `threshold` (after a full window), or undefined. */
export function stepsToLoss(run: RunHistory, threshold: number): number | undefined {
  const smooth = smoothedHistory(run.losses);
  for (let i = SMOOTHING_WINDOW - 1; i < smooth.length; i++) {
    if (smooth[i]! <= threshold) return run.steps ? run.steps[i]! : i + 1;
  }
  return undefined;
}

function finalSmoothed(run: RunHistory): number | undefined {
  const smooth = smoothedHistory(run.losses);
  return smooth.length === 0 ? undefined : smooth[smooth.length - 1];
}

/** The step of the `i`-th recorded loss. */
function stepOf(run: RunHistory, i: number): number {
  return run.steps ? run.steps[i]! : i + 1;
}

/** The last step a run recorded a loss for. */
function lastStep(run: RunHistory): number {
  return run.losses.length === 0 ? 0 : stepOf(run, run.losses.length - 1);
}

/**
 * Every number a detail shows says what it is: the training losses compared here are moving averages
 * (a learner sees single-batch losses elsewhere, which are noisier and lower or higher).
 */
const SMOOTHED = `training loss (mean of ${SMOOTHING_WINDOW} steps)`;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function evaluateClaim(claim: Claim, runs: readonly RunHistory[]): ClaimVerdict {
  const find = (name: string): RunHistory | undefined => runs.find((r) => r.label === name);
  const missing = (name: string): ClaimVerdict => ({
    shown: false,
    detail: `${name} has not run yet`,
  });
  switch (claim.kind) {
    case 'allOf': {
      const verdicts = claim.claims.map((c) => evaluateClaim(c, runs));
      return {
        shown: verdicts.every((v) => v.shown),
        detail: verdicts.map((v) => v.detail).join('; '),
      };
    }
    case 'fasterToLoss': {
      const fast = find(claim.fast);
      const slow = find(claim.slow);
      if (!fast) return missing(claim.fast);
      if (!slow) return missing(claim.slow);
      const fastSteps = stepsToLoss(fast, claim.loss);
      if (fastSteps === undefined) {
        return {
          shown: false,
          detail: `${claim.fast} has not reached a ${SMOOTHED} of ${claim.loss} yet`,
        };
      }
      const slowSteps = stepsToLoss(slow, claim.loss);
      const slowSoFar = slow.divergedAt ?? slow.losses.length;
      if (slowSteps === undefined) {
        // The slow run has not got there: the claim holds once it has trained long enough to be sure.
        const shown = fastSteps <= claim.ratio * slowSoFar;
        return {
          shown,
          detail: shown
            ? `${claim.fast} reached a ${SMOOTHED} of ${claim.loss} at step ${fastSteps}; ${claim.slow} had not after ${slowSoFar} steps`
            : `${claim.fast} reached a ${SMOOTHED} of ${claim.loss} at step ${fastSteps}; keep training ${claim.slow} to compare`,
        };
      }
      const shown = fastSteps <= claim.ratio * slowSteps;
      return {
        shown,
        detail: `${claim.fast} reached a ${SMOOTHED} of ${claim.loss} at step ${fastSteps}, ${claim.slow} at step ${slowSteps} (${pct(fastSteps / slowSteps)} of the steps)`,
      };
    }
    case 'accuracyAbove':
    case 'accuracyBelow': {
      const run = find(claim.run);
      if (!run) return missing(claim.run);
      const last = run.validation[run.validation.length - 1];
      if (!last) return { shown: false, detail: `${claim.run} has no validation result yet` };
      const shown =
        claim.kind === 'accuracyAbove'
          ? last.accuracy >= claim.accuracy
          : last.accuracy <= claim.accuracy;
      return {
        shown,
        detail: `${claim.run}: validation accuracy ${pct(last.accuracy)} at step ${last.step}`,
      };
    }
    case 'diverges': {
      const run = find(claim.run);
      if (!run) return missing(claim.run);
      if (run.divergedAt === undefined)
        return {
          shown: false,
          detail: `${claim.run} has not diverged (${run.losses.length} steps)`,
        };
      const detail = `${claim.run} diverged at step ${run.divergedAt}`;
      return claim.byStep === undefined || run.divergedAt <= claim.byStep
        ? { shown: true, detail }
        : { shown: false, detail: `${detail}, later than step ${claim.byStep}` };
    }
    case 'lossFalls': {
      const run = find(claim.run);
      if (!run) return missing(claim.run);
      if (run.divergedAt !== undefined)
        return { shown: false, detail: `${claim.run} diverged at step ${run.divergedAt}` };
      const smooth = smoothedHistory(run.losses);
      if (smooth.length < 2 * SMOOTHING_WINDOW)
        return { shown: false, detail: `${claim.run} needs more steps` };
      const start = smooth[SMOOTHING_WINDOW - 1]!;
      const end = smooth[smooth.length - 1]!;
      return {
        shown: end <= claim.fraction * start,
        detail: `${claim.run}: ${SMOOTHED} ${start.toFixed(3)} at step ${stepOf(run, SMOOTHING_WINDOW - 1)} → ${end.toFixed(3)} at step ${lastStep(run)}`,
      };
    }
    case 'validationDiffers': {
      const a = find(claim.a);
      const b = find(claim.b);
      if (!a) return missing(claim.a);
      if (!b) return missing(claim.b);
      const va = a.validation[a.validation.length - 1];
      const vb = b.validation[b.validation.length - 1];
      if (!va || !vb)
        return { shown: false, detail: 'waiting for validation results from both runs' };
      const gap = Math.abs(va.loss - vb.loss);
      return {
        shown: gap >= claim.minDifference,
        detail: `validation loss ${claim.a} ${va.loss.toFixed(3)} at step ${va.step} vs ${claim.b} ${vb.loss.toFixed(3)} at step ${vb.step}`,
      };
    }
    case 'gradRatio':
    case 'gradNorm':
    case 'validationLoss':
    case 'saturatedShare':
    case 'deadShare':
    case 'updateRatio':
    case 'weightNorm':
    case 'weightNormGrowth':
    case 'relativeUpdate':
    case 'effectiveLearningRate':
    case 'unitPercentile':
    case 'initialLoss':
    case 'finalLoss':
    case 'stepsToLoss':
    case 'afterTraining': {
      const run = find(claim.run);
      return run ? evaluateInternal(claim, run) : missing(claim.run);
    }
    case 'lowerLoss': {
      const run = find(claim.run);
      const than = find(claim.than);
      if (!run) return missing(claim.run);
      if (!than) return missing(claim.than);
      const a = finalSmoothed(run);
      const b = than.divergedAt !== undefined ? Infinity : finalSmoothed(than);
      if (a === undefined || b === undefined)
        return { shown: false, detail: 'waiting for both runs to train' };
      return {
        shown: run.divergedAt === undefined && a + claim.margin <= b,
        detail: `final ${SMOOTHED}: ${claim.run} ${a.toFixed(3)} at step ${lastStep(run)} vs ${claim.than} ${Number.isFinite(b) ? `${b.toFixed(3)} at step ${lastStep(than)}` : `diverged at step ${than.divergedAt}`}`,
      };
    }
  }
}

/** Every run label a claim refers to (the lesson validator checks they exist in the experiment). */
export function claimRunLabels(claim: Claim): string[] {
  switch (claim.kind) {
    case 'allOf':
      return claim.claims.flatMap(claimRunLabels);
    case 'fasterToLoss':
      return [claim.fast, claim.slow];
    case 'validationDiffers':
      return [claim.a, claim.b];
    case 'lowerLoss':
      return [claim.run, claim.than];
    default:
      return [claim.run];
  }
}
