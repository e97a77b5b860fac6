/**
 * `npm run bench:ui:trace [-- --seconds N] [-- --no-build] [-- --mlp-bn]`
 *
 * Where the two cores go while four runs train with every panel shown and every chart on screen
 * (the scene of bench:ui's long-task window), or with --mlp-bn while the Lab trains bench:ui's one
 * mlp-bn run with its charts (the scene of its Lab training rate): Chromium records a trace for N seconds (8 by
 * default), and this prints each thread's wall-clock and CPU share and what the main thread's tasks
 * over 50 ms were made of. The raw trace stays in node_modules/.cache/normlab-bench-ui/trace.json
 * for chrome://tracing or Perfetto.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../test/e2e/previewServer';
import { FOUR_RUNS, LAB_MLP_BN, openLab } from './labScenarios';
import { withServedApp } from './servedApp';
import { mainThreadLongTasks, threadUse, type TraceEvent } from './traceAnalysis';
import { describeWorkerLoad } from './workerLoadRow';

const TRACE_DIR = resolve(ROOT, 'node_modules/.cache/normlab-bench-ui');
const TRACE_FILE = resolve(TRACE_DIR, 'trace.json');
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

interface Options {
  readonly seconds: number;
  readonly build: boolean;
  /** Trace the one mlp-bn run instead of four runs. */
  readonly mlpBn: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let seconds = 8;
  let build = true;
  let mlpBn = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--mlp-bn') mlpBn = true;
    else if (arg === '--seconds') {
      seconds = Number(argv[++i]);
      if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds takes a number from 1 to 60');
    } else {
      throw new Error(`unknown argument '${arg ?? ''}' (use --seconds N, --no-build, --mlp-bn)`);
    }
  }
  return { seconds, build, mlpBn };
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const { seconds, build, mlpBn } = parseArgs(process.argv.slice(2));
  await withServedApp(build, async (browser, url) => {
    const lab = await openLab(browser, url, mlpBn ? LAB_MLP_BN : FOUR_RUNS);
    let viewport: { width: number; height: number };
    if (mlpBn) {
      await lab.ready(1);
      await lab.press('Train');
      await lab.page.waitForTimeout(1000);
      viewport = lab.page.viewportSize() ?? { width: 0, height: 0 };
    } else viewport = await lab.trainWithEveryChartOnScreen(4);
    mkdirSync(TRACE_DIR, { recursive: true });
    const before = await lab.probe('before the trace');
    await lab.workerLoads(true);
    await browser.startTracing(lab.page, { path: TRACE_FILE, categories: CATEGORIES });
    await lab.page.waitForTimeout(seconds * 1000);
    await browser.stopTracing();
    const after = await lab.probe('after the trace');
    const workers = await lab.workerLoads();
    await lab.pauseIfAnswering();
    await lab.close();
    const lastStep = (renders: typeof after.stepRenders): number =>
      renders.reduce((step, r) => (Number.isFinite(r.step) ? r.step : step), 0);
    const steps = lastStep(after.stepRenders) - lastStep(before.stepRenders);
    console.log(`run A: ${(steps / seconds).toFixed(1)} steps/s while traced (about)`);
    for (const w of workers) console.log(`training worker: ${describeWorkerLoad(w)}`);
    report(
      seconds,
      viewport,
      mlpBn ? "the Lab's mlp-bn run training" : 'four runs training, every panel shown',
    );
  });
}

/** Prints each thread's share and the main thread's long tasks from the trace just recorded. */
function report(seconds: number, viewport: { width: number; height: number }, scene: string): void {
  const raw: unknown = JSON.parse(readFileSync(TRACE_FILE, 'utf8'));
  const events = (
    Array.isArray(raw) ? raw : (raw as { traceEvents: unknown[] }).traceEvents
  ) as TraceEvent[];
  console.log(
    `${scene}, viewport ${viewport.width} × ${viewport.height} px, ${seconds} s traced\n`,
  );
  console.log('thread                        wall     CPU   tasks  >30 ms  longest (ms)');
  for (const t of threadUse(events, seconds).slice(0, 12)) {
    console.log(
      `${t.thread.padEnd(28)} ${percent(t.wallShare).padStart(6)} ${percent(t.cpuShare).padStart(6)} ${String(t.tasks).padStart(7)} ${String(t.over30ms).padStart(7)}  ${t.longestMs.map((d) => d.toFixed(0)).join(', ')}`,
    );
  }
  const long = mainThreadLongTasks(events);
  console.log(`\nthe page's main-thread tasks over 50 ms: ${long.length}`);
  for (const task of long) {
    const inside = task.inside
      .slice(0, 6)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ');
    const scripts = task.scripts.length > 0 ? ` [${task.scripts.slice(0, 3).join(', ')}]` : '';
    console.log(
      `  ${task.wallMs.toFixed(0)} ms (CPU ${task.cpuMs.toFixed(0)} ms): ${inside}${scripts}`,
    );
  }
  console.log(`\nraw trace: ${TRACE_FILE}`);
}

await main();
