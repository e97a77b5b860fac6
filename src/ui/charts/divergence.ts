import type { LossRun } from './lossChartData';

/**
 * Where a loss curve stops being worth an axis. A run that blows up posts losses like 8e25 before its
 * loss becomes NaN and the engine stops it; scaled to such a value, every healthy run is a flat line
 * at 0, on a log axis too. So the chart's axes follow the data below a limit, and a run that left for
 * good is cut where it left and marked there.
 *
 * The limit is DIVERGENCE_FACTOR times the smallest first loss of any run: a cross-entropy loss 100
 * times where training started has stopped describing learning (for ten classes that is a loss of
 * 230, logits hundreds of units wrong), while a spike to 10× during healthy training stays on the axis.
 */
export const DIVERGENCE_FACTOR = 100;

/** The loss above which points leave the axis, or Infinity while no run has a finite loss. */
export function divergenceLimit(runs: readonly LossRun[]): number {
  let start = Infinity;
  for (const run of runs) {
    const { losses } = run.train;
    for (let i = 0; i < losses.length; i++) {
      const v = losses[i]!;
      if (Number.isFinite(v) && v > 0) {
        start = Math.min(start, v);
        break;
      }
    }
  }
  return start === Infinity ? Infinity : start * DIVERGENCE_FACTOR;
}

/** How much of a run's training curve the chart draws, and where (if anywhere) it diverged. */
export interface DivergenceCut {
  /** Points [0, keep) are drawn. */
  readonly keep: number;
  /** The step it diverged at: the first point of the tail it never came back from, or the engine's. */
  readonly divergedAt: number | undefined;
}

/**
 * Cuts a run at the start of its diverged tail: the first point from which every loss is above
 * `limit` or not finite. A spike the run came back from is not a divergence (its points stay, and the
 * axis simply does not stretch for them). A run the engine stopped as diverged (`divergedAt`) whose
 * recorded losses all stayed in range is marked at the engine's step.
 */
export function divergenceCut(run: LossRun, limit: number): DivergenceCut {
  const { losses, steps } = run.train;
  const n = Math.min(losses.length, steps.length);
  let keep = n;
  while (keep > 0) {
    const v = losses[keep - 1]!;
    if (Number.isFinite(v) && v <= limit) break;
    keep--;
  }
  if (keep < n) return { keep, divergedAt: steps[keep]! };
  return { keep: n, divergedAt: run.divergedAt };
}

function head(values: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = values[i]!;
  return out;
}

/**
 * The runs as the loss chart draws them: each cut where it diverged (its validation points from that
 * step on dropped too) and carrying the step it diverged at, with the limit the loss axis stops at.
 */
export function withoutDivergedTails(runs: readonly LossRun[]): {
  readonly runs: LossRun[];
  readonly limit: number;
} {
  const limit = divergenceLimit(runs);
  return {
    limit,
    runs: runs.map((run) => {
      const cut = divergenceCut(run, limit);
      const at = cut.divergedAt;
      return {
        ...run,
        train: { steps: head(run.train.steps, cut.keep), losses: head(run.train.losses, cut.keep) },
        validation:
          at === undefined
            ? run.validation
            : run.validation.filter(
                (p) => p.step < at && Number.isFinite(p.loss) && p.loss <= limit,
              ),
        divergedAt: at,
      };
    }),
  };
}
