import { describe, expect, it } from 'vitest';
import { GroupNorm } from '../../../src/engine/layers/groupNorm';
import { InstanceNorm2d } from '../../../src/engine/layers/instanceNorm2d';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture } from '../../helpers/fixtures';
import { expectGroupedNormParity } from './normParity';

const HAND = { rtol: 1e-6, atol: 1e-6 };

/** γ, β away from 1 and 0, so a test cannot pass by ignoring them. */
function randomised<T extends InstanceNorm2d | GroupNorm>(
  layer: T,
  channels: number,
  seed: number,
): T {
  layer.weight.value.data.set(randomTensor([channels], seed, 0.5).data.map((v) => 1 + v));
  layer.bias.value.data.set(randomTensor([channels], seed + 1, 0.5).data);
  return layer;
}

describe('InstanceNorm2d', () => {
  it('forward: hand-worked [2, 2, 2, 2], statistics per sample and channel over H·W', () => {
    const inorm = new InstanceNorm2d(2, { eps: 0 });
    inorm.weight.value.data.set([2, -0.5]);
    inorm.bias.value.data.set([0.25, 1]);
    // channel 0: [-1, 1, -7, 7], μ 0, σ² 25, x̂ = [-0.2, 0.2, -1.4, 1.4]
    // channel 1: [11, 3, 17, 9], μ 10, σ² 25, x̂ = [0.2, -1.4, 1.4, -0.2]
    // sample 1 = 10 · sample 0 + 5: its own statistics give the same x̂
    const s0 = [-1, 1, -7, 7, 11, 3, 17, 9];
    const y = inorm.forward(tensor([2, 2, 2, 2], [...s0, ...s0.map((v) => 10 * v + 5)]), 'train');
    // channel 0: 2 x̂ + 0.25; channel 1: -0.5 x̂ + 1
    const y0 = [-0.15, 0.65, -2.55, 3.05, 0.9, 1.7, 0.3, 1.1];
    expectClose(y.data, [...y0, ...y0], HAND, 'y');
  });

  it('matches PyTorch: instancenorm2d', () => {
    const f = loadFixture('instancenorm2d');
    expect(f.config['track_running_stats']).toBe(false);
    expectGroupedNormParity(new InstanceNorm2d(f.inputs['gamma']!.shape[0]!), f);
  });

  it('equals GroupNorm with one group per channel, forward and backward', () => {
    const x = randomTensor([3, 5, 4, 3], 40);
    const dy = randomTensor([3, 5, 4, 3], 41);
    const inorm = randomised(new InstanceNorm2d(5), 5, 42);
    const gn = randomised(new GroupNorm(5, 5), 5, 42);
    expect(Array.from(inorm.forward(x, 'train').data)).toEqual(
      Array.from(gn.forward(x, 'train').data),
    );
    expect(Array.from(inorm.backward(dy).data)).toEqual(Array.from(gn.backward(dy).data));
    expect(Array.from(inorm.weight.grad.data)).toEqual(Array.from(gn.weight.grad.data));
  });

  it('gradients: finite differences on an odd shape', () => {
    gradcheck(randomised(new InstanceNorm2d(5), 5, 1), randomTensor([3, 5, 7, 5], 2));
  });

  it('is the same in train and eval mode (no running statistics)', () => {
    const inorm = randomised(new InstanceNorm2d(3), 3, 30);
    const x = randomTensor([2, 3, 3, 3], 31);
    const train = Array.from(inorm.forward(x, 'train').data);
    expect(Array.from(inorm.forward(x, 'eval').data)).toEqual(train);
    expect(inorm.buffers()).toEqual([]);
  });

  it('throws clear errors on wrong inputs', () => {
    const inorm = new InstanceNorm2d(3);
    expect(() => inorm.forward(tensor([2, 3]), 'train')).toThrow(
      /InstanceNorm2d\(3\): expected a 4-D input, got shape \[2, 3\]/,
    );
    expect(() => inorm.forward(tensor([2, 4, 2, 2]), 'train')).toThrow(
      /expected 3 channels \(dim 1\), got shape \[2, 4, 2, 2\]/,
    );
    expect(() => new InstanceNorm2d(2.5)).toThrow(/numFeatures must be a positive integer/);
  });

  it('describes itself: label, kind, per-channel affine', () => {
    const inorm = new InstanceNorm2d(64);
    expect(inorm.label).toBe('InstanceNorm2d(64)');
    expect(inorm.kind).toBe('instanceNorm');
    expect(inorm.params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['weight', 'normScale', [64]],
      ['bias', 'normShift', [64]],
    ]);
  });
});
