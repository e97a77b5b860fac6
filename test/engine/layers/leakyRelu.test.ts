import { describe, expect, it } from 'vitest';
import { LeakyReLU } from '../../../src/engine/layers/leakyRelu';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { awayFromZero, expectActivationParity } from './activationParity';

describe('LeakyReLU', () => {
  it('forward and backward: hand-worked values, gradient = slope at exactly 0', () => {
    const layer = new LeakyReLU(0.25);
    const y = layer.forward(tensor([2, 2], [-2, 0, 3, -0.5]), 'train');
    expect(Array.from(y.data)).toEqual([-0.5, 0, 3, -0.125]); // 0.25·x for x ≤ 0
    const dx = layer.backward(tensor([2, 2], [1, 2, 3, 4]));
    expect(Array.from(dx.data)).toEqual([0.25, 0.5, 3, 1]); // slope·dy for x ≤ 0, dy for x > 0
  });

  it('defaults to PyTorch’s slope 0.01 and exposes it with its kind', () => {
    const layer = new LeakyReLU();
    expect(layer.negativeSlope).toBe(0.01);
    expect(layer.kind).toBe('leakyRelu');
    expect(new LeakyReLU(0.2).negativeSlope).toBe(0.2);
  });

  it('matches PyTorch (act_leaky_relu fixture)', () => {
    expectActivationParity(new LeakyReLU(0.01), 'act_leaky_relu');
  });

  it('gradients: finite differences on an odd shape', () => {
    const x = randomTensor([3, 5, 7], 12);
    gradcheck(new LeakyReLU(0.1), tensor(x.shape, awayFromZero(x.data, 0.05)));
  });

  it('rejects a non-finite slope', () => {
    expect(() => new LeakyReLU(NaN)).toThrow(/negativeSlope must be a finite number, got NaN/);
  });
});
