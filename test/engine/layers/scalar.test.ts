import { describe, expect, it } from 'vitest';
import { ScalarBias, ScalarScale } from '../../../src/engine/layers/scalar';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';

describe('ScalarBias and ScalarScale', () => {
  it('forward and backward by hand: y = x + b and y = a·x, with one gradient for the whole tensor', () => {
    const x = tensor([2, 2], [1, -2, 3, 4]);
    const dy = tensor([2, 2], [1, 2, 3, 4]);
    const bias = new ScalarBias();
    bias.bias.value.data[0] = 0.5;
    expect(Array.from(bias.forward(x, 'train').data)).toEqual([1.5, -1.5, 3.5, 4.5]);
    expect(Array.from(bias.backward(dy).data)).toEqual([1, 2, 3, 4]);
    expect(bias.bias.grad.data[0]).toBe(10); // Σ dy

    const scale = new ScalarScale(2);
    expect(Array.from(scale.forward(x, 'train').data)).toEqual([2, -4, 6, 8]);
    expect(Array.from(scale.backward(dy).data)).toEqual([2, 4, 6, 8]);
    expect(scale.weight.grad.data[0]).toBe(1 - 4 + 9 + 16); // Σ dy·x
  });

  it('a scale that starts at 0 passes no gradient down but learns from the first step (SkipInit, ReZero)', () => {
    const scale = new ScalarScale(0);
    const x = randomTensor([3, 5], 1);
    expect(scale.forward(x, 'train').data.every((v) => v === 0)).toBe(true);
    const dx = scale.backward(randomTensor([3, 5], 2));
    expect(dx.data.every((v) => v === 0)).toBe(true);
    expect(scale.weight.grad.data[0]).not.toBe(0);
  });

  it('pass the finite-difference gradient check', () => {
    const bias = new ScalarBias();
    bias.bias.value.data[0] = -0.3;
    gradcheck(bias, randomTensor([4, 3, 2, 2], 3));
    gradcheck(new ScalarScale(0.7), randomTensor([4, 6], 4));
  });

  it('name their parameter as a PyTorch module with one nn.Parameter: bias, weight', () => {
    expect(new ScalarBias().params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['bias', 'scalar', [1]],
    ]);
    expect(new ScalarScale(1).params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['weight', 'scalar', [1]],
    ]);
  });
});
