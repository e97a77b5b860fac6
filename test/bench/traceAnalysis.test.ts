import { describe, expect, it } from 'vitest';
import {
  longTasksElsewhere,
  mainThreadLongTasks,
  pageProcesses,
  threadUse,
  type TraceEvent,
} from '../../bench/ui/traceAnalysis';

/** The page renders in process 1; process 2 is Chromium's own WebUI (its address-bar popup). */
const PAGE = 1;
const WEBUI = 2;

const meta = (tid: number, name: string, pid = PAGE): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const processName = (pid: number, name: string): TraceEvent => ({
  name: 'process_name',
  ph: 'M',
  pid,
  tid: 0,
  ts: 0,
  args: { name },
});
const task = (tid: number, ts: number, ms: number, cpuMs: number, pid = PAGE): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  pid,
  tid,
  ts,
  dur: ms * 1000,
  tdur: cpuMs * 1000,
});
const inner = (
  tid: number,
  name: string,
  ts: number,
  ms: number,
  args?: TraceEvent['args'],
  pid = PAGE,
): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur: ms * 1000, ...(args ? { args } : {}) });
/** The instant that names the script a module evaluation ran ('v8.evaluateModule' names none). */
const scriptStart = (tid: number, ts: number, url: string): TraceEvent => ({
  name: 'AnimationFrame::Script::Execute',
  ph: 'b',
  pid: PAGE,
  tid,
  ts,
  args: { animation_frame_script_timing_info: { source_location_url: url } },
});

const trace: TraceEvent[] = [
  // The page's renderer says when it committed the main frame's load.
  {
    name: 'CommitLoad',
    ph: 'X',
    pid: PAGE,
    tid: 10,
    ts: -5_000,
    dur: 100,
    args: { data: { url: 'http://app/', isOutermostMainFrame: true } },
  },
  processName(PAGE, 'Renderer'),
  processName(WEBUI, 'WebUI Top Renderer'),
  meta(10, 'CrRendererMain'),
  meta(20, 'DedicatedWorker thread'),
  meta(30, 'CrRendererMain', WEBUI),
  task(10, 0, 60, 15),
  inner(10, 'Layout', 1_000, 30),
  inner(10, 'Paint', 40_000, 10),
  task(10, 100_000, 20, 18),
  inner(10, 'Layout', 101_000, 5), // inside the short task: not part of the long one
  task(10, 200_000, 80, 70),
  inner(10, 'v8.evaluateModule', 200_100, 79),
  scriptStart(10, 200_200, 'http://app/assets/client.js'),
  inner(10, 'FunctionCall', 250_000, 5, { data: { url: 'http://app/assets/client.js' } }),
  task(20, 0, 500, 400),
  // 352 ms evaluating the popup's modules, on a CrRendererMain of another process.
  task(30, 50_000, 352, 102, WEBUI),
  inner(30, 'v8.evaluateModule', 51_000, 334, undefined, WEBUI),
  inner(30, 'ParseHTML', 60_000, 2, { beginData: { url: 'chrome://omnibox/popup.html' } }, WEBUI),
  inner(30, 'FunctionCall', 70_000, 9, { data: { url: 'chrome://resources/lit.js' } }, WEBUI),
];

/** Chromium 156 wraps each 'ThreadControllerImpl::RunTask' in a 'RunTask' of the same span. */
const chromium156 = trace.flatMap((e) =>
  e.name === 'RunTask' ? [e, { ...e, name: 'ThreadControllerImpl::RunTask' }] : [e],
);

describe('pageProcesses', () => {
  it('finds the renderer that committed the page’s main frame, and where tracing started', () => {
    expect([...pageProcesses(trace)]).toEqual([PAGE]);
    const started: TraceEvent = {
      name: 'TracingStartedInBrowser',
      ph: 'I',
      pid: 99,
      tid: 1,
      ts: 0,
      args: {
        data: { frames: [{ url: 'about:blank', processId: 7, isOutermostMainFrame: true }] },
      },
    };
    const subframe: TraceEvent = {
      name: 'CommitLoad',
      ph: 'X',
      pid: 8,
      tid: 1,
      ts: 0,
      args: { data: { url: 'http://ad/', isOutermostMainFrame: false } },
    };
    expect([...pageProcesses([started, ...trace, subframe])]).toEqual([7, PAGE]);
  });
});

describe('threadUse', () => {
  it('adds up each thread’s task time, wall clock and CPU, busiest first', () => {
    const [worker, webui, main] = threadUse(trace, 1);
    expect(worker).toMatchObject({ thread: 'DedicatedWorker thread', tasks: 1, over30ms: 1 });
    expect(worker?.wallShare).toBeCloseTo(0.5, 9);
    expect(worker?.cpuShare).toBeCloseTo(0.4, 9);
    expect(webui?.longestMs).toEqual([352]);
    expect(main).toMatchObject({ thread: 'CrRendererMain', tasks: 3, over30ms: 2 });
    expect(main?.wallShare).toBeCloseTo(0.16, 9);
    expect(main?.cpuShare).toBeCloseTo(0.103, 9);
    expect(main?.longestMs).toEqual([80, 60, 20]);
  });
});

describe('mainThreadLongTasks', () => {
  it('lists the page’s main-thread tasks over the threshold with what ran inside each', () => {
    expect(mainThreadLongTasks(trace, 50)).toEqual([
      {
        wallMs: 60,
        cpuMs: 15,
        inside: [
          ['Layout', 30],
          ['Paint', 10],
        ],
        scripts: [],
        documents: [],
      },
      {
        wallMs: 80,
        cpuMs: 70,
        inside: [
          ['v8.evaluateModule', 79],
          ['FunctionCall', 5],
        ],
        scripts: ['http://app/assets/client.js'],
        documents: [],
      },
    ]);
    expect(mainThreadLongTasks(trace, 10)).toHaveLength(3);
  });

  it('leaves out another renderer’s main thread (Chromium’s own WebUI) and the page’s workers', () => {
    expect(mainThreadLongTasks(trace, 100)).toEqual([]);
  });

  it('refuses a trace that does not say which process the page is in', () => {
    const anonymous = trace.filter((e) => e.name !== 'CommitLoad');
    expect(() => mainThreadLongTasks(anonymous)).toThrow(/names no page frame/);
  });
});

describe('longTasksElsewhere', () => {
  it('names the process, thread, document and scripts of every other long task', () => {
    expect(longTasksElsewhere(trace, 100)).toEqual([
      {
        process: 'Renderer',
        thread: 'DedicatedWorker thread',
        wallMs: 500,
        cpuMs: 400,
        inside: [],
        scripts: [],
        documents: [],
      },
      {
        process: 'WebUI Top Renderer',
        thread: 'CrRendererMain',
        wallMs: 352,
        cpuMs: 102,
        inside: [
          ['v8.evaluateModule', 334],
          ['FunctionCall', 9],
          ['ParseHTML', 2],
        ],
        scripts: ['chrome://resources/lit.js'],
        documents: ['chrome://omnibox/popup.html'],
      },
    ]);
  });
});

describe('task events of newer Chromium', () => {
  it("counts a 'RunTask' and the 'ThreadControllerImpl::RunTask' inside it as one task", () => {
    expect(mainThreadLongTasks(chromium156, 50)).toEqual(mainThreadLongTasks(trace, 50));
    expect(longTasksElsewhere(chromium156, 50)).toEqual(longTasksElsewhere(trace, 50));
    expect(threadUse(chromium156, 1)).toEqual(threadUse(trace, 1));
  });

  it("reads 'ThreadControllerImpl::RunTask' alone as a task", () => {
    const newer = trace.map((e) =>
      e.name === 'RunTask' ? { ...e, name: 'ThreadControllerImpl::RunTask' } : e,
    );
    expect(mainThreadLongTasks(newer, 50)).toEqual(mainThreadLongTasks(trace, 50));
    expect(threadUse(newer, 1)).toEqual(threadUse(trace, 1));
  });
});
