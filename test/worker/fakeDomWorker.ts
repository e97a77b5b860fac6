import type { WorkerEventLike } from '../../src/worker/watchWorker';

type EventType = 'message' | 'messageerror' | 'error';
type Listener = (event: WorkerEventLike) => void;

/** Stands in for a DOM Worker: records what it is sent and lets the test fire its events. */
export class FakeDomWorker<In> {
  readonly sent: In[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  postMessage(message: In): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: EventType, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  /** Fires an event at the client; true when the client called preventDefault. */
  fire(type: EventType, data?: unknown, message?: string): boolean {
    let prevented = false;
    const event: WorkerEventLike = {
      data,
      ...(message === undefined ? {} : { message }),
      preventDefault: () => {
        prevented = true;
      },
    };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
    return prevented;
  }
}

/** A spawn function for a client, and every fake worker it has spawned, in order. */
export function fakeDomWorkers<In>() {
  const workers: FakeDomWorker<In>[] = [];
  const spawn = (): FakeDomWorker<In> => {
    const worker = new FakeDomWorker<In>();
    workers.push(worker);
    return worker;
  };
  return { workers, spawn };
}
