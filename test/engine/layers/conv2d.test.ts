import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/engine/layers/conv2d';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

const grid3x3 = () => tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);

describe('Conv2d', () => {
  it('forward: hand-worked 2×2 kernel on a 3×3 image', () => {
    const layer = new Conv2d({ inChannels: 1, outChannels: 1, kernelSize: 2 });
    layer.weight.value.data.set([1, -1, 2, 0.5]); // W = [[1,-1],[2,0.5]]
    layer.bias!.value.data.set([0.25]);
    const y = layer.forward(grid3x3(), 'train');
    // y[0,0] = 1·1 + 2·(-1) + 4·2 + 5·0.5 + 0.25 = 9.75; one step right adds (1-1+2+0.5)·1 = 2.5,
    // one step down adds 2.5·3 = 7.5.
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([9.75, 12.25, 17.25, 19.75]);
  });

  it('forward: padding reads zeros and stride 2 skips every other window', () => {
    const layer = new Conv2d({
      inChannels: 1,
      outChannels: 1,
      kernelSize: 3,
      stride: 2,
      padding: 1,
      bias: false,
    });
    // y[oh,ow] = x[2oh, 2ow] + 10·x[2oh, 2ow+1] + 100·x[2oh+1, 2ow] (x is 0 outside the image)
    layer.weight.value.data.set([0, 0, 0, 0, 1, 10, 0, 100, 0]);
    const y = layer.forward(grid3x3(), 'train');
    // (0,0): 1 + 20 + 400; (0,1): 3 + 0 + 600; (1,0): 7 + 80 + 0; (1,1): 9 + 0 + 0
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([421, 603, 87, 9]);
  });

  it('output size is floor((H + 2p - k) / s) + 1', () => {
    const layer = new Conv2d({ inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2 });
    // H: floor((7 - 3) / 2) + 1 = 3;  W: floor((6 - 3) / 2) + 1 = 2
    expect(layer.forward(tensor([4, 2, 7, 6]), 'train').shape).toEqual([4, 3, 3, 2]);
  });

  for (const name of ['conv2d_k1_s1_p0', 'conv2d_k3_s1_p1_bias', 'conv2d_k3_s2_p1_nobias']) {
    it(`matches PyTorch (${name} fixture)`, () => {
      const f = loadFixture(name);
      const weight = f.inputs['weight']!;
      const [out, inp, k] = weight.shape as [number, number, number];
      const bias = f.inputs['bias'];
      const layer = new Conv2d({
        inChannels: inp,
        outChannels: out,
        kernelSize: k,
        stride: f.config['stride'] as number,
        padding: f.config['padding'] as number,
        bias: bias !== undefined,
      });
      layer.weight.value.data.set(weight.data);
      if (bias) layer.bias!.value.data.set(bias.data);
      const x = tensor(f.inputs['x']!.shape, f.inputs['x']!.data);
      const y = layer.forward(x, 'train');
      expect(y.shape).toEqual(f.outputs['y']!.shape);
      expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
      const dx = layer.backward(tensor(f.inputs['grad_out']!.shape, f.inputs['grad_out']!.data));
      expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
      expectClose(layer.weight.grad.data, f.outputs['grad_weight']!, SINGLE_OP, 'grad_weight');
      if (bias) expectClose(layer.bias!.grad.data, f.outputs['grad_bias']!, SINGLE_OP, 'grad_bias');
      else expect(layer.bias).toBeUndefined();
    });
  }

  it('gradients: finite differences on odd shapes (N=3, C=5, H=7, W=5)', () => {
    const configs = [
      { kernelSize: 3, stride: 2, padding: 1, bias: true },
      { kernelSize: 3, stride: 1, padding: 0, bias: false },
      { kernelSize: 1, stride: 1, padding: 0, bias: true },
      { kernelSize: 2, stride: 3, padding: 1, bias: true },
    ];
    configs.forEach((config, k) => {
      const layer = new Conv2d({ inChannels: 5, outChannels: 4, ...config });
      layer.weight.value.data.set(randomTensor(layer.weight.value.shape, 10 + k, 0.3).data);
      if (layer.bias) layer.bias.value.data.set(randomTensor([4], 20 + k).data);
      gradcheck(layer, randomTensor([3, 5, 7, 5], 30 + k));
    });
  });

  it('accumulates parameter gradients across backward calls', () => {
    const layer = new Conv2d({ inChannels: 1, outChannels: 1, kernelSize: 2 });
    layer.weight.value.data.set([1, -1, 2, 0.5]);
    const dy = tensor([1, 1, 2, 2], [1, 0, 0, 0]);
    layer.forward(grid3x3(), 'train');
    layer.backward(dy);
    layer.forward(grid3x3(), 'train');
    layer.backward(dy);
    // dW = 2 × the top-left window [[1,2],[4,5]]; db = 2 × Σ dy
    expect(Array.from(layer.weight.grad.data)).toEqual([2, 4, 8, 10]);
    expect(Array.from(layer.bias!.grad.data)).toEqual([2]);
  });

  it('backwardParams accumulates the same dW and db as backward, for both kernels', () => {
    for (const [stride, padding] of [
      [1, 1],
      [2, 1],
    ] as const) {
      const make = () => {
        const conv = new Conv2d({ inChannels: 3, outChannels: 5, kernelSize: 3, stride, padding });
        conv.weight.value.data.set(randomTensor([5, 3, 3, 3], 11).data);
        conv.bias!.value.data.set([0.1, -0.2, 0.3, 0, 0.5]);
        return conv;
      };
      const x = randomTensor([2, 3, 7, 6], 12);
      const full = make();
      const y = full.forward(x, 'train');
      const dy = randomTensor(y.shape, 13);
      full.backward(dy);
      const partial = make();
      partial.forward(x, 'train');
      partial.backwardParams(dy);
      expect(Array.from(partial.weight.grad.data)).toEqual(Array.from(full.weight.grad.data));
      expect(Array.from(partial.bias!.grad.data)).toEqual(Array.from(full.bias!.grad.data));
    }
  });

  it('handles a batch size change between calls', () => {
    const layer = new Conv2d({ inChannels: 2, outChannels: 3, kernelSize: 3, padding: 1 });
    layer.weight.value.data.set(randomTensor(layer.weight.value.shape, 5).data);
    const big = randomTensor([4, 2, 5, 5], 6);
    const yBig = Float32Array.from(layer.forward(big, 'train').data);
    const small = tensor([1, 2, 5, 5], big.data.slice(0, 50));
    const ySmall = layer.forward(small, 'train');
    expect(ySmall.shape).toEqual([1, 3, 5, 5]);
    expect(Array.from(ySmall.data)).toEqual(Array.from(yBig.slice(0, 75)));
    expect(layer.backward(tensor([1, 3, 5, 5])).shape).toEqual([1, 2, 5, 5]);
  });

  it('throws a clear error on a wrong channel count or rank', () => {
    const layer = new Conv2d({ inChannels: 3, outChannels: 2, kernelSize: 3 });
    expect(() => layer.forward(tensor([2, 4, 5, 5]), 'train')).toThrow(
      /expected 3 input channels \(NCHW\), got shape \[2, 4, 5, 5\]/,
    );
    expect(() => layer.forward(tensor([3, 5, 5]), 'train')).toThrow(
      /expected a 4-D input, got shape \[3, 5, 5\]/,
    );
    expect(() => layer.forward(tensor([1, 3, 2, 5]), 'train')).toThrow(
      /input \[1, 3, 2, 5\] is smaller than the 3×3 kernel with padding 0/,
    );
  });

  it('rejects invalid hyper-parameters and backward before forward', () => {
    expect(() => new Conv2d({ inChannels: 3, outChannels: 2, kernelSize: 3, stride: 0 })).toThrow(
      /stride must be a whole number ≥ 1, got 0/,
    );
    expect(() => new Conv2d({ inChannels: 3, outChannels: 2, kernelSize: 1.5 })).toThrow(
      /kernelSize must be a whole number ≥ 1, got 1.5/,
    );
    const layer = new Conv2d({ inChannels: 1, outChannels: 1, kernelSize: 1 });
    expect(() => layer.backward(tensor([1, 1, 1, 1]))).toThrow(/backward called before forward/);
  });
});
