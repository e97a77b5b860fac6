import { describe, expect, it } from 'vitest';
import { Linear } from '../../../src/engine/layers/linear';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

describe('Linear', () => {
  it('forward: hand-worked 2×3 → 2 case', () => {
    const layer = new Linear(3, 2);
    layer.weight.value.data.set([1, 2, 3, -1, 0, 0.5]); // W = [[1,2,3],[-1,0,0.5]]
    layer.bias!.value.data.set([0.25, -4]);
    const y = layer.forward(tensor([2, 3], [1, -2, 0.5, 3, 1, -1]), 'train');
    // row 0: [1·1 + 2·(-2) + 3·0.5 + 0.25, -1·1 + 0.5·0.5 - 4] = [-1.25, -4.75]
    // row 1: [3 + 2 - 3 + 0.25, -3 - 0.5 - 4] = [2.25, -7.5]
    expect(Array.from(y.data)).toEqual([-1.25, -4.75, 2.25, -7.5]);
  });

  it('matches PyTorch (linear fixture)', () => {
    const f = loadFixture('linear');
    const [out, inp] = f.inputs['weight']!.shape as [number, number];
    const layer = new Linear(inp, out);
    layer.weight.value.data.set(f.inputs['weight']!.data);
    layer.bias!.value.data.set(f.inputs['bias']!.data);
    const x = tensor(f.inputs['x']!.shape, f.inputs['x']!.data);
    expectClose(layer.forward(x, 'train').data, f.outputs['y']!, SINGLE_OP, 'y');
    const dx = layer.backward(tensor(f.inputs['grad_out']!.shape, f.inputs['grad_out']!.data));
    expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
    expectClose(layer.weight.grad.data, f.outputs['grad_weight']!, SINGLE_OP, 'grad_weight');
    expectClose(layer.bias!.grad.data, f.outputs['grad_bias']!, SINGLE_OP, 'grad_bias');
  });

  it('gradients: finite differences on an odd shape, with and without bias', () => {
    for (const bias of [true, false]) {
      const layer = new Linear(5, 7, bias);
      layer.weight.value.data.set(randomTensor([7, 5], 3, 0.5).data);
      gradcheck(layer, randomTensor([3, 5], 4));
    }
  });

  it('accumulates parameter gradients across backward calls', () => {
    const layer = new Linear(2, 1);
    layer.weight.value.data.set([0.5, -1]);
    const x = tensor([1, 2], [2, 3]);
    layer.forward(x, 'train');
    layer.backward(tensor([1, 1], [1]));
    layer.forward(x, 'train');
    layer.backward(tensor([1, 1], [1]));
    expect(Array.from(layer.weight.grad.data)).toEqual([4, 6]); // 2 × x
    expect(Array.from(layer.bias!.grad.data)).toEqual([2]);
  });

  it('throws a clear error on a wrong input width', () => {
    const layer = new Linear(4, 2);
    expect(() => layer.forward(tensor([2, 3]), 'train')).toThrow(
      /expected 4 input features, got shape \[2, 3\]/,
    );
  });
});
