import { describe, expect, it } from 'vitest';
import { useLayerWasm } from '../../../src/engine/layers/layerWasm';
import { ReLU } from '../../../src/engine/layers/relu';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { awayFromZero, expectActivationParity } from './activationParity';

describe('ReLU', () => {
  it('forward and backward: hand-worked values, gradient 0 at exactly 0', () => {
    const layer = new ReLU();
    const y = layer.forward(tensor([5], [-2, 0, 3, -0.5, 1.5]), 'train');
    expect(Array.from(y.data)).toEqual([0, 0, 3, 0, 1.5]);
    const dx = layer.backward(tensor([5], [1, 2, 3, 4, 5]));
    expect(Array.from(dx.data)).toEqual([0, 0, 3, 0, 5]); // dy where x > 0, and 0 at x = 0
  });

  it('works on any rank and keeps the shape', () => {
    const layer = new ReLU();
    for (const shape of [[6], [2, 3], [1, 2, 3], [1, 1, 2, 3]]) {
      const y = layer.forward(tensor(shape, [-1, 2, -3, 4, -5, 6]), 'train');
      expect(y.shape).toEqual(shape);
      expect(Array.from(y.data)).toEqual([0, 2, 0, 4, 0, 6]);
      expect(layer.backward(tensor(shape, [1, 1, 1, 1, 1, 1])).shape).toEqual(shape);
    }
  });

  it('matches PyTorch (act_relu fixture)', () => {
    expectActivationParity(new ReLU(), 'act_relu');
  });

  it('gradients: finite differences on an odd shape', () => {
    const x = randomTensor([3, 5, 7], 11);
    gradcheck(new ReLU(), tensor(x.shape, awayFromZero(x.data, 0.05)));
  });

  it('backward masks dy as x > 0 or x is NaN, for every kind of float32 (it reads the mask from y)', () => {
    // ±0, ±NaN with payloads, ±∞, ± the smallest subnormal and normal, ±1, the largest finite.
    const patterns = [
      0x00000000, 0x80000000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff812345, 0x7f800000,
      0xff800000, 0x00000001, 0x80000001, 0x00800000, 0x80800000, 0x3f800000, 0xbf800000,
      0x7f7fffff, 0xff7fffff,
    ];
    const x = tensor([patterns.length]);
    new Uint32Array(x.data.buffer).set(patterns);
    const dy = tensor([patterns.length]);
    for (let i = 0; i < dy.data.length; i++) dy.data[i] = i + 1;
    const expected = patterns.map((_, i) => {
      const v = x.data[i]!;
      return v > 0 || Number.isNaN(v) ? new Uint32Array(dy.data.buffer)[i]! : 0;
    });
    // Kept: the 4 NaNs, +∞, the positive subnormal and normal, +1 and the largest finite.
    expect(expected.filter((b) => b !== 0)).toHaveLength(9);
    for (const wasm of [true, false]) {
      const was = useLayerWasm(wasm);
      try {
        const layer = new ReLU();
        layer.forward(x, 'train');
        const dx = layer.backward(dy);
        expect(Array.from(new Uint32Array(Float32Array.from(dx.data).buffer))).toEqual(expected);
      } finally {
        useLayerWasm(was);
      }
    }
  });

  it('exposes its kind for the probes', () => {
    expect(new ReLU().kind).toBe('relu');
  });
});
