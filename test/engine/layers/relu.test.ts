import { describe, expect, it } from 'vitest';
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

  it('exposes its kind for the probes', () => {
    expect(new ReLU().kind).toBe('relu');
  });
});
