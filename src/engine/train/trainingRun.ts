import type { Batch, Dataset } from '../data/dataset';
import { createLoader, type Loader } from '../data/loader';
import type { Mode } from '../layers/layer';
import { accuracy, crossEntropy } from '../loss/crossEntropy';
import { buildModel } from '../model/buildModel';
import type { Model } from '../model/model';
import { createOptimizer } from '../optim/createOptimizer';
import type { Optimizer } from '../optim/optimizer';
import type { ActivationStats } from '../probes/activationStats';
import { allFinite } from '../probes/moments';
import { ProbeRecorder, type ProbeSnapshot } from '../probes/probe';
import { createRng } from '../rng';
import { tensor } from '../tensor';
import { scratch } from '../layers/scratch';
import { memoryRefusal, planRunMemory, type MemoryPlan } from './memoryPlan';
import { releaseWasmMemory, thisWorker } from './workerHost';
import { parseRunConfig, type RunConfig } from './runConfig';

export interface StepOk {
  readonly status: 'ok';
  /** Steps completed, this one included. */
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly probes?: ProbeSnapshot;
}

/** The run stopped: a non-finite loss or gradient appeared. No update was applied at that step. */
export interface StepDiverged {
  readonly status: 'diverged';
  readonly step: number;
  readonly reason: string;
}

export type StepResult = StepOk | StepDiverged;

/** A run that would not fit in RUN_MEMORY_BUDGET, refused before anything is allocated. */
export class MemoryBudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemoryBudgetError';
  }
}

export interface TrainingRunOptions {
  /** Samples of the test set the run will validate on (its memory counts too); default none. */
  readonly testCount?: number;
}

/**
 * Validation looks at up to this many test samples: enough for a stable number, quick enough to
 * repeat. The Lab's worker, the depth sweep and the headless lesson runs all use it, so the browser
 * and the lesson tests judge the same numbers.
 */
export const VALIDATION_SAMPLES = 1000;

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
  readonly mode: Mode;
}

/**
 * One training run: a model, its optimizer and a seeded data order. The seed feeds two independent
 * streams, one for the initial weights and one for shuffling, so runs that differ only in their model
 * still see the same batches in the same order.
 */
export class TrainingRun {
  readonly config: RunConfig;
  readonly model: Model;
  readonly optimizer: Optimizer;
  /** What the run allocates, part by part; forward-only passes go in chunks of `memory.evalBatch`. */
  readonly memory: MemoryPlan;
  private readonly loader: Loader;
  private readonly recorder: ProbeRecorder;
  private steps = 0;
  private divergence: StepDiverged | undefined;

  /** Throws a MemoryBudgetError, before allocating anything, when the run would not fit its budget. */
  constructor(config: RunConfig | unknown, train: Dataset, options: TrainingRunOptions = {}) {
    this.config = parseRunConfig(config);
    const expected = inputFeatures(this.config);
    const actual = train.sampleShape.reduce((a, b) => a * b, 1);
    if (expected !== actual) {
      throw new Error(
        `The model expects ${expected} input values per sample, but the dataset '${train.name}' has samples of shape [${train.sampleShape.join(', ')}] (${actual} values)`,
      );
    }
    // A new run starts from empty scratch and from the module's initial wasm memory, so what an
    // earlier, larger run grew is not held against it (the settings registry plans a fresh worker).
    scratch.clear();
    releaseWasmMemory();
    const data = { trainCount: train.count, testCount: options.testCount ?? 0 };
    const host = thisWorker();
    const refusal = memoryRefusal(this.config, data, host);
    if (refusal !== undefined) throw new MemoryBudgetError(refusal);
    this.memory = planRunMemory(this.config, data, host);
    const rng = createRng(this.config.seed);
    this.model = buildModel(this.config.model, rng.fork('init'));
    this.model.forwardChunk = this.memory.evalBatch;
    this.optimizer = createOptimizer(this.model.params(), this.config.optimizer);
    const optimizer = this.config.optimizer;
    this.recorder = new ProbeRecorder(undefined, {
      sgdLearningRate: optimizer.kind === 'sgd' ? optimizer.lr : undefined,
    });
    this.recorder.watch(this.model);
    this.loader = createLoader(train, this.config.batchSize, rng.fork('data'));
  }

  get stepCount(): number {
    return this.steps;
  }

  get epoch(): number {
    return this.loader.epoch;
  }

  /** Steps in one pass over the training data: ⌊samples / batch size⌋ (no partial batch). */
  get batchesPerEpoch(): number {
    return this.loader.batchesPerEpoch;
  }

  get diverged(): StepDiverged | undefined {
    return this.divergence;
  }

  /** One step: forward (train mode), loss, backward, update. With `probe`, also a snapshot of internals. */
  step(options: { probe?: boolean } = {}): StepResult {
    if (this.divergence) return this.divergence;
    return this.trainOn(this.loader.next(), options.probe === true);
  }

  private trainOn(batch: Batch, probe: boolean): StepResult {
    const stepNumber = this.steps + 1;
    const activations: ActivationStats[] = [];
    this.model.zeroGrad();
    const logits = this.model.forward(
      batch.x,
      'train',
      probe ? this.recorder.activationObserver(activations) : undefined,
    );
    const { loss, grad } = crossEntropy(logits, batch.y);
    if (!Number.isFinite(loss)) {
      return this.diverge(stepNumber, `the loss became ${String(loss)}`);
    }
    this.model.backward(grad);
    for (const p of this.model.params()) {
      if (!allFinite(p.grad.data)) {
        return this.diverge(stepNumber, `the gradient of ${p.name} contains non-finite values`);
      }
    }
    const before = probe ? this.recorder.copyWeights(this.model) : undefined;
    const acc = accuracy(logits, batch.y);
    this.optimizer.step();
    for (const p of this.model.params()) {
      if (!allFinite(p.value.data)) {
        return this.diverge(stepNumber, `the update made ${p.name} non-finite`);
      }
    }
    this.steps = stepNumber;
    return {
      status: 'ok',
      step: stepNumber,
      epoch: this.loader.epoch,
      loss,
      accuracy: acc,
      ...(probe
        ? {
            probes: {
              step: stepNumber,
              activations,
              params: this.recorder.paramStats(this.model, before),
              norms: this.recorder.normStats(this.model),
            },
          }
        : {}),
    };
  }

  private diverge(step: number, reason: string): StepDiverged {
    this.divergence = { status: 'diverged', step, reason };
    return this.divergence;
  }

  /**
   * Loss and accuracy on `data` in eval mode (running statistics) or train mode (each batch normalised
   * with its own statistics, the classic forgotten-model.eval() mistake), by `evaluateModel`; train
   * mode goes in batches of the run's batch size.
   */
  evaluate(
    data: Dataset,
    mode: Mode,
    options: { batchSize?: number; limit?: number } = {},
  ): Evaluation {
    return evaluateModel(this.model, data, mode, {
      batchSize: options.batchSize ?? (mode === 'train' ? this.config.batchSize : undefined),
      limit: options.limit,
    });
  }
}

/**
 * Loss and accuracy of `model` on `data` (up to `limit` samples) in eval or train mode. Evaluation never
 * changes the model: in train mode PyTorch would also update BatchNorm's running statistics, which we
 * restore so the comparison isolates the effect of batch statistics. Eval mode goes in chunks of the
 * model's `forwardChunk` unless `batchSize` says otherwise.
 */
export function evaluateModel(
  model: Model,
  data: Dataset,
  mode: Mode,
  options: { batchSize?: number | undefined; limit?: number | undefined } = {},
): Evaluation {
  const available = Math.min(options.limit ?? data.count, data.count);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? model.forwardChunk, available));
  // In train mode every batch is normalised by its own statistics, so evaluate full batches only: a
  // stray last batch of one sample would have no variance to normalise by.
  const count = mode === 'train' ? Math.floor(available / batchSize) * batchSize : available;
  const saved = mode === 'train' ? model.buffers().map((b) => Float32Array.from(b.value.data)) : [];
  const sampleSize = data.sampleShape.reduce((a, b) => a * b, 1);
  let lossSum = 0;
  let correct = 0;
  let seen = 0;
  try {
    for (let start = 0; start < count; start += batchSize) {
      const n = Math.min(batchSize, count - start);
      const x = tensor(
        [n, ...data.sampleShape],
        data.x.subarray(start * sampleSize, (start + n) * sampleSize),
      );
      const y = data.y.subarray(start, start + n);
      const logits = model.forward(x, mode);
      const { loss } = crossEntropy(logits, y);
      lossSum += loss * n;
      correct += accuracy(logits, y) * n;
      seen += n;
    }
  } finally {
    model.buffers().forEach((b, i) => {
      const old = saved[i];
      if (old) b.value.data.set(old);
    });
  }
  return { loss: lossSum / seen, accuracy: correct / seen, count: seen, mode };
}

function inputFeatures(config: RunConfig): number {
  const m = config.model;
  return m.family === 'mlp' ? m.inputSize : m.inputShape[0] * m.inputShape[1] * m.inputShape[2];
}
