/**
 * Lesson 2's "Common mistakes": with all-equal nonzero weights every layer acts as a single unit,
 * so the network trained is one unit wide (review item B2), while a random init breaks the symmetry.
 * Measured on the engine: a 3-layer MLP trained with SGD from a constant init keeps every hidden
 * unit of a layer identical (their rows of weights and their biases stay equal), step after step.
 */
import { describe, expect, it } from 'vitest';
import { spiral } from '../../../src/engine/data/synthetic';
import type { Param } from '../../../src/engine/layers/layer';
import { createRng } from '../../../src/engine/rng';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { TrainingRun } from '../../../src/engine/train/trainingRun';
import { KAIMING_RELU, mlpSpec } from '../model/specFixtures';

const WIDTH = 16;
const data = spiral(256, 0.05, createRng(3));

function trained(init: RunConfig['model']['init']): TrainingRun {
  const run = new TrainingRun(
    {
      model: mlpSpec(
        { inputSize: 2, numClasses: 2, depth: 3, width: WIDTH },
        { norm: { kind: 'none' }, init },
      ),
      optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
      batchSize: 32,
      seed: 4,
    } as RunConfig,
    data,
  );
  for (let i = 0; i < 50; i++) {
    const step = run.step();
    if (step.status !== 'ok') throw new Error(step.reason);
  }
  return run;
}

/** How far apart the hidden units of a weight (one row per unit) or bias (one entry per unit) are. */
function unitSpread(param: Param): number {
  const [units, fanIn = 1] = param.value.shape;
  const v = param.value.data;
  let spread = 0;
  for (let u = 1; u < units!; u++)
    for (let j = 0; j < fanIn; j++) spread = Math.max(spread, Math.abs(v[u * fanIn + j]! - v[j]!));
  return spread;
}

/** The hidden Linear layers' parameters (every layer but the classifier). */
const hidden = (run: TrainingRun): Param[] =>
  run.model.params().filter((p) => p.value.shape[0] === WIDTH);

describe('a constant init', () => {
  it('trains a network one unit wide: every hidden unit of a layer stays identical', () => {
    const run = trained({ kind: 'constant', value: 0.1 });
    const params = hidden(run);
    expect(params.length).toBe(6); // three hidden layers, weight and bias each
    // the weights did move: the network learned something, as a single unit per layer
    expect(params.some((p) => p.value.data.some((x) => Math.abs(x - 0.1) > 1e-3))).toBe(true);
    for (const p of params) expect(unitSpread(p), p.name).toBe(0);
  });

  it('is broken by a random init: the units differ', () => {
    const run = trained(KAIMING_RELU);
    for (const p of hidden(run).filter((q) => q.value.shape.length === 2))
      expect(unitSpread(p), p.name).toBeGreaterThan(0.01);
  });
});
