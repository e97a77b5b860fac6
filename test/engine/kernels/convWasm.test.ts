import { afterEach, describe, expect, it } from 'vitest';
import {
  engineConvWasm,
  implicitConv,
  setImplicitConv,
} from '../../../src/engine/kernels/convWasm';
import { Conv2d, type Conv2dOptions } from '../../../src/engine/layers/conv2d';
import { randomTensor } from '../../helpers/gradcheck';

interface Case {
  readonly name: string;
  readonly options: Conv2dOptions;
  /** NCHW input shape. */
  readonly input: readonly [number, number, number, number];
}

// Each case aims at an edge of assembly/conv.ts (stride 2 and 3) or assembly/convPadded.ts (stride
// 1, every other case): planes whose size is not a multiple of 4 (vectors and tiles straddling two
// samples or two rows), rows narrower than a vector (copied float by float into the padded input),
// output channels not a multiple of 4 or 8 (ragged tile rows, zero lanes of dY's 8-channel slivers),
// C·k·k above KC = 256 (several depth blocks, bias added after the last) and not a multiple of 4 or 8
// (ragged slivers, the weight gradient's last taps), N·OH·OW above NC = 2048 (several column panels),
// and the geometries that gather lane by lane (stride 2, no padding, padding wider than "same").
const CASES: readonly Case[] = [
  {
    name: 'cnn-res 3×3 same',
    options: { inChannels: 16, outChannels: 16, kernelSize: 3, padding: 1 },
    input: [4, 16, 14, 14],
  },
  {
    name: 'stem, 1 input channel',
    options: { inChannels: 1, outChannels: 16, kernelSize: 3, padding: 1 },
    input: [5, 1, 14, 14],
  },
  {
    name: 'odd plane, ragged rows',
    options: { inChannels: 3, outChannels: 5, kernelSize: 3, padding: 1 },
    input: [3, 3, 7, 5],
  },
  {
    name: 'two depth blocks',
    options: { inChannels: 33, outChannels: 6, kernelSize: 3, padding: 1, bias: false },
    input: [2, 33, 6, 6],
  },
  {
    name: 'two column panels',
    options: { inChannels: 2, outChannels: 4, kernelSize: 3, padding: 1 },
    input: [3, 2, 30, 29],
  },
  {
    name: 'rows narrower than a vector, 11 output channels',
    options: { inChannels: 3, outChannels: 11, kernelSize: 3, padding: 1 },
    input: [3, 3, 6, 3],
  },
  {
    name: 'one-pixel-wide planes',
    options: { inChannels: 2, outChannels: 9, kernelSize: 3, padding: 1, bias: false },
    input: [5, 2, 7, 1],
  },
  { name: '1×1', options: { inChannels: 7, outChannels: 9, kernelSize: 1 }, input: [2, 7, 5, 5] },
  {
    name: '5×5 same',
    options: { inChannels: 2, outChannels: 3, kernelSize: 5, padding: 2 },
    input: [2, 2, 9, 8],
  },
  {
    name: 'valid 3×3',
    options: { inChannels: 4, outChannels: 4, kernelSize: 3 },
    input: [3, 4, 7, 6],
  },
  {
    name: 'stride 2',
    options: { inChannels: 5, outChannels: 4, kernelSize: 3, stride: 2, padding: 1 },
    input: [3, 5, 7, 5],
  },
  {
    name: 'stride 3, wide padding',
    options: { inChannels: 2, outChannels: 3, kernelSize: 2, stride: 3, padding: 1 },
    input: [2, 2, 8, 7],
  },
  {
    name: 'padding past k − 1',
    options: { inChannels: 2, outChannels: 3, kernelSize: 2, padding: 2 },
    input: [2, 2, 5, 4],
  },
];

/** Forward and backward of one Conv2d, from fixed weights, input and output gradient. */
function run(c: Case, implicit: boolean): Record<'y' | 'dx' | 'dw' | 'db', number[]> {
  const previous = setImplicitConv(implicit);
  try {
    const layer = new Conv2d(c.options);
    layer.weight.value.data.set(randomTensor(layer.weight.value.shape, 1, 0.3).data);
    if (layer.bias) layer.bias.value.data.set(randomTensor(layer.bias.value.shape, 2).data);
    // Gradients accumulate: start from a non-zero dW to check that the kernel adds to it.
    layer.weight.grad.data.set(randomTensor(layer.weight.grad.shape, 3).data);
    const y = layer.forward(randomTensor(c.input, 4), 'train');
    const dx = layer.backward(randomTensor(y.shape, 5));
    return {
      y: Array.from(y.data),
      dx: Array.from(dx.data),
      dw: Array.from(layer.weight.grad.data),
      db: Array.from(layer.bias?.grad.data ?? []),
    };
  } finally {
    setImplicitConv(previous);
  }
}

describe('convWasm (implicit GEMM)', () => {
  afterEach(() => {
    setImplicitConv(true);
  });

  it('is what Conv2d uses by default in Node, and can be switched off', () => {
    expect(engineConvWasm).toBeDefined();
    expect(implicitConv()).toBe(engineConvWasm);
    expect(setImplicitConv(false)).toBe(true);
    expect(implicitConv()).toBeUndefined();
  });

  for (const c of CASES) {
    it(`gives the same bits as im2col + gemm: ${c.name}`, () => {
      const implicit = run(c, true);
      const explicit = run(c, false);
      expect(implicit.y.some((v) => v !== 0)).toBe(true);
      expect(implicit).toEqual(explicit);
    });
  }
});
