import { describe, expect, it } from 'vitest';
import { Tanh } from '../../../src/engine/layers/tanh';
import { tensor } from '../../../src/engine/tensor';
import { itIsASmoothActivation } from './activationParity';

describe('Tanh', () => {
  it('forward and backward: hand-worked values', () => {
    const layer = new Tanh();
    // tanh(±ln 3) = ±(9 − 1)/(9 + 1) = ±0.8; tanh′ = 1 − 0.64 = 0.36 there, and 1 at 0
    const y = layer.forward(tensor([3], [0, Math.log(3), -Math.log(3)]), 'train');
    expect(y.data[0]).toBe(0);
    expect(y.data[1]).toBeCloseTo(0.8, 6);
    expect(y.data[2]).toBeCloseTo(-0.8, 6);
    const dx = layer.backward(tensor([3], [1, 2, 3]));
    expect(dx.data[0]).toBe(1);
    expect(dx.data[1]).toBeCloseTo(0.72, 6);
    expect(dx.data[2]).toBeCloseTo(1.08, 6);
  });

  it('saturates without NaN for large |x|', () => {
    const layer = new Tanh();
    const y = layer.forward(tensor([2], [1000, -1000]), 'train');
    expect(Array.from(y.data)).toEqual([1, -1]);
    expect(Array.from(layer.backward(tensor([2], [1, 1])).data)).toEqual([0, 0]);
  });

  itIsASmoothActivation(() => new Tanh(), 'tanh', 'act_tanh', 13);
});
