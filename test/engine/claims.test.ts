/**
 * The claims the lessons rely on, checked on the engine with fixed seeds. If one of these fails the
 * lesson text is wrong (or the engine is): never loosen the assertion's direction.
 */
import { describe, expect, it } from 'vitest';
import { BatchNorm1d } from '../../src/engine/layers/batchNorm';
import { LayerNorm } from '../../src/engine/layers/layerNorm';
import type { Layer } from '../../src/engine/layers/layer';
import { depthProbe } from '../../src/engine/probes/depthProbe';
import { tensor } from '../../src/engine/tensor';
import { TrainingRun } from '../../src/engine/train/trainingRun';
import type { RunConfig } from '../../src/engine/train/runConfig';
import { spiral } from '../../src/engine/data/synthetic';
import { createRng } from '../../src/engine/rng';
import type { Linear } from '../../src/engine/layers/linear';
import { reluProbe } from './probes/reluProbe';

const kaiming50 = reluProbe({ depth: 50, width: 256, batchSize: 64, seed: 3 });
const xavier50 = { ...kaiming50, init: { kind: 'xavierNormal', gain: 1 } } as const;

describe('signal propagation at depth 50 (width 256, zero biases, ReLU)', () => {
  it('Kaiming keeps every layer’s activation std within 0.5–2× of layer 1', () => {
    const { layers } = depthProbe(kaiming50);
    const first = layers[0]!.activationStd;
    for (const layer of layers) {
      expect(layer.activationStd / first, `layer ${layer.layer}`).toBeGreaterThanOrEqual(0.5);
      expect(layer.activationStd / first, `layer ${layer.layer}`).toBeLessThanOrEqual(2);
    }
  });

  it('Xavier shrinks the activation std below 1e-4× of layer 1 (about 1/√2 per layer)', () => {
    const { layers } = depthProbe(xavier50);
    const first = layers[0]!.activationStd;
    const last = layers[49]!.activationStd;
    expect(last / first).toBeLessThan(1e-4);
    // Var(y) = n·Var(w)·E[x²] = n·(1/n)·Var/2 ⇒ std × 1/√2 per layer; 49 layers ⇒ 2^(−24.5) ≈ 4e-8.
    const perLayer = (last / first) ** (1 / 49);
    expect(perLayer).toBeGreaterThan(0.65);
    expect(perLayer).toBeLessThan(0.76);
  });

  it('the backpropagated gradient vanishes toward the input under Xavier and stays level under Kaiming', () => {
    const xavier = depthProbe(xavier50).layers;
    const kaiming = depthProbe(kaiming50).layers;
    // ‖∂L/∂h₁‖ / ‖∂L/∂h₅₀‖: the backpropagated signal at layer 1 relative to layer 50.
    const ratio = (ls: typeof xavier) => ls[0]!.gradNorm / ls[49]!.gradNorm;
    expect(ratio(kaiming)).toBeGreaterThan(0.2);
    expect(ratio(kaiming)).toBeLessThan(5);
    // Each ReLU layer under Xavier halves the backward second moment too: (1/√2)^49 ≈ 4e-8.
    expect(ratio(xavier)).toBeLessThan(1e-4);
  });

  it('weight gradients dyᵀx are level across layers in both cases, but tiny overall under Xavier', () => {
    // The backward signal shrinks toward the input while the forward signal shrinks toward the output;
    // their product dW = dyᵀx ends up the same size at every depth, scaled down by (1/√2)^49 as a whole.
    const xavier = depthProbe(xavier50).layers;
    const kaiming = depthProbe(kaiming50).layers;
    expect(xavier[0]!.weightGradNorm / xavier[49]!.weightGradNorm).toBeGreaterThan(0.2);
    expect(xavier[0]!.weightGradNorm / xavier[49]!.weightGradNorm).toBeLessThan(5);
    expect(xavier[0]!.weightGradNorm / kaiming[0]!.weightGradNorm).toBeLessThan(1e-5);
  });
});

describe('symmetry: equal initial weights stay equal', () => {
  const config = (init: RunConfig['model']['init']): RunConfig => ({
    model: {
      family: 'mlp',
      inputSize: 2,
      numClasses: 3,
      depth: 2,
      width: 8,
      activation: 'tanh',
      norm: { kind: 'none' },
      normPlacement: 'before',
      init,
      bias: true,
    },
    optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
    batchSize: 32,
    seed: 11,
  });
  const data = spiral(600, 0.1, createRng(5));

  const rowsIdentical = (layer: Linear): boolean => {
    const w = layer.weight.value.data;
    const cols = layer.inFeatures;
    for (let r = 1; r < layer.outFeatures; r++) {
      for (let c = 0; c < cols; c++) if (w[r * cols + c] !== w[c]) return false;
    }
    const b = layer.bias?.value.data;
    return b === undefined || b.every((v) => v === b[0]);
  };
  const hiddenLinears = (run: TrainingRun): Linear[] =>
    run.model
      .layers()
      .filter((l) => l.name === 'fc1' || l.name === 'fc2')
      .map((l) => l.layer as Linear);

  it('all-zero init: after 100 steps every hidden unit of a layer has identical weights', () => {
    const run = new TrainingRun(config({ kind: 'zeros' }), data);
    for (let i = 0; i < 100; i++) expect(run.step().status).toBe('ok');
    for (const layer of hiddenLinears(run)) expect(rowsIdentical(layer)).toBe(true);
  });

  it('constant (non-zero) init: the weights move, but the units stay identical', () => {
    const run = new TrainingRun(config({ kind: 'constant', value: 0.3 }), data);
    const before = Float32Array.from(hiddenLinears(run)[0]!.weight.value.data);
    for (let i = 0; i < 100; i++) expect(run.step().status).toBe('ok');
    const [fc1, fc2] = hiddenLinears(run) as [Linear, Linear];
    expect(fc1.weight.value.data).not.toEqual(before);
    expect(rowsIdentical(fc1)).toBe(true);
    expect(rowsIdentical(fc2)).toBe(true);
  });

  it('random init breaks the symmetry', () => {
    const run = new TrainingRun(config({ kind: 'xavierUniform', gain: 1 }), data);
    for (let i = 0; i < 10; i++) run.step();
    for (const layer of hiddenLinears(run)) expect(rowsIdentical(layer)).toBe(false);
  });
});

describe('batch dependence', () => {
  const features = 6;
  const sample = [0.5, -1.2, 2.0, 0.1, -0.4, 1.3];
  const batchWith = (mates: number[][]) =>
    tensor([mates.length + 1, features], [sample, ...mates].flat());
  const matesA = [
    [1, 2, 3, 4, 5, 6],
    [-1, 0, 1, 0, -1, 2],
  ];
  const matesB = [
    [10, -3, 0.5, 7, 2, -8],
    [0.3, 0.2, 0.1, -0.1, -0.2, -0.3],
  ];
  const firstRow = (layer: Layer, mates: number[][], mode: 'train' | 'eval') =>
    Array.from(layer.forward(batchWith(mates), mode).data.slice(0, features));

  it('LayerNorm: a sample’s output does not depend on its batch-mates', () => {
    const ln = new LayerNorm([features]);
    expect(firstRow(ln, matesA, 'train')).toEqual(firstRow(ln, matesB, 'train'));
  });

  it('BatchNorm in train mode: a sample’s output changes with its batch-mates', () => {
    const bn = new BatchNorm1d(features);
    const a = firstRow(bn, matesA, 'train');
    const b = firstRow(bn, matesB, 'train');
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeGreaterThan(0.1);
  });

  it('BatchNorm in eval mode: the running statistics make it independent again', () => {
    const bn = new BatchNorm1d(features);
    expect(firstRow(bn, matesA, 'eval')).toEqual(firstRow(bn, matesB, 'eval'));
  });
});
