import { RUN_LETTERS } from '../../lab/labSettings';
import type { RunState } from '../../runs/runState';
import type { LossRun } from './lossChartData';
import { runColor } from './palette';

/**
 * Each run's training and validation loss for the loss chart, coloured by its letter (its place);
 * `labelOf` names it in the legend (the Lab: "B: BatchNorm", a lesson: the run's own label).
 */
export function runLossSeries<R extends RunState>(
  runs: readonly R[],
  labelOf: (run: R, letter: string) => string,
): LossRun[] {
  return runs.map((run, i) => {
    const letter = RUN_LETTERS[i] ?? '?';
    return {
      id: letter,
      label: labelOf(run, letter),
      color: runColor(letter),
      train: { steps: run.history.steps, losses: run.history.losses },
      validation: run.validation.items,
    };
  });
}
