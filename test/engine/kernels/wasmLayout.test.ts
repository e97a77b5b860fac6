import { describe, expect, it } from 'vitest';
import type { ConvGeometry } from '../../../src/engine/kernels/im2col';
import {
  convForwardBytes,
  convForwardLayout,
  convPaddedForwardLayout,
  convPaddedWeightGradientLayout,
  convSizes,
  convWeightGradientBytes,
  convWeightGradientLayout,
  gemmLayout,
  WasmLayout,
  type WasmSizing,
} from '../../../src/engine/kernels/wasmLayout';

/** A module whose sizes are easy to follow: scratch from byte 1000, workspaces of 8 bytes a column. */
const sizing: WasmSizing = {
  base: 1000,
  exports: {
    workspaceBytes: (N) => 8 * N,
    convTableBytes: (channels, kernel, outHeight, outWidth) =>
      4 * channels * kernel * kernel + 4 * outHeight * outWidth,
  },
};

/** Operands as [start, bytes], in the order they are laid out. */
function expectDisjointAndAligned(regions: [number, number][], end: number): void {
  let previousEnd = sizing.base;
  for (const [start, bytes] of regions) {
    expect(start % 64).toBe(0);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = start + bytes;
  }
  expect(end).toBeGreaterThanOrEqual(previousEnd);
}

describe('WasmLayout', () => {
  it('lays operands out one after another on 64-byte boundaries', () => {
    const layout = new WasmLayout(100);
    expect(layout.take(4)).toBe(128);
    expect(layout.take(65)).toBe(192);
    expect(layout.take(0)).toBe(320);
    expect(layout.end).toBe(320);
  });
});

describe('gemmLayout', () => {
  it('puts A, B, C and the workspace after the module data, apart and aligned', () => {
    const [M, N, K] = [5, 7, 3];
    const { offA, offB, offC, work, end } = gemmLayout(sizing, M, N, K);
    expectDisjointAndAligned(
      [
        [offA, M * K * 4],
        [offB, K * N * 4],
        [offC, M * N * 4],
        [work, 8 * N],
      ],
      end,
    );
  });
});

describe('convolution layouts', () => {
  const g: ConvGeometry = {
    batch: 2,
    channels: 3,
    height: 6,
    width: 5,
    kernel: 3,
    stride: 1,
    padding: 1,
    outHeight: 6,
    outWidth: 5,
  };
  const outChannels = 4;
  const sizes = convSizes(g, outChannels);

  it('counts the floats of x, W and y', () => {
    expect(sizes).toEqual({ x: 2 * 3 * 6 * 5, w: 4 * 3 * 3 * 3, y: 2 * 4 * 6 * 5 });
  });

  it('keeps a guard band before and after x, and no operand overlaps another', () => {
    const forward = convForwardLayout(sizing, g, outChannels, true);
    const table = sizing.exports.convTableBytes(3, 3, 6, 5);
    expect(forward.offX - (forward.table + table)).toBeGreaterThan(0);
    expectDisjointAndAligned(
      [
        [forward.table, table],
        [forward.offX, sizes.x * 4],
        [forward.offW, sizes.w * 4],
        [forward.offBias, outChannels * 4],
        [forward.offY, sizes.y * 4],
        [forward.work, 8 * 2 * 6 * 5],
      ],
      forward.end,
    );
    // The band after x: W starts past it, not right at x's end.
    expect(forward.offW - (forward.offX + sizes.x * 4)).toBeGreaterThan(0);
  });

  it('lays out the weight gradient apart and aligned, and leaves out the bias when there is none', () => {
    const backward = convWeightGradientLayout(sizing, g, outChannels);
    expectDisjointAndAligned(
      [
        [backward.offX, sizes.x * 4],
        [backward.offDy, sizes.y * 4],
        [backward.offDw, sizes.w * 4],
        [backward.work, 8 * 3 * 3 * 3],
      ],
      backward.end,
    );
    expect(convForwardLayout(sizing, g, outChannels, false).offBias).toBe(0);
  });
});

describe('padded (stride-1) convolution layouts', () => {
  const g: ConvGeometry = {
    batch: 2,
    channels: 3,
    height: 6,
    width: 5,
    kernel: 3,
    stride: 1,
    padding: 1,
    outHeight: 6,
    outWidth: 5,
  };
  const outChannels = 11;
  const sizes = convSizes(g, outChannels);
  // 2·3 planes of 8×7 padded floats, then k + 8 floats the last tiles may read past them.
  const paddedBytes = (2 * 3 * 8 * 7 + 3 + 8) * 4;
  const depth = 2 * 6 * 5;

  it('gives x, its padded copy with the guard, the tap table, W, the bias, y and the workspace their own room', () => {
    const forward = convPaddedForwardLayout(sizing, g, outChannels, true);
    expectDisjointAndAligned(
      [
        [forward.offX, sizes.x * 4],
        [forward.offXp, paddedBytes],
        [forward.taps, 3 * 3 * 3 * 4],
        [forward.offW, sizes.w * 4],
        [forward.offBias, outChannels * 4],
        [forward.offY, sizes.y * 4],
        [forward.work, sizing.exports.workspaceBytes(1)],
      ],
      forward.end,
    );
    expect(convPaddedForwardLayout(sizing, g, outChannels, false).offBias).toBe(0);
  });

  it('gives the weight gradient a position table and dY packed in slivers of 8 channels (11 → 16)', () => {
    const backward = convPaddedWeightGradientLayout(sizing, g, outChannels);
    expectDisjointAndAligned(
      [
        [backward.offX, sizes.x * 4],
        [backward.offXp, paddedBytes],
        [backward.taps, 3 * 3 * 3 * 4],
        [backward.positions, depth * 4],
        [backward.offDy, sizes.y * 4],
        [backward.offDyp, 16 * depth * 4],
        [backward.offDw, sizes.w * 4],
        [backward.tile, 4 * 8 * 4],
      ],
      backward.end,
    );
  });

  it('sizes stride 1 by the padded layouts and other strides by the table-driven ones', () => {
    expect(convForwardBytes(sizing, g, outChannels, true)).toBe(
      convPaddedForwardLayout(sizing, g, outChannels, true).end,
    );
    expect(convWeightGradientBytes(sizing, g, outChannels)).toBe(
      convPaddedWeightGradientLayout(sizing, g, outChannels).end,
    );
    const strided: ConvGeometry = { ...g, stride: 2, outHeight: 3, outWidth: 3 };
    expect(convForwardBytes(sizing, strided, outChannels, false)).toBe(
      convForwardLayout(sizing, strided, outChannels, false).end,
    );
    expect(convWeightGradientBytes(sizing, strided, outChannels)).toBe(
      convWeightGradientLayout(sizing, strided, outChannels).end,
    );
  });
});
