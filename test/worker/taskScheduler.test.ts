import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelSchedule } from '../../src/worker/taskScheduler';

const channels: MessageChannel[] = [];

function schedule() {
  const channel = new MessageChannel();
  channels.push(channel);
  return channelSchedule(channel);
}

afterEach(() => {
  vi.useRealTimers();
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('channelSchedule', () => {
  it('runs zero-delay tasks in the order they were scheduled, each in a task of its own', async () => {
    const later = schedule();
    const ran: string[] = [];
    const all = new Promise<void>((done) => {
      later(() => ran.push('first'), 0);
      later(() => {
        ran.push('second');
        // scheduled from inside a task, as a training session schedules its next slice
        later(() => {
          ran.push('third');
          done();
        }, 0);
      }, 0);
    });
    expect(ran).toEqual([]);
    await all;
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('leaves a task with a delay to setTimeout', () => {
    vi.useFakeTimers();
    const later = schedule();
    const ran: number[] = [];
    later(() => ran.push(1), 30);
    vi.advanceTimersByTime(29);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1]);
  });
});
