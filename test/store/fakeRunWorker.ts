import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import type { RunWorker } from '../../src/worker/workerClient';

/** A RunWorker that records what the store sends and lets a test play the worker's part. */
export class FakeRunWorker implements RunWorker {
  readonly sent: ToWorker[] = [];
  crashed = false;
  restarts = 0;
  terminated = false;
  private readonly listeners = new Set<(message: FromWorker) => void>();

  send(message: ToWorker): void {
    this.sent.push(message);
  }
  onMessage(callback: (message: FromWorker) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  restart(): void {
    this.restarts++;
    this.crashed = false;
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: FromWorker): void {
    for (const listener of this.listeners) listener(message);
  }
  types(): string[] {
    return this.sent.map((m) => m.type);
  }
}

/** A factory that remembers every fake it made, in order. */
export function fakeWorkerFactory(): { create: () => FakeRunWorker; made: FakeRunWorker[] } {
  const made: FakeRunWorker[] = [];
  return {
    made,
    create: () => {
      const worker = new FakeRunWorker();
      made.push(worker);
      return worker;
    },
  };
}

/** A snapshot reporting steps first..last with loss = 1 / step. */
export function snapshotOf(
  first: number,
  last: number,
  extra: Partial<Omit<Snapshot, 'type'>> = {},
): Snapshot {
  const steps = Int32Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    type: 'snapshot',
    step: last,
    epoch: 0,
    stepsPerSecond: 100,
    steps,
    losses: Float32Array.from(steps, (s) => 1 / s),
    accuracies: Float32Array.from(steps, () => 0.5),
    ...extra,
  };
}
