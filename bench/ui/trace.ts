/**
 * `npm run bench:ui:trace [-- --seconds N] [-- --no-build]`
 *
 * Where the two cores go while four runs train with every panel shown and every chart on screen
 * (the scene of bench:ui's long-task window): Chromium records a trace for N seconds (8 by
 * default), and this prints each thread's wall-clock and CPU share and what the main thread's tasks
 * over 50 ms were made of. The raw trace stays in node_modules/.cache/normlab-bench-ui/trace.json
 * for chrome://tracing or Perfetto.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../test/e2e/previewServer';
import { FOUR_RUNS, openLab } from './labScenarios';
import { withServedApp } from './servedApp';
import { mainThreadLongTasks, threadUse, type TraceEvent } from './traceAnalysis';

const TRACE_DIR = resolve(ROOT, 'node_modules/.cache/normlab-bench-ui');
const TRACE_FILE = resolve(TRACE_DIR, 'trace.json');
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

function parseArgs(argv: readonly string[]): { seconds: number; build: boolean } {
  let seconds = 8;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--seconds') {
      seconds = Number(argv[++i]);
      if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds takes a number from 1 to 60');
    } else throw new Error(`unknown argument '${arg ?? ''}' (use --seconds N, --no-build)`);
  }
  return { seconds, build };
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const { seconds, build } = parseArgs(process.argv.slice(2));
  await withServedApp(build, async (browser, url) => {
    const lab = await openLab(browser, url, FOUR_RUNS);
    const viewport = await lab.trainWithEveryChartOnScreen(4);
    mkdirSync(TRACE_DIR, { recursive: true });
    await browser.startTracing(lab.page, { path: TRACE_FILE, categories: CATEGORIES });
    await lab.page.waitForTimeout(seconds * 1000);
    await browser.stopTracing();
    await lab.pauseIfAnswering();
    await lab.close();
    report(seconds, viewport);
  });
}

/** Prints each thread's share and the main thread's long tasks from the trace just recorded. */
function report(seconds: number, viewport: { width: number; height: number }): void {
  const raw: unknown = JSON.parse(readFileSync(TRACE_FILE, 'utf8'));
  const events = (
    Array.isArray(raw) ? raw : (raw as { traceEvents: unknown[] }).traceEvents
  ) as TraceEvent[];
  console.log(
    `four runs training, every panel shown, viewport ${viewport.width} × ${viewport.height} px, ${seconds} s traced\n`,
  );
  console.log('thread                        wall     CPU   tasks  >30 ms  longest (ms)');
  for (const t of threadUse(events, seconds).slice(0, 12)) {
    console.log(
      `${t.thread.padEnd(28)} ${percent(t.wallShare).padStart(6)} ${percent(t.cpuShare).padStart(6)} ${String(t.tasks).padStart(7)} ${String(t.over30ms).padStart(7)}  ${t.longestMs.map((d) => d.toFixed(0)).join(', ')}`,
    );
  }
  const long = mainThreadLongTasks(events);
  console.log(`\nmain-thread tasks over 50 ms: ${long.length}`);
  for (const task of long) {
    const inside = task.inside
      .slice(0, 6)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ');
    console.log(`  ${task.wallMs.toFixed(0)} ms (CPU ${task.cpuMs.toFixed(0)} ms): ${inside}`);
  }
  console.log(`\nraw trace: ${TRACE_FILE}`);
}

await main();
