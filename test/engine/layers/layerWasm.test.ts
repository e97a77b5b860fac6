import { afterEach, describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/engine/layers/conv2d';
import { BatchNorm1d, BatchNorm2d, type BatchNorm } from '../../../src/engine/layers/batchNorm';
import { zeroGrad, type Layer, type Mode } from '../../../src/engine/layers/layer';
import { layerWasm, useLayerWasm } from '../../../src/engine/layers/layerWasm';
import { ReLU } from '../../../src/engine/layers/relu';
import { ResidualBlock } from '../../../src/engine/layers/residualBlock';
import { createRng } from '../../../src/engine/rng';
import { tensor, type Tensor } from '../../../src/engine/tensor';

afterEach(() => {
  useLayerWasm(true);
});

/** Distinct values of mixed sign and size, with an offset so that |μ| ≫ σ in some channels. */
function values(shape: readonly number[], seed: number, offset = 0): Tensor {
  const rng = createRng(seed);
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal() * (1 + (i % 3)) + offset;
  return t;
}

/** The bits of every output, input gradient, parameter gradient and buffer after forward + backward. */
function run(make: () => Layer, x: Tensor, dy: Tensor, mode: Mode, wasm: boolean): Uint32Array[] {
  useLayerWasm(wasm);
  const layer = make();
  // Twice, so running statistics and accumulated gradients go through the loops more than once.
  const out: Uint32Array[] = [];
  for (let round = 0; round < 2; round++) {
    const y = layer.forward(x, mode);
    out.push(new Uint32Array(Float32Array.from(y.data).buffer));
    const dx = layer.backward(dy);
    out.push(new Uint32Array(Float32Array.from(dx.data).buffer));
  }
  for (const p of layer.params()) out.push(new Uint32Array(Float32Array.from(p.grad.data).buffer));
  for (const b of layer.buffers())
    out.push(new Uint32Array(Float32Array.from(b.value.data).buffer));
  return out;
}

function expectSameBits(make: () => Layer, x: Tensor, dy: Tensor, mode: Mode = 'train'): void {
  const js = run(make, x, dy, mode, false);
  const wasm = run(make, x, dy, mode, true);
  expect(wasm.length).toBe(js.length);
  wasm.forEach((bits, i) => expect(Array.from(bits)).toEqual(Array.from(js[i]!)));
}

describe('layerWasm: the layers\u2019 loops in the WebAssembly module', () => {
  it('is there in Node (so the layer tests below compare two paths)', () => {
    expect(layerWasm()).toBeDefined();
    expect(useLayerWasm(false)).toBe(true);
    expect(layerWasm()).toBeUndefined();
  });

  it('ReLU: the bits of the JavaScript loop, NaN, ±0, ±∞ and subnormals included, odd lengths', () => {
    const special = [NaN, -NaN, 0, -0, Infinity, -Infinity, 1e-45, -1e-45, 3, -3, 0.5];
    for (const n of [1, 3, 4, 11, 67]) {
      const x = values([n], n);
      const dy = values([n], n + 100);
      x.data.set(special.slice(0, Math.min(n, special.length)));
      expectSameBits(() => new ReLU(), x, dy);
    }
  });

  it('the residual sum and its gradient: the bits of the JavaScript loop', () => {
    const make = () =>
      new ResidualBlock({
        inChannels: 3,
        outChannels: 3,
        makeNorm: (c) => new BatchNorm2d(c),
        makeActivation: () => new ReLU(),
      });
    // The conv weights come from the layer's default zero init, so seed them the same way each time.
    const seeded = () => {
      const block = make();
      let seed = 7;
      for (const p of block.params()) p.value.data.set(values(p.value.shape, seed++).data);
      return block;
    };
    expectSameBits(seeded, values([2, 3, 5, 5], 1), values([2, 3, 5, 5], 2));
  });

  const norms: [string, () => BatchNorm, number[]][] = [
    ['BatchNorm2d, 14×14 planes', () => new BatchNorm2d(4), [6, 4, 14, 14]],
    ['BatchNorm2d, odd 3×3 planes (scalar tails)', () => new BatchNorm2d(3), [5, 3, 3, 3]],
    ['BatchNorm1d on [N, C] (one value a plane)', () => new BatchNorm1d(7), [9, 7]],
    [
      'BatchNorm2d, 9 channels (two groups of four and one)',
      () => new BatchNorm2d(9),
      [3, 9, 5, 5],
    ],
    ['BatchNorm1d on [N, C, L]', () => new BatchNorm1d(2), [4, 2, 5]],
    [
      'BatchNorm2d in ghost batches of 4 (the last of 2)',
      () => new BatchNorm2d(3, { ghostBatchSize: 4 }),
      [10, 3, 4, 4],
    ],
  ];
  for (const [name, make, shape] of norms) {
    it(`${name}: train and eval give the bits of the JavaScript loops`, () => {
      const withAffine = () => {
        const bn = make();
        bn.weight.value.data.set(values(bn.weight.value.shape, 3).data);
        bn.bias.value.data.set(values(bn.bias.value.shape, 4).data);
        zeroGrad(bn);
        return bn;
      };
      // An offset of 50 makes |μ| ≫ σ: the shifted sums matter there.
      const x = values(shape, 5, 50);
      const dy = values(shape, 6);
      expectSameBits(withAffine, x, dy, 'train');
      expectSameBits(withAffine, x, dy, 'eval');
    });
  }

  it('a convolution\u2019s bias gradient: the bits of the JavaScript loop, planes of 1 and of 25 values', () => {
    for (const [shape, padding] of [
      [[3, 3, 5, 5], 1], // 15 planes of 25: three groups of four and three alone
      [[2, 3, 3, 3], 0], // 3×3 kernel without padding on 3×3: planes of one value
    ] as const) {
      const seeded = () => {
        const conv = new Conv2d({ inChannels: 3, outChannels: 5, kernelSize: 3, padding });
        let seed = 11;
        for (const p of conv.params()) p.value.data.set(values(p.value.shape, seed++).data);
        return conv;
      };
      const out = padding === 1 ? [3, 5, 5, 5] : [2, 5, 1, 1];
      expectSameBits(seeded, values(shape, 12), values(out, 13, 3));
    }
  });

  it('copies only what it computes: the values around a ghost batch stay as they were', () => {
    // Through the layer: y of a batch normalised in two ghost batches equals each half alone.
    const x = values([8, 2, 3, 3], 9);
    const bn = new BatchNorm2d(2, { ghostBatchSize: 4 });
    const whole = Array.from(bn.forward(x, 'train').data);
    const half = x.data.length / 2;
    for (const part of [0, 1]) {
      const alone = new BatchNorm2d(2);
      const slice = tensor([4, 2, 3, 3], x.data.slice(part * half, (part + 1) * half));
      expect(Array.from(alone.forward(slice, 'train').data)).toEqual(
        whole.slice(part * half, (part + 1) * half),
      );
    }
  });
});
