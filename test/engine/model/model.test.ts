import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/engine/model/buildModel';
import { createRng } from '../../../src/engine/rng';
import { randomTensor } from '../../helpers/gradcheck';
import { mlpSpec } from './specFixtures';

const spec = mlpSpec(
  { inputSize: 4, numClasses: 2, depth: 1, width: 3 },
  { activation: 'tanh', init: { kind: 'xavierUniform', gain: 1 } },
);

describe('Model', () => {
  it('observed forward sees every top-level layer in order and gives the same logits', () => {
    const model = buildModel(spec, createRng(1));
    const x = randomTensor([5, 4], 2);
    const plain = Array.from(model.forward(x, 'eval').data);
    const seen: string[] = [];
    const observed = model.forward(x, 'eval', (name) => seen.push(name));
    expect(seen).toEqual(['flatten', 'fc1', 'norm1', 'act1', 'fc2']);
    expect(Array.from(observed.data)).toEqual(plain);
  });

  it('stateDict holds params and buffers by name; loadStateDict round-trips', () => {
    const a = buildModel(spec, createRng(1));
    const b = buildModel(spec, createRng(2));
    expect(Object.keys(a.stateDict())).toEqual([
      'fc1.weight',
      'fc1.bias',
      'norm1.weight',
      'norm1.bias',
      'fc2.weight',
      'fc2.bias',
      'norm1.running_mean',
      'norm1.running_var',
      'norm1.num_batches_tracked',
    ]);
    b.loadStateDict(a.stateDict());
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(a.parameterCount()).toBe(4 * 3 + 3 + 3 + 3 + 3 * 2 + 2);
  });

  it('loadStateDict names an unknown tensor or a wrong size', () => {
    const model = buildModel(spec, createRng(1));
    expect(() => model.loadStateDict({ 'fc9.weight': [1] })).toThrow(/unknown tensor 'fc9.weight'/);
    expect(() => model.loadStateDict({ 'fc1.bias': [1, 2] })).toThrow(
      /'fc1.bias' has 2 values.*needs 3/,
    );
  });

  it('zeroGrad clears accumulated gradients', () => {
    const model = buildModel(spec, createRng(1));
    const y = model.forward(randomTensor([3, 4], 2), 'train');
    model.backward(randomTensor(y.shape, 3));
    expect(model.params().some((p) => p.grad.data.some((g) => g !== 0))).toBe(true);
    model.zeroGrad();
    expect(model.params().every((p) => p.grad.data.every((g) => g === 0))).toBe(true);
  });
});
