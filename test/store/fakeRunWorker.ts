import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import type { RunWorker } from '../../src/worker/workerClient';

/**
 * A worker that records what it is sent and lets a test play the worker's part: `emit` delivers a
 * message to every subscriber, as the real worker's answer would arrive.
 */
export class FakeWorker<To, From> {
  readonly sent: To[] = [];
  terminated = false;
  private readonly listeners = new Set<(message: From) => void>();

  send(message: To): void {
    this.sent.push(message);
  }
  onMessage(callback: (message: From) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: From): void {
    for (const listener of [...this.listeners]) listener(message);
  }
}

/** A RunWorker that records what the store sends and lets a test play the worker's part. */
export class FakeRunWorker extends FakeWorker<ToWorker, FromWorker> implements RunWorker {
  crashed = false;
  restarts = 0;

  restart(): void {
    this.restarts++;
    this.crashed = false;
  }
  types(): string[] {
    return this.sent.map((m) => m.type);
  }
}

/** A factory of fakes that remembers every fake it made, in order. */
export interface FakeWorkerFactory<W> {
  readonly create: () => W;
  readonly made: W[];
}

export function fakeWorkerFactory(): FakeWorkerFactory<FakeRunWorker>;
export function fakeWorkerFactory<W>(make: () => W): FakeWorkerFactory<W>;
export function fakeWorkerFactory(
  make: () => unknown = () => new FakeRunWorker(),
): FakeWorkerFactory<unknown> {
  const made: unknown[] = [];
  return {
    made,
    create: () => {
      const worker = make();
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
