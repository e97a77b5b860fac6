import { describe, expect, it } from 'vitest';
import { ReLU } from '../../../src/engine/layers/relu';
import { Tanh } from '../../../src/engine/layers/tanh';
import { tensor } from '../../../src/engine/tensor';

// The shared behaviour of every activation layer, exercised through two of them.
describe('Elementwise activations', () => {
  it('have no parameters or buffers', () => {
    expect(new ReLU().params()).toEqual([]);
    expect(new Tanh().buffers()).toEqual([]);
  });

  it('reuse their output buffer for inputs of the same shape', () => {
    const layer = new Tanh();
    const first = layer.forward(tensor([2, 2], [1, 2, 3, 4]), 'train');
    const second = layer.forward(tensor([2, 2], [4, 3, 2, 1]), 'eval');
    expect(second).toBe(first);
    expect(layer.forward(tensor([4], [1, 2, 3, 4]), 'train')).not.toBe(first);
  });

  it('throw a clear error on backward before forward or a gradient of the wrong shape', () => {
    const layer = new ReLU();
    expect(() => layer.backward(tensor([2]))).toThrow(/ReLU: backward called before forward/);
    layer.forward(tensor([2, 3]), 'train');
    expect(() => layer.backward(tensor([3, 2]))).toThrow(
      /ReLU: backward expected a gradient of shape \[2, 3\], got \[3, 2\]/,
    );
  });
});
