import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../../../src/engine/loss/crossEntropy';
import { buildModel } from '../../../src/engine/model/buildModel';
import type { NormSpec } from '../../../src/engine/model/spec';
import { l2Norm } from '../../../src/engine/probes/moments';
import { scaleInvariantWeights } from '../../../src/engine/probes/scaleInvariance';
import { createRng } from '../../../src/engine/rng';
import { randomTensor } from '../../helpers/gradcheck';
import { cnnSpec, mlpSpec } from '../model/specFixtures';

const SIZE = { inputSize: 6, numClasses: 3, depth: 2, width: 8 };
const invariant = (norm: NormSpec['kind'], other: Parameters<typeof mlpSpec>[1] = {}) => [
  ...scaleInvariantWeights(
    buildModel(mlpSpec(SIZE, { norm: { kind: norm }, ...other }), createRng(1)),
  ),
];

/** Loss and fc1's weight gradient of one train-mode batch, with fc1's weight scaled by c. */
function lossAndGradient(c: number) {
  const model = buildModel(mlpSpec(SIZE), createRng(1));
  const w = model.params().find((p) => p.name === 'fc1.weight')!;
  for (let i = 0; i < w.value.data.length; i++) w.value.data[i]! *= c;
  model.zeroGrad();
  const logits = model.forward(randomTensor([16, 6], 3), 'train');
  const { loss, grad } = crossEntropy(
    logits,
    Int32Array.from({ length: 16 }, (_, i) => i % 3),
  );
  model.backward(grad);
  return { loss, weight: Float64Array.from(w.value.data), grad: Float64Array.from(w.grad.data) };
}

describe('scale-invariant weights', () => {
  it('are the weights that feed BatchNorm (with or without a bias), not the classifier', () => {
    expect(invariant('batchNorm')).toEqual(['fc1.weight', 'fc2.weight']);
    expect(invariant('batchNorm', { bias: false })).toEqual(['fc1.weight', 'fc2.weight']);
    expect(invariant('batchNorm', { normPlacement: 'after' })).toEqual([]);
    expect(invariant('none')).toEqual([]);
  });

  it('feeding LayerNorm, GroupNorm or RMSNorm, only without a bias', () => {
    for (const norm of ['layerNorm', 'rmsNorm', 'groupNorm'] as const) {
      expect(invariant(norm, { bias: true })).toEqual([]);
      expect(invariant(norm, { bias: false })).toEqual(['fc1.weight', 'fc2.weight']);
    }
  });

  it('are found inside residual blocks, at every conv that feeds a norm', () => {
    const model = buildModel(
      cnnSpec({ inputShape: [1, 6, 6], numClasses: 3, stemChannels: 4, blocks: 2 }),
      createRng(1),
    );
    expect([...scaleInvariantWeights(model)]).toEqual([
      'stem_conv.weight',
      'block1.conv1.weight',
      'block1.conv2.weight',
      'block2.conv1.weight',
      'block2.conv2.weight',
    ]);
  });

  it('are found in the residual MLP too', () => {
    const model = buildModel(mlpSpec(SIZE, { residual: true }), createRng(1));
    expect([...scaleInvariantWeights(model)]).toEqual([
      'stem_fc.weight',
      'block1.fc1.weight',
      'block1.fc2.weight',
      'block2.fc1.weight',
      'block2.fc2.weight',
    ]);
  });

  it('W → cW leaves the loss unchanged; the gradient is orthogonal to W and c times smaller', () => {
    const one = lossAndGradient(1);
    const three = lossAndGradient(3);
    expect(three.loss).toBeCloseTo(one.loss, 5);
    const ratio = l2Norm(one.grad) / l2Norm(three.grad);
    expect(ratio).toBeCloseTo(3, 3);
    let dot = 0;
    for (let i = 0; i < one.weight.length; i++) dot += one.weight[i]! * one.grad[i]!;
    // cos(W, ∂L/∂W) ≈ 0: float32 rounding only
    expect(Math.abs(dot) / (l2Norm(one.weight) * l2Norm(one.grad))).toBeLessThan(1e-4);
  });
});
