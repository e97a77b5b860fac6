import { describe, expect, it } from 'vitest';
import { LayerNorm } from '../../../src/engine/layers/layerNorm';
import { numel, tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture } from '../../helpers/fixtures';
import { expectGroupedNormParity, expectPerSampleNorm } from './normParity';

const HAND = { rtol: 1e-6, atol: 1e-6 };

/** γ, β away from 1 and 0, so a test cannot pass by ignoring them. */
function randomised(layer: LayerNorm, seed: number): LayerNorm {
  const shape = layer.normalizedShape;
  layer.weight.value.data.set(randomTensor(shape, seed, 0.5).data.map((v) => 1 + v));
  layer.bias.value.data.set(randomTensor(shape, seed + 1, 0.5).data);
  return layer;
}

describe('LayerNorm', () => {
  it('forward: hand-worked LayerNorm([4]) on [2, 4], statistics per row, elementwise affine', () => {
    const ln = new LayerNorm([4], { eps: 0 });
    ln.weight.value.data.set([2, -1, 0.5, 3]);
    ln.bias.value.data.set([0.1, 0.2, 0.3, 0.4]);
    // row 0: [-1, 1, -7, 7], μ 0, σ² (1 + 1 + 49 + 49)/4 = 25, x̂ = [-0.2, 0.2, -1.4, 1.4]
    // row 1: [11, 3, 17, 9], μ 10, σ² 25, x̂ = [0.2, -1.4, 1.4, -0.2]
    const y = ln.forward(tensor([2, 4], [-1, 1, -7, 7, 11, 3, 17, 9]), 'train');
    // y = γ ⊙ x̂ + β: row 0 [-0.4 + 0.1, -0.2 + 0.2, -0.7 + 0.3, 4.2 + 0.4]
    //                row 1 [0.4 + 0.1, 1.4 + 0.2, 0.7 + 0.3, -0.6 + 0.4]
    expectClose(y.data, [-0.3, 0, -0.4, 4.6, 0.5, 1.6, 1, -0.2], HAND, 'y');
  });

  it('forward: normalises over all the trailing dims named, not just the last', () => {
    // LayerNorm([2, 2]) on [1, 2, 2]: the four values [-1, 1, -7, 7] share μ 0 and σ² 25.
    const ln = new LayerNorm([2, 2], { eps: 0 });
    const y = ln.forward(tensor([1, 2, 2], [-1, 1, -7, 7]), 'train');
    expectClose(y.data, [-0.2, 0.2, -1.4, 1.4], HAND, 'y');
  });

  it('backward: dβ = Σ_rows dy and dγ = Σ_rows dy ⊙ x̂ (hand-worked)', () => {
    const ln = new LayerNorm([4], { eps: 0 });
    ln.forward(tensor([2, 4], [-1, 1, -7, 7, 11, 3, 17, 9]), 'train');
    ln.backward(tensor([2, 4], [1, 0, 2, 0, 3, 0, 0, 4]));
    // dβ = [1 + 3, 0, 2, 4]; dγ = [1·(-0.2) + 3·0.2, 0, 2·(-1.4), 4·(-0.2)]
    expectClose(ln.bias.grad.data, [4, 0, 2, 4], HAND, 'dβ');
    expectClose(ln.weight.grad.data, [0.4, 0, -2.8, -0.8], HAND, 'dγ');
  });

  for (const name of ['layernorm_2d', 'layernorm_4d']) {
    it(`matches PyTorch: ${name}`, () => {
      const f = loadFixture(name);
      expectGroupedNormParity(new LayerNorm(f.config['normalized_shape'] as number[]), f);
    });
  }

  it('gradients: finite differences on odd shapes', () => {
    const cases: [number[], number[]][] = [
      [[5], [3, 5]],
      [[7], [3, 5, 7]],
      [
        [7, 5],
        [3, 5, 7, 5],
      ],
      [
        [5, 7, 5],
        [3, 5, 7, 5],
      ],
    ];
    cases.forEach(([normalized, shape], k) => {
      gradcheck(randomised(new LayerNorm(normalized), 10 * k), randomTensor(shape, 10 * k + 5));
    });
  });

  it('is the same in train and eval mode and ignores batch-mates', () => {
    expectPerSampleNorm(randomised(new LayerNorm([3, 2, 2]), 30), randomTensor([3, 3, 2, 2], 31));
  });

  it('throws clear errors when the trailing dims do not match or the shape is empty', () => {
    const ln = new LayerNorm([3, 4, 4]);
    expect(() => ln.forward(tensor([2, 3, 5, 5]), 'train')).toThrow(
      'LayerNorm([3, 4, 4]): the trailing dims of the input must be [3, 4, 4], got shape [2, 3, 5, 5]',
    );
    expect(() => ln.forward(tensor([4, 4]), 'train')).toThrow(/got shape \[4, 4\]/);
    expect(() => new LayerNorm([])).toThrow(/normalizedShape must name at least one trailing dim/);
    expect(() => new LayerNorm([3, 0])).toThrow(/positive integer, got 0/);
  });

  it('describes itself: label, kind, affine of the normalized shape, no buffers', () => {
    expect(new LayerNorm([64]).label).toBe('LayerNorm(64)');
    const ln = new LayerNorm([3, 4, 4]);
    expect(ln.label).toBe('LayerNorm([3, 4, 4])');
    expect(ln.kind).toBe('layerNorm');
    expect(ln.params().map((p) => [p.name, p.role, p.value.shape])).toEqual([
      ['weight', 'normScale', [3, 4, 4]],
      ['bias', 'normShift', [3, 4, 4]],
    ]);
    expect(ln.weight.value.data.length).toBe(numel([3, 4, 4]));
    expect(ln.weight.value.data.every((v) => v === 1)).toBe(true);
    expect(ln.buffers()).toEqual([]);
  });
});
