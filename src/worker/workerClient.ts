import type { FromWorker, ToWorker } from './protocol';
import { createWorkerSlot, type WorkerPort } from './workerSlot';

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
export type WorkerLike = WorkerPort<ToWorker>;

function spawnTrainingWorker(): WorkerLike {
  // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
  return new Worker(new URL('./trainingWorker.ts', import.meta.url), { type: 'module' });
}

const RESTART_HINT = 'Press Reset to start a fresh worker.';

export function createRunWorker(spawn: () => WorkerLike = spawnTrainingWorker): RunWorker {
  let crashed = false;
  let lastStep = 0;
  const slot = createWorkerSlot<ToWorker, FromWorker>({
    spawn,
    name: 'training worker',
    startName: 'a training worker',
    failure: (sentence) => {
      crashed = true;
      return { type: 'error', message: `${sentence} ${RESTART_HINT}`, step: lastStep };
    },
  });
  // Subscribed first, so the step is known before any other subscriber hears of a crash.
  slot.subscribe((message) => {
    if (message.type === 'snapshot') lastStep = message.step;
  });
  const start = (): void => {
    crashed = false;
    lastStep = 0;
    slot.start();
  };

  start();
  return {
    send: slot.post,
    onMessage: slot.subscribe,
    get crashed() {
      return crashed;
    },
    restart: start,
    terminate: slot.close,
  };
}
