import { describe, expect, it } from 'vitest';
import { downsample2x } from '../../../src/engine/data/downsample';

describe('downsample2x', () => {
  it('averages each 2×2 block and rounds half up', () => {
    // 4×4 image, blocks (row-major):
    //   [0 1; 4 5]       sum 10 → 2.5  → 3
    //   [2 3; 6 7]       sum 18 → 4.5  → 5
    //   [8 9; 12 13]     sum 42 → 10.5 → 11
    //   [255 254; 1 0]   sum 510 → 127.5 → 128
    const pixels = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 254, 12, 13, 1, 0]);
    expect(Array.from(downsample2x(pixels, 1, 4, 4))).toEqual([3, 5, 11, 128]);
  });

  it('rounds quarter remainders to the nearest integer', () => {
    // 2×6 image, rows [1 0 0 0 255 255] and [1 1 1 0 255 253]; blocks:
    //   [1 0; 1 1]           sum 3    → 0.75  → 1
    //   [0 0; 1 0]           sum 1    → 0.25  → 0
    //   [255 255; 255 253]   sum 1018 → 254.5 → 255
    const pixels = Uint8Array.from([1, 0, 0, 0, 255, 255, 1, 1, 1, 0, 255, 253]);
    expect(Array.from(downsample2x(pixels, 1, 2, 6))).toEqual([1, 0, 255]);
  });

  it('handles several images independently', () => {
    const pixels = Uint8Array.from([4, 4, 4, 4, 100, 0, 0, 0]);
    expect(Array.from(downsample2x(pixels, 2, 2, 2))).toEqual([4, 25]);
  });

  it('rejects odd sizes and mismatched lengths', () => {
    expect(() => downsample2x(new Uint8Array(6), 1, 3, 2)).toThrow(/must be even, got 3×2/);
    expect(() => downsample2x(new Uint8Array(5), 1, 2, 2)).toThrow(/need 4 bytes, got 5/);
  });
});
