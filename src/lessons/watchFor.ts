/**
 * What a claim asks of the runs, as sentences for the learner to watch for while an experiment
 * trains: the same numbers the evaluator judges (claims.ts, internalClaims.ts), before any of them
 * has been measured. One sentence per condition; an `allOf` claim gives one for each of its parts.
 */
import { formatNumber, formatCount } from '../lab/formatNumber';
import { SMOOTHING_WINDOW } from '../engine/train/smoothLosses';
import type { ChartKind } from './chartKinds';
import type { Claim } from './claims';
import { CHART_NAMES } from './progress/chartNames';
import type { AfterTrainingMeasure } from './internalClaims';

const SMOOTHED = `training loss (mean of ${SMOOTHING_WINDOW} steps)`;
const pct = (x: number): string => `${formatNumber(100 * x)}%`;

interface Range {
  readonly atLeast?: number | undefined;
  readonly atMost?: number | undefined;
}

/** "between 0.1 and 0.3", "at least 4", "at most 5e−5" (as percentages with `asShare`). */
function rangeText({ atLeast, atMost }: Range, asShare = false): string {
  const show = asShare ? pct : formatNumber;
  if (atLeast !== undefined && atMost !== undefined) {
    return atLeast === atMost
      ? `exactly ${show(atLeast)}`
      : `between ${show(atLeast)} and ${show(atMost)}`;
  }
  if (atLeast !== undefined) return `at least ${show(atLeast)}`;
  return `at most ${show(atMost ?? Number.NaN)}`;
}

const AFTER_TRAINING: Record<AfterTrainingMeasure, string> = {
  foldDifference: 'the largest difference between the folded and the unfolded network’s logits',
  foldedLayers: 'the number of BatchNorm layers folded away',
  lossBefore: 'the eval-mode loss before recalibrating',
  lossAfter: 'the eval-mode loss after recalibrating',
  accuracyBefore: 'the eval-mode accuracy before recalibrating',
  accuracyAfter: 'the eval-mode accuracy after recalibrating',
  fineTuneLossLive: 'the eval-mode loss of the copy fine-tuned with live BatchNorm',
  fineTuneLossFrozen: 'the eval-mode loss of the copy fine-tuned with frozen BatchNorm',
  fineTuneAccuracyLive: 'the eval-mode accuracy of the copy fine-tuned with live BatchNorm',
  fineTuneAccuracyFrozen: 'the eval-mode accuracy of the copy fine-tuned with frozen BatchNorm',
  averageLossLast: 'the eval-mode loss of the last network before averaging',
  averageLossStale: 'the eval-mode loss of the weight average with its old statistics',
  averageLossRecalibrated: 'the eval-mode loss of the weight average after recalibrating',
};

function sentence(claim: Exclude<Claim, { kind: 'allOf' }>): string {
  switch (claim.kind) {
    case 'fasterToLoss':
      return `${claim.fast} reaches a ${SMOOTHED} of ${formatNumber(claim.loss)} in at most ${pct(claim.ratio)} of the steps ${claim.slow} needs`;
    case 'accuracyAbove':
      return `${claim.run}’s validation accuracy reaches at least ${pct(claim.accuracy)}`;
    case 'accuracyBelow':
      return `${claim.run}’s validation accuracy stays at most ${pct(claim.accuracy)}`;
    case 'diverges':
      return `${claim.run} diverges (its loss or a gradient stops being a finite number)${claim.byStep !== undefined ? ` by step ${formatCount(claim.byStep)}` : ''}`;
    case 'lossFalls':
      return `${claim.run}’s ${SMOOTHED} falls to at most ${pct(claim.fraction)} of where it started, without diverging`;
    case 'validationDiffers':
      return `the final validation losses of ${claim.a} and ${claim.b} differ by at least ${formatNumber(claim.minDifference)}`;
    case 'lowerLoss':
      return `${claim.run} ends with a ${SMOOTHED} at least ${formatNumber(claim.margin)} below ${claim.than}’s`;
    case 'gradRatio':
      return `at the last step, in ${claim.run}, ‖∂L/∂${claim.param === 'weight' ? 'W' : 'b'}‖ of ${claim.numerator} over that of ${claim.denominator} is ${rangeText(claim)}`;
    case 'gradNorm':
      return `at the last step, in ${claim.run}, ‖∂L/∂${claim.param === 'weight' ? 'W' : 'b'}‖ of ${claim.layer} is ${rangeText(claim)}`;
    case 'saturatedShare':
      return `the share of saturated units (|output| > 0.97) ${claim.layer ? `in ${claim.layer}` : 'over the layers'} of ${claim.run} is ${rangeText(claim, true)}`;
    case 'deadShare':
      return `the share of dead ReLU units (0 for the whole batch) ${claim.layer ? `in ${claim.layer}` : 'over the layers'} of ${claim.run} is ${rangeText(claim, true)}`;
    case 'updateRatio':
      return `the update ratio log₁₀(std Δw / std w) ${claim.layer ? `of ${claim.layer}` : '(median over the weights)'} of ${claim.run} at the last step is ${rangeText(claim)}`;
    case 'weightNorm':
      return `‖W‖ of ${claim.layer} in ${claim.run} at the last step is ${rangeText(claim)}`;
    case 'weightNormGrowth':
      return `‖W‖ of ${claim.layer} in ${claim.run} at the last step is ${rangeText(claim)} times its size at initialization`;
    case 'relativeUpdate':
      return `the last update of ${claim.layer} in ${claim.run}, ‖ΔW‖/‖W‖, is ${rangeText(claim)}`;
    case 'effectiveLearningRate':
      return `the effective learning rate η/‖W‖² of ${claim.layer} in ${claim.run} at the last step is ${rangeText(claim)}`;
    case 'unitPercentile':
      return `the ${claim.percentile}th percentile of unit 0 of ${claim.layer} in ${claim.run} at the last step is ${rangeText(claim)}`;
    case 'initialLoss':
      return `${claim.run}’s training loss at step 1 is ${rangeText(claim)}`;
    case 'finalLoss':
      return `${claim.run}’s ${SMOOTHED} at the last step is ${rangeText(claim)}`;
    case 'validationLoss':
      return `${claim.run}’s latest validation loss is ${rangeText(claim)}`;
    case 'stepsToLoss':
      return `${claim.run}’s ${SMOOTHED} reaches ${formatNumber(claim.loss)} after ${rangeText(claim)} steps`;
    case 'afterTraining':
      return `once ${claim.run} has trained, ${AFTER_TRAINING[claim.measure]} is ${rangeText(claim)}`;
  }
}

/** The claim's conditions, one sentence each, starting with a capital letter. */
export function watchFor(claim: Claim): string[] {
  const parts = claim.kind === 'allOf' ? claim.claims.flatMap(watchFor) : [sentence(claim)];
  return parts.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
}

/** What each chart shows of the runs, for an experiment with no claim to watch for. */
const CHART_WATCH: Readonly<Record<ChartKind, string>> = {
  loss: 'how each run’s training loss falls, and its validation loss (dashed)',
  accuracy: 'each run’s validation accuracy',
  activations: 'the distribution of each layer’s outputs at the latest step',
  heatmap: 'how each layer’s outputs spread or collapse over training',
  gradNorms: 'the size of each layer’s weight gradient over training',
  weights: 'each layer’s weights at the latest step',
  updateRatio: 'how far each step moves each layer’s weights, log₁₀(std Δw / std w)',
  weightNorms: 'each layer’s weight norm ‖W‖ over training',
  bnStats: 'each BatchNorm layer’s running statistics against those of the latest batch',
  boundary: 'the decision boundary over the training points',
  digits: 'which of the shown test digits each run gets right',
  percentiles: 'the percentiles of one layer’s inputs over training',
};

/**
 * For an experiment without a claim: what its charts show, chart by chart ("Gradient norms: the size
 * of each layer’s weight gradient over training"), so the learner still knows where to look while the
 * runs train; the experiment's text says what to look for there.
 */
export function watchCharts(charts: readonly ChartKind[]): string[] {
  return charts.map((chart) => `${CHART_NAMES[chart]}: ${CHART_WATCH[chart]}`);
}
