import { describe, expect, it } from 'vitest';
import { Flatten } from '../../../src/engine/layers/flatten';
import { tensor } from '../../../src/engine/tensor';

describe('Flatten', () => {
  it('forward: [N, C, H, W] → [N, C·H·W] in row-major order', () => {
    const layer = new Flatten();
    const x = tensor([2, 3, 1, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const y = layer.forward(x, 'train');
    expect(y.shape).toEqual([2, 6]);
    expect(Array.from(y.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('backward: reshapes the gradient back to the input shape', () => {
    const layer = new Flatten();
    layer.forward(tensor([2, 1, 2, 2]), 'train');
    const dx = layer.backward(tensor([2, 4], [8, 7, 6, 5, 4, 3, 2, 1]));
    expect(dx.shape).toEqual([2, 1, 2, 2]);
    expect(Array.from(dx.data)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('leaves a 2-D input as it is and shares data instead of copying', () => {
    const layer = new Flatten();
    const x = tensor([3, 4]);
    const y = layer.forward(x, 'train');
    expect(y.shape).toEqual([3, 4]);
    expect(y.data).toBe(x.data);
  });

  it('throws a clear error on a gradient of the wrong shape or backward before forward', () => {
    const layer = new Flatten();
    expect(() => layer.backward(tensor([2, 4]))).toThrow(/Flatten: backward called before forward/);
    layer.forward(tensor([2, 1, 2, 2]), 'train');
    expect(() => layer.backward(tensor([4, 2]))).toThrow(
      /backward expected a gradient of shape \[2, 4\], got \[4, 2\]/,
    );
  });
});
