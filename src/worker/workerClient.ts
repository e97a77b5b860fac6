import type { FromWorker, ToWorker } from './protocol';
import { watchWorker, type WorkerEvents } from './watchWorker';

/**
 * The one module the UI uses to talk to a training worker: typed messages in and out, and a crashed
 * worker reported as an ordinary learner-facing 'error' message instead of a silent stop.
 */
export interface RunWorker {
  send(message: ToWorker): void;
  /** Subscribes to the worker's messages; returns the unsubscribe function. */
  onMessage(callback: (message: FromWorker) => void): () => void;
  /** True after the worker crashed; `restart` brings up a fresh one. */
  readonly crashed: boolean;
  /** Replaces the worker with a fresh one (subscriptions stay); the caller configures it again. */
  restart(): void;
  terminate(): void;
}

export type RunWorkerFactory = () => RunWorker;

/** The minimal part of the DOM Worker this module needs (tests pass a fake). */
export interface WorkerLike extends WorkerEvents {
  postMessage(message: ToWorker): void;
  terminate(): void;
}

function spawnTrainingWorker(): WorkerLike {
  // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
  return new Worker(new URL('./trainingWorker.ts', import.meta.url), { type: 'module' });
}

const RESTART_HINT = 'Press Reset to start a fresh worker.';

export function createRunWorker(spawn: () => WorkerLike = spawnTrainingWorker): RunWorker {
  const listeners = new Set<(message: FromWorker) => void>();
  let worker: WorkerLike | undefined;
  let crashed = false;
  let lastStep = 0;

  const emit = (message: FromWorker): void => {
    if (message.type === 'snapshot') lastStep = message.step;
    for (const listener of listeners) listener(message);
  };
  const crash = (message: string): void => {
    crashed = true;
    worker?.terminate();
    worker = undefined;
    emit({ type: 'error', message: `${message} ${RESTART_HINT}`, step: lastStep });
  };

  const start = (): void => {
    crashed = false;
    lastStep = 0;
    try {
      const created = spawn();
      watchWorker(created, 'training worker', () => created === worker, { message: emit, crash });
      worker = created;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      // Listeners subscribe right after creation: tell them on the next tick.
      queueMicrotask(() => crash(`This browser could not start a training worker (${detail}).`));
    }
  };

  start();
  return {
    send(message) {
      worker?.postMessage(message);
    },
    onMessage(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    get crashed() {
      return crashed;
    },
    restart() {
      worker?.terminate();
      worker = undefined;
      start();
    },
    terminate() {
      worker?.terminate();
      worker = undefined;
      listeners.clear();
    },
  };
}
