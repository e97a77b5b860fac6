import { describe, expect, it } from 'vitest';
import { createSweepWorker } from '../../src/worker/sweepClient';
import type { FromSweepWorker, ToSweepWorker } from '../../src/worker/sweepProtocol';
import { clientOnFakeWorkers } from './fakeDomWorker';

const setup = () => clientOnFakeWorkers(createSweepWorker);

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
