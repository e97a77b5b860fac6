import { spiral } from '../../../src/engine/data/synthetic';
import { createRng } from '../../../src/engine/rng';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { TrainingRun } from '../../../src/engine/train/trainingRun';

/** A small BatchNorm MLP on the spiral, for the operations that work on a trained run. */
export const train = spiral(600, 0.05, createRng(1));
export const test = spiral(300, 0.05, createRng(2));

export const config = (lr: number, model: Partial<RunConfig['model']> = {}): RunConfig =>
  ({
    model: {
      family: 'mlp',
      inputSize: 2,
      numClasses: 2,
      depth: 3,
      width: 32,
      activation: 'relu',
      norm: { kind: 'batchNorm' },
      normPlacement: 'before',
      init: { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
      bias: false,
      ...model,
    },
    optimizer: { kind: 'sgd', lr, momentum: 0.9 },
    batchSize: 32,
    seed: 5,
  }) as RunConfig;

export function trained(
  lr: number,
  steps: number,
  model: Partial<RunConfig['model']> = {},
): TrainingRun {
  const run = new TrainingRun(config(lr, model), train);
  for (let i = 0; i < steps; i++) {
    const result = run.step();
    if (result.status !== 'ok') throw new Error(result.reason);
  }
  return run;
}
