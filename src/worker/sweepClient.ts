import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';
import { watchWorker, type WorkerEvents } from './watchWorker';

/** The one module the depth-sweep widget uses to talk to its worker (a crash becomes a 'failed' message). */
export interface SweepWorker {
  send(message: ToSweepWorker): void;
  onMessage(callback: (message: FromSweepWorker) => void): () => void;
  terminate(): void;
}

export type SweepWorkerFactory = () => SweepWorker;

/** The minimal part of the DOM Worker this module needs (tests pass a fake). */
export interface SweepWorkerLike extends WorkerEvents {
  postMessage(message: ToSweepWorker): void;
  terminate(): void;
}

function spawnSweepWorker(): SweepWorkerLike {
  // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
  return new Worker(new URL('./sweepWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts a sweep worker lazily (on the first message) and replaces a crashed one on the next send,
 * so a failure costs one sweep, not the widget.
 */
export function createSweepWorker(spawn: () => SweepWorkerLike = spawnSweepWorker): SweepWorker {
  const listeners = new Set<(message: FromSweepWorker) => void>();
  let worker: SweepWorkerLike | undefined;

  const emit = (message: FromSweepWorker): void => {
    for (const listener of listeners) listener(message);
  };
  const fail = (message: string): void => {
    worker?.terminate();
    worker = undefined;
    emit({ type: 'failed', message });
  };

  const start = (): SweepWorkerLike | undefined => {
    try {
      const created = spawn();
      watchWorker(created, 'sweep worker', () => created === worker, {
        message: emit,
        // A stopped worker is replaced on the next send: say how to get there.
        crash: (sentence, cause) =>
          fail(cause === 'stopped' ? `${sentence} Press Run sweep to try again.` : sentence),
      });
      return created;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      queueMicrotask(() =>
        emit({
          type: 'failed',
          message: `This browser could not start a worker for the sweep (${detail}).`,
        }),
      );
      return undefined;
    }
  };

  return {
    send(message) {
      worker ??= start();
      worker?.postMessage(message);
    },
    onMessage(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    terminate() {
      worker?.terminate();
      worker = undefined;
      listeners.clear();
    },
  };
}
