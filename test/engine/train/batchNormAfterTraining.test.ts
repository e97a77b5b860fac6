import { describe, expect, it } from 'vitest';
import { spiral } from '../../../src/engine/data/synthetic';
import { createRng } from '../../../src/engine/rng';
import {
  foldRunRefusal,
  measureFold,
  recalibrateRun,
} from '../../../src/engine/train/batchNormAfterTraining';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { TrainingRun } from '../../../src/engine/train/trainingRun';

const train = spiral(600, 0.05, createRng(1));
const test = spiral(300, 0.05, createRng(2));

const config = (lr: number, model: Partial<RunConfig['model']> = {}): RunConfig =>
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

function trained(lr: number, steps: number, model: Partial<RunConfig['model']> = {}): TrainingRun {
  const run = new TrainingRun(config(lr, model), train);
  for (let i = 0; i < steps; i++) {
    const result = run.step();
    if (result.status !== 'ok') throw new Error(result.reason);
  }
  return run;
}

describe('measureFold', () => {
  it('a trained run folds to the same outputs (float32 rounding), with fewer layers and numbers', () => {
    const run = trained(0.1, 200);
    const report = measureFold(run, test, () => 0, 1);
    expect(report.samples).toBe(300);
    expect(report.maxLogit).toBeGreaterThan(1);
    expect(report.maxDifference).toBeLessThan(1e-5 * Math.max(1, report.maxLogit) * 10);
    expect(report.accuracyAfter).toBe(report.accuracyBefore);
    expect(report.accuracyBefore).toBeGreaterThan(0.8);
    expect(report.layersAfter).toBe(report.layersBefore - 3);
    // Each of the 3 norms had γ, β, running mean and variance (32 each) and a counter; each fold adds 32 biases.
    expect(report.parametersBefore - report.parametersAfter).toBe(3 * (4 * 32 + 1) - 3 * 32);
    // The run keeps its BatchNorms: folding is for inference.
    expect(run.model.buffers().length).toBe(9);
  });

  it('refuses what cannot be folded, with the reason', () => {
    expect(foldRunRefusal(trained(0.1, 0))).toBeNull();
    const layerNorm = trained(0.1, 0, { norm: { kind: 'layerNorm' } });
    expect(foldRunRefusal(layerNorm)).toMatch(/needs BatchNorm/);
    expect(() => measureFold(layerNorm, test)).toThrow(/needs BatchNorm/);
    expect(foldRunRefusal(trained(0.1, 0, { normPlacement: 'after' }))).toMatch(/'before'/);
  });
});

describe('recalibrateRun (precise BN on a run)', () => {
  it('after a few steps at a high learning rate the running statistics lag the weights; re-estimating them lowers the eval loss', () => {
    const run = trained(1, 15);
    const report = recalibrateRun(run, train, test, 20);
    expect(report.batches).toBe(20);
    expect(report.batchSize).toBe(32);
    expect(report.after.loss).toBeLessThan(report.before.loss * 0.8);
    // The run keeps the new statistics: its own evaluation now gives the "after" numbers.
    expect(run.evaluate(test, 'eval').loss).toBeCloseTo(report.after.loss, 6);
  });

  it('leaves the training order alone: the next training step is the one it would have been', () => {
    const a = trained(0.1, 10);
    const b = trained(0.1, 10);
    recalibrateRun(b, train, test, 5);
    const stepA = a.step();
    const stepB = b.step();
    expect(stepA.status === 'ok' && stepB.status === 'ok').toBe(true);
    if (stepA.status === 'ok' && stepB.status === 'ok') expect(stepB.loss).toBe(stepA.loss);
  });

  it('refuses networks without BatchNorm and a batch count out of range', () => {
    expect(() =>
      recalibrateRun(trained(0.1, 0, { norm: { kind: 'none' } }), train, test, 5),
    ).toThrow(/no BatchNorm/);
    expect(() => recalibrateRun(trained(0.1, 0), train, test, 0)).toThrow(/from 1 to 200/);
  });
});
