import { watchWorker, type WorkerEvents } from './watchWorker';

/** The minimal part of the DOM Worker a client needs (tests pass a fake). */
export interface WorkerPort<In> extends WorkerEvents {
  postMessage(message: In): void;
  terminate(): void;
}

/** Why a worker failed: it posted what could not be read, it stopped, or it never started. */
export type WorkerFailure = 'unreadable' | 'stopped' | 'unstarted';

export interface WorkerSlotOptions<In, Out> {
  readonly spawn: () => WorkerPort<In>;
  /** The worker as a sentence names it: 'training worker'. */
  readonly name: string;
  /** What the browser could not start, as a sentence names it: 'a worker for the sweep'. */
  readonly startName: string;
  /** The client's own message for a failure, given the sentence that explains it. */
  readonly failure: (sentence: string, cause: WorkerFailure) => Out;
}

/** At most one live worker, as a client holds it. */
export interface WorkerSlot<In, Out> {
  /** Whether a worker is running (none before `start`, after a failure or after `stop`). */
  readonly live: boolean;
  /** Ends the current worker, if any, and starts a fresh one. */
  start(): void;
  post(message: In): void;
  /** Ends the current worker; the subscribers stay. */
  stop(): void;
  subscribe(callback: (message: Out) => void): () => void;
  /** Tells every subscriber. */
  emit(message: Out): void;
  /** Ends the worker and drops the subscribers. */
  close(): void;
}

/**
 * The worker handling both clients (training runs, depth sweeps) share: the current worker is
 * watched (watchWorker), its messages go to every subscriber, and a crash ends it and reaches the
 * subscribers as the client's own failure message. A browser that cannot start a worker is a failure
 * too, told on the next tick: subscribers sign up right after the client is made.
 */
export function createWorkerSlot<In, Out>({
  spawn,
  name,
  startName,
  failure,
}: WorkerSlotOptions<In, Out>): WorkerSlot<In, Out> {
  const subscribers = new Set<(message: Out) => void>();
  let worker: WorkerPort<In> | undefined;

  const emit = (message: Out): void => {
    for (const subscriber of subscribers) subscriber(message);
  };
  const stop = (): void => {
    worker?.terminate();
    worker = undefined;
  };
  const fail = (sentence: string, cause: WorkerFailure): void => {
    stop();
    emit(failure(sentence, cause));
  };

  return {
    get live() {
      return worker !== undefined;
    },
    start() {
      stop();
      try {
        const created = spawn();
        watchWorker<Out>(created, name, () => created === worker, { message: emit, crash: fail });
        worker = created;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        queueMicrotask(() =>
          fail(`This browser could not start ${startName} (${detail}).`, 'unstarted'),
        );
      }
    },
    post(message) {
      worker?.postMessage(message);
    },
    stop,
    subscribe(callback) {
      subscribers.add(callback);
      return () => subscribers.delete(callback);
    },
    emit,
    close() {
      stop();
      subscribers.clear();
    },
  };
}
