import { describe, expect, it } from 'vitest';
import {
  col2im,
  convOutputSize,
  im2col,
  type ConvGeometry,
} from '../../../src/engine/kernels/im2col';
import { randomTensor } from '../../helpers/gradcheck';

function geometry(
  batch: number,
  channels: number,
  height: number,
  width: number,
  kernel: number,
  stride: number,
  padding: number,
): ConvGeometry {
  return {
    batch,
    channels,
    height,
    width,
    kernel,
    stride,
    padding,
    outHeight: convOutputSize(height, kernel, stride, padding),
    outWidth: convOutputSize(width, kernel, stride, padding),
  };
}

describe('im2col', () => {
  it('lays out each kernel offset as a row, with zeros in the padding', () => {
    // x = [[1,2],[3,4]], 2×2 kernel, padding 1 → 3×3 output positions per kernel offset.
    const g = geometry(1, 1, 2, 2, 2, 1, 1);
    const cols = new Float32Array(4 * 9).fill(NaN);
    im2col(Float32Array.from([1, 2, 3, 4]), g, cols);
    // row (i, j) holds x[oh - 1 + i, ow - 1 + j] for oh, ow in 0..2
    expect(Array.from(cols)).toEqual([
      ...[0, 0, 0, 0, 1, 2, 0, 3, 4], // (0,0)
      ...[0, 0, 0, 1, 2, 0, 3, 4, 0], // (0,1)
      ...[0, 1, 2, 0, 3, 4, 0, 0, 0], // (1,0)
      ...[1, 2, 0, 3, 4, 0, 0, 0, 0], // (1,1)
    ]);
  });

  it('puts the samples of a batch side by side in each row', () => {
    // two 1×1×2×2 samples, 1×1 kernel: each row is [sample 0 pixels, sample 1 pixels] per channel
    const g = geometry(2, 2, 1, 2, 1, 1, 0);
    const cols = new Float32Array(2 * 4);
    im2col(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), g, cols);
    // x[n=0] = c0 [1,2], c1 [3,4]; x[n=1] = c0 [5,6], c1 [7,8]
    expect(Array.from(cols)).toEqual([1, 2, 5, 6, 3, 4, 7, 8]);
  });

  it('col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)> on odd shapes', () => {
    for (const [kernel, stride, padding] of [
      [3, 2, 1],
      [2, 3, 0],
      [3, 1, 2],
      [1, 2, 0],
    ] as const) {
      const g = geometry(3, 5, 7, 5, kernel, stride, padding);
      const rows = 5 * kernel * kernel;
      const columns = 3 * g.outHeight * g.outWidth;
      const x = randomTensor([3 * 5 * 7 * 5], 1).data;
      const c = randomTensor([rows * columns], 2).data;
      const cols = new Float32Array(rows * columns);
      im2col(x, g, cols);
      const dx = new Float32Array(x.length).fill(NaN);
      col2im(c, g, dx);
      let left = 0;
      let right = 0;
      for (let i = 0; i < cols.length; i++) left += cols[i]! * c[i]!;
      for (let i = 0; i < x.length; i++) right += x[i]! * dx[i]!;
      expect(Math.abs(left - right)).toBeLessThan(1e-3 * (1 + Math.abs(left)));
    }
  });

  it('convOutputSize floors like PyTorch', () => {
    expect(convOutputSize(6, 3, 2, 1)).toBe(3); // floor(5 / 2) + 1
    expect(convOutputSize(7, 3, 2, 0)).toBe(3); // floor(4 / 2) + 1
    expect(convOutputSize(2, 3, 1, 0)).toBe(0); // kernel larger than the input
  });
});
