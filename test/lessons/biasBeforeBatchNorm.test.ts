/**
 * What lesson 5 says about the classic ResNet-style block, Conv (no bias) → BatchNorm2d → ReLU
 * (`q-standard-block`, and `q-complementary`'s "a bias right before a BN is redundant"): in train
 * mode BatchNorm subtracts each channel's batch mean, so a convolution bias, constant per channel,
 * cancels. Measured with the engine's own Conv2d and BatchNorm2d, seeded: the output does not move
 * when the bias changes, and the bias gets no gradient. In eval mode the running mean is fixed, so
 * the same bias does move the output (the control: the cancelling is the batch mean's doing).
 */
import { describe, expect, it } from 'vitest';
import { BatchNorm2d } from '../../src/engine/layers/batchNorm';
import { Conv2d } from '../../src/engine/layers/conv2d';
import type { Mode } from '../../src/engine/layers/layer';
import type { Tensor } from '../../src/engine/tensor';
import { randomTensor } from '../helpers/gradcheck';

const CHANNELS = 4;
const x = randomTensor([8, 3, 6, 6], 11);

/** A 3 → 4 channel 3×3 convolution with seeded weights and the given bias, then a BatchNorm2d. */
function block(bias: readonly number[]) {
  const conv = new Conv2d({ inChannels: 3, outChannels: CHANNELS, kernelSize: 3, padding: 1 });
  conv.weight.value.data.set(randomTensor(conv.weight.value.shape, 12, 0.2).data);
  conv.bias!.value.data.set(bias);
  return { conv, bn: new BatchNorm2d(CHANNELS) };
}

function forward(bias: readonly number[], mode: Mode) {
  const { conv, bn } = block(bias);
  return { conv, bn, y: bn.forward(conv.forward(x, mode), mode) };
}

const maxAbs = (values: ArrayLike<number>) => Math.max(...Array.from(values, Math.abs));
const maxDiff = (a: Tensor, b: Tensor) => maxAbs(a.data.map((v, i) => v - b.data[i]!));

const NO_BIAS = [0, 0, 0, 0];
const BIAS = [3, -2, 0.5, 5];

describe('a convolution bias right before BatchNorm (lesson 5, q-standard-block)', () => {
  it('cancels in train mode: the output does not depend on it', () => {
    const without = forward(NO_BIAS, 'train').y;
    const withBias = forward(BIAS, 'train').y;
    // float32 noise only; the output's own scale is about 1.
    expect(maxDiff(without, withBias)).toBeLessThan(1e-5);
    expect(maxAbs(without.data)).toBeGreaterThan(1);
  });

  it('gets no gradient in train mode, while the weights do', () => {
    const { conv, bn } = forward(BIAS, 'train');
    conv.backward(bn.backward(randomTensor([8, CHANNELS, 6, 6], 13)));
    expect(maxAbs(conv.bias!.grad.data)).toBeLessThan(1e-4);
    expect(maxAbs(conv.weight.grad.data)).toBeGreaterThan(1);
  });

  it('moves the output in eval mode, where the running mean is fixed (the control)', () => {
    const without = forward(NO_BIAS, 'eval').y;
    const withBias = forward(BIAS, 'eval').y;
    expect(maxDiff(without, withBias)).toBeGreaterThan(1);
  });
});
