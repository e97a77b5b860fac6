import { boundedListOf } from '../../src/runs/boundedList';
import { appendLosses, EMPTY_LOSS_HISTORY, type LossHistory } from '../../src/runs/lossHistory';

/** The complete history of a run that reported `losses`, at steps 1, 2, 3, … unless `steps` says. */
export function historyOf(
  losses: readonly number[],
  steps: readonly number[] = losses.map((_, i) => i + 1),
): LossHistory {
  return appendLosses(
    EMPTY_LOSS_HISTORY,
    steps,
    losses,
    losses.map(() => 0),
    Infinity,
  );
}

export { boundedListOf };
