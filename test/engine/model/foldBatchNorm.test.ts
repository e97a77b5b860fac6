import { describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS } from '../../helpers/torchPython';
import { BatchNorm } from '../../../src/engine/layers/batchNorm';
import { buildModel } from '../../../src/engine/model/buildModel';
import { foldBatchNorm, foldRefusal } from '../../../src/engine/model/foldBatchNorm';
import type { Model } from '../../../src/engine/model/model';
import type { CnnSpec, MlpSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/rng';
import { randomTensor } from '../../helpers/gradcheck';
import { cnnSpec, mlpSpec } from './specFixtures';
import { runReference } from './torchReference';

const mlp = mlpSpec({ inputSize: 12, numClasses: 4, depth: 3, width: 10 }, { bias: false });

const cnn = cnnSpec(
  { inputShape: [2, 6, 6], numClasses: 3, stemChannels: 4, blocks: 2 },
  { branchInit: 'standard' },
);

/**
 * A model whose BatchNorms hold statistics far from their defaults: train-mode forwards of shifted,
 * scaled batches move the running statistics, and γ, β are drawn at random (as after training).
 */
function trainedLooking(spec: MlpSpec | CnnSpec, inputShape: readonly number[]): Model {
  const model = buildModel(spec, createRng(3));
  for (let step = 0; step < 12; step++) {
    const x = randomTensor([8, ...inputShape], 100 + step, 2);
    for (let i = 0; i < x.data.length; i++) x.data[i] = x.data[i]! + 0.7;
    model.forward(x, 'train');
  }
  const rng = createRng(7);
  for (const { layer } of model.layers()) {
    if (!(layer instanceof BatchNorm)) continue;
    layer.weight.value.data.forEach((_, c, g) => (g[c] = 0.5 + rng.uniform()));
    layer.bias.value.data.forEach((_, c, b) => (b[c] = rng.normal()));
  }
  return model;
}

function expectCloseArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / (1e-5 + 1e-4 * Math.abs(e)));
  }
  expect(worst, `${what}: worst |a − e| / (1e-5 + 1e-4 |e|)`).toBeLessThan(1);
}

const cases = [
  { name: 'MLP', spec: mlp, input: [12] },
  { name: 'CNN', spec: cnn, input: [2, 6, 6] },
] as const;

/** Standardized weights fold as Ŵ: the folded network has plain layers. */
const standardizedCases = [
  { name: 'MLP, standardized weights', spec: { ...mlp, weightStandardization: true }, input: [12] },
  {
    name: 'CNN, standardized weights',
    spec: { ...cnn, weightStandardization: true },
    input: [2, 6, 6],
  },
] as const;

describe('foldBatchNorm', () => {
  for (const { name, spec, input } of [...cases, ...standardizedCases]) {
    it(`${name}: the folded network's eval outputs equal the unfolded network's to float32 tolerance`, () => {
      const model = trainedLooking(spec, input);
      const folded = foldBatchNorm(model);
      const x = randomTensor([16, ...input], 5, 1.5);
      const expected = Float32Array.from(model.forward(x, 'eval').data);
      const actual = folded.forward(x, 'eval').data;
      expectCloseArrays(actual, expected, `${name} eval logits`);
      // The outputs really depend on the statistics: folding without them would not match.
      expect(folded.layers().some(({ layer }) => layer instanceof BatchNorm)).toBe(false);
      expect(folded.buffers()).toHaveLength(0);
      expect(folded.parameterCount()).toBeLessThan(model.parameterCount());
      expect(folded.spec.weightStandardization).toBeUndefined();
    });
  }

  it('uses the running statistics, not the defaults: an untouched copy with other statistics differs', () => {
    const model = trainedLooking(mlp, [12]);
    const folded = foldBatchNorm(model);
    const x = randomTensor([4, 12], 9);
    const before = Float32Array.from(folded.forward(x, 'eval').data);
    const norm = model.layers().find(({ layer }) => layer instanceof BatchNorm)!.layer as BatchNorm;
    norm.runningVar.value.data.forEach((v, c, variance) => (variance[c] = v * 4));
    const refolded = foldBatchNorm(model);
    expect(Array.from(refolded.forward(x, 'eval').data)).not.toEqual(Array.from(before));
    // And folding never changed the source model: it still computes with its own BatchNorm.
    expect(model.layers().some(({ layer }) => layer instanceof BatchNorm)).toBe(true);
  });

  it('refuses networks it cannot fold, saying why', () => {
    expect(foldRefusal(mlp)).toBeNull();
    expect(foldRefusal({ ...mlp, norm: { kind: 'layerNorm' } })).toMatch(/LayerNorm|layerNorm/);
    expect(foldRefusal({ ...mlp, norm: { kind: 'none' } })).toMatch(/no normalization/);
    expect(foldRefusal({ ...mlp, normPlacement: 'after' })).toMatch(/activation sits between/);
    const after = buildModel({ ...mlp, normPlacement: 'after' }, createRng(1));
    expect(() => foldBatchNorm(after)).toThrow(/placement 'before'/);
  });
});

describe('foldBatchNorm matches torch.nn.utils.fusion', () => {
  it(
    'fuse_linear_bn_eval and fuse_conv_bn_eval give the folded weights and biases (float32 tolerance)',
    async () => {
      const pairs: Record<string, unknown>[] = [];
      const foldedTensors: { weight: Float32Array; bias: Float32Array; what: string }[] = [];
      for (const { name, spec, input } of cases) {
        const model = trainedLooking(spec, input);
        const folded = foldBatchNorm(model).stateDict();
        const source = model.stateDict();
        const layerOf = new Map(model.layers().map(({ name: path, layer }) => [path, layer]));
        for (const [path, layer] of layerOf) {
          if (!(layer instanceof BatchNorm)) continue;
          // The norm's Linear/Conv2d: fcI for normI, convK for bnK, stem_conv for stem_bn.
          const before = path
            .replace(/norm(\d+)$/, 'fc$1')
            .replace(/bn(\d+)$/, 'conv$1')
            .replace(/stem_bn$/, 'stem_conv');
          const weight = layerOf.get(before)!.params()[0]!.value;
          pairs.push({
            weight: Array.from(source[`${before}.weight`]!),
            weightShape: weight.shape,
            bias: source[`${before}.bias`] ? Array.from(source[`${before}.bias`]!) : null,
            gamma: Array.from(source[`${path}.weight`]!),
            beta: Array.from(source[`${path}.bias`]!),
            runningMean: Array.from(source[`${path}.running_mean`]!),
            runningVar: Array.from(source[`${path}.running_var`]!),
            eps: layer.eps,
          });
          foldedTensors.push({
            weight: folded[`${before}.weight`]!,
            bias: folded[`${before}.bias`]!,
            what: `${name} ${before}`,
          });
        }
      }
      expect(pairs).toHaveLength(3 + 5);
      const torch = (await runReference('fold_batch_norm.py', pairs)) as {
        weight: number[];
        bias: number[];
      }[];
      expect(torch).toHaveLength(pairs.length);
      torch.forEach((expected, i) => {
        const mine = foldedTensors[i]!;
        expectCloseArrays(mine.weight, expected.weight, `${mine.what}.weight`);
        expectCloseArrays(mine.bias, expected.bias, `${mine.what}.bias`);
      });
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
