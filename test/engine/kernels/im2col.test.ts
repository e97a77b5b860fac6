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

// [kernel, stride, padding] on N=3, C=5, H=7, W=5 and on single pixels: "same" convolutions (stride 1,
// output as large as the input) take the span-copy fast path, the others the row-by-row path.
const CASES: ConvGeometry[] = [
  ...(
    [
      [3, 1, 1], // same
      [1, 1, 0], // same
      [5, 1, 2], // same
      [3, 2, 1],
      [2, 3, 0],
      [3, 1, 2],
      [1, 2, 0],
      [3, 1, 0],
    ] as const
  ).map(([k, s, p]) => geometry(3, 5, 7, 5, k, s, p)),
  geometry(1, 1, 1, 1, 3, 1, 1), // same, the whole window but the centre is padding
  geometry(1, 2, 2, 1, 3, 1, 1), // same, one-pixel-wide plane
  geometry(2, 1, 1, 3, 5, 1, 2), // same, padding wider than the image is tall
];

const describeCase = (g: ConvGeometry) =>
  `N=${g.batch} C=${g.channels} H=${g.height} W=${g.width} k=${g.kernel} s=${g.stride} p=${g.padding}`;

/**
 * Walks cols in order straight from the definition: `visit(at, pixel)` for its entry `at`, which reads
 * input entry `pixel`, or -1 where the window lies in the zero padding.
 */
function forEachColsEntry(g: ConvGeometry, visit: (at: number, pixel: number) => void): void {
  const { batch, channels, height, width, kernel, stride, padding, outHeight, outWidth } = g;
  let at = 0;
  for (let c = 0; c < channels; c++)
    for (let i = 0; i < kernel; i++)
      for (let j = 0; j < kernel; j++)
        for (let n = 0; n < batch; n++)
          for (let oh = 0; oh < outHeight; oh++)
            for (let ow = 0; ow < outWidth; ow++) {
              const ih = oh * stride - padding + i;
              const iw = ow * stride - padding + j;
              const inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
              visit(at++, inside ? ((n * channels + c) * height + ih) * width + iw : -1);
            }
}

/** cols straight from the definition, one entry at a time. */
function referenceIm2col(x: Float32Array, g: ConvGeometry): Float32Array {
  const { batch, channels, kernel, outHeight, outWidth } = g;
  const cols = new Float32Array(channels * kernel * kernel * batch * outHeight * outWidth);
  forEachColsEntry(g, (at, pixel) => {
    cols[at] = pixel < 0 ? 0 : x[pixel]!;
  });
  return cols;
}

/** dx[pixel] = Σ of the cols entries read from that pixel (float64 sums). */
function referenceCol2im(cols: Float32Array, g: ConvGeometry): Float64Array {
  const dx = new Float64Array(g.batch * g.channels * g.height * g.width);
  forEachColsEntry(g, (at, pixel) => {
    if (pixel >= 0) dx[pixel]! += cols[at]!;
  });
  return dx;
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

  it('matches a pixel-by-pixel reference on both paths, for odd and tiny shapes', () => {
    for (const g of CASES) {
      const x = randomTensor([g.batch * g.channels * g.height * g.width], 1).data;
      const rows = g.channels * g.kernel * g.kernel;
      const columns = g.batch * g.outHeight * g.outWidth;
      const cols = new Float32Array(rows * columns).fill(NaN);
      im2col(x, g, cols);
      expect(Array.from(cols), describeCase(g)).toEqual(Array.from(referenceIm2col(x, g)));

      const c = randomTensor([rows * columns], 2).data;
      const want = referenceCol2im(c, g);
      const dx = new Float32Array(x.length).fill(NaN);
      col2im(Float32Array.from(c), g, dx);
      want.forEach((w, i) => expect(dx[i], describeCase(g)).toBeCloseTo(w, 5));
    }
  });

  it('col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)>', () => {
    for (const g of CASES) {
      const rows = g.channels * g.kernel * g.kernel;
      const columns = g.batch * g.outHeight * g.outWidth;
      const x = randomTensor([g.batch * g.channels * g.height * g.width], 3).data;
      const c = randomTensor([rows * columns], 4).data;
      const cols = new Float32Array(rows * columns);
      im2col(x, g, cols);
      const dx = new Float32Array(x.length);
      col2im(Float32Array.from(c), g, dx);
      let left = 0;
      let right = 0;
      for (let i = 0; i < cols.length; i++) left += cols[i]! * c[i]!;
      for (let i = 0; i < x.length; i++) right += x[i]! * dx[i]!;
      expect(Math.abs(left - right), describeCase(g)).toBeLessThan(1e-3 * (1 + Math.abs(left)));
    }
  });

  it('convOutputSize floors like PyTorch', () => {
    expect(convOutputSize(6, 3, 2, 1)).toBe(3); // floor(5 / 2) + 1
    expect(convOutputSize(7, 3, 2, 0)).toBe(3); // floor(4 / 2) + 1
    expect(convOutputSize(2, 3, 1, 0)).toBe(0); // kernel larger than the input
  });
});
