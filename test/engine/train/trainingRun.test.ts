import { describe, expect, it } from 'vitest';
import { createLoader } from '../../../src/engine/data/loader';
import { spiral } from '../../../src/engine/data/synthetic';
import { crossEntropy } from '../../../src/engine/loss/crossEntropy';
import { buildModel } from '../../../src/engine/model/buildModel';
import { createOptimizer } from '../../../src/engine/optim/createOptimizer';
import { createRng } from '../../../src/engine/rng';
import type { RunConfig } from '../../../src/engine/train/runConfig';
import { TrainingRun } from '../../../src/engine/train/trainingRun';
import { mlpSpec } from '../model/specFixtures';

const data = spiral(400, 0.05, createRng(1));
const test = spiral(200, 0.05, createRng(2));

const config = (
  overrides: Partial<RunConfig> = {},
  model: Partial<RunConfig['model']> = {},
): RunConfig =>
  ({
    model: { ...mlpSpec({ inputSize: 2, numClasses: 2, depth: 3, width: 32 }), ...model },
    optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
    batchSize: 32,
    seed: 5,
    ...overrides,
  }) as RunConfig;

const losses = (run: TrainingRun, steps: number) =>
  Array.from({ length: steps }, () => {
    const r = run.step();
    if (r.status !== 'ok') throw new Error(r.reason);
    return r.loss;
  });

describe('TrainingRun', () => {
  it('learns the spiral: the loss falls and accuracy rises', () => {
    const run = new TrainingRun(config(), data);
    const curve = losses(run, 600);
    const early = curve.slice(0, 20).reduce((a, b) => a + b) / 20;
    const late = curve.slice(-20).reduce((a, b) => a + b) / 20;
    expect(late).toBeLessThan(early * 0.6);
    expect(run.evaluate(test, 'eval').accuracy).toBeGreaterThan(0.9);
    expect(run.stepCount).toBe(600);
    expect(run.epoch).toBeGreaterThan(1);
  });

  it('is reproducible: the same config and seed give the same losses bit for bit', () => {
    expect(losses(new TrainingRun(config(), data), 30)).toEqual(
      losses(new TrainingRun(config(), data), 30),
    );
    expect(losses(new TrainingRun(config({ seed: 6 }), data), 30)).not.toEqual(
      losses(new TrainingRun(config(), data), 30),
    );
  });

  it('draws weights from the seed’s init stream and batches from its data stream', () => {
    // Rebuild the run by hand from the two documented streams: the losses must match exactly, so a
    // run that changes only its model keeps the same batches in the same order.
    const cfg = config();
    const rng = createRng(cfg.seed);
    const model = buildModel(cfg.model, rng.fork('init'));
    const optimizer = createOptimizer(model.params(), cfg.optimizer);
    const loader = createLoader(data, cfg.batchSize, rng.fork('data'));
    const manual = Array.from({ length: 20 }, () => {
      const batch = loader.next();
      model.zeroGrad();
      const { loss, grad } = crossEntropy(model.forward(batch.x, 'train'), batch.y);
      model.backward(grad);
      optimizer.step();
      return loss;
    });
    expect(losses(new TrainingRun(cfg, data), 20)).toEqual(manual);
  });

  /** A 6-layer network without normalization at SGD lr 10 and momentum 0.9, which diverges. */
  const divergingRun = () =>
    new TrainingRun(
      config(
        { optimizer: { kind: 'sgd', lr: 10, momentum: 0.9 } },
        { norm: { kind: 'none' }, depth: 6 },
      ),
      data,
    );

  it('reports divergence at the step where the loss stops being finite, and stays stopped', () => {
    const run = divergingRun();
    let result = run.step();
    let guard = 0;
    while (result.status === 'ok' && guard++ < 500) result = run.step();
    expect(result.status).toBe('diverged');
    if (result.status !== 'diverged') return;
    expect(result.reason).toMatch(/non-finite|became (NaN|Infinity)/);
    expect(result.step).toBe(run.stepCount + 1);
    expect(run.step()).toEqual(result);
    expect(run.diverged).toEqual(result);
  });

  it('never lets NaN into a probe: every probed statistic before divergence is finite', () => {
    const run = divergingRun();
    for (let i = 0; i < 100; i++) {
      const r = run.step({ probe: true });
      if (r.status !== 'ok') break;
      for (const a of r.probes!.activations) {
        expect(Number.isFinite(a.mean) && Number.isFinite(a.std)).toBe(true);
      }
      for (const p of r.probes!.params) expect(Number.isFinite(p.gradNorm)).toBe(true);
    }
  });

  it('batch size 1 under BatchNorm fails with PyTorch’s message and an explanation', () => {
    const run = new TrainingRun(config({ batchSize: 1 }), data);
    expect(() => run.step()).toThrow(/Expected more than 1 value per channel when training/);
  });

  it('probes only when asked', () => {
    const run = new TrainingRun(config(), data);
    const plain = run.step();
    expect(plain.status === 'ok' && plain.probes).toBeUndefined();
    const probed = run.step({ probe: true });
    if (probed.status !== 'ok') throw new Error('diverged');
    const probes = probed.probes!;
    expect(probes.step).toBe(2);
    expect(probes.activations.map((a) => a.name)).toEqual([
      'fc1',
      'norm1',
      'act1',
      'fc2',
      'norm2',
      'act2',
      'fc3',
      'norm3',
      'act3',
      'fc4',
    ]);
    expect(probes.activations.find((a) => a.name === 'act1')!.dead).toBeGreaterThanOrEqual(0);
    // BatchNorm output is normalised: mean ≈ 0, std ≈ 1 at init (γ = 1, β = 0 after one small step)
    const norm1 = probes.activations.find((a) => a.name === 'norm1')!;
    expect(Math.abs(norm1.mean)).toBeLessThan(0.05);
    expect(Math.abs(norm1.std - 1)).toBeLessThan(0.05);
    expect(probes.params.find((p) => p.name === 'fc1.weight')!.updateRatio).toBeLessThan(0);
    // SGD at lr 0.1: fc1 feeds BatchNorm, so its effective learning rate is 0.1 / ‖W‖².
    const fc1 = probes.params.find((p) => p.name === 'fc1.weight')!;
    expect(fc1.effectiveLearningRate).toBeCloseTo(0.1 / fc1.weightNorm ** 2, 10);
    expect(fc1.relativeUpdate).toBeGreaterThan(0);
    expect(probes.norms.map((n) => n.name)).toEqual(['norm1', 'norm2', 'norm3']);
    expect(probes.norms[0]!.batchMean).toHaveLength(32);
  });

  it('validation: eval mode is deterministic, train mode depends on how the set is batched', () => {
    const run = new TrainingRun(config(), data);
    losses(run, 100);
    const before = run.model.stateDict();
    const evalA = run.evaluate(test, 'eval', { batchSize: 10 });
    const evalB = run.evaluate(test, 'eval', { batchSize: 50 });
    expect(evalA.loss).toBeCloseTo(evalB.loss, 5);
    const trainA = run.evaluate(test, 'train', { batchSize: 4 });
    const trainB = run.evaluate(test, 'train', { batchSize: 100 });
    expect(Math.abs(trainA.loss - trainB.loss)).toBeGreaterThan(1e-3);
    expect(run.model.stateDict()).toEqual(before);
  });

  it('names a mismatch between the model input and the dataset', () => {
    expect(() => new TrainingRun(config({}, { inputSize: 784 }), data)).toThrow(
      /The model expects 784 input values per sample, but the dataset 'spiral-2' has samples of shape \[2\]/,
    );
  });

  it('rejects an invalid config with the field named', () => {
    expect(() => new TrainingRun(config({ batchSize: 0 }), data)).toThrow(
      /batchSize: got 0; must be a whole number from 1 to 512/,
    );
  });
});
