/**
 * Reads a Chromium trace (the JSON `browser.startTracing` writes) into what `npm run bench:ui:trace`
 * and `npm run bench:ui -- --home` print: how much wall-clock and CPU time each thread spent in
 * tasks, and what the page's main-thread long tasks were made of. A task whose CPU time is far below
 * its wall time was waiting for a core.
 *
 * A trace holds the whole browser, not only the page: headless Chromium 156 also runs its own
 * address-bar popup (chrome://omnibox-popup.top-chrome, a "WebUI Top Renderer" process) and
 * evaluated its modules in a 352 ms task during one of the home page's first visits. That process
 * has a `CrRendererMain` thread too, so the page's main thread is found by the renderer process
 * its main frame committed in, and every other long task is reported with its process, thread and
 * scripts, apart from the page's.
 */

/** The fields of a trace event's `args` that we read. */
export interface TraceArgs {
  readonly name?: string;
  readonly labels?: string;
  readonly fileName?: string;
  /** On 'ParseHTML': the document being parsed. */
  readonly beginData?: { readonly url?: string };
  readonly data?: {
    readonly url?: string;
    readonly processId?: number;
    readonly isOutermostMainFrame?: boolean;
    readonly frames?: readonly {
      readonly url?: string;
      readonly processId?: number;
      readonly isOutermostMainFrame?: boolean;
    }[];
  };
  /** On 'AnimationFrame::Script::Execute': the script a module evaluation or a callback ran. */
  readonly animation_frame_script_timing_info?: { readonly source_location_url?: string };
}

/** The fields of a trace event that we read. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) duration, microseconds. */
  readonly tdur?: number;
  readonly args?: TraceArgs;
}

export interface ThreadUse {
  readonly thread: string;
  /** Share of the traced time the thread spent in tasks, and the CPU time those tasks used. */
  readonly wallShare: number;
  readonly cpuShare: number;
  readonly tasks: number;
  /** Tasks longer than 30 ms, and the five longest, in ms. */
  readonly over30ms: number;
  readonly longestMs: readonly number[];
}

export interface LongTask {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Time inside the task by event name (Layout, Paint, FunctionCall, …), longest first, in ms. */
  readonly inside: readonly (readonly [string, number])[];
  /** The scripts that ran or were compiled in the task, by URL, in the order they first appear. */
  readonly scripts: readonly string[];
  /** The documents whose HTML was parsed in the task (a frame loading), by URL. */
  readonly documents: readonly string[];
}

/** A long task on some other thread than the page's main thread, and where it ran. */
export interface ElsewhereTask extends LongTask {
  /** The process's name in the trace ("Renderer", "WebUI Top Renderer", "Browser", …). */
  readonly process: string;
  /** The thread's name ("CrRendererMain", "ServiceWorker thread", "DedicatedWorker thread", …). */
  readonly thread: string;
}

/** A scheduler task: 'RunTask' in older Chromium, 'ThreadControllerImpl::RunTask' in Chromium 156. */
const TASK_NAMES: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const isTask = (e: TraceEvent): boolean => TASK_NAMES.has(e.name);
const threadKey = (e: TraceEvent): string => `${e.pid}:${e.tid}`;

function metadataNames(
  events: readonly TraceEvent[],
  kind: string,
  key: (e: TraceEvent) => string,
) {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === kind) names.set(key(e), e.args?.name ?? '');
  return names;
}
const threadNames = (events: readonly TraceEvent[]) =>
  metadataNames(events, 'thread_name', threadKey);
const processNames = (events: readonly TraceEvent[]) =>
  metadataNames(events, 'process_name', (e) => String(e.pid));

/**
 * The scheduler tasks of the trace, each once: Chromium 156 wraps every 'ThreadControllerImpl::RunTask'
 * in a 'RunTask' of the same span on the same thread, and counting both doubled every thread's time.
 * A task event inside another task event of its thread is part of that task.
 */
function outermostTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !isTask(e) || e.dur === undefined) continue;
    const list = byThread.get(threadKey(e)) ?? [];
    list.push(e);
    byThread.set(threadKey(e), list);
  }
  const out: TraceEvent[] = [];
  for (const list of byThread.values()) {
    // Earliest first; of two starting together, the longer (the outer) first.
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let openUntil = -Infinity;
    for (const task of list) {
      if (task.ts < openUntil) continue;
      out.push(task);
      openUntil = task.ts + (task.dur ?? 0);
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/**
 * The renderer processes the traced page's main frame lived in: each that committed a load of it
 * ('CommitLoad', devtools.timeline, is emitted by that renderer), and with the
 * disabled-by-default-devtools.timeline category also the one tracing started in and any a
 * navigation moved it to.
 */
export function pageProcesses(events: readonly TraceEvent[]): ReadonlySet<number> {
  const pids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'CommitLoad' && data?.isOutermostMainFrame === true) pids.add(e.pid);
    else if (e.name === 'TracingStartedInBrowser') {
      for (const frame of data?.frames ?? []) {
        if (frame.isOutermostMainFrame === true && frame.processId !== undefined) {
          pids.add(frame.processId);
        }
      }
    } else if (e.name === 'FrameCommittedInBrowser') {
      if (data?.isOutermostMainFrame === true && data.processId !== undefined) {
        pids.add(data.processId);
      }
    }
  }
  return pids;
}

/** The page's main thread(s): `CrRendererMain` of the page's renderer processes. */
function pageMainThreads(events: readonly TraceEvent[]): Set<string> {
  const pids = pageProcesses(events);
  if (pids.size === 0) {
    throw new Error(
      "the trace names no page frame (no main frame's 'CommitLoad'): trace with the 'devtools.timeline' category",
    );
  }
  return new Set(
    [...threadNames(events)]
      .filter(([key, name]) => name === 'CrRendererMain' && pids.has(Number(key.split(':')[0])))
      .map(([key]) => key),
  );
}

/** Events that name the script they run or compile. */
const SCRIPT_EVENTS: ReadonlySet<string> = new Set([
  // A module evaluation ('v8.evaluateModule' names none) or a callback, with its script's URL.
  'AnimationFrame::Script::Execute',
  'FunctionCall',
  'EvaluateScript',
  'TimerFire',
  'v8.compile',
  'v8.compileModule',
  'v8.run',
]);

/** A URL worth naming: not empty, not a data: URL, not the blank document every frame starts as. */
const named = (url: string | undefined): string | undefined =>
  url === undefined || url === '' || url === 'about:blank' || url.startsWith('data:')
    ? undefined
    : url;

/** The URL of the script an event ran or compiled, if it names one. */
function scriptUrl(e: TraceEvent): string | undefined {
  if (!SCRIPT_EVENTS.has(e.name)) return undefined;
  return named(
    e.args?.animation_frame_script_timing_info?.source_location_url ??
      e.args?.data?.url ??
      e.args?.fileName,
  );
}

/** Every thread that ran tasks, busiest first. */
export function threadUse(events: readonly TraceEvent[], seconds: number): ThreadUse[] {
  const names = threadNames(events);
  const byThread = new Map<string, { wall: number; cpu: number; durations: number[] }>();
  for (const e of outermostTasks(events)) {
    const entry = byThread.get(threadKey(e)) ?? { wall: 0, cpu: 0, durations: [] };
    entry.wall += (e.dur ?? 0) / 1000;
    entry.cpu += (e.tdur ?? 0) / 1000;
    entry.durations.push((e.dur ?? 0) / 1000);
    byThread.set(threadKey(e), entry);
  }
  const spanMs = seconds * 1000;
  return [...byThread]
    .map(([key, t]) => {
      const sorted = [...t.durations].sort((a, b) => b - a);
      return {
        thread: names.get(key) ?? key,
        wallShare: t.wall / spanMs,
        cpuShare: t.cpu / spanMs,
        tasks: t.durations.length,
        over30ms: sorted.filter((d) => d > 30).length,
        longestMs: sorted.slice(0, 5),
      };
    })
    .sort((a, b) => b.wallShare - a.wallShare);
}

/** Tasks over `thresholdMs` on the threads `keep` accepts, with what ran inside each. */
function longTasks(
  events: readonly TraceEvent[],
  thresholdMs: number,
  keep: (thread: string) => boolean,
): (LongTask & { readonly thread: string; readonly pid: number })[] {
  const tasks = outermostTasks(events).filter(
    (t) => (t.dur ?? 0) > thresholdMs * 1000 && keep(threadKey(t)),
  );
  const threads = new Set(tasks.map(threadKey));
  // Events of those threads, instants and async begins included (a script's URL is often on them).
  const onThreads = events.filter((e) => threads.has(threadKey(e)) && e.ph !== 'M');
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = new Map<string, number>();
    const scripts = new Set<string>();
    const documents = new Set<string>();
    for (const e of onThreads) {
      if (e === task || threadKey(e) !== threadKey(task) || e.ts < task.ts || e.ts >= end) continue;
      if (e.ph === 'X' && !isTask(e)) {
        inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const url = scriptUrl(e);
      if (url !== undefined) scripts.add(url);
      const document = e.name === 'ParseHTML' ? named(e.args?.beginData?.url) : undefined;
      if (document !== undefined) documents.add(document);
    }
    return {
      thread: threadKey(task),
      pid: task.pid,
      wallMs: (task.dur ?? 0) / 1000,
      cpuMs: (task.tdur ?? 0) / 1000,
      inside: [...inside].sort((a, b) => b[1] - a[1]),
      scripts: [...scripts],
      documents: [...documents],
    };
  });
}

/** The page's main-thread tasks over `thresholdMs` (of its main frame's renderer), what ran in each. */
export function mainThreadLongTasks(events: readonly TraceEvent[], thresholdMs = 50): LongTask[] {
  const main = pageMainThreads(events);
  return longTasks(events, thresholdMs, (thread) => main.has(thread)).map(
    ({ thread: _thread, pid: _pid, ...task }) => task,
  );
}

/**
 * Tasks over `thresholdMs` anywhere else: the page's workers and service worker, other renderer
 * processes (Chromium's own WebUI), the browser and GPU processes. They do not block the page's
 * main thread, but they compete with it for the cores.
 */
export function longTasksElsewhere(
  events: readonly TraceEvent[],
  thresholdMs = 50,
): ElsewhereTask[] {
  const main = pageMainThreads(events);
  const threads = threadNames(events);
  const processes = processNames(events);
  return longTasks(events, thresholdMs, (thread) => !main.has(thread)).map(
    ({ thread, pid, ...task }) => ({
      ...task,
      process: processes.get(String(pid)) ?? `process ${pid}`,
      thread: threads.get(thread) ?? thread,
    }),
  );
}
