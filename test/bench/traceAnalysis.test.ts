import { describe, expect, it } from 'vitest';
import { mainThreadLongTasks, threadUse, type TraceEvent } from '../../bench/ui/traceAnalysis';

const meta = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid: 1,
  tid,
  ts: 0,
  args: { name },
});
const task = (tid: number, ts: number, ms: number, cpuMs: number): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  pid: 1,
  tid,
  ts,
  dur: ms * 1000,
  tdur: cpuMs * 1000,
});
const inner = (tid: number, name: string, ts: number, ms: number): TraceEvent => ({
  name,
  ph: 'X',
  pid: 1,
  tid,
  ts,
  dur: ms * 1000,
});

const trace: TraceEvent[] = [
  meta(10, 'CrRendererMain'),
  meta(20, 'DedicatedWorker thread'),
  task(10, 0, 60, 15),
  inner(10, 'Layout', 1_000, 30),
  inner(10, 'Paint', 40_000, 10),
  task(10, 100_000, 20, 18),
  inner(10, 'Layout', 101_000, 5), // inside the short task: not part of the long one
  task(20, 0, 500, 400),
];

describe('threadUse', () => {
  it('adds up each thread’s task time, wall clock and CPU, busiest first', () => {
    const [worker, main] = threadUse(trace, 1);
    expect(worker).toMatchObject({ thread: 'DedicatedWorker thread', tasks: 1, over30ms: 1 });
    expect(worker?.wallShare).toBeCloseTo(0.5, 9);
    expect(worker?.cpuShare).toBeCloseTo(0.4, 9);
    expect(main).toMatchObject({ thread: 'CrRendererMain', tasks: 2, over30ms: 1 });
    expect(main?.wallShare).toBeCloseTo(0.08, 9);
    expect(main?.cpuShare).toBeCloseTo(0.033, 9);
    expect(main?.longestMs).toEqual([60, 20]);
  });
});

describe('mainThreadLongTasks', () => {
  it('lists the main thread’s tasks over the threshold with what ran inside each', () => {
    expect(mainThreadLongTasks(trace, 50)).toEqual([
      {
        wallMs: 60,
        cpuMs: 15,
        inside: [
          ['Layout', 30],
          ['Paint', 10],
        ],
      },
    ]);
    expect(mainThreadLongTasks(trace, 10)).toHaveLength(2);
  });
});

describe('task events of newer Chromium', () => {
  it("reads 'ThreadControllerImpl::RunTask' (Chromium 156) as a task", () => {
    const newer = trace.map((e) =>
      e.name === 'RunTask' ? { ...e, name: 'ThreadControllerImpl::RunTask' } : e,
    );
    expect(mainThreadLongTasks(newer, 50)).toEqual(mainThreadLongTasks(trace, 50));
    expect(threadUse(newer, 1)).toEqual(threadUse(trace, 1));
  });
});
