import { describe, expect, it } from 'vitest';
import { Sigmoid } from '../../../src/engine/layers/sigmoid';
import { tensor } from '../../../src/engine/tensor';
import { itIsASmoothActivation } from './activationParity';

describe('Sigmoid', () => {
  it('forward and backward: hand-worked values', () => {
    const layer = new Sigmoid();
    // σ(ln 3) = 1/(1 + 1/3) = 0.75, σ(−ln 3) = 0.25, σ(0) = 0.5; σ′ = σ(1 − σ) = 0.1875, 0.1875, 0.25
    const y = layer.forward(tensor([3], [Math.log(3), -Math.log(3), 0]), 'train');
    expect(y.data[0]).toBeCloseTo(0.75, 6);
    expect(y.data[1]).toBeCloseTo(0.25, 6);
    expect(y.data[2]).toBe(0.5);
    const dx = layer.backward(tensor([3], [1, 2, 4]));
    expect(dx.data[0]).toBeCloseTo(0.1875, 6);
    expect(dx.data[1]).toBeCloseTo(0.375, 6);
    expect(dx.data[2]).toBe(1);
  });

  it('is stable for large |x|: exact limits and a relatively accurate tail', () => {
    const layer = new Sigmoid();
    const y = layer.forward(tensor([3], [1000, -1000, -80]), 'train');
    expect(y.data[0]).toBe(1);
    expect(y.data[1]).toBe(0);
    // σ(−80) = e^−80 / (1 + e^−80) ≈ e^−80 ≈ 1.8e-35, representable in float32
    expect(Math.abs(y.data[2]! / Math.exp(-80) - 1)).toBeLessThan(1e-6);
    // σ′ = σ(1 − σ): exactly 0 where σ is 0 or 1, ≈ e^−80 in the tail
    const dx = layer.backward(tensor([3], [1, 1, 1]));
    expect(dx.data[0]).toBe(0);
    expect(dx.data[1]).toBe(0);
    expect(Math.abs(dx.data[2]! / Math.exp(-80) - 1)).toBeLessThan(1e-6);
  });

  itIsASmoothActivation(() => new Sigmoid(), 'sigmoid', 'act_sigmoid', 14);
});
