import type { FromWorker, SnapshotDetail } from '../worker/protocol';
import { createRunWorker, type RunWorker, type RunWorkerFactory } from '../worker/workerClient';

/**
 * The live worker of each run, keyed by run id. Workers are not store state (they are not data), so
 * they live here; the store's actions are the only callers. Tests swap the factory for a fake.
 */
const defaultFactory: RunWorkerFactory = () => createRunWorker();
let factory: RunWorkerFactory = defaultFactory;
interface LiveWorker {
  readonly worker: RunWorker;
  readonly unsubscribe: () => void;
  /** The snapshot detail this worker was last told (a new worker sends full detail). */
  detail: SnapshotDetail;
  /** The share of a core this worker was last told (a new worker uses a whole core). */
  cpuShare: number;
}
const live = new Map<string, LiveWorker>();

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
  live.set(id, { worker, unsubscribe, detail: 'full', cpuShare: 1 });
  return worker;
}

/** Sends `detail` to the run's worker unless it already has it. */
export function sendDetail(id: string, detail: SnapshotDetail): void {
  const entry = live.get(id);
  if (!entry || entry.detail === detail) return;
  entry.worker.send({ type: 'setDetail', detail });
  entry.detail = detail;
}

/** Sends the share of a core the run's worker may use, unless it already has it. */
export function sendCpuShare(id: string, share: number): void {
  const entry = live.get(id);
  if (!entry || entry.cpuShare === share) return;
  entry.worker.send({ type: 'setCpuShare', share });
  entry.cpuShare = share;
}

/** Restarts a crashed worker: the fresh one starts with full detail and a whole core again. */
export function restartWorker(id: string): void {
  const entry = live.get(id);
  if (!entry) return;
  entry.worker.restart();
  entry.detail = 'full';
  entry.cpuShare = 1;
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
