import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';
import { createWorkerSlot, type WorkerPort } from './workerSlot';

/** The one module the depth-sweep widget uses to talk to its worker (a crash becomes a 'failed' message). */
export interface SweepWorker {
  send(message: ToSweepWorker): void;
  onMessage(callback: (message: FromSweepWorker) => void): () => void;
  terminate(): void;
}

export type SweepWorkerFactory = () => SweepWorker;

/** The minimal part of the DOM Worker this module needs (tests pass a fake). */
export type SweepWorkerLike = WorkerPort<ToSweepWorker>;

function spawnSweepWorker(): SweepWorkerLike {
  // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
  return new Worker(new URL('./sweepWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts a sweep worker lazily (on the first message) and replaces a crashed one on the next send,
 * so a failure costs one sweep, not the widget.
 */
export function createSweepWorker(spawn: () => SweepWorkerLike = spawnSweepWorker): SweepWorker {
  const slot = createWorkerSlot<ToSweepWorker, FromSweepWorker>({
    spawn,
    name: 'sweep worker',
    startName: 'a worker for the sweep',
    // A stopped worker is replaced on the next send: say how to get there.
    failure: (sentence, cause) => ({
      type: 'failed',
      message: cause === 'stopped' ? `${sentence} Press Run sweep to try again.` : sentence,
    }),
  });
  return {
    send(message) {
      if (!slot.live) slot.start();
      slot.post(message);
    },
    onMessage: slot.subscribe,
    terminate: slot.close,
  };
}
