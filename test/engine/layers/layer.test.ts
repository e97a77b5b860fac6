import { describe, expect, it } from 'vitest';
import { cached, makeParam, prefixed, zeroGrad } from '../../../src/engine/layers/layer';
import { Linear } from '../../../src/engine/layers/linear';
import { tensor } from '../../../src/engine/tensor';

describe('layer helpers', () => {
  it('makeParam pairs a value with a zeroed gradient of the same shape', () => {
    const p = makeParam('weight', 'weight', tensor([2, 3], [1, 2, 3, 4, 5, 6]));
    expect(p.grad.shape).toEqual([2, 3]);
    expect(Array.from(p.grad.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(p.grad.data).not.toBe(p.value.data);
  });

  it('zeroGrad clears every parameter gradient of a layer', () => {
    const layer = new Linear(2, 2);
    layer.weight.grad.data.fill(3);
    layer.bias!.grad.data.fill(4);
    zeroGrad(layer);
    expect([...layer.weight.grad.data, ...layer.bias!.grad.data].every((g) => g === 0)).toBe(true);
  });

  it('prefixed renames like a PyTorch state_dict and keeps the same tensors', () => {
    const p = makeParam('weight', 'weight', tensor([1], [2]));
    const [q] = prefixed('block1.conv1', [p]);
    expect(q!.name).toBe('block1.conv1.weight');
    expect(q!.value).toBe(p.value);
    expect(q!.grad).toBe(p.grad);
  });

  it('cached throws when backward comes before forward', () => {
    expect(() => cached(undefined, 'Linear(2→2)')).toThrow(
      'Linear(2→2): backward called before forward',
    );
    expect(cached(5, 'x')).toBe(5);
    expect(() => new Linear(2, 2).backward(tensor([1, 2]))).toThrow(
      /backward called before forward/,
    );
  });
});
