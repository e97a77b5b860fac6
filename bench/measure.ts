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
  /** Stop adding repetitions once this much time (warm-up included) has gone. */
  readonly budgetSeconds: number;
  /** Work per step in the reported unit (1 for steps/s, FLOP/1e9 for GFLOP/s). */
  readonly workPerStep?: number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
  reps: 5,
  warmupSeconds: 0.5,
  repSeconds: 0.6,
  budgetSeconds: 25,
};

const now = (): number => performance.now() / 1000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function measure(step: () => void, options: MeasureOptions = DEFAULT_MEASURE): Rate {
  const { reps, warmupSeconds, repSeconds, budgetSeconds, workPerStep = 1 } = options;
  const start = now();
  const timeStep = (): number => {
    const t = now();
    step();
    return now() - t;
  };
  // The first step pays for compilation; later warm-up steps estimate the cost of one step.
  const firstStep = timeStep();
  let warmupSteps = 1;
  let laterSteps = 0;
  const warming = (): boolean => {
    const elapsed = now() - start;
    return elapsed < budgetSeconds / 3 && (elapsed < warmupSeconds || warmupSteps < 2);
  };
  while (warming()) {
    laterSteps += timeStep();
    warmupSteps++;
  }
  const perStep = Math.max(warmupSteps > 1 ? laterSteps / (warmupSteps - 1) : firstStep, 1e-7);
  const stepsPerRep = Math.max(1, Math.round(repSeconds / perStep));
  const rates: number[] = [];
  while (rates.length < reps) {
    const t = now();
    for (let i = 0; i < stepsPerRep; i++) step();
    const seconds = now() - t;
    rates.push((stepsPerRep * workPerStep) / seconds);
    const remaining = budgetSeconds - (now() - start);
    if (remaining < seconds) break;
  }
  return {
    median: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    reps: rates.length,
    stepsPerRep,
  };
}
