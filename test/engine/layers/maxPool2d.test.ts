import { describe, expect, it } from 'vitest';
import { MaxPool2d } from '../../../src/engine/layers/maxPool2d';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

describe('MaxPool2d', () => {
  it('forward and backward: hand-worked 2×2 windows, odd trailing row and column dropped', () => {
    const layer = new MaxPool2d();
    // x (3×5): windows [[1,9],[4,2]] → 9 and [[3,0],[8,7]] → 8; row 2 and column 4 fill no window
    const x = tensor([1, 1, 3, 5], [1, 9, 3, 0, 50, 4, 2, 8, 7, 60, 70, 80, 90, 99, 100]);
    const y = layer.forward(x, 'train');
    expect(y.shape).toEqual([1, 1, 1, 2]);
    expect(Array.from(y.data)).toEqual([9, 8]);
    const dx = layer.backward(tensor([1, 1, 1, 2], [0.5, -2]));
    expect(Array.from(dx.data)).toEqual([0, 0.5, 0, 0, 0, 0, 0, -2, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('ties: the first maximum in row-major order gets the whole gradient', () => {
    const layer = new MaxPool2d();
    // window [[5,5],[5,5]]: index 0 wins; window [[1,7],[7,7]]: the 7 at (0,1) wins
    layer.forward(tensor([1, 1, 2, 4], [5, 5, 1, 7, 5, 5, 7, 7]), 'train');
    const dx = layer.backward(tensor([1, 1, 1, 2], [3, 4]));
    expect(Array.from(dx.data)).toEqual([3, 0, 0, 4, 0, 0, 0, 0]);
  });

  for (const name of ['max_pool2d_k2_s2', 'max_pool2d_k2_s2_ties']) {
    it(`matches PyTorch (${name} fixture)`, () => {
      const f = loadFixture(name);
      const layer = new MaxPool2d(f.config['kernel_size'] as number, f.config['stride'] as number);
      const y = layer.forward(tensor(f.inputs['x']!.shape, f.inputs['x']!.data), 'train');
      expect(y.shape).toEqual(f.outputs['y']!.shape);
      expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
      const dx = layer.backward(tensor(f.inputs['grad_out']!.shape, f.inputs['grad_out']!.data));
      expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
    });
  }

  it('gradients: finite differences on an odd shape (N=3, C=5, H=7, W=5)', () => {
    // distinct values spaced ≥ 0.05 apart so a ±1e-2 step never changes which input is the maximum
    const x = tensor(
      [3, 5, 7, 5],
      Array.from({ length: 525 }, (_, i) => ((i * 37) % 525) * 0.05), // 37 is coprime to 525
    );
    gradcheck(new MaxPool2d(), x);
    gradcheck(new MaxPool2d(3, 2), x);
  });

  it('propagates NaN like PyTorch', () => {
    const layer = new MaxPool2d();
    const y = layer.forward(tensor([1, 1, 2, 2], [1, NaN, 3, 2]), 'train');
    expect(y.data[0]).toBeNaN();
  });

  it('throws a clear error on a wrong rank, a too small input or bad settings', () => {
    expect(() => new MaxPool2d().forward(tensor([2, 4, 4]), 'train')).toThrow(
      /expected a 4-D input, got shape \[2, 4, 4\]/,
    );
    expect(() => new MaxPool2d().forward(tensor([1, 1, 1, 4]), 'train')).toThrow(
      /input \[1, 1, 1, 4\] is smaller than the window/,
    );
    expect(() => new MaxPool2d(0)).toThrow(/kernelSize must be a whole number ≥ 1, got 0/);
  });
});
