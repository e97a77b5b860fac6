import { describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS } from '../../helpers/torchPython';
import { BatchNorm } from '../../../src/engine/layers/batchNorm';
import { crossEntropy } from '../../../src/engine/loss/crossEntropy';
import { buildModel } from '../../../src/engine/model/buildModel';
import { setBatchNormFrozen } from '../../../src/engine/model/freezeBatchNorm';
import type { Model } from '../../../src/engine/model/model';
import { createOptimizer } from '../../../src/engine/optim/createOptimizer';
import { createRng } from '../../../src/engine/rng';
import type { Tensor } from '../../../src/engine/tensor';
import { randomTensor } from '../../helpers/gradcheck';
import { mlpSpec } from './specFixtures';
import { expectStateClose, runReference, stateForTorch } from './torchReference';

const spec = mlpSpec({ inputSize: 6, numClasses: 3, depth: 2, width: 5 }, { bias: false });

/** Batches of two, as in the fine-tuning the freeze is for, far from zero mean and unit variance. */
function batches(count: number): { x: Tensor; y: Int32Array }[] {
  return Array.from({ length: count }, (_, k) => {
    const x = randomTensor([2, 6], 60 + k, 3);
    for (let i = 0; i < x.data.length; i++) x.data[i] = x.data[i]! + (i % 6) - 2;
    return { x, y: Int32Array.from([k % 3, (k + 1) % 3]) };
  });
}

/** A model whose running statistics are not the defaults, as after pretraining. */
function pretrained(): Model {
  const model = buildModel(spec, createRng(3));
  for (let k = 0; k < 4; k++) model.forward(randomTensor([16, 6], 30 + k, 3), 'train');
  return model;
}

function train(model: Model, data: readonly { x: Tensor; y: Int32Array }[]): void {
  const optimizer = createOptimizer(model.params(), { kind: 'sgd', lr: 0.1, momentum: 0.9 });
  for (const { x, y } of data) {
    model.zeroGrad();
    model.backward(crossEntropy(model.forward(x, 'train'), y).grad);
    optimizer.step();
  }
}

const norms = (model: Model) =>
  model.layers().flatMap(({ layer }) => (layer instanceof BatchNorm ? [layer] : []));

describe('setBatchNormFrozen', () => {
  it('keeps every running statistic while the Linear layers, γ and β train; unfreezing undoes it', () => {
    const model = pretrained();
    expect(setBatchNormFrozen(model, true)).toBe(2);
    const before = model.stateDict();
    train(model, batches(5));
    const after = model.stateDict();
    for (const b of model.buffers()) expect(after[b.name], b.name).toEqual(before[b.name]);
    for (const p of model.params()) expect(after[p.name], p.name).not.toEqual(before[p.name]);
    // Live again: the next training forward moves the statistics.
    expect(setBatchNormFrozen(model, false)).toBe(2);
    expect(norms(model).every((n) => !n.frozen)).toBe(true);
    train(model, batches(1));
    expect(model.stateDict()['norm1.running_mean']).not.toEqual(before['norm1.running_mean']);
  });

  it('makes a training forward give each sample the output eval mode gives, whatever its batch-mate', () => {
    const model = pretrained();
    setBatchNormFrozen(model, true);
    const x = randomTensor([2, 6], 90, 3);
    const y = Float32Array.from(model.forward(x, 'train').data);
    expect(Array.from(y)).toEqual(Array.from(model.forward(x, 'eval').data));
  });

  it('makes ghost batches irrelevant: frozen, a ghost-batch network trains exactly as a plain one', () => {
    // Ghost batches only change which samples the batch statistics come from; a frozen BatchNorm
    // uses none, so the same weights trained on the same batches must stay bit for bit the same.
    const ghostSpec = { ...spec, norm: { kind: 'batchNorm', ghostBatch: 2 } } as const;
    const plain = pretrained();
    const ghost = buildModel(ghostSpec, createRng(99));
    ghost.loadStateDict(plain.stateDict());
    setBatchNormFrozen(plain, true);
    setBatchNormFrozen(ghost, true);
    const x = randomTensor([8, 6], 91, 3);
    expect(Array.from(ghost.forward(x, 'train').data)).toEqual(
      Array.from(plain.forward(x, 'train').data),
    );
    const data = Array.from({ length: 4 }, (_, k) => ({
      x: randomTensor([8, 6], 70 + k, 3),
      y: Int32Array.from({ length: 8 }, (_, i) => (i + k) % 3),
    }));
    const before = plain.stateDict();
    train(plain, data);
    train(ghost, data);
    const [a, b] = [plain.stateDict(), ghost.stateDict()];
    for (const name of Object.keys(a)) expect(b[name], name).toEqual(a[name]);
    for (const bf of plain.buffers()) expect(a[bf.name], bf.name).toEqual(before[bf.name]);
    // Live again, the ghost batches count: the same batch moves the statistics differently.
    setBatchNormFrozen(plain, false);
    setBatchNormFrozen(ghost, false);
    plain.forward(x, 'train');
    ghost.forward(x, 'train');
    expect(ghost.stateDict()['norm1.running_var']).not.toEqual(
      plain.stateDict()['norm1.running_var'],
    );
  });

  it('returns 0 for a network without BatchNorm', () => {
    expect(
      setBatchNormFrozen(buildModel({ ...spec, norm: { kind: 'none' } }, createRng(1)), true),
    ).toBe(0);
  });
});

describe('training with frozen BatchNorm matches PyTorch (m.eval() on every BatchNorm)', () => {
  it(
    'gives the weights, γ, β and untouched statistics of five SGD steps at batch 2',
    async () => {
      const model = pretrained();
      const data = batches(5);
      const torch = (await runReference('frozen_batch_norm.py', {
        spec,
        ...stateForTorch(model),
        batches: data.map((b) => Array.from(b.x.data)),
        labels: data.map((b) => Array.from(b.y)),
        lr: 0.1,
        momentum: 0.9,
      })) as Record<string, number[]>;
      setBatchNormFrozen(model, true);
      train(model, data);
      const mine = model.stateDict();
      expect(Object.keys(torch).sort()).toEqual(Object.keys(mine).sort());
      expectStateClose(mine, torch);
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
