import { describe, expect, it } from 'vitest';
import type { WorkerEventLike } from '../../src/worker/workerClient';
import { createSweepWorker, type SweepWorkerLike } from '../../src/worker/sweepClient';
import type { FromSweepWorker, ToSweepWorker } from '../../src/worker/sweepProtocol';

type Listener = (event: WorkerEventLike) => void;

class FakeWorker implements SweepWorkerLike {
  readonly sent: ToSweepWorker[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  postMessage(message: ToSweepWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: 'message' | 'messageerror' | 'error', data?: unknown, message?: string): boolean {
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

function setup() {
  const workers: FakeWorker[] = [];
  const client = createSweepWorker(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const received: FromSweepWorker[] = [];
  client.onMessage((m) => received.push(m));
  return { client, workers, received };
}

const cancel: ToSweepWorker = { type: 'cancel', id: 1 };

describe('createSweepWorker', () => {
  it('starts no worker until the first message, then forwards both ways', () => {
    const { client, workers, received } = setup();
    expect(workers).toHaveLength(0);
    client.send(cancel);
    expect(workers[0]?.sent).toEqual([cancel]);
    workers[0]?.fire('message', { type: 'done', id: 1 });
    expect(received).toEqual([{ type: 'done', id: 1 }]);
  });

  it('reports a crash as a failure and starts a fresh worker on the next send', () => {
    const { client, workers, received } = setup();
    client.send(cancel);
    expect(workers[0]!.fire('error', undefined, 'out of memory')).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(received).toEqual([
      {
        type: 'failed',
        message:
          'The sweep worker stopped unexpectedly (out of memory). Press Run sweep to try again.',
      },
    ]);
    // the dead worker's late messages are ignored
    workers[0]!.fire('message', { type: 'done', id: 1 });
    expect(received).toHaveLength(1);
    client.send(cancel);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toEqual([cancel]);
  });

  it('reports an unreadable message as a failure', () => {
    const { client, workers, received } = setup();
    client.send(cancel);
    workers[0]!.fire('messageerror');
    expect(received).toEqual([
      { type: 'failed', message: 'A message from the sweep worker could not be read.' },
    ]);
  });

  it('explains a browser that cannot start a worker', async () => {
    const client = createSweepWorker(() => {
      throw new Error('Workers are disabled');
    });
    const received: FromSweepWorker[] = [];
    client.onMessage((m) => received.push(m));
    client.send(cancel);
    await Promise.resolve();
    expect(received).toEqual([
      {
        type: 'failed',
        message: 'This browser could not start a worker for the sweep (Workers are disabled).',
      },
    ]);
  });

  it('terminates its worker and drops its listeners', () => {
    const { client, workers, received } = setup();
    client.send(cancel);
    client.terminate();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.fire('message', { type: 'done', id: 1 });
    expect(received).toEqual([]);
  });
});
