import type { Dataset, TrainTestSplit } from '../engine/data/dataset';
import { depthProbe } from '../engine/probes/depthProbe';
import type { ProbeSnapshot } from '../engine/probes/probe';
import { MemoryBudgetError, TrainingRun } from '../engine/train/trainingRun';
import { measureAfterTraining } from './afterTraining';
import { explainError } from './explainError';
import type { DatasetLoader } from './loadDataset';
import {
  boundaryExtent,
  decisionBoundary,
  digitIndices,
  digitPredictions,
  inferOne,
} from './modelViews';
import type { WorkerSetup } from '../lab/settings';
import { stopStep, type StopAt } from '../lab/stopAt';
import {
  afterTrainingOperation,
  type AfterTrainingRequest,
  type DatasetInfo,
  type FromWorker,
  type Snapshot,
  type SnapshotDetail,
  type ToWorker,
} from './protocol';
import { Pacer } from './pacer';
import { probeTransferables } from './probeTransfer';
import { StepBuffer } from './stepBuffer';
import type { Schedule } from './taskScheduler';
import { ValidationJob } from './validationJob';
import { ValidationSchedule } from './validationSchedule';

/**
 * At most one snapshot per this many milliseconds: 12.5 a second, so that the selected run's charts,
 * which change only with its own snapshots, still redraw more than ten times a second when a snapshot
 * is a little late (it goes out with the first step after it is due).
 */
export const SNAPSHOT_MS = 80;
/**
 * The decision boundary and digit predictions cost a forward pass each (2,304 grid points for the
 * boundary): they come with every snapshot while that costs at most 1/VIEWS_COST_SHARE of the time
 * between them, less often for a network big enough to make them expensive, and never less than
 * once a second.
 */
export const VIEWS_COST_SHARE = 10;
export const MAX_VIEWS_MS = 1000;
/**
 * Probes (every layer's histograms and statistics) cost a probed step several plain steps (12.6 ms
 * against 3.5 ms for a 22-layer MLP in Node). They come with a snapshot only while they take at most
 * this share of the time the worker spends stepping, measured on their own cost: so on a busy machine,
 * where 80 ms of wall clock hold only a few steps, they do not crowd out training, and on an idle one
 * they still come with every snapshot (a few per cent of the time for the Lab's networks).
 */
export const PROBE_SHARE = 0.25;
/** With 'reduced' detail, probes and views come at most this often. */
export const REDUCED_DETAIL_MS = 1000;
/** Steps per second is measured over windows of about this long. */
const SPEED_WINDOW_MS = 500;

export interface SessionEnvironment {
  readonly post: (message: FromWorker, transfer: Transferable[]) => void;
  readonly loadDataset: DatasetLoader;
  /** Milliseconds, monotonic; default performance.now. */
  readonly now?: () => number;
  /**
   * Runs `task` after `delay` ms, behind the messages already queued; default setTimeout (the
   * worker passes channelSchedule(), which skips browsers' 4 ms clamp of nested timers).
   */
  readonly schedule?: Schedule;
  /** Paces the session (default: a new one on `now`); the worker passes its own to read its accounting. */
  readonly pacer?: Pacer;
}

type Activity = 'idle' | 'training' | 'stepping';

/** Samples that are points of the plane, drawn with a decision boundary. */
function isPlane(data: Dataset): boolean {
  return data.sampleShape.length === 1 && data.sampleShape[0] === 2;
}

/**
 * Everything a training worker does, as a plain class so it runs (and is tested) in Node. It owns one
 * TrainingRun, trains it in short slices, and reports progress as snapshots: every step's loss since the
 * previous snapshot, probes of the latest step, validation, and the decision boundary or digit predictions.
 */
export class TrainingSession {
  private readonly post: SessionEnvironment['post'];
  private readonly loadDataset: DatasetLoader;
  private readonly now: () => number;
  private readonly later: Schedule;
  private queue: Promise<void> = Promise.resolve();

  private setup: WorkerSetup | undefined;
  private data: TrainTestSplit | undefined;
  private run: TrainingRun | undefined;
  private digits: number[] = [];
  /** Half-width of the decision boundary's grid, from the training points. */
  private extent = 0;
  /** Bumped by every configure, so a slow dataset download cannot resurrect an old configuration. */
  private generation = 0;

  private activity: Activity = 'idle';
  /** Where stepping, or training with a target, stops by itself; Infinity while training open-ended. */
  private stopAtStep = Infinity;
  private tickScheduled = false;
  private validation: ValidationJob | undefined;
  private finishedValidation: Snapshot['validation'];
  private readonly validationSchedule: ValidationSchedule;
  private readonly pacer: Pacer;
  /** The steps trained since the last snapshot. */
  private readonly pending = new StepBuffer();
  private lastSnapshotAt = -Infinity;
  private lastProbeAt = -Infinity;
  private lastViewsAt = -Infinity;
  /** What probing added to the latest probed step over a plain one (the pacer times those), in ms. */
  private probeExtraMs = 0;
  /** Time worked (in slices, rests not counted) since the latest probe, up to `workCountedTo`, in ms. */
  private workMsSinceProbe = 0;
  private workCountedTo = -Infinity;
  /** What the latest decision boundary or digit predictions took, in ms. */
  private viewsCost = 0;
  private detail: SnapshotDetail = 'full';
  /** Whether the page draws the boundary or digit predictions at all (see 'setViews'). */
  private views = true;
  /** The fewest steps between probed steps (see 'setProbeSpacing'), and the latest probed step. */
  private probeSpacing = 1;
  private lastProbeStep = -Infinity;
  private snapshotSoon = false;

  private speedWindow = { time: 0, steps: 0 };
  private stepsPerSecond = 0;

  constructor(env: SessionEnvironment) {
    this.post = env.post;
    this.loadDataset = env.loadDataset;
    this.now = env.now ?? (() => performance.now());
    this.later = env.schedule ?? ((task, delay) => void setTimeout(task, delay));
    this.validationSchedule = new ValidationSchedule(this.now);
    this.pacer = env.pacer ?? new Pacer(this.now);
  }

  /** Handles one message. Messages are processed in order; the promise settles when this one is done. */
  handle(message: ToWorker): Promise<void> {
    // Counted on arrival, so a configuration still waiting for its data knows it has been replaced.
    const generation = message.type === 'configure' ? ++this.generation : this.generation;
    // An exception in one message is reported and the queue goes on: a rejected link would otherwise
    // drop every later message silently (reliability audit, L7).
    this.queue = this.queue
      .then(() => this.process(message, generation))
      .catch((error: unknown) => {
        this.post(
          { type: 'error', message: explainError(error), step: this.run?.stepCount ?? 0 },
          [],
        );
      });
    return this.queue;
  }

  get isRunning(): boolean {
    return this.activity !== 'idle';
  }

  private async process(message: ToWorker, generation: number): Promise<void> {
    switch (message.type) {
      case 'configure':
        return this.configure(message.setup, generation);
      case 'train':
        return this.startTraining(message.until);
      case 'pause':
        return this.pause();
      case 'step':
        return this.startStepping(message.count, message.upTo);
      case 'reset':
        // A configuration whose data never arrived (offline) tries to load it again.
        if (!this.data && this.setup) return this.configure(this.setup, generation);
        return this.reset();
      case 'evaluate':
        if (this.run) this.startValidation(this.run);
        return this.ensureTick();
      case 'setSpeed':
        if (this.setup) this.setup = { ...this.setup, speed: message.speed };
        return this.restartSpeedLimit();
      case 'setValidationMode':
        if (this.setup) this.setup = { ...this.setup, validationMode: message.mode };
        if (this.run && this.activity === 'idle') this.startValidation(this.run);
        return this.ensureTick();
      case 'setDetail':
        this.detail = message.detail;
        // Whoever just started looking wants the internals now, not in a second.
        if (message.detail === 'full') this.snapshotSoon = true;
        return;
      case 'setViews':
        this.views = message.views;
        return;
      case 'setProbeSpacing':
        this.probeSpacing = message.steps;
        return;
      case 'setCpuShare':
        this.pacer.setCpuShare(message.share, message.ownSlowdown);
        return;
      case 'infer': {
        const { run, data } = this;
        // Nothing to answer with before the run is built; the page asks again with the next snapshot.
        if (!run || !data) return;
        const result = inferOne(run.model, data.test, message.pixels, message.id, run.stepCount);
        this.post({ type: 'inference', result }, [
          result.probabilities.buffer,
          ...result.layers.map((l) => l.values.buffer),
        ]);
        return;
      }
      case 'depthProbe':
        try {
          this.post(
            { type: 'depthProbe', id: message.id, result: depthProbe(message.options) },
            [],
          );
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          this.post({ type: 'depthProbeError', id: message.id, message: text }, []);
        }
        return;
      case 'foldBatchNorm':
      case 'recalibrateBatchNorm':
      case 'fineTuneBatchNorm':
      case 'averageWeights':
        return this.afterTraining(message);
    }
  }

  /**
   * Works on the paused run's BatchNorm layers (src/engine/train/batchNormAfterTraining.ts, fineTune.ts,
   * weightAveraging.ts) and posts what it measured. A recalibrated run keeps its new statistics and is
   * validated again, so its validation curve shows the change; folding, fine-tuning and weight
   * averaging work on copies and change nothing in the run.
   */
  private afterTraining(request: AfterTrainingRequest): void {
    const operation = afterTrainingOperation(request);
    const run = this.run;
    const data = this.data;
    const step = run?.stepCount ?? 0;
    const refuse = (message: string): void =>
      this.post(
        { type: 'afterTraining', result: { kind: 'refused', operation, step, message } },
        [],
      );
    if (!run || !data) return refuse('The run is not ready yet: wait until its data has loaded.');
    if (this.activity !== 'idle') {
      return refuse('Pause the run first: its weights must stay still while this is measured.');
    }
    // A validation in progress would mix the statistics before and after; it starts again below.
    const wasValidating = this.validation !== undefined;
    this.validation = undefined;
    try {
      this.post({ type: 'afterTraining', result: measureAfterTraining(run, data, request) }, []);
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
    if (wasValidating || operation === 'recalibrate') {
      this.startValidation(run);
      this.ensureTick();
    }
  }

  private async configure(setup: WorkerSetup, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.stop();
    this.setup = setup;
    this.run = undefined;
    this.data = undefined;
    let data: TrainTestSplit;
    try {
      data = await this.loadDataset(setup.dataset);
    } catch (error) {
      if (generation === this.generation)
        this.post({ type: 'error', message: explainError(error), step: 0 }, []);
      return;
    }
    if (generation !== this.generation) return;
    this.data = data;
    this.digits = data.test.sampleShape.length === 3 ? digitIndices(data.test) : [];
    this.extent = isPlane(data.train) ? boundaryExtent(data.train.x) : 0;
    this.build();
  }

  private reset(): void {
    this.stop();
    this.build();
  }

  /** A fresh run from the current setup: same seed, so the same initial weights and data order. */
  private build(): void {
    const { setup, data } = this;
    this.run = undefined;
    if (!setup || !data) return;
    this.pending.clear();
    this.finishedValidation = undefined;
    this.validationSchedule.reset();
    this.stepsPerSecond = 0;
    this.probeExtraMs = 0;
    this.workMsSinceProbe = 0;
    this.lastProbeStep = -Infinity;
    this.pacer.forgetSteps();
    let run: TrainingRun;
    try {
      run = new TrainingRun(setup.config, data.train, { testCount: data.test.count });
    } catch (error) {
      const refused = error instanceof MemoryBudgetError;
      this.post({ type: 'error', message: explainError(error), step: 0, refused }, []);
      return;
    }
    this.run = run;
    const points = isPlane(data.train)
      ? { x: Float32Array.from(data.train.x), y: Int32Array.from(data.train.y) }
      : undefined;
    const dataset: DatasetInfo = {
      id: setup.dataset.id,
      trainCount: data.train.count,
      testCount: data.test.count,
      sampleShape: [...data.train.sampleShape],
      numClasses: data.train.numClasses,
      ...(data.train.classNames ? { classNames: [...data.train.classNames] } : {}),
      ...(points ? { points } : {}),
    };
    this.post(
      {
        type: 'ready',
        dataset,
        parameterCount: run.model.parameterCount(),
        layers: run.model.root.children.map(([name, layer]) => ({ name, label: layer.label })),
      },
      points ? [points.x.buffer, points.y.buffer] : [],
    );
    try {
      this.postSnapshot(run, undefined, true);
      this.startValidation(run);
      this.ensureTick();
    } catch (error) {
      this.fail(run, error);
    }
  }

  private startTraining(until: StopAt | undefined): void {
    const run = this.run;
    if (!run) return;
    const target = until ? stopStep(until, run.batchesPerEpoch) : Infinity;
    if (this.activity === 'training') {
      // A new target while training: the next slice stops there (at once if it has passed).
      this.stopAtStep = target;
      return;
    }
    if (run.diverged) {
      this.post({ type: 'diverged', step: run.diverged.step, reason: run.diverged.reason }, []);
      return;
    }
    if (run.stepCount >= target) {
      // Already there: nothing to train, and the page learns that the run has finished.
      if (this.activity === 'idle')
        this.post({ type: 'status', running: false, finished: true }, []);
      return;
    }
    // Train means now: a validation of the paused model would delay the first step.
    this.validation = undefined;
    this.activity = 'training';
    this.stopAtStep = target;
    this.snapshotSoon = true;
    this.restartSpeedLimit();
    this.speedWindow = { time: this.now(), steps: run.stepCount };
    this.post({ type: 'status', running: true }, []);
    this.ensureTick();
  }

  private startStepping(count: number, upTo = Infinity): void {
    const run = this.run;
    if (!run || this.activity !== 'idle') return;
    const stopAt = Math.min(run.stepCount + Math.max(1, Math.floor(count)), upTo);
    if (run.diverged) {
      this.post({ type: 'diverged', step: run.diverged.step, reason: run.diverged.reason }, []);
      return;
    }
    // Already there (the page's Resume had not seen the last step yet): nothing to step, and the
    // last step's validation, if still under way, goes on.
    if (run.stepCount >= stopAt) return;
    this.validation = undefined;
    this.activity = 'stepping';
    this.stopAtStep = stopAt;
    this.ensureTick();
  }

  private pause(): void {
    const run = this.run;
    if (!run || this.activity === 'idle') return;
    this.activity = 'idle';
    try {
      this.postSnapshot(run, undefined, true);
    } catch (error) {
      this.fail(run, error);
      return;
    }
    this.post({ type: 'status', running: false }, []);
  }

  /** Stops all work without reporting (the caller is about to replace the run). */
  private stop(): void {
    const wasTraining = this.activity === 'training';
    this.activity = 'idle';
    this.validation = undefined;
    if (wasTraining) this.post({ type: 'status', running: false }, []);
  }

  private restartSpeedLimit(): void {
    this.pacer.restartSpeedLimit(this.run?.stepCount ?? 0);
  }

  private ensureTick(delay = 0): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.later(() => {
      this.tickScheduled = false;
      this.tick();
    }, delay);
  }

  private tick(): void {
    const run = this.run;
    if (!run) return;
    const sliceStart = this.now();
    const sliceMs = this.pacer.sliceMs;
    try {
      while (this.now() - sliceStart < sliceMs) {
        if (this.validation) {
          this.advanceValidation(run, this.validation);
          continue;
        }
        if (this.activity === 'idle') return;
        if (run.stepCount >= this.stopAtStep) {
          this.finishAtTarget(run);
          continue;
        }
        if (this.activity === 'training') {
          const wait = this.pacer.speedWait(this.setup?.speed ?? 0, run.stepCount);
          if (wait > 0) {
            if (this.now() - this.lastSnapshotAt >= SNAPSHOT_MS && this.pending.size > 0) {
              this.postSnapshot(run, undefined, false);
            }
            this.ensureTick(wait);
            return;
          }
        }
        if (!this.trainOneStep(run, sliceStart)) return;
      }
    } catch (error) {
      this.fail(run, error);
      return;
    }
    this.countWork(sliceStart);
    if (this.activity !== 'idle' || this.validation) {
      this.ensureTick(this.pacer.restAfter(sliceStart));
    }
  }

  /**
   * Stepping, or training with a target, reached its step: stop, validate the last step (unless the
   * schedule just did) and, after training, report that the run finished by itself.
   */
  private finishAtTarget(run: TrainingRun): void {
    const wasTraining = this.activity === 'training';
    this.activity = 'idle';
    this.stopAtStep = Infinity;
    if (this.validationSchedule.lastStep !== run.stepCount) this.startValidation(run);
    // Validated at the last step on schedule, while still training: nothing else would send it.
    else if (this.finishedValidation) this.postSnapshot(run, undefined, true);
    if (wasTraining) this.post({ type: 'status', running: false, finished: true }, []);
  }

  /** One training step (in the slice that began at `sliceStart`); false when the run diverged and stopped. */
  private trainOneStep(run: TrainingRun, sliceStart: number): boolean {
    // The last step before a stop carries probes and views, as the end of a lesson's experiment needs.
    const lastBeforeStop = run.stepCount + 1 >= this.stopAtStep;
    const now = this.now();
    const snapshotDue =
      this.snapshotSoon || lastBeforeStop || now - this.lastSnapshotAt >= SNAPSHOT_MS;
    const wanted = this.snapshotSoon || lastBeforeStop;
    const probe =
      snapshotDue &&
      (wanted ||
        (this.spacedFromLastProbe(run.stepCount + 1) &&
          (this.detail === 'full' || now - this.lastProbeAt >= REDUCED_DETAIL_MS) &&
          this.probeAffordable(sliceStart)));
    const result = run.step({ probe });
    this.recordStepCost(probe, this.now() - now);
    if (result.status === 'diverged') {
      const wasTraining = this.activity === 'training';
      this.activity = 'idle';
      this.validation = undefined;
      if (this.pending.size > 0) this.postSnapshot(run, undefined, false);
      this.post({ type: 'diverged', step: result.step, reason: result.reason }, []);
      if (wasTraining) this.post({ type: 'status', running: false }, []);
      return false;
    }
    this.pending.push(result.step, result.loss, result.accuracy);
    if (snapshotDue) {
      this.snapshotSoon = false;
      this.postSnapshot(run, result.probes, lastBeforeStop);
    }
    if (this.validationSchedule.due(run.stepCount, this.setup?.validationEvery))
      this.startValidation(run);
    return true;
  }

  /** Whether probing `step` keeps probes the page's spacing apart (none with an infinite one). */
  private spacedFromLastProbe(step: number): boolean {
    if (this.probeSpacing === Infinity) return false;
    return step - this.lastProbeStep >= this.probeSpacing;
  }

  /** Counts the time worked so far in the slice that began at `sliceStart` (since the latest probe). */
  private countWork(sliceStart: number): void {
    const now = this.now();
    this.workMsSinceProbe += now - Math.max(sliceStart, this.workCountedTo);
    this.workCountedTo = now;
  }

  /** Whether a probe now keeps probes within PROBE_SHARE of the time worked (see there). */
  private probeAffordable(sliceStart: number): boolean {
    this.countWork(sliceStart);
    return this.workMsSinceProbe * PROBE_SHARE >= this.probeExtraMs * (1 - PROBE_SHARE);
  }

  private recordStepCost(probed: boolean, ms: number): void {
    if (probed) {
      this.probeExtraMs = Math.max(0, ms - this.pacer.plainStepMs);
      this.workMsSinceProbe = 0;
      this.workCountedTo = this.now();
      return;
    }
    this.pacer.noteStep(ms);
  }

  private startValidation(run: TrainingRun): void {
    if (!this.data || !this.setup) return;
    this.validation = new ValidationJob(
      run,
      this.data.test,
      this.setup.validationMode,
      run.stepCount,
      this.now,
    );
    this.validationSchedule.started();
  }

  private advanceValidation(run: TrainingRun, job: ValidationJob): void {
    job.advance();
    if (!job.done) return;
    this.validation = undefined;
    this.validationSchedule.finished(job.step);
    // A snapshot carries one validation. On the worker's own schedule the newest simply wins; on a
    // lesson's fixed schedule every point is wanted, so the one still waiting goes out first.
    if (this.finishedValidation && this.setup?.validationEvery !== undefined) {
      this.postSnapshot(run, undefined, false);
    }
    this.finishedValidation = job.result();
    // While training, the next snapshot carries it; when idle, nothing else would.
    if (this.activity === 'idle') this.postSnapshot(run, undefined, true);
  }

  private measureSpeed(run: TrainingRun, now: number): number {
    if (this.activity !== 'training') return this.stepsPerSecond;
    const elapsed = now - this.speedWindow.time;
    const steps = run.stepCount - this.speedWindow.steps;
    if (elapsed >= SPEED_WINDOW_MS) {
      this.stepsPerSecond = (steps * 1000) / elapsed;
      this.speedWindow = { time: now, steps: run.stepCount };
    } else if (this.stepsPerSecond === 0 && elapsed >= 50) {
      this.stepsPerSecond = (steps * 1000) / elapsed;
    }
    return this.stepsPerSecond;
  }

  private postSnapshot(run: TrainingRun, probes: ProbeSnapshot | undefined, views: boolean): void {
    const now = this.now();
    const { steps, losses, accuracies } = this.pending.take();
    const transfer: Transferable[] = [steps.buffer, losses.buffer, accuracies.buffer];
    const snapshot: {
      -readonly [K in keyof Snapshot]: Snapshot[K];
    } = {
      type: 'snapshot',
      step: run.stepCount,
      epoch: run.epoch,
      stepsPerSecond: this.measureSpeed(run, now),
      steps,
      losses,
      accuracies,
    };
    if (this.finishedValidation) {
      snapshot.validation = this.finishedValidation;
      this.finishedValidation = undefined;
    }
    if (probes) {
      snapshot.probes = probes;
      transfer.push(...probeTransferables(probes));
      this.lastProbeAt = now;
      this.lastProbeStep = probes.step;
    }
    const viewsEvery =
      this.detail === 'full'
        ? Math.min(MAX_VIEWS_MS, this.viewsCost * VIEWS_COST_SHARE)
        : REDUCED_DETAIL_MS;
    if (this.views && (views || now - this.lastViewsAt >= viewsEvery) && this.data) {
      this.lastViewsAt = now;
      const { train, test } = this.data;
      if (isPlane(train)) {
        snapshot.boundary = decisionBoundary(run.model, train.numClasses, undefined, this.extent);
        transfer.push(snapshot.boundary.probabilities.buffer);
      } else if (this.digits.length > 0) {
        snapshot.digits = digitPredictions(run.model, test, this.digits);
        transfer.push(
          snapshot.digits.pixels.buffer,
          snapshot.digits.labels.buffer,
          snapshot.digits.predictions.buffer,
        );
      }
      this.viewsCost = this.now() - now;
    }
    // Keep the cadence: a snapshot that went out a little late does not push the next one back.
    const due = this.lastSnapshotAt + SNAPSHOT_MS;
    this.lastSnapshotAt = now >= due && now - due < SNAPSHOT_MS ? due : now;
    this.post(snapshot, transfer);
  }

  /** An exception: tell the learner, stop, and keep the session ready for reset or configure. */
  private fail(run: TrainingRun, error: unknown): void {
    const wasTraining = this.activity === 'training';
    this.activity = 'idle';
    this.validation = undefined;
    this.pending.clear();
    this.post({ type: 'error', message: explainError(error), step: run.stepCount }, []);
    if (wasTraining) this.post({ type: 'status', running: false }, []);
  }
}
