/**
 * `npx tsx bench/lessons/trace.ts --lesson ID [--block ID | --load] [--throttle N] [--css RULES] [--categories LIST] [--no-build]`
 *
 * What the page's main thread did while one lesson experiment ran, in CPU time: the lesson is opened
 * and the block trained exactly as `npm run bench:lessons` does (lessonVisit.ts), with the CPU
 * throttled N× (4 by default), and Chromium records a trace from just before "Run experiment" is
 * pressed to the end of the bench's window (3 s after the block is done). It prints every main-thread
 * task over 50 ms, costliest CPU first, with what ran inside it. A task's CPU time leaves out the time
 * it waited for a core, so on a shared machine it is the figure to compare; under throttling Chromium
 * counts the throttled time in it, so it compares with the 200 ms target. With --no-build it serves
 * NORMLAB_E2E_DIST (or dist/), which is how two builds are compared one after the other.
 *
 * --load traces the lesson's loading instead: from navigation to the end of the bench's loading
 * window (the whole lesson shown plus 3 s). --css adds style rules to the page before its own
 * stylesheets (they need `!important` to win), so a style change is measured against the same build,
 * alternately, without building another. --categories adds trace categories (comma-separated) to
 * the raw trace, e.g. disabled-by-default-devtools.timeline.invalidationTracking, which names what
 * each frame laid out (so it showed lesson 1 at 4× still adding its last blocks while its first
 * experiment ran).
 * Besides the long tasks it sums every frame of the window (a task with a pre-paint): how many, their
 * CPU (mean and costliest) and what each rendering step cost over all of them, which varies less
 * from trace to trace than the costliest task does.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  mainThreadLongTasks,
  pageProcesses,
  type LongTask,
  type TraceEvent,
} from '../ui/traceAnalysis';
import { withServedApp } from '../ui/servedApp';
import { ROOT } from '../../test/e2e/previewServer';
import { readBenchLessons } from './lessonBlocks';
import { visitLesson } from './lessonVisit';

const TRACE_FILE = resolve(ROOT, 'node_modules/.cache/normlab-bench-lessons/trace.json');

interface Options {
  readonly lesson: string;
  readonly block: string | undefined;
  readonly throttle: number;
  readonly build: boolean;
  readonly load: boolean;
  readonly css: string | undefined;
  readonly categories: readonly string[];
}

function parseArgs(argv: readonly string[]): Options {
  let lesson: string | undefined;
  let block: string | undefined;
  let throttle = 4;
  let build = true;
  let load = false;
  let css: string | undefined;
  let categories: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--load') load = true;
    else if (arg === '--css') css = argv[++i];
    else if (arg === '--categories') categories = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--lesson') lesson = argv[++i];
    else if (arg === '--block') block = argv[++i];
    else if (arg === '--throttle') {
      throttle = Number(argv[++i]);
      if (!(throttle >= 1 && throttle <= 20))
        throw new Error('--throttle takes a rate from 1 to 20');
    } else {
      throw new Error(
        `unknown argument '${arg ?? ''}' (use --lesson ID, --block ID, --load, --throttle N, --css RULES, --categories LIST, --no-build)`,
      );
    }
  }
  if (lesson === undefined) throw new Error('--lesson ID is needed');
  if (load && block !== undefined) throw new Error('--load traces no block: drop --block');
  return { lesson, block, throttle, build, load, css, categories };
}

/**
 * Layout's own account of a task's layouts: how many objects each laid out, of how many. The task is
 * found again by its span and CPU time (traceAnalysis.ts's LongTask does not say when it started).
 */
function layoutObjects(events: readonly TraceEvent[], task: LongTask): string {
  const run = events.find(
    (e) =>
      e.ph === 'X' &&
      Math.abs((e.dur ?? 0) - task.wallMs * 1000) < 1 &&
      Math.abs((e.tdur ?? 0) - task.cpuMs * 1000) < 1,
  );
  if (run === undefined) return '';
  const from = run.ts;
  const to = run.ts + (run.dur ?? 0);
  const sizes: string[] = [];
  for (const e of events) {
    if (e.name !== 'Layout' || e.ph !== 'X' || e.pid !== run.pid || e.tid !== run.tid) continue;
    if (e.ts < from || e.ts >= to) continue;
    const begin = (e.args as { beginData?: { dirtyObjects?: number; totalObjects?: number } })
      .beginData;
    if (begin?.dirtyObjects !== undefined)
      sizes.push(`${begin.dirtyObjects}/${begin.totalObjects}`);
  }
  return sizes.length > 0 ? ` layout objects (dirty/total) ${sizes.join(', ')}` : '';
}

/** The rendering steps a frame's task is summed by. */
const FRAME_STEPS = [
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
];

/**
 * Every frame of the page's main thread in the trace (a task with a 'PrePaint' in it): how many,
 * their CPU time, and each rendering step's CPU time summed over all of them.
 */
function frameTotals(events: readonly TraceEvent[]): string {
  const pids = pageProcesses(events);
  const main = new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === 'CrRendererMain' &&
          pids.has(e.pid),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const frames: { cpu: number; steps: Map<string, number> }[] = [];
  let task: { end: number; cpu: number; steps: Map<string, number> } | undefined;
  const close = (): void => {
    if (task?.steps.has('PrePaint')) frames.push(task);
  };
  for (const e of onMain) {
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') {
      if (task !== undefined && e.ts < task.end) continue;
      close();
      task = { end: e.ts + (e.dur ?? 0), cpu, steps: new Map() };
    } else if (task !== undefined && e.ts < task.end && FRAME_STEPS.includes(e.name)) {
      task.steps.set(e.name, (task.steps.get(e.name) ?? 0) + cpu);
    }
  }
  close();
  const cpu = frames.map((f) => f.cpu);
  const total = cpu.reduce((a, b) => a + b, 0);
  const steps = FRAME_STEPS.map(
    (name) => `${name} ${frames.reduce((sum, f) => sum + (f.steps.get(name) ?? 0), 0).toFixed(0)}`,
  ).join(', ');
  return (
    `frames: ${frames.length}, CPU ${total.toFixed(0)} ms (mean ${(total / Math.max(1, frames.length)).toFixed(1)}, ` +
    `costliest ${Math.max(0, ...cpu).toFixed(0)}, over 50 ms ${cpu.filter((c) => c > 50).length}); steps over all frames, ms CPU: ${steps}`
  );
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const lessons = readBenchLessons(resolve(ROOT, 'lessons'));
  const lesson = lessons.find(
    (l) => l.id === options.lesson || l.file.startsWith(`${options.lesson.padStart(2, '0')}-`),
  );
  if (!lesson) throw new Error(`no lesson '${options.lesson}'`);
  const block = options.block
    ? lesson.blocks.find((b) => b.id === options.block)
    : lesson.blocks[0];
  if (!block && !options.load)
    throw new Error(`lesson ${lesson.id} has no block '${options.block ?? ''}'`);
  mkdirSync(resolve(TRACE_FILE, '..'), { recursive: true });
  const loadBefore = loadavg()[0]!.toFixed(2);
  const visit = await withServedApp(options.build, (browser, url) =>
    visitLesson(browser, url, lesson, {
      cpuThrottling: options.throttle,
      blocks: options.load || !block ? [] : [block],
      allLessonIds: lessons.map((l) => l.id),
      log: (line) => console.error(line),
      trace: TRACE_FILE,
      traceLoading: options.load,
      css: options.css,
      traceCategories: options.categories,
    }),
  );
  const raw: unknown = JSON.parse(readFileSync(TRACE_FILE, 'utf8'));
  const events = (
    Array.isArray(raw) ? raw : (raw as { traceEvents: unknown[] }).traceEvents
  ) as TraceEvent[];
  const timing = visit.blocks[0];
  const longestWall = (tasks: readonly { duration: number }[] | undefined): string =>
    Math.max(0, ...(tasks ?? []).map((t) => t.duration)).toFixed(0);
  const where = `${new Date().toISOString()} lesson ${lesson.id}, ${options.load ? 'loading' : (block?.id ?? '')}, CPU throttled ${options.throttle}×${options.css !== undefined ? ', with --css' : ''}, load ${loadBefore} → ${loadavg()[0]!.toFixed(2)}; `;
  console.log(
    options.load
      ? `${where}heading at ${visit.headingAt.toFixed(0)} ms, whole lesson at ${visit.wholeLessonAt.toFixed(0)} ms; bench's longest loading task ${longestWall(visit.loadLongTasks)} ms (wall)`
      : `${where}claim ${timing?.claimShownMs?.toFixed(0) ?? '—'} ms, finished ${timing?.finishedMs?.toFixed(0) ?? '—'} ms; ` +
          `bench's longest task ${longestWall(timing?.longTasks)} ms (wall)`,
  );
  const main = mainThreadLongTasks(events).sort((a, b) => b.cpuMs - a.cpuMs);
  const cpu = main.map((t) => t.cpuMs);
  const isFrame = (t: LongTask): boolean =>
    t.inside.slice(0, 3).some(([name]) => ['Paint', 'PrePaint', 'Layout'].includes(name));
  console.log(
    `summary: longest ${Math.max(0, ...cpu).toFixed(0)} ms CPU (frames ${Math.max(0, ...main.filter(isFrame).map((t) => t.cpuMs)).toFixed(0)}); over 50 ms of CPU ${cpu.filter((c) => c > 50).length}, over 100 ms ${cpu.filter((c) => c > 100).length}; CPU of the tasks over 50 ms wall ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
  );
  console.log(frameTotals(events));
  console.log(`main-thread tasks over 50 ms (wall): ${main.length}; by CPU:`);
  for (const task of main) {
    const inside = task.inside
      .slice(0, 7)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ');
    console.log(
      `  CPU ${task.cpuMs.toFixed(0)} ms (wall ${task.wallMs.toFixed(0)}): ${inside}${layoutObjects(events, task)}`,
    );
  }
  console.log(`raw trace: ${TRACE_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
