import { afterEach, describe, expect, it } from 'vitest';
import { afterThisTask, setTaskSplitting } from '../../../src/ui/lessons/afterThisTask';

afterEach(() => setTaskSplitting(undefined));

/** Resolves in a task after this one's: a MessageChannel message queued after the callback's. */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

describe('afterThisTask', () => {
  it('runs the callback after the current task and its microtasks, not inside them', async () => {
    const calls: string[] = [];
    afterThisTask(() => calls.push('callback'));
    await Promise.resolve();
    calls.push('microtask');
    expect(calls).toEqual(['microtask']);
    await nextTask();
    expect(calls).toEqual(['microtask', 'callback']);
  });

  it('runs the callback at once when splitting is off, as component tests ask', () => {
    setTaskSplitting(false);
    const calls: string[] = [];
    afterThisTask(() => calls.push('callback'));
    expect(calls).toEqual(['callback']);
  });
});
