import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/worker/pacer';
import type { Schedule } from '../../src/worker/taskScheduler';
import { WorkerLoad } from '../../src/worker/workerLoad';

/** A worker's accounting on a clock the test moves, over a schedule the test runs by hand. */
function loadAt() {
  const clock = { time: 100 };
  const pacer = new Pacer(() => clock.time);
  const load = new WorkerLoad(() => clock.time, pacer);
  const queued: { task: () => void; delay: number }[] = [];
  const schedule: Schedule = (task, delay) => void queued.push({ task, delay });
  return { clock, pacer, load, queued, later: load.schedule(schedule) };
}

describe('WorkerLoad', () => {
  it('splits the wall clock into slices, messages and posts, and counts the delays asked for', () => {
    const { clock, load, queued, later } = loadAt();
    later(() => {
      clock.time += 20; // a 20 ms slice, 1.5 ms of it posting a snapshot
      load.post(7, () => void (clock.time += 1.5));
    }, 0);
    later(() => void (clock.time += 5), 15);
    expect(queued.map((q) => q.delay)).toEqual([0, 15]);
    for (const q of queued) q.task();
    load.message(() => void (clock.time += 0.5));
    clock.time += 3; // idle
    const report = load.report();
    expect(report.wallMs).toBe(30);
    expect(report.taskMs).toBe(26.5);
    expect(report.tasks).toBe(2);
    expect(report.postMs).toBe(1.5);
    expect(report.posts).toBe(1);
    expect(report.messageMs).toBe(0.5);
    expect(report.askedDelayMs).toBe(15);
    expect(report.step).toBe(7);
  });

  it('starts afresh on reset, from the step it had reached, and resets the pacer with it', () => {
    const { clock, pacer, load, later, queued } = loadAt();
    pacer.setCpuShare(0.5, 1);
    pacer.noteStep(2);
    clock.time += 2;
    pacer.restAfter(100);
    load.post(40, () => undefined);
    later(() => void (clock.time += 4), 0);
    queued[0]!.task();
    load.reset();
    expect(pacer.accounting.slices).toBe(0);
    clock.time += 10;
    load.post(55, () => undefined);
    const report = load.report();
    expect(report).toMatchObject({ wallMs: 10, taskMs: 0, tasks: 0, posts: 1 });
    expect(report.step - report.stepAtReset).toBe(15);
  });

  it('counts a task that throws', () => {
    const { clock, load, queued, later } = loadAt();
    later(() => {
      clock.time += 3;
      throw new Error('slice failed');
    }, 0);
    expect(() => queued[0]!.task()).toThrow('slice failed');
    expect(load.report()).toMatchObject({ taskMs: 3, tasks: 1 });
  });
});
