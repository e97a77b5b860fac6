import { createLoader } from '../data/loader';
import type { Dataset } from '../data/dataset';
import { shiftDataset, type InputShift } from '../data/shift';
import { foldBatchNorm, foldRefusal } from '../model/foldBatchNorm';
import type { Model } from '../model/model';
import { MAX_RECALIBRATION_BATCHES, recalibrateBatchNorm } from '../model/recalibrateBatchNorm';
import { createRng } from '../rng';
import { tensor, type Tensor } from '../tensor';
import { formatMegabytes, RUN_MEMORY_BUDGET } from './memoryPlan';
import { VALIDATION_SAMPLES, type Evaluation, type TrainingRun } from './trainingRun';
import { formatCount } from '../text/numberText';

/**
 * The two things one does to a trained BatchNorm network before using it, applied to a run and
 * measured: folding the norms into the layers before them, and re-estimating their statistics.
 * The Lab's worker and the headless lesson experiments both call these, so they report the same numbers.
 */

/** What folding changed: nothing in the outputs (up to float32 rounding), fewer layers, less time. */
export interface FoldReport {
  /** Test samples compared. */
  readonly samples: number;
  /** The largest |logit before − logit after| over those samples. */
  readonly maxDifference: number;
  /** The largest |logit| (to put the difference in scale). */
  readonly maxLogit: number;
  /** Eval-mode accuracy of the original and of the folded network on those samples. */
  readonly accuracyBefore: number;
  readonly accuracyAfter: number;
  readonly layersBefore: number;
  readonly layersAfter: number;
  readonly parametersBefore: number;
  readonly parametersAfter: number;
  /** Milliseconds for one eval-mode pass over the samples, the best of a few, before and after. */
  readonly msBefore: number;
  readonly msAfter: number;
}

/** Why a run cannot be folded now (no BatchNorm, placement, or no memory for the copy); null when it can. */
export function foldRunRefusal(run: TrainingRun): string | null {
  const refusal = foldRefusal(run.config.model);
  if (refusal !== null) return refusal;
  // The folded copy holds at most the original's parameters and forward buffers.
  const needs = run.memory.total + run.memory.parts.parameters + run.memory.parts.activations;
  if (needs > RUN_MEMORY_BUDGET) {
    return `Folding makes a second, folded copy of the network (about ${formatMegabytes(needs - run.memory.total)}), and with it the run would need ${formatMegabytes(needs)}, more than the ${formatMegabytes(RUN_MEMORY_BUDGET)} a run may use. Lower the width, the depth or the batch size.`;
  }
  return null;
}

function firstSamples(data: Dataset, limit: number): { x: Tensor; y: Int32Array } {
  const n = Math.min(limit, data.count);
  const size = data.sampleShape.reduce((a, b) => a * b, 1);
  return {
    x: tensor([n, ...data.sampleShape], data.x.subarray(0, n * size)),
    y: data.y.subarray(0, n),
  };
}

function argmaxAccuracy(logits: Float32Array, classes: number, y: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) {
      if (logits[i * classes + k]! > logits[i * classes + best]!) best = k;
    }
    if (best === y[i]) correct++;
  }
  return y.length === 0 ? NaN : correct / y.length;
}

function bestTime(model: Model, x: Tensor, now: () => number, repeats: number): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = now();
    model.predict(x);
    best = Math.min(best, now() - start);
  }
  return best;
}

/**
 * Folds the run's network (the run itself keeps its BatchNorms) and compares the two on up to
 * VALIDATION_SAMPLES test samples. `now` is a millisecond clock; the times are for display only.
 */
export function measureFold(
  run: TrainingRun,
  test: Dataset,
  now: () => number = () => performance.now(),
  repeats = 3,
): FoldReport {
  const refusal = foldRunRefusal(run);
  if (refusal !== null) throw new Error(refusal);
  const model = run.model;
  const folded = foldBatchNorm(model);
  const { x, y } = firstSamples(test, VALIDATION_SAMPLES);
  const before = Float32Array.from(model.predict(x).data);
  const after = folded.predict(x).data;
  const classes = model.spec.numClasses;
  let maxDifference = 0;
  let maxLogit = 0;
  for (let i = 0; i < before.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs(before[i]! - after[i]!));
    maxLogit = Math.max(maxLogit, Math.abs(before[i]!));
  }
  return {
    samples: y.length,
    maxDifference,
    maxLogit,
    accuracyBefore: argmaxAccuracy(before, classes, y),
    accuracyAfter: argmaxAccuracy(after, classes, y),
    layersBefore: model.layers().length,
    layersAfter: folded.layers().length,
    parametersBefore: model.parameterCount() + bufferCount(model),
    parametersAfter: folded.parameterCount() + bufferCount(folded),
    msBefore: bestTime(model, x, now, repeats),
    msAfter: bestTime(folded, x, now, repeats),
  };
}

function bufferCount(model: Model): number {
  return model.buffers().reduce((sum, b) => sum + b.value.data.length, 0);
}

/** The eval-mode loss and accuracy before and after re-estimating the running statistics. */
export interface RecalibrationReport {
  readonly batches: number;
  readonly batchSize: number;
  /** The input shift both the batches and the evaluations went through (AdaBN), if any. */
  readonly shift?: InputShift | undefined;
  readonly before: Evaluation;
  readonly after: Evaluation;
}

/**
 * Precise BN on a run: `batches` training batches of the run's batch size (a fixed, seeded draw that
 * leaves the training order untouched) go through the frozen network, and every BatchNorm's running
 * statistics become their average. The run's model keeps the new statistics.
 * With a `shift`, the batches and both evaluations see the shifted inputs instead (AdaBN, Li et al.
 * 2016, arXiv:1603.04779: the statistics are re-estimated on the new domain, without its labels).
 */
export function recalibrateRun(
  run: TrainingRun,
  cleanTrain: Dataset,
  cleanTest: Dataset,
  batches: number,
  shift?: InputShift,
): RecalibrationReport {
  if (!Number.isInteger(batches) || batches < 1 || batches > MAX_RECALIBRATION_BATCHES) {
    throw new Error(
      `Recalibration needs a whole number of batches from 1 to ${formatCount(MAX_RECALIBRATION_BATCHES)}, got ${batches}`,
    );
  }
  if (run.config.model.norm.kind !== 'batchNorm') {
    throw new Error(
      'Recalibration re-estimates BatchNorm running statistics, and this network has no BatchNorm (LayerNorm, GroupNorm and InstanceNorm keep no running statistics).',
    );
  }
  const train = shift ? shiftDataset(cleanTrain, shift) : cleanTrain;
  const test = shift ? shiftDataset(cleanTest, shift, VALIDATION_SAMPLES) : cleanTest;
  const limit = { limit: VALIDATION_SAMPLES };
  const before = run.evaluate(test, 'eval', limit);
  const loader = createLoader(
    train,
    run.config.batchSize,
    createRng(run.config.seed).fork('recalibrate'),
  );
  const draw = function* (): Generator<Tensor> {
    for (let k = 0; k < batches; k++) yield loader.next().x;
  };
  recalibrateBatchNorm(run.model, draw());
  const after = run.evaluate(test, 'eval', limit);
  return { batches, batchSize: run.config.batchSize, shift, before, after };
}
