import type { DepthProbeOptions } from '../../src/engine/probes/depthProbe';
import { boundedListOf } from '../../src/runs/boundedList';
import { appendLosses, EMPTY_LOSS_HISTORY, type LossHistory } from '../../src/runs/lossHistory';
import {
  applyRunMessage,
  COMPLETE_HISTORY,
  type HistoryPolicy,
  type RunState,
} from '../../src/runs/runState';
import type { FromWorker } from '../../src/worker/protocol';

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

/** A worker's 'ready' for a tiny 2-D set. */
export const READY: FromWorker = {
  type: 'ready',
  dataset: { id: 'spiral', trainCount: 4, testCount: 4, sampleShape: [2], numClasses: 2 },
  parameterCount: 3,
  layers: [],
};

/** `messages` applied to `run` in order, keeping history as `policy` says. */
export function applyWithPolicy<R extends RunState>(
  policy: HistoryPolicy,
  run: R,
  ...messages: FromWorker[]
): R {
  return messages.reduce((r, m) => applyRunMessage(r, m, policy), run);
}

/** `messages` applied to `run` in order, keeping every step, as a lesson's runs do for their claims. */
export function applyAll<R extends RunState>(run: R, ...messages: FromWorker[]): R {
  return applyWithPolicy(COMPLETE_HISTORY, run, ...messages);
}

/** A small network's depth-probe options, `depth` layers deep. */
export const probeOptionsAt = (depth: number): DepthProbeOptions => ({
  depth,
  width: 8,
  batchSize: 64,
  activation: 'relu',
  init: { kind: 'zeros' },
  norm: 'none',
  seed: 1,
});
