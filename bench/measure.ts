/**
 * Timing harness. A measurement is `reps` repetitions of `stepsPerRep` steps each, after a warm-up;
 * each repetition yields a rate (steps or GFLOP per second), and we report the median and the range.
 * Slow subjects are capped by a time budget: fewer repetitions (at least one), reported as such.
 */
export interface Rate {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Repetitions actually run (fewer than asked when the budget ran out). */
  readonly reps: number;
  readonly stepsPerRep: number;
}

export interface MeasureOptions {
  readonly reps: number;
  /** Warm up for at least this long (and at least 2 steps, unless one step exceeds the budget). */
  readonly warmupSeconds: number;
  /** Make each repetition last about this long. */
  readonly repSeconds: number;
  /** Stop adding repetitions once this much time (warm-up included) has gone; at least one is run. */
  readonly budgetSeconds: number;
  /** Work per step in the reported unit (1 for steps/s, FLOP/1e9 for GFLOP/s). */
  readonly workPerStep?: number;
  /**
   * Seconds by which repetitions are timed: wall time (the default), or `cpuSeconds`, this process's
   * CPU time, which a busy machine disturbs far less for one single-threaded kernel.
   */
  readonly clock?: () => number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
  reps: 5,
  warmupSeconds: 0.5,
  repSeconds: 0.6,
  budgetSeconds: 25,
};

const wallSeconds = (): number => performance.now() / 1000;

/** CPU time of this process (all its threads), in seconds. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Subject {
  readonly step: () => void;
  readonly stepsPerRep: number;
  readonly rates: number[];
}

/** Runs `step` until warm, and sizes a repetition from the mean of the warm-up steps after the first. */
function warmUp(step: () => void, options: MeasureOptions, start: number): Subject {
  const { warmupSeconds, repSeconds, budgetSeconds, clock: now = wallSeconds } = options;
  const timeStep = (): number => {
    const t = now();
    step();
    return now() - t;
  };
  // The first step pays for compilation; later warm-up steps estimate the cost of one step.
  const firstStep = timeStep();
  const warmStart = now();
  let laterSteps = 0;
  let count = 0;
  const warming = (): boolean => {
    const spent = now() - start;
    const warmed = now() - warmStart;
    return spent < budgetSeconds / 3 && (warmed < warmupSeconds || count < 1);
  };
  while (warming()) {
    laterSteps += timeStep();
    count++;
  }
  const perStep = Math.max(count > 0 ? laterSteps / count : firstStep, 1e-7);
  return { step, stepsPerRep: Math.max(1, Math.round(repSeconds / perStep)), rates: [] };
}

function repeat(subject: Subject, workPerStep: number, now: () => number): number {
  const t = now();
  for (let i = 0; i < subject.stepsPerRep; i++) subject.step();
  const seconds = now() - t;
  subject.rates.push((subject.stepsPerRep * workPerStep) / seconds);
  return seconds;
}

function summarize({ rates, stepsPerRep }: Subject): Rate {
  return {
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    reps: rates.length,
    stepsPerRep,
  };
}

export function measure(step: () => void, options: MeasureOptions = DEFAULT_MEASURE): Rate {
  return measureInterleaved([step], options)[0]!;
}

/**
 * Measures several subjects with their repetitions interleaved (A B A B …), so that on a shared
 * machine a burst of load hits all of them alike and their ratio stays meaningful.
 */
export function measureInterleaved(
  steps: readonly (() => void)[],
  options: MeasureOptions = DEFAULT_MEASURE,
): Rate[] {
  const { reps, budgetSeconds, workPerStep = 1, clock: now = wallSeconds } = options;
  const start = now();
  const subjects = steps.map((step) => warmUp(step, options, start));
  for (let rep = 0; rep < reps; rep++) {
    let seconds = 0;
    for (const subject of subjects) seconds += repeat(subject, workPerStep, now);
    if (budgetSeconds - (now() - start) < seconds) break;
  }
  return subjects.map(summarize);
}
