/**
 * `npx tsx bench/lessons/trace.ts --lesson ID [--block ID] [--throttle N] [--no-build]`
 *
 * What the page's main thread did while one lesson experiment ran, in CPU time: the lesson is opened
 * and the block trained exactly as `npm run bench:lessons` does (lessonVisit.ts), with the CPU
 * throttled N× (4 by default), and Chromium records a trace from just before "Run experiment" is
 * pressed to the end of the bench's window (3 s after the block is done). It prints every main-thread
 * task over 50 ms, costliest CPU first, with what ran inside it. A task's CPU time leaves out the time
 * it waited for a core, so on a shared machine it is the figure to compare; under throttling Chromium
 * counts the throttled time in it, so it compares with the 200 ms target. With --no-build it serves
 * NORMLAB_E2E_DIST (or dist/), which is how two builds are compared one after the other.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { mainThreadLongTasks, type LongTask, type TraceEvent } from '../ui/traceAnalysis';
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
}

function parseArgs(argv: readonly string[]): Options {
  let lesson: string | undefined;
  let block: string | undefined;
  let throttle = 4;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--lesson') lesson = argv[++i];
    else if (arg === '--block') block = argv[++i];
    else if (arg === '--throttle') {
      throttle = Number(argv[++i]);
      if (!(throttle >= 1 && throttle <= 20))
        throw new Error('--throttle takes a rate from 1 to 20');
    } else {
      throw new Error(
        `unknown argument '${arg ?? ''}' (use --lesson ID, --block ID, --throttle N, --no-build)`,
      );
    }
  }
  if (lesson === undefined) throw new Error('--lesson ID is needed');
  return { lesson, block, throttle, build };
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
  if (!block) throw new Error(`lesson ${lesson.id} has no block '${options.block ?? ''}'`);
  mkdirSync(resolve(TRACE_FILE, '..'), { recursive: true });
  const loadBefore = loadavg()[0]!.toFixed(2);
  const visit = await withServedApp(options.build, (browser, url) =>
    visitLesson(browser, url, lesson, {
      cpuThrottling: options.throttle,
      blocks: [block],
      allLessonIds: lessons.map((l) => l.id),
      log: (line) => console.error(line),
      trace: TRACE_FILE,
    }),
  );
  const raw: unknown = JSON.parse(readFileSync(TRACE_FILE, 'utf8'));
  const events = (
    Array.isArray(raw) ? raw : (raw as { traceEvents: unknown[] }).traceEvents
  ) as TraceEvent[];
  const timing = visit.blocks[0];
  console.log(
    `${new Date().toISOString()} lesson ${lesson.id}, ${block.id}, CPU throttled ${options.throttle}×, load ${loadBefore} → ${loadavg()[0]!.toFixed(2)}; ` +
      `claim ${timing?.claimShownMs?.toFixed(0) ?? '—'} ms, finished ${timing?.finishedMs?.toFixed(0) ?? '—'} ms; ` +
      `bench's longest task ${Math.max(0, ...(timing?.longTasks ?? []).map((t) => t.duration)).toFixed(0)} ms (wall)`,
  );
  const main = mainThreadLongTasks(events).sort((a, b) => b.cpuMs - a.cpuMs);
  const cpu = main.map((t) => t.cpuMs);
  const isFrame = (t: LongTask): boolean =>
    t.inside.slice(0, 3).some(([name]) => ['Paint', 'PrePaint', 'Layout'].includes(name));
  console.log(
    `summary: longest ${Math.max(0, ...cpu).toFixed(0)} ms CPU (frames ${Math.max(0, ...main.filter(isFrame).map((t) => t.cpuMs)).toFixed(0)}); over 50 ms of CPU ${cpu.filter((c) => c > 50).length}, over 100 ms ${cpu.filter((c) => c > 100).length}; CPU of the tasks over 50 ms wall ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
  );
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
