import type { FromWorker } from '../worker/protocol';
import { createRunWorker, type RunWorker, type RunWorkerFactory } from '../worker/workerClient';

/**
 * The live worker of each run, keyed by run id. Workers are not store state (they are not data), so
 * they live here; the store's actions are the only callers. Tests swap the factory for a fake.
 */
const defaultFactory: RunWorkerFactory = () => createRunWorker();
let factory: RunWorkerFactory = defaultFactory;
const live = new Map<string, { worker: RunWorker; unsubscribe: () => void }>();

let probeFactory: RunWorkerFactory = defaultFactory;

export function setRunWorkerFactory(next: RunWorkerFactory | undefined): void {
  factory = next ?? defaultFactory;
}

/** Workers that only answer depth probes (kept apart so they never delay a run's training). */
export function setProbeWorkerFactory(next: RunWorkerFactory | undefined): void {
  probeFactory = next ?? defaultFactory;
}

export function createProbeWorker(): RunWorker {
  return probeFactory();
}

export function hasWorker(id: string): boolean {
  return live.has(id);
}

/** The run's worker, created (and subscribed to `onMessage`) if it does not exist yet. */
export function startWorker(id: string, onMessage: (message: FromWorker) => void): RunWorker {
  const existing = live.get(id);
  if (existing) return existing.worker;
  const worker = factory();
  const unsubscribe = worker.onMessage(onMessage);
  live.set(id, { worker, unsubscribe });
  return worker;
}

export function workerOf(id: string): RunWorker | undefined {
  return live.get(id)?.worker;
}

export function stopWorker(id: string): void {
  const entry = live.get(id);
  if (!entry) return;
  entry.unsubscribe();
  entry.worker.terminate();
  live.delete(id);
}

export function stopAllWorkers(): void {
  for (const id of [...live.keys()]) stopWorker(id);
}
