import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/engine/model/buildModel';
import type { ActivationStats } from '../../../src/engine/probes/activationStats';
import { ProbeRecorder } from '../../../src/engine/probes/probe';
import { createRng } from '../../../src/engine/rng';
import { randomTensor } from '../../helpers/gradcheck';
import { mlpSpec } from '../model/specFixtures';

const spec = mlpSpec(
  { inputSize: 6, numClasses: 3, depth: 2, width: 10 },
  { activation: 'tanh', init: { kind: 'xavierNormal', gain: 1 } },
);

describe('ProbeRecorder', () => {
  it('taps every layer but flatten, with tanh histograms on [−1, 1] and a saturation fraction', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder();
    const stats: ActivationStats[] = [];
    model.forward(randomTensor([8, 6], 2), 'train', recorder.activationObserver(stats));
    expect(stats.map((s) => `${s.name}:${s.kind}`)).toEqual([
      'fc1:linear',
      'norm1:norm',
      'act1:activation',
      'fc2:linear',
      'norm2:norm',
      'act2:activation',
      'fc3:linear',
    ]);
    const act1 = stats.find((s) => s.name === 'act1')!;
    expect([act1.histogram.min, act1.histogram.max]).toEqual([-1, 1]);
    expect(act1.saturated).toBeGreaterThanOrEqual(0);
    expect(act1.dead).toBeUndefined();
  });

  it('keeps each tensor’s histogram range fixed from the first probe on', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder();
    const first: ActivationStats[] = [];
    model.forward(randomTensor([8, 6], 2), 'train', recorder.activationObserver(first));
    const second: ActivationStats[] = [];
    model.forward(randomTensor([8, 6], 3, 50), 'train', recorder.activationObserver(second));
    const fc1 = (list: ActivationStats[]) => list.find((s) => s.name === 'fc1')!.histogram;
    expect([fc1(second).min, fc1(second).max]).toEqual([fc1(first).min, fc1(first).max]);
    expect(fc1(second).overflow + fc1(second).underflow).toBeGreaterThan(0); // 50× larger inputs spill out
  });

  it('measures the update-to-data ratio against a weight snapshot', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder();
    const before = recorder.copyWeights(model);
    const w = model.params()[0]!.value.data;
    for (let i = 0; i < w.length; i++) w[i]! += 1e-3 * (i % 2 === 0 ? 1 : -1); // Δw with std 1e-3
    const stats = recorder.paramStats(model, before);
    const fc1 = stats.find((s) => s.name === 'fc1.weight')!;
    // std(w) ≈ √(2/(6+10)) ≈ 0.35 ⇒ log10(1e-3 / 0.35) ≈ −2.5
    expect(fc1.updateRatio).toBeCloseTo(Math.log10(1e-3 / fc1.weightStd), 2);
    expect(stats.find((s) => s.name === 'fc1.bias')!.updateRatio).toBeNull(); // biases unchanged, all 0
  });

  it('copyWeights reuses its arrays, and each probe measures the step against the weights just before it', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder();
    const reference = new ProbeRecorder();
    const step = (scale: number): void => {
      for (const p of model.params()) {
        const w = p.value.data;
        for (let i = 0; i < w.length; i++) w[i]! += scale * (((i * 7) % 5) - 2);
      }
    };
    const first = recorder.copyWeights(model);
    const fresh1 = model.params().map((p) => Float32Array.from(p.value.data));
    step(1e-3);
    const stats1 = recorder.paramStats(model, first);
    expect(stats1).toEqual(reference.paramStats(model, fresh1));
    const second = recorder.copyWeights(model);
    expect(second[0]).toBe(first[0]); // the same storage, refilled
    const fresh2 = model.params().map((p) => Float32Array.from(p.value.data));
    expect(second[0]).toEqual(fresh2[0]);
    step(-4e-3);
    const stats2 = recorder.paramStats(model, second);
    expect(stats2).toEqual(reference.paramStats(model, fresh2));
    // The second step is 4× the first (reversed), measured against the weights just before it.
    const relative = (list: typeof stats1) =>
      list.find((p) => p.name === 'fc1.weight')!.relativeUpdate!;
    expect(relative(stats2) / relative(stats1)).toBeCloseTo(4, 1);
  });

  it('measures each weight against its initial norm, its step relative to it, and η/‖W‖² where the scale is divided out', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder(undefined, { sgdLearningRate: 0.1 });
    recorder.watch(model);
    const fc1 = model.params()[0]!.value.data;
    const initial = Math.hypot(...fc1);
    const before = recorder.copyWeights(model);
    for (let i = 0; i < fc1.length; i++) fc1[i]! *= 1.5; // the step: ΔW = 0.5 W
    const stats = recorder.paramStats(model, before);
    const w1 = stats.find((s) => s.name === 'fc1.weight')!;
    expect(w1.initialWeightNorm).toBeCloseTo(initial, 4);
    expect(w1.weightNorm).toBeCloseTo(1.5 * initial, 4);
    expect(w1.relativeUpdate).toBeCloseTo(0.5, 5);
    expect(w1.scaleInvariant).toBe(true);
    expect(w1.effectiveLearningRate).toBeCloseTo(0.1 / (1.5 * initial) ** 2, 8);
    const classifier = stats.find((s) => s.name === 'fc3.weight')!;
    expect([classifier.scaleInvariant, classifier.effectiveLearningRate]).toEqual([false, null]);
    expect(classifier.relativeUpdate).toBe(0);
    // Without SGD's learning rate (Adam, AdamW) there is no η/‖W‖²; without a step, no relative update.
    const adam = new ProbeRecorder().paramStats(model, undefined);
    expect(adam[0]!.effectiveLearningRate).toBeNull();
    expect(adam[0]!.relativeUpdate).toBeNull();
  });

  it('reports BatchNorm running statistics next to the latest batch statistics', () => {
    const model = buildModel(spec, createRng(1));
    const recorder = new ProbeRecorder();
    model.forward(randomTensor([8, 6], 2), 'train');
    const [norm1] = recorder.normStats(model);
    expect(norm1!.name).toBe('norm1');
    expect(norm1!.runningMean).toHaveLength(10);
    expect(norm1!.batchVar).toHaveLength(10);
    // running = 0.9·0 + 0.1·batch mean after one step
    expect(norm1!.runningMean[0]).toBeCloseTo(0.1 * norm1!.batchMean![0]!, 6);
    expect(norm1!.ghost).toBeUndefined();
  });

  it('says when the batch statistics average ghost batches', () => {
    const ghost = buildModel({ ...spec, norm: { kind: 'batchNorm', ghostBatch: 2 } }, createRng(1));
    ghost.forward(randomTensor([8, 6], 2), 'train');
    const [norm1] = new ProbeRecorder().normStats(ghost);
    expect(norm1!.ghost).toEqual({ ghostBatches: 4, batchSize: 8 });
  });
});
