/**
 * `npm run bench:ui [-- --json] [-- --no-build] [-- --check] [-- --home] [-- --session] [-- --lab]`
 *
 * What a learner's browser does while the Lab trains, measured in headless Chromium against the
 * production build served by `vite preview`: main-thread long tasks and chart refresh rate while four
 * runs train with every chart shown, time from Train to the first loss point, the engine's speed in a
 * browser worker against Node, the page's memory over a 20,000-step run, and the main thread while
 * the home page loads (--home measures only that). docs/PERFORMANCE-UI.md explains the method and
 * the targets. --check exits with 1 when a target is missed. --session measures no browser: the
 * Lab's mlp-bn run through the training worker's session loop in Node, in CPU time, against the
 * plain engine loop (what probes, validation and snapshots cost, whatever the machine's load). --lab
 * measures only the Lab's mlp-bn training rate against the engine's in the same browser, in turns.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { AFTER_LOAD_MS, homePageLoads, type HomeLoad } from './homeLoad';
import type { ElsewhereTask } from './traceAnalysis';
import { startEngineBenchPage, type EngineBenchPage, type EngineInWorker } from './engineInWorker';
import {
  FOUR_RUNS,
  memoryOverRun,
  timeToFirstLoss,
  trainingWindow,
  UnresponsiveError,
} from './labScenarios';
import { labRateRounds, labRateRow, medianRound } from './labRate';
import { nodeFigure, type NodeFigure } from './nodeFigure';
import { median, printTable, sum, type Row } from './report';
import { labSessionRows } from './sessionRows';
import { withServedApp } from './servedApp';
import { workerLoadRows } from './workerLoadRow';

const MODEL = 'mlp-bn';
const WINDOW_SECONDS = 15;
const FIRST_LOSS_REPETITIONS = 5;
const MEMORY_STEPS = 20_000;
const MEMORY_MAX_SECONDS = 240;
const ENGINE_ROUNDS = 5;
const HOME_LOADS = 5;

const TARGETS = {
  /** "No task longer than 50 ms": a long task is by definition one over 50 ms, so none may occur. */
  longestTaskMs: 50,
  refreshPerSecond: 10,
  firstLossMs: 300,
  workerVsNode: 0.8,
  /** The Lab's training rate, every chart following, against the engine's in the same browser. */
  labVsEngine: 0.6,
  /** Heap growth from half-way to the end of the 20,000-step run. */
  secondHalfGrowthMB: 5,
  /** No main-thread task over this while the home page loads (first visit). */
  homeLoadTaskMs: 200,
};

/**
 * The one chart that does not change while the runs train: it shows the untrained network of the
 * selected run's settings (it redraws when a setting changes).
 */
const STATIC_CHARTS = new Set(['Signal at initialization']);

/** Every chart that follows training must redraw at least TARGETS.refreshPerSecond times a second. */
function slowestChartRow(rates: Readonly<Record<string, number>>): Row {
  const streaming = Object.entries(rates).filter(([title]) => !STATIC_CHARTS.has(title));
  const slowest = streaming.reduce<[string, number] | undefined>(
    (worst, entry) => (worst === undefined || entry[1] < worst[1] ? entry : worst),
    undefined,
  );
  return {
    measure: 'slowest chart renders per second, 4 runs training',
    value: slowest
      ? `${fixed(slowest[1])} (${slowest[0]}; ${streaming.length} charts follow training)`
      : 'no chart changed',
    target: `≥ ${TARGETS.refreshPerSecond}`,
    met: slowest !== undefined && streaming.length >= 8 && slowest[1] >= TARGETS.refreshPerSecond,
  };
}

const log = (text: string): void => void process.stderr.write(`bench:ui: ${text}\n`);
const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '—';
const count = (n: number): string => n.toLocaleString('en-US');

/** A scenario's result, or why the page could not be measured (its main thread never answered). */
type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

async function attempt<T>(what: string, scenario: () => Promise<T>): Promise<Outcome<T>> {
  log(`${what}…`);
  try {
    return { ok: true, value: await scenario() };
  } catch (error) {
    if (!(error instanceof UnresponsiveError)) throw error;
    log(`${what}: ${error.message}`);
    return { ok: false, why: error.message };
  }
}

function rowsOf<T>(
  outcome: Outcome<T>,
  measure: string,
  target: string,
  rows: (v: T) => Row[],
): Row[] {
  if (outcome.ok) return rows(outcome.value);
  return [
    {
      measure,
      value: `unmeasurable: ${outcome.why}`,
      target,
      met: target === '' ? undefined : false,
    },
  ];
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  for (const arg of args) {
    if (!['--json', '--no-build', '--check', '--home', '--session', '--lab'].includes(arg)) {
      throw new Error(
        `unknown argument '${arg}' (use --json, --no-build, --check, --home, --session, --lab)`,
      );
    }
  }
  log(`node ${process.version}, ${cpus().length} cores, load ${load()}`);
  if (args.has('--session')) {
    const rows = await labSessionRows(log);
    publish(args, { loadAtEnd: loadavg(), rows });
    return;
  }
  await withServedApp(
    !args.has('--no-build'),
    (browser, url) => measureAll(args, browser, url),
    log,
  );
}

interface EngineRound {
  readonly node: NodeFigure;
  readonly worker: EngineInWorker;
  /** Browser worker steps/s over Node steps/s, measured one right after the other. */
  readonly ratio: number;
}

/**
 * Node and the browser worker take turns, ENGINE_ROUNDS times. On a shared machine the speed of
 * both drifts by a third within minutes (and back-to-back Node runs on an idle machine have
 * differed by 1.8×), so a ratio of two figures taken minutes apart measures the drift as much as the
 * browser; each round compares figures taken side by side, rounds alternate which goes first, so a
 * drift in one direction does not favour either, and the median round is reported.
 */
async function engineRounds(page: EngineBenchPage): Promise<EngineRound[]> {
  const rounds: EngineRound[] = [];
  for (let round = 1; round <= ENGINE_ROUNDS; round++) {
    const of = `round ${round} of ${ENGINE_ROUNDS}`;
    const inNode = (): Promise<NodeFigure> => {
      log(`${MODEL} in Node (npm run bench -- --json), ${of}…`);
      return nodeFigure(MODEL);
    };
    const inWorker = (): Promise<EngineInWorker> => {
      log(`${MODEL}: the same loop in a browser worker, ${of}…`);
      return page.measure(MODEL);
    };
    let node: NodeFigure;
    let worker: EngineInWorker;
    if (round % 2 === 1) {
      node = await inNode();
      worker = await inWorker();
    } else {
      worker = await inWorker();
      node = await inNode();
    }
    rounds.push({ node, worker, ratio: worker.rate.median / node.stepsPerSecond });
  }
  return rounds;
}

/** A task as "352 ms (CPU 102 ms), in WebUI Top Renderer / CrRendererMain: chrome://…/x.html". */
function describeElsewhere(t: ElsewhereTask): string {
  const where = [...t.documents, ...t.scripts].slice(0, 2).join(', ');
  return `${fixed(t.wallMs, 0)} ms (CPU ${fixed(t.cpuMs, 0)} ms) in ${t.process} / ${t.thread}${where === '' ? '' : `: ${where}`}`;
}

/**
 * The home page's first visits: the longest task of the page's main thread by wall clock (the
 * longer of what the page's Long Tasks observer and the trace saw), its CPU time, the heading's
 * arrival, and the long tasks of the same traces elsewhere (not counted: they block no input).
 */
function homeLoadRows(loads: readonly HomeLoad[]): Row[] {
  const longestWall = loads.map((l) =>
    Math.max(0, ...l.longTasksMs, ...l.traced.map((t) => t.wallMs)),
  );
  const longestCpu = loads.map((l) => Math.max(0, ...l.traced.map((t) => t.cpuMs)));
  const worst = Math.max(...longestWall);
  const perPage = (values: readonly number[]): string => values.map((v) => fixed(v, 0)).join(', ');
  const elsewhere = loads
    .flatMap((l) => l.elsewhere)
    .filter((t) => t.wallMs > TARGETS.homeLoadTaskMs);
  return [
    {
      measure: `home page first visit: longest task on the page's main thread (to ${AFTER_LOAD_MS / 1000} s after load; Long Tasks API and trace)`,
      value: `${fixed(worst, 0)} ms wall clock (each page: ${perPage(longestWall)})`,
      target: `≤ ${TARGETS.homeLoadTaskMs} ms`,
      met: worst <= TARGETS.homeLoadTaskMs,
    },
    {
      measure: "home page first visit: CPU time of the main thread's costliest task",
      value: `${fixed(Math.max(...longestCpu), 0)} ms (each page: ${perPage(longestCpu)})`,
      target: '',
      met: undefined,
    },
    {
      measure: 'home page first visit: tasks over 50 ms (Long Tasks API)',
      value: perPage(loads.map((l) => l.longTasksMs.length)),
      target: '',
      met: undefined,
    },
    {
      measure: `home page first visit: tasks over ${TARGETS.homeLoadTaskMs} ms off the page's main thread (not counted)`,
      value: elsewhere.length === 0 ? 'none' : elsewhere.map(describeElsewhere).join('; '),
      target: '',
      met: undefined,
    },
    {
      measure: 'home page first visit: heading in the document after',
      value: `median ${fixed(median(loads.map((l) => l.headingAt)), 0)} ms (${perPage(loads.map((l) => l.headingAt))}); JS fetched before it ${fixed((loads[0]?.scriptBytesBeforeHeading ?? 0) / 1000, 0)} kB uncompressed`,
      target: '',
      met: undefined,
    },
  ];
}

function homeLoads(browser: Browser, url: string): Promise<HomeLoad[]> {
  log(`the home page, ${HOME_LOADS} first visits…`);
  return homePageLoads(browser, url, HOME_LOADS);
}

/** Where the figures were taken: versions, cores, and the load when the measuring ended. */
const environment = (browser: Browser) => ({
  node: process.version,
  cores: cpus().length,
  chromium: browser.version(),
  loadAtEnd: loadavg(),
});

/** Prints the table (or the JSON with --json); with --check, a missed target fails the command. */
function publish<R extends { readonly rows: readonly Row[] }>(
  args: ReadonlySet<string>,
  result: R,
): void {
  if (args.has('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    printTable(result.rows);
    console.log(`\nload at the end: ${load()}\n${JSON.stringify(result)}`);
  }
  if (args.has('--check') && result.rows.some((r) => r.met === false)) process.exitCode = 1;
}

async function measureHomeOnly(args: ReadonlySet<string>, browser: Browser, url: string) {
  const home = await homeLoads(browser, url);
  publish(args, {
    environment: environment(browser),
    targets: { homeLoadTaskMs: TARGETS.homeLoadTaskMs },
    home,
    rows: homeLoadRows(home),
  });
}

async function measureLabOnly(args: ReadonlySet<string>, browser: Browser, url: string) {
  const enginePage = await startEngineBenchPage(browser);
  const rounds = await labRateRounds(browser, url, enginePage, log).finally(() =>
    enginePage.close(),
  );
  publish(args, {
    environment: environment(browser),
    rounds,
    rows: [
      labRateRow(rounds, TARGETS.labVsEngine),
      ...rounds.flatMap((r, i) =>
        r.worker ? workerLoadRows(`the Lab's worker in round ${i + 1}`, [r.worker]) : [],
      ),
    ],
  });
}

async function measureAll(args: ReadonlySet<string>, browser: Browser, url: string): Promise<void> {
  if (args.has('--home')) return measureHomeOnly(args, browser, url);
  if (args.has('--lab')) return measureLabOnly(args, browser, url);
  const home = await homeLoads(browser, url);
  const enginePage = await startEngineBenchPage(browser);
  // The Lab's rate is measured in turns with the engine in the same browser, like the engine itself.
  const [engine, labRounds] = await (async () => {
    const engine = await engineRounds(enginePage);
    return [engine, await labRateRounds(browser, url, enginePage, log)] as const;
  })().finally(() => enginePage.close());
  const ratio = median(engine.map((r) => r.ratio));
  const node = { stepsPerSecond: median(engine.map((r) => r.node.stepsPerSecond)) };
  const worker = {
    stepsPerSecond: median(engine.map((r) => r.worker.rate.median)),
    backend: engine[0]?.worker.backend,
    firstLoss: engine[0]?.worker.firstLoss,
  };
  const firstLoss = await attempt(
    `time from Train to the first loss point (${FIRST_LOSS_REPETITIONS} fresh pages)`,
    () => timeToFirstLoss(browser, url, FIRST_LOSS_REPETITIONS),
  );
  const window = await attempt(`four runs training, every panel shown, ${WINDOW_SECONDS} s`, () =>
    trainingWindow(browser, url, FOUR_RUNS, 4, WINDOW_SECONDS),
  );
  const memory = await attempt(`memory over a ${count(MEMORY_STEPS)}-step run`, () =>
    memoryOverRun(browser, url, MEMORY_STEPS, MEMORY_MAX_SECONDS),
  );

  const rows: Row[] = [
    ...homeLoadRows(home),
    ...rowsOf(
      window,
      'four runs training, every panel shown',
      `no task > ${TARGETS.longestTaskMs} ms, ≥ ${TARGETS.refreshPerSecond} renders/s`,
      (w) => {
        const tasks = w.longTasks ?? [];
        const longest = tasks.length > 0 ? Math.max(...tasks) : 0;
        return [
          {
            measure: 'long tasks > 50 ms, 4 runs training',
            value:
              w.longTasks === null
                ? 'not reported by this browser'
                : `${tasks.length} tasks, ${fixed(sum(tasks), 0)} ms of ${fixed(w.seconds * 1000, 0)} ms (${fixed((sum(tasks) / (w.seconds * 1000)) * 100, 0)}% blocked)`,
            target: '0 tasks',
            met: w.longTasks !== null && tasks.length === 0,
          },
          {
            measure: 'longest main-thread task, 4 runs training',
            value:
              tasks.length === 0
                ? `none over ${TARGETS.longestTaskMs} ms`
                : `${fixed(longest, 0)} ms`,
            target: `≤ ${TARGETS.longestTaskMs} ms`,
            met: w.longTasks !== null && longest <= TARGETS.longestTaskMs,
          },
          ...w.longTaskCauses.map((cause, i) => ({
            measure: `long task ${i + 1}, 4 runs training: what ran (Long Animation Frames API)`,
            value: cause,
            target: '',
            met: undefined,
          })),
          {
            measure: 'charts on screen (viewport as tall as the page)',
            value: `${w.chartsOnScreen} in ${w.viewport.width} × ${w.viewport.height} px`,
            target: '',
            met: undefined,
          },
          {
            measure: 'loss chart renders per second, 4 runs training',
            value: fixed(w.lossRendersPerSecond),
            target: `≥ ${TARGETS.refreshPerSecond}`,
            met: w.lossRendersPerSecond >= TARGETS.refreshPerSecond,
          },
          {
            measure: 'renders per second of each chart, 4 runs training',
            value: Object.entries(w.chartRendersPerSecond)
              .map(([title, rate]) => `${title} ${fixed(rate)}`)
              .join(', '),
            target: '',
            met: undefined,
          },
          slowestChartRow(w.chartRendersPerSecond),
          {
            measure: 'step counter renders / animation frames per second',
            value: `${fixed(w.stepRendersPerSecond)} / ${fixed(w.framesPerSecond)}`,
            target: '',
            met: undefined,
          },
          {
            measure: 'run A steps per second while 4 runs train',
            value: fixed(w.steps / w.seconds),
            target: '',
            met: undefined,
          },
          ...workerLoadRows('training workers while 4 runs train', w.workers),
        ];
      },
    ),
    ...rowsOf(firstLoss, 'Train → first loss point', `< ${TARGETS.firstLossMs} ms`, (f) => {
      const ms = median(f.samples);
      return [
        {
          measure: 'Train → first loss point (median of fresh pages)',
          value: `${fixed(ms, 0)} ms (${f.samples.map((s) => fixed(s, 0)).join(', ')})`,
          target: `< ${TARGETS.firstLossMs} ms`,
          met: ms < TARGETS.firstLossMs,
        },
      ];
    }),
    {
      measure: `${MODEL} steps/s: browser worker vs Node (bench loop)`,
      value:
        `${fixed(ratio * 100, 0)}%, the median of ${ENGINE_ROUNDS} rounds taken in turn (` +
        engine
          .map((r) => `${fixed(r.worker.rate.median)} vs ${fixed(r.node.stepsPerSecond)}`)
          .join('; ') +
        ')',
      target: `≥ ${TARGETS.workerVsNode * 100}%`,
      met: ratio >= TARGETS.workerVsNode,
    },
    labRateRow(labRounds, TARGETS.labVsEngine),
    {
      measure: `${MODEL} steps/s in the Lab vs Node (medians)`,
      value: `${fixed((median(labRounds.map((r) => r.lab).filter(Number.isFinite)) / node.stepsPerSecond) * 100, 0)}%`,
      target: '',
      met: undefined,
    },
    ...workerLoadRows(
      `${MODEL}: the Lab's worker in the median round`,
      [medianRound(labRounds)?.worker].filter((w) => w !== undefined),
    ),
    ...rowsOf(
      memory,
      'page JS heap over the run',
      `+≤ ${TARGETS.secondHalfGrowthMB} MB in the 2nd half`,
      (m) => {
        const half = m.samples.find((s) => s.step >= m.targetStep / 2);
        const last = m.samples[m.samples.length - 1];
        const growth = half && last && last !== half ? last.heapMB - half.heapMB : Number.NaN;
        const reached = m.reachedStep >= m.targetStep;
        return [
          {
            measure: `page JS heap after GC, ${count(m.targetStep)}-step run`,
            value:
              m.samples.map((s) => `${fixed(s.heapMB)} MB @ ${count(s.step)}`).join(', ') +
              (reached ? '' : ` (reached step ${count(m.reachedStep)} in ${MEMORY_MAX_SECONDS} s)`),
            target: `+≤ ${TARGETS.secondHalfGrowthMB} MB in the 2nd half`,
            met: reached && growth <= TARGETS.secondHalfGrowthMB,
          },
        ];
      },
    ),
  ];

  publish(args, {
    environment: environment(browser),
    targets: TARGETS,
    engine: {
      model: MODEL,
      backend: worker.backend,
      nodeStepsPerSecond: node.stepsPerSecond,
      workerStepsPerSecond: worker.stepsPerSecond,
      workerVsNode: ratio,
      firstLossNode: engine[0]?.node.firstLoss,
      firstLossWorker: worker.firstLoss,
      rounds: engine.map((r) => ({
        nodeStepsPerSecond: r.node.stepsPerSecond,
        workerStepsPerSecond: r.worker.rate.median,
        workerVsNode: r.ratio,
      })),
    },
    home,
    labRounds,
    firstLoss,
    fourRuns: window,
    memory,
    rows,
  });
}

await main();
