import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';
import type { WorkerEventLike } from './workerClient';

/** The one module the depth-sweep widget uses to talk to its worker (a crash becomes a 'failed' message). */
export interface SweepWorker {
  send(message: ToSweepWorker): void;
  onMessage(callback: (message: FromSweepWorker) => void): () => void;
  terminate(): void;
}

export type SweepWorkerFactory = () => SweepWorker;

/** The minimal part of the DOM Worker this module needs (tests pass a fake). */
export interface SweepWorkerLike {
  postMessage(message: ToSweepWorker): void;
  terminate(): void;
  addEventListener(
    type: 'message' | 'messageerror' | 'error',
    listener: (event: WorkerEventLike) => void,
  ): void;
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
      created.addEventListener('message', (event) => {
        // Our own worker only ever posts FromSweepWorker messages (sweepWorker.ts).
        if (created === worker) emit(event.data as FromSweepWorker);
      });
      created.addEventListener('messageerror', () => {
        if (created === worker) fail('A message from the sweep worker could not be read.');
      });
      created.addEventListener('error', (event) => {
        if (created !== worker) return;
        event.preventDefault();
        const detail = event.message ? ` (${event.message})` : '';
        fail(`The sweep worker stopped unexpectedly${detail}. Press Run sweep to try again.`);
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
