import { describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS } from '../../helpers/torchPython';
import { BatchNorm } from '../../../src/engine/layers/batchNorm';
import { buildModel } from '../../../src/engine/model/buildModel';
import { recalibrateBatchNorm } from '../../../src/engine/model/recalibrateBatchNorm';
import { createRng } from '../../../src/engine/rng';
import type { Tensor } from '../../../src/engine/tensor';
import { randomTensor } from '../../helpers/gradcheck';
import { mlpSpec } from './specFixtures';
import { expectStateClose, runReference, stateForTorch } from './torchReference';

const spec = mlpSpec({ inputSize: 6, numClasses: 3, depth: 2, width: 5 });

/** Batches whose features are far from zero mean and unit variance, so the statistics are not the defaults. */
function batches(count: number, size: number): Tensor[] {
  return Array.from({ length: count }, (_, k) => {
    const x = randomTensor([size, 6], 40 + k, 3);
    for (let i = 0; i < x.data.length; i++) x.data[i] = x.data[i]! + (i % 6) - 2;
    return x;
  });
}

const norms = (model: ReturnType<typeof buildModel>) =>
  model.layers().flatMap(({ layer }) => (layer instanceof BatchNorm ? [layer] : []));

describe('recalibrateBatchNorm (precise BN)', () => {
  it('sets the running statistics to the plain average of the batch means and unbiased variances', () => {
    const model = buildModel(spec, createRng(2));
    const data = batches(5, 8);
    // What each batch gives the first BatchNorm, batch by batch, from a copy of the model.
    const probe = buildModel(spec, createRng(2));
    const first = norms(probe)[0]!;
    const expectedMean = new Float64Array(5);
    const expectedVar = new Float64Array(5);
    for (const x of data) {
      probe.forward(x, 'train');
      for (let c = 0; c < 5; c++) {
        expectedMean[c]! += first.lastBatchStats!.mean[c]! / data.length;
        expectedVar[c]! += first.lastBatchStats!.varUnbiased[c]! / data.length;
      }
    }
    const weightsBefore = model.params().map((p) => Float32Array.from(p.value.data));
    expect(recalibrateBatchNorm(model, data)).toBe(5);
    const norm = norms(model)[0]!;
    for (let c = 0; c < 5; c++) {
      expect(norm.runningMean.value.data[c]).toBeCloseTo(expectedMean[c]!, 5);
      expect(norm.runningVar.value.data[c]).toBeCloseTo(expectedVar[c]!, 5);
    }
    expect(norm.numBatchesTracked.value.data[0]).toBe(5);
    // The weights are frozen: only buffers change.
    model
      .params()
      .forEach((p, i) => expect(Array.from(p.value.data)).toEqual(Array.from(weightsBefore[i]!)));
  });

  it('forgets the old statistics entirely (unlike the moving average, which keeps 0.9 of them per batch)', () => {
    const a = buildModel(spec, createRng(2));
    const b = buildModel(spec, createRng(2));
    for (const norm of norms(b)) {
      norm.runningMean.value.data.fill(50);
      norm.runningVar.value.data.fill(900);
    }
    const data = batches(3, 8);
    recalibrateBatchNorm(a, data);
    recalibrateBatchNorm(b, data);
    expect(b.stateDict()).toEqual(a.stateDict());
  });

  it('with ghost batches, counts every ghost batch once, as update_bn does with one call per ghost batch', () => {
    // A ghost batch is normalised exactly as the same samples alone would be, so a ghost-batch network
    // recalibrated on batches of 8 must end where a plain copy ends on their parts of 2, in order.
    const ghost = buildModel({ ...spec, norm: { kind: 'batchNorm', ghostBatch: 2 } }, createRng(2));
    const plain = buildModel(spec, createRng(2));
    const data = batches(3, 8);
    const parts = data.flatMap((x) =>
      [0, 1, 2, 3].map((k) => ({ shape: [2, 6], data: x.data.slice(12 * k, 12 * (k + 1)) })),
    );
    expect(recalibrateBatchNorm(ghost, data)).toBe(3);
    recalibrateBatchNorm(plain, parts);
    const [g, p] = [ghost.stateDict(), plain.stateDict()];
    for (const name of ['norm1.running_mean', 'norm1.running_var', 'norm2.running_var']) {
      Array.from(g[name]!).forEach((v, i) =>
        expect(v, `${name}[${i}]`).toBeCloseTo(p[name]![i]!, 5),
      );
    }
    expect(g['norm1.num_batches_tracked']).toEqual(Float32Array.from([12]));
  });

  it('refuses a model without BatchNorm and an empty set of batches, leaving the model as it was', () => {
    const plain = buildModel({ ...spec, norm: { kind: 'none' } }, createRng(2));
    expect(() => recalibrateBatchNorm(plain, batches(1, 4))).toThrow(/no BatchNorm/);
    const model = buildModel(spec, createRng(2));
    const before = model.stateDict();
    expect(() => recalibrateBatchNorm(model, [])).toThrow(/no batches/);
    expect(model.stateDict()).toEqual(before);
  });
});

describe('recalibrateBatchNorm matches torch.optim.swa_utils.update_bn', () => {
  it(
    'gives the running statistics and num_batches_tracked update_bn gives (float32 tolerance)',
    async () => {
      const model = buildModel(spec, createRng(4));
      // Statistics from earlier training, which update_bn and the recalibration both discard.
      for (const x of batches(4, 16)) model.forward(x, 'train');
      const data = batches(6, 10);
      const torch = (await runReference('update_bn.py', {
        spec,
        ...stateForTorch(model),
        batches: data.map((x) => Array.from(x.data)),
      })) as Record<string, number[]>;
      recalibrateBatchNorm(model, data);
      const mine = model.stateDict();
      expect(Object.keys(torch).sort()).toEqual(
        model
          .buffers()
          .map((b) => b.name)
          .sort(),
      );
      expectStateClose(mine, torch);
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
