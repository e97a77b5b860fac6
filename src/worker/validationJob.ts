import type { Dataset } from '../engine/data/dataset';
import { VALIDATION_SAMPLES, type TrainingRun } from '../engine/train/trainingRun';
import type { ValidationPoint } from './protocol';

/** Aim for chunks of about this many milliseconds, so a pause never waits long behind validation. */
const CHUNK_MS = 15;

function slice(data: Dataset, start: number, end: number): Dataset {
  const size = data.sampleShape.reduce((a, b) => a * b, 1);
  return {
    ...data,
    x: data.x.subarray(start * size, end * size),
    y: data.y.subarray(start, end),
    count: end - start,
  };
}

/**
 * Validation of one model state, done a chunk at a time so the worker can answer messages in between
 * (a CNN on 1,000 MNIST digits takes over a second). The caller must not train while a job is open:
 * every chunk has to see the same weights.
 */
export class ValidationJob {
  private offset = 0;
  private lossSum = 0;
  private correctSum = 0;
  private seen = 0;
  private chunk: number;
  private readonly total: number;
  /** Train mode normalises each batch by its own statistics, so chunks hold whole batches only. */
  private readonly batch: number;

  constructor(
    private readonly run: TrainingRun,
    private readonly data: Dataset,
    readonly mode: 'eval' | 'train',
    readonly step: number,
    private readonly now: () => number,
  ) {
    const available = Math.min(VALIDATION_SAMPLES, data.count);
    this.batch = mode === 'train' ? Math.max(1, Math.min(run.config.batchSize, available)) : 1;
    this.total = Math.floor(available / this.batch) * this.batch;
    this.chunk = this.roundToBatch(128);
  }

  private roundToBatch(samples: number): number {
    return Math.max(1, Math.round(samples / this.batch)) * this.batch;
  }

  get done(): boolean {
    return this.offset >= this.total;
  }

  /** Evaluates the next chunk. */
  advance(): void {
    if (this.done) return;
    const end = Math.min(this.total, this.offset + this.chunk);
    const started = this.now();
    const result = this.run.evaluate(
      slice(this.data, this.offset, end),
      this.mode,
      this.mode === 'train' ? { batchSize: this.batch } : {},
    );
    const elapsed = this.now() - started;
    this.lossSum += result.loss * result.count;
    this.correctSum += result.accuracy * result.count;
    this.seen += result.count;
    this.offset = end;
    // Resize the next chunk towards CHUNK_MS from what this one cost.
    const perSample = elapsed / Math.max(1, result.count);
    if (perSample > 0) this.chunk = this.roundToBatch(Math.min(1000, CHUNK_MS / perSample));
  }

  result(): ValidationPoint {
    return {
      step: this.step,
      loss: this.seen > 0 ? this.lossSum / this.seen : NaN,
      accuracy: this.seen > 0 ? this.correctSum / this.seen : NaN,
      mode: this.mode,
    };
  }
}
