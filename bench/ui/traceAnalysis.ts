/**
 * Reads a Chromium trace (the JSON `browser.startTracing` writes) into what `npm run bench:ui:trace`
 * prints: how much wall-clock and CPU time each thread spent in tasks, and what the main thread's
 * long tasks were made of. A task whose CPU time is far below its wall time was waiting for a core.
 */

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
  readonly args?: { readonly name?: string };
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
}

/** A scheduler task: 'RunTask' in older Chromium, 'ThreadControllerImpl::RunTask' in Chromium 156. */
const TASK_NAMES: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const isTask = (e: TraceEvent): boolean => TASK_NAMES.has(e.name);
const threadKey = (e: TraceEvent): string => `${e.pid}:${e.tid}`;

function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(threadKey(e), e.args?.name ?? '');
  }
  return names;
}

/** Every thread that ran tasks, busiest first. */
export function threadUse(events: readonly TraceEvent[], seconds: number): ThreadUse[] {
  const names = threadNames(events);
  const byThread = new Map<string, { wall: number; cpu: number; durations: number[] }>();
  for (const e of events) {
    if (!isTask(e) || e.ph !== 'X') continue;
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

/** The page's main thread tasks over `thresholdMs`, with the events nested inside each. */
export function mainThreadLongTasks(events: readonly TraceEvent[], thresholdMs = 50): LongTask[] {
  const names = threadNames(events);
  const main = new Set([...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const timed = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(threadKey(e)))
    .sort((a, b) => a.ts - b.ts);
  const out: LongTask[] = [];
  for (const task of timed) {
    const dur = task.dur ?? 0;
    if (!isTask(task) || dur <= thresholdMs * 1000) continue;
    const inside = new Map<string, number>();
    for (const e of timed) {
      if (e === task || isTask(e) || threadKey(e) !== threadKey(task)) continue;
      if (e.ts < task.ts || e.ts >= task.ts + dur) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    out.push({
      wallMs: dur / 1000,
      cpuMs: (task.tdur ?? 0) / 1000,
      inside: [...inside].sort((a, b) => b[1] - a[1]),
    });
  }
  return out;
}
