/**
 * `npx tsx bench/lessons/blockThreads.ts --lesson 2 --block he-figure-3 [--no-build] [--rounds N] [--profile] [--trace]`
 *
 * Where one lesson block's time goes in the browser, in CPU terms: the block is trained on its
 * lesson page as bench:lessons trains it, and every thread of the Chromium this script started is
 * read from Linux's /proc (user + system time, by thread name) from the press of "Run experiment" to
 * "Training finished.", beside each training worker's own accounting (src/worker/workerLoad.ts:
 * time in slices, posting, rests asked). CPU time barely depends on what else the machine runs, so
 * this compares the browser with `npm run bench:lessons -- --cpu` (the same session loop in Node)
 * on a shared machine, where the wall clock cannot. --profile adds the main thread's functions by
 * self time (CDP's sampling profiler; an unminified build, `npx vite build --minify false --outDir
 * DIR` with NORMLAB_E2E_DIST=DIR, names them), --trace each busy thread's trace events by CPU time.
 * Renicing the browser does not stand in for an idle machine (tried: 65 s instead of 77 at load 25–31):
 * the kernel schedules each session as one group (kernel.sched_autogroup_enabled), and a nice value
 * only orders threads within their group.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { WorkerLoadReport } from '../../src/worker/workerLoad';
import { completedLessons, seedProgress } from '../../test/e2e/progress';
import { ROOT } from '../../test/e2e/previewServer';
import { withServedApp } from '../ui/servedApp';
import { describeWorkerLoad } from '../ui/workerLoadRow';
import { readBenchLessons, type BenchLesson } from './lessonBlocks';

const WATCH_SCRIPT = resolve(ROOT, 'bench/lessons/sectionWatch.js');
const TICKS_PER_SECOND = 100;

/** The processes descended from this one (the Chromium it launched), not other people's browsers. */
function descendants(): string[] {
  const parent = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!);
    } catch {
      // Gone meanwhile.
    }
  }
  const mine = (pid: string): boolean => {
    for (let p: string | undefined = pid; p && p !== '0' && p !== '1'; p = parent.get(p)) {
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  return [...parent.keys()].filter((pid) => pid !== String(process.pid) && mine(pid));
}

/** CPU seconds of every thread of every Chromium process this bench started, keyed "process pid/tid". */
function chromiumThreads(): Map<string, { name: string; cpu: number }> {
  const out = new Map<string, { name: string; cpu: number }>();
  for (const pid of descendants()) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('chromium')) continue;
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
        out.set(`${type} ${pid}/${tid}`, { name: `${type}: ${name}`, cpu });
      } catch {
        // The thread ended meanwhile.
      }
    }
  }
  return out;
}

/** CPU seconds per thread name between two readings. */
function cpuBetween(
  before: Map<string, { name: string; cpu: number }>,
  after: Map<string, { name: string; cpu: number }>,
): [string, number, number][] {
  const byName = new Map<string, { cpu: number; threads: number }>();
  for (const [key, { name, cpu }] of after) {
    const used = cpu - (before.get(key)?.cpu ?? 0);
    if (used <= 0) continue;
    // Busy threads one by one (each worker is a thread of its own), the rest by name.
    const label = used >= 0.5 ? `${name} ${key.split('/')[1]!}` : name;
    const entry = byName.get(label) ?? { cpu: 0, threads: 0 };
    entry.cpu += used;
    entry.threads++;
    byName.set(label, entry);
  }
  return [...byName]
    .map(([name, e]): [string, number, number] => [name, e.cpu, e.threads])
    .sort((a, b) => b[1] - a[1]);
}

async function workerLoads(page: Page, reset: boolean): Promise<WorkerLoadReport[]> {
  const reports = await Promise.all(
    page
      .workers()
      .map((worker) =>
        worker
          .evaluate(
            (fresh) =>
              (
                self as unknown as { __normlabWorkerLoad?: (r: boolean) => WorkerLoadReport }
              ).__normlabWorkerLoad?.(fresh),
            reset,
          )
          .catch(() => undefined),
      ),
  );
  return reports.filter((r): r is WorkerLoadReport => r !== undefined && r.tasks > 0);
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

/** The functions with the most self time in a CDP CPU profile, in ms, and each one's callers' chain. */
function topFunctions(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  count: number,
): string[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const chain = new Map<string, Map<string, number>>();
  const name = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const key = name(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const callers: string[] = [];
    for (let p = parent.get(id); p !== undefined && callers.length < 4; p = parent.get(p)) {
      callers.push(name(byId.get(p)!).split(' ')[0]!);
    }
    const c = chain.get(key) ?? new Map<string, number>();
    const k = callers.join(' < ');
    c.set(k, (c.get(k) ?? 0) + ms);
    chain.set(key, c);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => {
      const top = [...chain.get(key)!].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      return `${ms.toFixed(0)} ms ${key}  < ${top}`;
    });
}

/** Per thread of the trace: CPU time (tdur) by event name, the top ones (nested events overlap). */
function summariseTrace(path: string): void {
  const { traceEvents } = JSON.parse(readFileSync(path, 'utf8')) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string };
    }[];
  };
  const names = new Map<string, string>();
  for (const e of traceEvents) {
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  const byThread = new Map<string, Map<string, number>>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.tdur === undefined) continue;
    const key = `${names.get(`${e.pid}:${e.tid}`) ?? '?'} ${e.tid}`;
    const m = byThread.get(key) ?? new Map<string, number>();
    m.set(e.name, (m.get(e.name) ?? 0) + e.tdur / 1000);
    byThread.set(key, m);
  }
  for (const [thread, m] of byThread) {
    const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 12);
    if ((top[0]?.[1] ?? 0) < 100) continue;
    console.log(`  trace ${thread}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
  }
}

async function measureBlock(
  browser: Browser,
  url: string,
  lesson: BenchLesson,
  blockId: string,
  lessonIds: readonly string[],
  profile: boolean,
  trace: boolean,
): Promise<void> {
  const block = lesson.blocks.find((b) => b.id === blockId);
  if (!block) throw new Error(`lesson ${lesson.id} has no block ${blockId}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await seedProgress(context, completedLessons(...lessonIds));
    await context.addInitScript({ path: WATCH_SCRIPT });
    const page = await context.newPage();
    await page.goto(new URL(`#/lessons/${lesson.id}`, url).href, { timeout: 120_000 });
    await page.locator('main h1').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3000);
    const kind = block.kind === 'experiment' ? 'Experiment' : 'Practice';
    const section = page.getByRole('region', { name: `${kind} ${block.title}`, exact: true });
    await section.evaluate((el) => {
      (window as unknown as { __benchWatchSection: (s: Element) => void }).__benchWatchSection(el);
      // Each React commit that changes the section is one observer callback: the page's updates.
      const w = window as unknown as { __benchUpdates: number };
      w.__benchUpdates = 0;
      new MutationObserver(() => void w.__benchUpdates++).observe(el, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    const run = section.getByRole('button', { name: 'Run experiment', exact: true });
    await run.scrollIntoViewIfNeeded();
    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const tracePath = resolve(ROOT, 'node_modules/.cache/normlab-bench-lessons-trace.json');
    if (trace) {
      await browser.startTracing(page, {
        path: tracePath,
        categories: ['toplevel', 'v8', 'devtools.timeline', 'disabled-by-default-v8.gc'],
      });
    }
    const before = chromiumThreads();
    const loadBefore = loadavg()[0]!;
    const wallStart = performance.now();
    await run.click();
    // The workers exist once the runs are configured; their accounting starts afresh then.
    await page.waitForTimeout(300);
    await workerLoads(page, true);
    await page.waitForFunction(
      () =>
        (window as unknown as { __benchMarks?: { finishedAt?: number } }).__benchMarks
          ?.finishedAt !== undefined,
      null,
      { timeout: 300_000, polling: 100 },
    );
    const wall = (performance.now() - wallStart) / 1000;
    const after = chromiumThreads();
    const recorded = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
    if (trace) {
      await browser.stopTracing();
      summariseTrace(tracePath);
    }
    const marks = await page.evaluate(
      () =>
        (
          window as unknown as {
            __benchMarks: { pressedAt: number; shownAt?: number; finishedAt: number };
          }
        ).__benchMarks,
    );
    const workers = await workerLoads(page, false);
    const updates = await page.evaluate(
      () => (window as unknown as { __benchUpdates: number }).__benchUpdates,
    );
    const used = cpuBetween(before, after);
    const total = used.reduce((s, [, cpu]) => s + cpu, 0);
    console.log(
      `${lesson.file.slice(0, 2)} ${block.id}: finished ${((marks.finishedAt - marks.pressedAt) / 1000).toFixed(1)} s, claim ${marks.shownAt !== undefined ? ((marks.shownAt - marks.pressedAt) / 1000).toFixed(1) : '—'} s (wall ${wall.toFixed(1)} s, load ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}); CPU of Chromium ${total.toFixed(2)} s:`,
    );
    // The training workers are the busy DedicatedWorker threads; the chart and pack workers use under 1 s.
    const training = used
      .filter(([name, cpu]) => name.includes('DedicatedWorker') && cpu >= 2)
      .reduce((sum, [, cpu]) => sum + cpu, 0);
    console.log(
      `  ${updates} updates of the section; everything but the training workers ${(total - training).toFixed(2)} s, ${(((total - training) / updates) * 1000).toFixed(1)} ms an update`,
    );
    for (const [name, cpu, threads] of used.filter(([, cpu]) => cpu >= 0.05)) {
      console.log(`  ${name}${threads > 1 ? ` (${threads} threads)` : ''}: ${cpu.toFixed(2)} s`);
    }
    for (const w of workers) console.log(`  training worker: ${describeWorkerLoad(w)}`);
    if (recorded) {
      console.log('  main thread, self time by function:');
      for (const line of topFunctions(recorded as never, 40)) console.log(`    ${line}`);
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lessonArg = value('--lesson');
  const blocks = argv.flatMap((a, i) => (argv[i - 1] === '--block' ? [a] : []));
  const rounds = Number(value('--rounds') ?? 1);
  if (!lessonArg || blocks.length === 0) {
    throw new Error(
      'usage: blockThreads.ts --lesson N --block ID [--block ID] [--rounds N] [--no-build]',
    );
  }
  const all = readBenchLessons(resolve(ROOT, 'lessons'));
  const lesson = all.find(
    (l) => l.id === lessonArg || l.file.startsWith(`${lessonArg.padStart(2, '0')}-`),
  );
  if (!lesson) throw new Error(`no lesson ${lessonArg}`);
  await withServedApp(!argv.includes('--no-build'), async (browser, url) => {
    for (let r = 0; r < rounds; r++) {
      for (const id of blocks) {
        await measureBlock(
          browser,
          url,
          lesson,
          id,
          all.map((l) => l.id),
          argv.includes('--profile'),
          argv.includes('--trace'),
        );
      }
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
