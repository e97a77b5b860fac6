import { describe, expect, it } from 'vitest';
import { GroupNorm } from '../../../src/engine/layers/groupNorm';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture } from '../../helpers/fixtures';
import { expectGroupedNormParity, expectPerSampleNorm } from './normParity';

const HAND = { rtol: 1e-6, atol: 1e-6 };

/** γ, β away from 1 and 0, so a test cannot pass by ignoring them. */
function randomised(layer: GroupNorm, seed: number): GroupNorm {
  const c = layer.numChannels;
  layer.weight.value.data.set(randomTensor([c], seed, 0.5).data.map((v) => 1 + v));
  layer.bias.value.data.set(randomTensor([c], seed + 1, 0.5).data);
  return layer;
}

describe('GroupNorm', () => {
  it('forward: hand-worked GroupNorm(2, 4) on [2, 4, 1, 2], statistics per sample and group', () => {
    const gn = new GroupNorm(2, 4, { eps: 0 });
    gn.weight.value.data.set([2, -1, 0.5, 3]);
    gn.bias.value.data.set([0.1, 0.2, 0.3, 0.4]);
    // sample 0, group 0 (channels 0, 1): [-1, 1, -7, 7], μ 0, σ² 25, x̂ = [-0.2, 0.2, -1.4, 1.4]
    // sample 0, group 1 (channels 2, 3): [11, 3, 17, 9], μ 10, σ² 25, x̂ = [0.2, -1.4, 1.4, -0.2]
    // sample 1 = 10 · sample 0 + 5: its own μ and σ give the same x̂
    const s0 = [-1, 1, -7, 7, 11, 3, 17, 9];
    const x = tensor([2, 4, 1, 2], [...s0, ...s0.map((v) => 10 * v + 5)]);
    // channel 0: 2 x̂ + 0.1 = [-0.3, 0.5]; channel 1: -x̂ + 0.2 = [1.6, -1.2]
    // channel 2: 0.5 x̂ + 0.3 = [0.4, -0.4]; channel 3: 3 x̂ + 0.4 = [4.6, -0.2]
    const y0 = [-0.3, 0.5, 1.6, -1.2, 0.4, -0.4, 4.6, -0.2];
    expectClose(gn.forward(x, 'train').data, [...y0, ...y0], HAND, 'y');
  });

  it('backward: dβ_c = Σ dy and dγ_c = Σ dy x̂ over samples and positions (hand-worked)', () => {
    const gn = new GroupNorm(2, 4, { eps: 0 });
    const s0 = [-1, 1, -7, 7, 11, 3, 17, 9];
    gn.forward(tensor([2, 4, 1, 2], [...s0, ...s0.map((v) => 10 * v + 5)]), 'train');
    gn.backward(tensor([2, 4, 1, 2], [1, 2, 0, 0, 0, 0, 3, 0, 0, 4, 0, 0, 0, 0, 0, 5]));
    // channel 0 gets dy [1, 2] (sample 0) and [0, 4] (sample 1) at x̂ [-0.2, 0.2];
    // channel 3 gets dy [3, 0] and [0, 5] at x̂ [1.4, -0.2]; channels 1 and 2 get 0.
    // dβ = [1 + 2 + 4, 0, 0, 3 + 5]; dγ = [-0.2 + 0.4 + 0.8, 0, 0, 4.2 - 1]
    expectClose(gn.bias.grad.data, [7, 0, 0, 8], HAND, 'dβ');
    expectClose(gn.weight.grad.data, [1, 0, 0, 3.2], HAND, 'dγ');
  });

  for (const name of [
    'groupnorm_2d',
    'groupnorm_4d_groups1',
    'groupnorm_4d_groups_c',
    'groupnorm_4d_groups_mid',
  ]) {
    it(`matches PyTorch: ${name}`, () => {
      const f = loadFixture(name);
      const groups = f.config['num_groups'] as number;
      expectGroupedNormParity(new GroupNorm(groups, f.config['num_channels'] as number), f);
    });
  }

  it('gradients: finite differences on odd shapes, for 1, a middle number of and C groups', () => {
    // Every group holds ≥ 5 values: the normalised output of a 2-value group is ±1 up to eps, a
    // step that central differences with h = 1e-2 cannot follow when the two values are close.
    for (const groups of [1, 3, 6]) {
      gradcheck(randomised(new GroupNorm(groups, 6), groups), randomTensor([3, 6, 7, 5], 10));
      gradcheck(randomised(new GroupNorm(groups, 6), groups + 1), randomTensor([3, 6, 5], 11));
    }
    for (const groups of [1, 3]) {
      gradcheck(randomised(new GroupNorm(groups, 15), groups + 2), randomTensor([3, 15], 12));
    }
  });

  it('is the same in train and eval mode and ignores batch-mates', () => {
    expectPerSampleNorm(randomised(new GroupNorm(2, 4), 30), randomTensor([3, 4, 2, 2], 31));
  });

  it('throws clear errors on groups that do not divide the channels and on wrong inputs', () => {
    expect(() => new GroupNorm(3, 8)).toThrow(
      'GroupNorm: 3 groups do not divide 8 channels; choose G among 1, 2, 4, 8',
    );
    expect(() => new GroupNorm(0, 8)).toThrow(/numGroups must be a positive integer, got 0/);
    const gn = new GroupNorm(2, 4);
    expect(() => gn.forward(tensor([2, 6, 3, 3]), 'train')).toThrow(
      /GroupNorm\(2, 4\): expected an input \[N, 4, \.\.\.\] .* got shape \[2, 6, 3, 3\]/,
    );
    expect(() => gn.forward(tensor([4]), 'train')).toThrow(/rank ≥ 2.*got shape \[4\]/);
    expect(() => gn.backward(tensor([2, 4]))).toThrow(/backward called before forward/);
    gn.forward(tensor([2, 4]), 'train');
    expect(() => gn.backward(tensor([2, 4, 1]))).toThrow(/expected a gradient of shape \[2, 4\]/);
  });

  it('describes itself: label, kind, per-channel affine, no buffers', () => {
    const gn = new GroupNorm(4, 64);
    expect(gn.label).toBe('GroupNorm(4, 64)');
    expect(gn.kind).toBe('groupNorm');
    expect(gn.params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['weight', 'normScale', [64]],
      ['bias', 'normShift', [64]],
    ]);
    expect(gn.weight.value.data.every((v) => v === 1)).toBe(true);
    expect(gn.bias.value.data.every((v) => v === 0)).toBe(true);
    expect(gn.buffers()).toEqual([]);
  });
});
