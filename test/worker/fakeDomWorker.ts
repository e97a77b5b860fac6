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

/** What a worker client passes on to its listeners. */
type MessageOf<Client> = Client extends { onMessage(listener: (message: infer M) => void): unknown }
  ? M
  : never;

/**
 * A client made by `create` over fake workers, with every message it passes on to its listeners
 * recorded in `received`, and the workers it has spawned.
 */
export function clientOnFakeWorkers<In, Client>(
  create: (spawn: () => FakeDomWorker<In>) => Client & {
    onMessage(listener: (message: MessageOf<Client>) => void): unknown;
  },
) {
  const { workers, spawn } = fakeDomWorkers<In>();
  const client = create(spawn);
  const received: MessageOf<Client>[] = [];
  client.onMessage((m) => received.push(m));
  return { client, workers, received };
}
