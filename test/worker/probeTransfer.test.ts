import { describe, expect, it } from 'vitest';
import { spiral } from '../../src/engine/data/synthetic';
import type { ProbeSnapshot } from '../../src/engine/probes/probe';
import { createRng } from '../../src/engine/rng';
import type { RunConfig } from '../../src/engine/train/runConfig';
import { TrainingRun } from '../../src/engine/train/trainingRun';
import { probeTransferables } from '../../src/worker/probeTransfer';
import { mlpSpec } from '../engine/model/specFixtures';

/** A probed step of a BatchNorm MLP, so the snapshot has histograms and BatchNorm statistics. */
function probedSnapshot(): ProbeSnapshot {
  const config = {
    model: {
      ...mlpSpec({ inputSize: 2, numClasses: 2, depth: 2, width: 8 }),
      norm: { kind: 'batchNorm' },
    },
    optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
    batchSize: 16,
    seed: 3,
  } as RunConfig;
  const run = new TrainingRun(config, spiral(64, 0.05, createRng(1)));
  run.step();
  const result = run.step({ probe: true });
  if (result.status !== 'ok' || !result.probes) throw new Error('no probes');
  return result.probes;
}

describe('probeTransferables', () => {
  it('lists the buffer of every typed array in a probe snapshot once, and the page gets the same numbers', () => {
    const probes = probedSnapshot();
    const arrays = [
      ...probes.activations.map((a) => a.histogram.counts),
      ...probes.params.flatMap((p) => [p.gradHistogram.counts, p.weightHistogram.counts]),
      ...probes.norms.flatMap((n) => [n.runningMean, n.runningVar, n.batchMean!, n.batchVar!]),
    ];
    expect(probes.norms.length).toBe(2);
    const transfer = probeTransferables(probes);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(new Set(transfer)).toEqual(new Set(arrays.map((a) => a.buffer)));
    const copied = structuredClone(probes);
    const moved = structuredClone(probes, { transfer });
    expect(moved).toEqual(copied);
    // Moved, not copied: the worker's arrays are empty now.
    expect(arrays.every((a) => a.length === 0)).toBe(true);
  });
});
