/**
 * `npm run bench:lessons [-- --rounds N] [-- --lesson ID] [-- --block ID] [-- --no-build] [-- --no-throttle] [-- --json] [-- --check] [-- --cpu]`
 *
 * Every lesson experiment and practice trained in the browser worker as a learner trains it, in
 * headless Chromium against the production build: for each, the time from pressing "Run experiment"
 * to its claim first shown, next to the time the whole experiment takes (median over the rounds), and
 * the main-thread long tasks while each lesson loads and while its experiments run (from the press of
 * "Run experiment" to 3 s after the block is done: trained, judged, its takeaway shown and its runs
 * saved). A last pass loads every lesson with the CPU throttled 4× (as on a low-end phone) and runs its
 * first experiment (the first of --block's, when given).
 * docs/PERFORMANCE.md ("Lesson experiments in the browser") explains the targets; --check exits with
 * 1 when one is missed. --cpu measures no browser: it trains every block in Node through the worker's
 * session loop and prints the CPU time each run costs and the time it would take on an idle 2-core
 * machine (figures that do not depend on what else the machine is doing).
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../test/e2e/previewServer';
import { median, printTable, type Row } from '../ui/report';
import { withServedApp } from '../ui/servedApp';
import { lessonCpuCosts } from './cpuCost';
import { readBenchLessons, type BenchLesson, type TrainedBlock } from './lessonBlocks';
import { AFTER_DONE_MS, visitLesson, type LessonVisit } from './lessonVisit';

const TARGETS = {
  /** Every experiment shows its effect within this (median of the rounds). */
  effectMs: 10_000,
  /** No main-thread task over this while a lesson loads or its experiments run. */
  taskMs: 100,
  /** …nor over this with the CPU throttled 4×. */
  throttledTaskMs: 200,
};
const THROTTLING = 4;

const log = (text: string): void => void process.stderr.write(`bench:lessons: ${text}\n`);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const seconds = (ms: number | undefined): string =>
  ms === undefined || !Number.isFinite(ms) ? '—' : (ms / 1000).toFixed(1);
const longest = (tasks: readonly { duration: number }[]): number =>
  Math.max(0, ...tasks.map((t) => t.duration));

interface Options {
  readonly rounds: number;
  readonly lessons: readonly string[];
  /** Only these experiments or practices (by id; all when empty). */
  readonly blocks: readonly string[];
  readonly build: boolean;
  readonly throttle: boolean;
  readonly json: boolean;
  readonly check: boolean;
  readonly cpu: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let rounds = 3;
  const lessons: string[] = [];
  const blocks: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rounds' || arg === '--lesson' || arg === '--block') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--lesson') lessons.push(value);
      else if (arg === '--block') blocks.push(value);
      else {
        rounds = Number(value);
        if (!Number.isInteger(rounds) || rounds < 1) {
          throw new Error(`--rounds must be a whole number ≥ 1, not '${value}'`);
        }
      }
    } else if (['--no-build', '--no-throttle', '--json', '--check', '--cpu'].includes(arg)) {
      flags.add(arg);
    } else {
      throw new Error(
        `unknown argument '${arg}' (use --rounds N, --lesson ID, --block ID, --no-build, --no-throttle, --json, --check, --cpu)`,
      );
    }
  }
  return {
    rounds,
    lessons,
    blocks,
    build: !flags.has('--no-build'),
    throttle: !flags.has('--no-throttle'),
    json: flags.has('--json'),
    check: flags.has('--check'),
    cpu: flags.has('--cpu'),
  };
}

/** A lesson chosen by its id or its file's number ("1", "01", "signal-propagation"). */
function chosen(all: readonly BenchLesson[], wanted: readonly string[]): BenchLesson[] {
  if (wanted.length === 0) return [...all];
  return wanted.map((w) => {
    const found = all.find(
      (l) => l.id === w || l.file.startsWith(`${w.padStart(2, '0')}-`) || l.file === w,
    );
    if (!found) {
      throw new Error(`no lesson '${w}' (lessons: ${all.map((l) => l.id).join(', ')})`);
    }
    return found;
  });
}

interface Results {
  readonly rounds: LessonVisit[][];
  readonly throttled: LessonVisit[];
}

async function measure(
  browser: Browser,
  url: string,
  lessons: readonly BenchLesson[],
  allIds: readonly string[],
  options: Options,
): Promise<Results> {
  const picked = (lesson: BenchLesson): TrainedBlock[] =>
    lesson.blocks.filter((b) => options.blocks.length === 0 || options.blocks.includes(b.id));
  const rounds: LessonVisit[][] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const visits: LessonVisit[] = [];
    for (const lesson of lessons) {
      log(`round ${round} of ${options.rounds}: ${lesson.file} (load ${load()})`);
      visits.push(
        await visitLesson(browser, url, lesson, {
          cpuThrottling: 1,
          blocks: picked(lesson),
          allLessonIds: allIds,
          log,
        }),
      );
    }
    rounds.push(visits);
  }
  const throttled: LessonVisit[] = [];
  if (options.throttle) {
    for (const lesson of lessons) {
      log(`CPU throttled ${THROTTLING}×: ${lesson.file}, its first experiment (load ${load()})`);
      throttled.push(
        await visitLesson(browser, url, lesson, {
          cpuThrottling: THROTTLING,
          blocks: picked(lesson).slice(0, 1),
          allLessonIds: allIds,
          log,
        }),
      );
    }
  }
  return { rounds, throttled };
}

/** One row per experiment or practice: its claim's time and the whole run's, median over rounds. */
function blockRows(results: Results): Row[] {
  const first = results.rounds[0] ?? [];
  return first.flatMap((visit, v) =>
    visit.blocks.map((timing, b) => {
      const all = results.rounds.map((r) => r[v]!.blocks[b]!);
      const block: TrainedBlock = timing.block;
      const claims = all.map((t) => t.claimShownMs);
      const finished = all.map((t) => t.finishedMs);
      const everyClaim = claims.every((c) => c !== undefined);
      const claimMedian = everyClaim ? median(claims as number[]) : undefined;
      const finishedMedian = finished.every((f) => f !== undefined)
        ? median(finished as number[])
        : undefined;
      const effect = block.hasClaim ? claimMedian : finishedMedian;
      const each = (values: readonly (number | undefined)[]): string =>
        values.length > 1 ? ` (${values.map(seconds).join(', ')})` : '';
      const name = `${visit.lesson.file.slice(0, 2)} ${block.kind} ${block.id}`;
      const claimText = block.hasClaim
        ? everyClaim
          ? `claim ${seconds(claimMedian)} s${each(claims)}`
          : `claim NOT shown in ${claims.filter((c) => c === undefined).length} of ${claims.length}`
        : 'no claim';
      const after =
        block.afterTraining.length > 0 ? ` (claim after ${block.afterTraining.join(', ')})` : '';
      return {
        measure: name,
        value: `${claimText}; whole ${seconds(finishedMedian)} s${each(finished)}${after}`,
        target: `effect ≤ ${TARGETS.effectMs / 1000} s`,
        met: effect !== undefined && effect <= TARGETS.effectMs,
      };
    }),
  );
}

/** Mystery networks are diagnosed in the Lab, not on the lesson page: listed, not measured. */
function labRows(lessons: readonly BenchLesson[]): Row[] {
  return lessons.flatMap((lesson) =>
    lesson.inTheLab.map((id) => ({
      measure: `${lesson.file.slice(0, 2)} mystery ${id}`,
      value: 'opens in the Lab (the lesson page only links to it): not trained here',
      target: '—',
      met: undefined,
    })),
  );
}

/** Per lesson: the longest main-thread task while it loaded and while its experiments ran. */
function mainThreadRows(results: Results): Row[] {
  const first = results.rounds[0] ?? [];
  const rows: Row[] = [];
  first.forEach((visit, v) => {
    const visits = results.rounds.map((r) => r[v]!);
    const loads = visits.map((x) => longest(x.loadLongTasks));
    const worstRun = visits.map((x) => {
      let worst = 0;
      let where = '';
      for (const t of x.blocks) {
        const d = longest(t.longTasks);
        if (d > worst) [worst, where] = [d, t.block.id];
      }
      return { worst, where };
    });
    const runWorst = Math.max(...worstRun.map((w) => w.worst));
    const over = (tasks: readonly { duration: number }[]) =>
      tasks.filter((t) => t.duration > TARGETS.taskMs).length;
    const runOver = visits.map((x) => x.blocks.reduce((n, t) => n + over(t.longTasks), 0));
    rows.push(
      {
        measure: `${visit.lesson.file.slice(0, 2)} loading: longest task`,
        value: `${loads.map((l) => l.toFixed(0)).join(', ')} ms; over ${TARGETS.taskMs} ms: ${visits.map((x) => over(x.loadLongTasks)).join(', ')}; heading at ${visits.map((x) => seconds(x.headingAt)).join(', ')} s, whole lesson at ${visits.map((x) => seconds(x.wholeLessonAt)).join(', ')} s`,
        target: `≤ ${TARGETS.taskMs} ms`,
        met: Math.max(...loads) <= TARGETS.taskMs,
      },
      {
        measure: `${visit.lesson.file.slice(0, 2)} experiments running: longest task`,
        value: `${worstRun.map((w) => `${w.worst.toFixed(0)} ms${w.where ? ` (${w.where})` : ''}`).join(', ')}; over ${TARGETS.taskMs} ms: ${runOver.join(', ')} (press to done + ${AFTER_DONE_MS / 1000} s)`,
        target: `≤ ${TARGETS.taskMs} ms`,
        met: runWorst <= TARGETS.taskMs,
      },
    );
  });
  for (const visit of results.throttled) {
    const loadWorst = longest(visit.loadLongTasks);
    const run = visit.blocks[0];
    const runWorst = run ? longest(run.longTasks) : 0;
    rows.push({
      measure: `${visit.lesson.file.slice(0, 2)} at ${THROTTLING}× CPU throttling: longest task`,
      value: `loading ${loadWorst.toFixed(0)} ms (heading at ${seconds(visit.headingAt)} s, whole lesson at ${seconds(visit.wholeLessonAt)} s); ${run ? `running ${run.block.id} ${runWorst.toFixed(0)} ms (press to done + ${AFTER_DONE_MS / 1000} s), claim ${seconds(run.claimShownMs)} s` : 'no experiment'}`,
      target: `≤ ${TARGETS.throttledTaskMs} ms`,
      met: Math.max(loadWorst, runWorst) <= TARGETS.throttledTaskMs,
    });
  }
  return rows;
}

/** Cores of the machine the lessons are meant for (ISSUE 17: "on the 2-core machine"). */
const TARGET_CORES = 2;

/** --cpu: every block's CPU cost in Node and its time on an idle 2-core machine. */
async function cpuOnly(options: Options): Promise<void> {
  log(`node ${process.version}, load ${load()}; CPU time of the session loop in Node`);
  const costs = await lessonCpuCosts(options.lessons, TARGET_CORES, log, options.blocks);
  const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`;
  const rows: Row[] = costs.map((b) => {
    const runs = b.runs.map((r) => {
      const c = r.cost;
      const overhead = c.totalMs - c.plainStepMs;
      const stopped = c.error !== undefined ? ', stopped with an error, as the lesson shows' : '';
      return `${r.label} ${ms(c.totalMs)} (${c.probedSteps} probed ${ms(c.probedStepMs)}, ${c.validations} validations ${ms(c.validationMs)}, other ${ms(overhead - c.probedStepMs - c.validationMs)}${stopped})`;
    });
    return {
      measure: `${b.lesson} ${b.kind} ${b.id}`,
      value: `idle ${TARGET_CORES} cores ${b.idleSeconds.toFixed(1)} s; CPU ${runs.join('; ')}`,
      target: `≤ ${TARGETS.effectMs / 1000} s`,
      met: b.idleSeconds <= TARGETS.effectMs / 1000,
    };
  });
  if (!options.json) printTable(rows);
  console.log(JSON.stringify({ loadAtEnd: loadavg(), costs }));
  if (options.check && rows.some((r) => r.met === false)) process.exitCode = 1;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.cpu) return cpuOnly(options);
  const all = readBenchLessons(resolve(ROOT, 'lessons'));
  const lessons = chosen(all, options.lessons);
  const started = new Date();
  log(
    `${started.toISOString()}: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${load()}`,
  );
  const results = await withServedApp(
    options.build,
    (browser, url) =>
      measure(
        browser,
        url,
        lessons,
        all.map((l) => l.id),
        options,
      ),
    log,
  );
  const rows = [...blockRows(results), ...labRows(lessons), ...mainThreadRows(results)];
  log(`done at ${new Date().toISOString()}, load ${load()}`);
  if (!options.json) printTable(rows);
  console.log(
    JSON.stringify({
      started: started.toISOString(),
      cores: cpus().length,
      loadAtEnd: loadavg(),
      rounds: options.rounds,
      rows,
    }),
  );
  if (options.check && rows.some((r) => r.met === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
