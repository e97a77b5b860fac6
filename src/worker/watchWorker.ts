/** What the clients read from a worker's message, messageerror and error events. */
export interface WorkerEventLike {
  readonly data?: unknown;
  readonly message?: string;
  preventDefault(): void;
}

/** What `watchWorker` needs of a DOM Worker: its three events. */
export interface WorkerEvents {
  addEventListener(
    type: 'message' | 'messageerror' | 'error',
    listener: (event: WorkerEventLike) => void,
  ): void;
}

/**
 * Listens to a worker as both clients (training runs, depth sweeps) need: its messages while it is
 * still the current worker, and an unreadable message or an uncaught error as a crash, told in a
 * sentence that names the worker. A replaced worker's late events are ignored.
 */
export function watchWorker<Message>(
  worker: WorkerEvents,
  name: string,
  isCurrent: () => boolean,
  on: {
    message(message: Message): void;
    crash(sentence: string, cause: 'unreadable' | 'stopped'): void;
  },
): void {
  // Our own workers only ever post their protocol's messages (trainingWorker.ts, sweepWorker.ts).
  worker.addEventListener('message', (event) => {
    if (isCurrent()) on.message(event.data as Message);
  });
  worker.addEventListener('messageerror', () => {
    if (isCurrent()) on.crash(`A message from the ${name} could not be read.`, 'unreadable');
  });
  worker.addEventListener('error', (event) => {
    if (!isCurrent()) return;
    event.preventDefault();
    const detail = event.message ? ` (${event.message})` : '';
    on.crash(`The ${name} stopped unexpectedly${detail}.`, 'stopped');
  });
}
