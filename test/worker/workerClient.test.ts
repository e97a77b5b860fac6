import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../src/worker/protocol';
import { createRunWorker } from '../../src/worker/workerClient';
import { clientOnFakeWorkers } from './fakeDomWorker';

const setup = () => clientOnFakeWorkers(createRunWorker);

const snapshot = (step: number): FromWorker => ({
  type: 'snapshot',
  step,
  epoch: 0,
  stepsPerSecond: 0,
  steps: new Int32Array(),
  losses: new Float32Array(),
  accuracies: new Float32Array(),
});

describe('createRunWorker', () => {
  it('sends typed messages and forwards what the worker posts', () => {
    const { client, workers, received } = setup();
    client.send({ type: 'train' });
    expect(workers[0]?.sent).toEqual([{ type: 'train' }]);
    workers[0]?.fire('message', { type: 'status', running: true });
    expect(received).toEqual([{ type: 'status', running: true }]);
  });

  it('stops forwarding to a callback after it unsubscribes', () => {
    const { client, workers } = setup();
    const seen: FromWorker[] = [];
    const unsubscribe = client.onMessage((m) => seen.push(m));
    unsubscribe();
    workers[0]?.fire('message', { type: 'status', running: true });
    expect(seen).toEqual([]);
  });

  it('reports a crashed worker as an error at the last known step', () => {
    const { client, workers, received } = setup();
    workers[0]?.fire('message', snapshot(42));
    const prevented = workers[0]?.fire('error', undefined, 'out of memory');
    expect(prevented).toBe(true);
    expect(client.crashed).toBe(true);
    expect(workers[0]?.terminated).toBe(true);
    expect(received.at(-1)).toEqual({
      type: 'error',
      message:
        'The training worker stopped unexpectedly (out of memory). Press Reset to start a fresh worker.',
      step: 42,
    });
  });

  it('reports an unreadable message as an error', () => {
    const { workers, received } = setup();
    workers[0]?.fire('messageerror');
    expect(received.at(-1)).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/could not be read/),
    });
  });

  it('restarts with a fresh worker and ignores the old one', () => {
    const { client, workers, received } = setup();
    workers[0]?.fire('error', undefined, 'boom');
    client.restart();
    expect(client.crashed).toBe(false);
    expect(workers).toHaveLength(2);
    client.send({ type: 'reset' });
    expect(workers[1]?.sent).toEqual([{ type: 'reset' }]);
    const before = received.length;
    workers[0]?.fire('message', { type: 'status', running: true });
    expect(received).toHaveLength(before);
    workers[1]?.fire('message', { type: 'status', running: false });
    expect(received.at(-1)).toEqual({ type: 'status', running: false });
  });

  it('reports a browser that cannot start workers', async () => {
    const client = createRunWorker(() => {
      throw new Error('Worker is not defined');
    });
    const received: FromWorker[] = [];
    client.onMessage((m) => received.push(m));
    await Promise.resolve();
    expect(client.crashed).toBe(true);
    expect(received).toEqual([
      {
        type: 'error',
        message:
          'This browser could not start a training worker (Worker is not defined). Press Reset to start a fresh worker.',
        step: 0,
      },
    ]);
    expect(() => client.send({ type: 'train' })).not.toThrow();
  });

  it('terminates the worker', () => {
    const { client, workers } = setup();
    client.terminate();
    expect(workers[0]?.terminated).toBe(true);
  });
});
