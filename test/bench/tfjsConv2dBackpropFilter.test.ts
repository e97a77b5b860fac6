import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useTfjsBackend } from '../../bench/tfjsBackends';
import { createRng } from '../../src/engine/rng';

type Pad = 'same' | 'valid' | number | [[0, 0], [number, number], [number, number], [0, 0]];

function randomValues(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/** dW on `backend` through the kernel registry, as tfjs's Conv2D gradient calls it. */
async function filterGradient(
  backend: 'cpu' | 'wasm',
  xShape: [number, number, number, number],
  dyShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  pad: Pad,
): Promise<{ shape: number[]; values: Float32Array }> {
  await useTfjsBackend(backend);
  const x = tf.tensor4d(
    randomValues(
      xShape.reduce((a, b) => a * b),
      1,
    ),
    xShape,
  );
  const dy = tf.tensor4d(
    randomValues(
      dyShape.reduce((a, b) => a * b),
      2,
    ),
    dyShape,
  );
  const dW = tf
    .engine()
    .runKernel(
      tf.Conv2DBackpropFilter,
      { x, dy },
      { strides: [1, 1], pad, dataFormat: 'NHWC', filterShape },
    ) as tf.Tensor;
  const result = { shape: dW.shape, values: dW.dataSync().slice() as Float32Array };
  tf.dispose([x, dy, dW]);
  return result;
}

describe('tfjs-wasm Conv2DBackpropFilter (bench)', () => {
  // N = 3, H = 7, W = 5, Ci = 4, Co = 6: every dimension distinct, so a wrong transpose shows.
  const cases: [string, [number, number, number, number], Pad, [number, number, number, number]][] =
    [
      ["3×3, 'same'", [3, 7, 5, 6], 'same', [3, 3, 4, 6]],
      ["3×3, 'valid'", [3, 5, 3, 6], 'valid', [3, 3, 4, 6]],
      [
        '5×3, explicit asymmetric padding',
        [3, 5, 5, 6],
        [
          [0, 0],
          [1, 1],
          [0, 2],
          [0, 0],
        ],
        [5, 3, 4, 6],
      ],
      ['1×1, no padding', [3, 7, 5, 6], 0, [1, 1, 4, 6]],
    ];
  for (const [name, dyShape, pad, filterShape] of cases) {
    it(`matches tfjs-cpu's kernel: ${name}`, async () => {
      const cpu = await filterGradient('cpu', [3, 7, 5, 4], dyShape, filterShape, pad);
      const wasm = await filterGradient('wasm', [3, 7, 5, 4], dyShape, filterShape, pad);
      expect(wasm.shape).toEqual(filterShape);
      expect(cpu.shape).toEqual(filterShape);
      for (let i = 0; i < cpu.values.length; i++) {
        expect(Math.abs(wasm.values[i]! - cpu.values[i]!)).toBeLessThanOrEqual(
          1e-4 * (1 + Math.abs(cpu.values[i]!)),
        );
      }
    });
  }

  it('refuses strides other than 1 with a clear error', async () => {
    await useTfjsBackend('wasm');
    const x = tf.zeros([1, 4, 4, 1]);
    const dy = tf.zeros([1, 2, 2, 1]);
    expect(() =>
      tf
        .engine()
        .runKernel(
          tf.Conv2DBackpropFilter,
          { x, dy },
          { strides: [2, 2], pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1] },
        ),
    ).toThrow('Conv2DBackpropFilter (wasm): only stride 1 is supported, got 2,2');
    tf.dispose([x, dy]);
  });
});
