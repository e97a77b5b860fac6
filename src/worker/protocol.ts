/**
 * The message protocol between the UI and a training worker (one worker per run). Every message is
 * plain serialisable data; typed arrays inside snapshots are transferred, not copied. The UI never sees
 * an engine object, only these messages.
 */
import type { ProbeSnapshot } from '../engine/probes/probe';
import type { InputShift } from '../engine/data/shift';
import type { FoldReport, RecalibrationReport } from '../engine/train/batchNormAfterTraining';
import type { FineTuneReport } from '../engine/train/fineTune';
import type { AveragingReport } from '../engine/train/weightAveraging';
import type { DepthProbeOptions, DepthProbeResult } from '../engine/probes/depthProbe';
import type { DatasetId } from '../lab/datasets';
import type { WorkerSetup } from '../lab/settings';
import type { StopAt } from '../lab/stopAt';

export type SnapshotDetail = 'full' | 'reduced';

export type ToWorker =
  | { readonly type: 'configure'; readonly setup: WorkerSetup }
  /**
   * Train until paused, or with `until` until that step or epoch count (then it stops by itself and
   * reports `status {running: false, finished: true}`). Sent while training, it changes the target.
   */
  | { readonly type: 'train'; readonly until?: StopAt | undefined }
  | { readonly type: 'pause' }
  /**
   * Takes `count` steps; with `upTo`, no more than it takes to reach that step. A lesson's Resume
   * reckons its count from the last step the page has seen, and the worker may already be further
   * (a run paused after its last step, resumed before that step's snapshot arrived): the target,
   * absolute, keeps it from training past the experiment's end.
   */
  | { readonly type: 'step'; readonly count: number; readonly upTo?: number | undefined }
  | { readonly type: 'reset' }
  | { readonly type: 'evaluate' }
  | { readonly type: 'setSpeed'; readonly speed: number }
  | { readonly type: 'setValidationMode'; readonly mode: 'eval' | 'train' }
  /**
   * How often the heavy parts of a snapshot (probes, decision boundary, digits) are sent: 'full' for the
   * run whose internals are on screen, 'reduced' (about once a second) for the others. Losses and
   * validation always come at full rate.
   */
  | { readonly type: 'setDetail'; readonly detail: SnapshotDetail }
  /**
   * Whether anything on the page draws the decision boundary or the digit predictions (default true).
   * With false the worker computes neither: a forward pass per snapshot that nobody would see (2–5% of
   * a CNN lesson run's time).
   */
  | { readonly type: 'setViews'; readonly views: boolean }
  /**
   * The fewest steps between two probed steps that the page's charts need (default 1: as often as
   * snapshots and the probes' cost share allow, as the Lab's charts follow training). A lesson block
   * asks for about PROBE_FRAMES probes over its run, and for none (Infinity) when no chart of it
   * draws probes. The last step before a stop is always probed: claims read it.
   */
  | { readonly type: 'setProbeSpacing'; readonly steps: number }
  /**
   * The share of one core this worker may use, in (0, 1]: below 1 it rests between slices of work, so
   * runs training together leave the page what it needs to draw with (src/runs/cpuShare.ts). With it,
   * how many times their usual time its steps can take while only its own page keeps the machine busy
   * (at least 1, cpuShare.ts's ownSlowdownFor): the pacer counts only a slowdown beyond that as other
   * programs holding it back (src/worker/pacer.ts).
   */
  | { readonly type: 'setCpuShare'; readonly share: number; readonly ownSlowdown: number }
  | { readonly type: 'depthProbe'; readonly id: number; readonly options: DepthProbeOptions }
  /** Folds the paused run's BatchNorms into a copy of its network and compares the two. */
  | { readonly type: 'foldBatchNorm' }
  /**
   * Precise BN: re-estimates the paused run's running statistics from `batches` training batches;
   * with a `shift`, from shifted copies of the images, evaluated on shifted test images (AdaBN).
   */
  | {
      readonly type: 'recalibrateBatchNorm';
      readonly batches: number;
      readonly shift?: InputShift | undefined;
    }
  /**
   * Fine-tunes two copies of the paused run with small batches, one with live and one with frozen
   * BatchNorm, and compares them (the run itself is not changed).
   */
  | {
      readonly type: 'fineTuneBatchNorm';
      readonly batchSize: number;
      readonly steps: number;
      readonly learningRate: number;
    }
  /**
   * Stochastic weight averaging on a copy of the paused run: `steps` more steps, their weights
   * averaged, then the average's BatchNorm statistics recalibrated from `batches` batches.
   */
  | { readonly type: 'averageWeights'; readonly steps: number; readonly batches: number }
  /**
   * One input through the current network in eval mode (the learner's drawn digit): bytes 0–255 at
   * the data set's resolution, scaled as the data set is. Replies `inference`.
   */
  | { readonly type: 'infer'; readonly id: number; readonly pixels: Uint8Array };

/** The requests that work on a trained run's BatchNorm layers. */
export type AfterTrainingRequest = Extract<
  ToWorker,
  { type: 'foldBatchNorm' | 'recalibrateBatchNorm' | 'fineTuneBatchNorm' | 'averageWeights' }
>;

export type AfterTrainingOperation = 'fold' | 'recalibrate' | 'fineTune' | 'average';

const OPERATIONS: Record<AfterTrainingRequest['type'], AfterTrainingOperation> = {
  foldBatchNorm: 'fold',
  recalibrateBatchNorm: 'recalibrate',
  fineTuneBatchNorm: 'fineTune',
  averageWeights: 'average',
};

/** Which operation a request asks for (the name a pending or refused operation goes by). */
export const afterTrainingOperation = (request: AfterTrainingRequest): AfterTrainingOperation =>
  OPERATIONS[request.type];

/** The answer to an after-training request, measured at `step`. */
export type AfterTrainingResult =
  | { readonly kind: 'fold'; readonly step: number; readonly report: FoldReport }
  | { readonly kind: 'recalibrate'; readonly step: number; readonly report: RecalibrationReport }
  | { readonly kind: 'fineTune'; readonly step: number; readonly report: FineTuneReport }
  | { readonly kind: 'average'; readonly step: number; readonly report: AveragingReport }
  /** Not done (no BatchNorm, wrong placement, still training, no memory): `message` says why. */
  | {
      readonly kind: 'refused';
      readonly operation: AfterTrainingOperation;
      readonly step: number;
      readonly message: string;
    };

/** One layer's output for a single input: the values of a vector, or each channel's mean. */
export interface LayerActivation {
  readonly name: string;
  readonly label: string;
  /** 'units' for a vector output, 'channels' for feature maps reduced to their means. */
  readonly kind: 'units' | 'channels';
  readonly values: Float32Array;
}

/** What the current network makes of one input. */
export interface Inference {
  readonly id: number;
  /** The training step whose weights answered. */
  readonly step: number;
  readonly probabilities: Float32Array;
  readonly prediction: number;
  readonly layers: readonly LayerActivation[];
}

export interface ValidationPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly mode: 'eval' | 'train';
}

/** For the 2-D datasets: predicted class probabilities on a grid over [−1.5, 1.5]², row-major from the top. */
export interface DecisionBoundary {
  readonly size: number;
  readonly extent: number;
  /** size × size × numClasses probabilities. */
  readonly probabilities: Float32Array;
}

/** For MNIST: a fixed set of test digits with the model's current predictions. */
export interface DigitPredictions {
  readonly height: number;
  readonly width: number;
  /** count × height × width pixels in [0, 1]. */
  readonly pixels: Float32Array;
  readonly labels: Int32Array;
  readonly predictions: Int32Array;
}

export interface DatasetInfo {
  readonly id: DatasetId;
  readonly trainCount: number;
  readonly testCount: number;
  readonly sampleShape: readonly number[];
  readonly numClasses: number;
  readonly classNames?: readonly string[];
  /** 2-D sets: the training points, for drawing over the decision boundary. */
  readonly points?: { readonly x: Float32Array; readonly y: Int32Array };
}

export interface Snapshot {
  readonly type: 'snapshot';
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerSecond: number;
  /** Training loss and accuracy of every step since the previous snapshot. */
  readonly steps: Int32Array;
  readonly losses: Float32Array;
  readonly accuracies: Float32Array;
  readonly validation?: ValidationPoint;
  readonly probes?: ProbeSnapshot;
  readonly boundary?: DecisionBoundary;
  readonly digits?: DigitPredictions;
}

export type FromWorker =
  | {
      readonly type: 'ready';
      readonly dataset: DatasetInfo;
      readonly parameterCount: number;
      readonly layers: readonly { readonly name: string; readonly label: string }[];
    }
  | Snapshot
  /** Training started or stopped; `finished`: it stopped by itself at the `until` of its `train`. */
  | { readonly type: 'status'; readonly running: boolean; readonly finished?: boolean }
  | { readonly type: 'diverged'; readonly step: number; readonly reason: string }
  /** A run that cannot go on (bad config, batch size 1 under BatchNorm…): `message` is for the learner. */
  | {
      readonly type: 'error';
      readonly message: string;
      readonly step: number;
      /**
       * The run was refused before anything was allocated (it would not fit its memory budget): not a
       * crash, and `message` names the setting to lower.
       */
      readonly refused?: boolean;
    }
  | { readonly type: 'depthProbe'; readonly id: number; readonly result: DepthProbeResult }
  | { readonly type: 'inference'; readonly result: Inference }
  | { readonly type: 'depthProbeError'; readonly id: number; readonly message: string }
  | { readonly type: 'afterTraining'; readonly result: AfterTrainingResult };
