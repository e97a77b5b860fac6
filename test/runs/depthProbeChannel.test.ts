import { describe, expect, it } from 'vitest';
import type { DepthProbeResult } from '../../src/engine/probes/depthProbe';
import { DepthProbeChannel, type DepthProbeEvent } from '../../src/runs/depthProbeChannel';
import { FakeRunWorker } from '../store/fakeRunWorker';
import { probeOptionsAt } from './runFixtures';

const options = probeOptionsAt;
const RESULT: DepthProbeResult = { inputStd: 1, layers: [] };
const CRASH = { type: 'error', message: 'The worker stopped unexpectedly.', step: 0 } as const;

function open() {
  const workers: FakeRunWorker[] = [];
  const events: DepthProbeEvent<number>[] = [];
  const channel = new DepthProbeChannel<number>({
    toOptions: options,
    onEvent: (event) => events.push(event),
    createWorker: () => {
      const worker = new FakeRunWorker();
      workers.push(worker);
      return worker;
    },
  });
  const asked = () =>
    workers[0]!.sent.flatMap((m) => (m.type === 'depthProbe' ? [m.options.depth] : []));
  const lastId = () => {
    const last = workers[0]!.sent.at(-1);
    return last?.type === 'depthProbe' ? last.id : -1;
  };
  return { channel, workers, events, asked, lastId };
}

describe('DepthProbeChannel', () => {
  it('creates its worker with the first request, and answers the newest request last', () => {
    const c = open();
    expect(c.workers).toHaveLength(0);
    c.channel.request(3);
    c.channel.request(4);
    c.channel.request(5);
    expect(c.asked()).toEqual([3]);
    c.workers[0]!.emit({ type: 'depthProbe', id: 1, result: RESULT });
    expect(c.asked()).toEqual([3, 5]);
    expect(c.events).toEqual([{ type: 'result', request: 3, result: RESULT, busy: true }]);
    c.workers[0]!.emit({ type: 'depthProbe', id: 2, result: RESULT });
    expect(c.events.at(-1)).toEqual({ type: 'result', request: 5, result: RESULT, busy: false });
  });

  it('asks a restarted worker once more after a crash, but not a second time for the same request', () => {
    const c = open();
    c.channel.request(30);
    c.workers[0]!.emit(CRASH);
    expect(c.workers[0]!.restarts).toBe(1);
    expect(c.asked()).toEqual([30, 30]);
    expect(c.events.at(-1)).toMatchObject({ type: 'crashed', busy: true });
    c.workers[0]!.emit(CRASH);
    expect(c.asked()).toEqual([30, 30]);
    expect(c.events.at(-1)).toMatchObject({ type: 'crashed', busy: false });
    c.channel.request(20);
    c.workers[0]!.emit({ type: 'depthProbe', id: c.lastId(), result: RESULT });
    expect(c.events.at(-1)).toMatchObject({ type: 'result', request: 20 });
  });

  it('reports a refused request and terminates its worker on close', () => {
    const c = open();
    c.channel.request(300);
    c.workers[0]!.emit({ type: 'depthProbeError', id: 1, message: 'depth must be 1 to 200' });
    expect(c.events).toEqual([{ type: 'refused', message: 'depth must be 1 to 200', busy: false }]);
    c.channel.close();
    expect(c.workers[0]!.terminated).toBe(true);
  });
});
