import type { LossRun } from './lossChartData';
import { formatCount } from '../../lab/formatNumber';

/** The step windows the loss chart offers; 0 means every step. */
export const STEP_WINDOWS = [0, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

export function describeStepWindow(last: number): string {
  return last === 0 ? 'all steps' : `the first ${formatCount(last)}`;
}

/** How many of the ascending `steps` are at most `last`. */
function countUpTo(steps: ArrayLike<number>, last: number): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (steps[middle]! <= last) low = middle + 1;
    else high = middle;
  }
  return low;
}

function head(values: ArrayLike<number>, count: number): ArrayLike<number> {
  return ArrayBuffer.isView(values)
    ? (values as unknown as Float64Array).subarray(0, count)
    : Array.prototype.slice.call(values, 0, count);
}

/**
 * The runs as far as step `last` (0: all of them): what the loss chart draws when it shows the first
 * N steps, so a fast run's start is not squeezed into a sliver. The axes then follow what is shown;
 * a divergence after `last` is not marked, since it is off the chart.
 */
export function withinFirstSteps(runs: readonly LossRun[], last: number): readonly LossRun[] {
  if (last <= 0) return runs;
  return runs.map((run) => {
    const count = countUpTo(run.train.steps, last);
    return {
      ...run,
      train: { steps: head(run.train.steps, count), losses: head(run.train.losses, count) },
      validation: run.validation.filter((point) => point.step <= last),
      divergedAt:
        run.divergedAt !== undefined && run.divergedAt <= last ? run.divergedAt : undefined,
    };
  });
}
