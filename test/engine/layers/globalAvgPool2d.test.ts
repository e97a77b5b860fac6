import { describe, expect, it } from 'vitest';
import { GlobalAvgPool2d } from '../../../src/engine/layers/globalAvgPool2d';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

describe('GlobalAvgPool2d', () => {
  it('forward and backward: hand-worked [1, 2, 2, 2] case', () => {
    const layer = new GlobalAvgPool2d();
    // channel 0: (1 + 2 + 3 + 6) / 4 = 3; channel 1: (−4 + 0 + 8 + 10) / 4 = 3.5
    const y = layer.forward(tensor([1, 2, 2, 2], [1, 2, 3, 6, -4, 0, 8, 10]), 'train');
    expect(y.shape).toEqual([1, 2]);
    expect(Array.from(y.data)).toEqual([3, 3.5]);
    // each pixel gets dy / (H·W)
    const dx = layer.backward(tensor([1, 2], [4, -2]));
    expect(dx.shape).toEqual([1, 2, 2, 2]);
    expect(Array.from(dx.data)).toEqual([1, 1, 1, 1, -0.5, -0.5, -0.5, -0.5]);
  });

  it('matches PyTorch (adaptive_avg_pool2d_1x1 fixture, compared flat: [N,C,1,1] vs [N,C])', () => {
    const f = loadFixture('adaptive_avg_pool2d_1x1');
    const layer = new GlobalAvgPool2d();
    const x = tensor(f.inputs['x']!.shape, f.inputs['x']!.data);
    const y = layer.forward(x, 'train');
    expect(y.shape).toEqual(f.outputs['y']!.shape.slice(0, 2));
    expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
    const gradOut = f.inputs['grad_out']!;
    const dx = layer.backward(tensor(gradOut.shape.slice(0, 2), gradOut.data));
    expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
  });

  it('gradients: finite differences on an odd shape (N=3, C=5, H=7, W=5)', () => {
    gradcheck(new GlobalAvgPool2d(), randomTensor([3, 5, 7, 5], 22));
  });

  it('throws a clear error on a wrong rank or gradient shape', () => {
    const layer = new GlobalAvgPool2d();
    expect(() => layer.forward(tensor([2, 3]), 'train')).toThrow(
      /expected a 4-D input, got shape \[2, 3\]/,
    );
    layer.forward(tensor([2, 3, 4, 4]), 'train');
    expect(() => layer.backward(tensor([2, 3, 1, 1]))).toThrow(
      /backward expected a gradient of shape \[2, 3\], got \[2, 3, 1, 1\]/,
    );
  });
});
