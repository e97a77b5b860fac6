import { describe, expect, it } from 'vitest';
import { engineWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import { SIMD_WASM_SIZING } from '../../../src/engine/kernels/wasmSizing';

describe('SIMD_WASM_SIZING', () => {
  const kernels = engineWasmKernels!;

  it('starts the scratch where the instantiated module says', () => {
    expect(SIMD_WASM_SIZING.base).toBe(kernels.exports.scratchBase());
  });

  it("gives the module's workspace size for every column count up to past the blocking", () => {
    for (let n = 0; n <= 4200; n++) {
      const expected = kernels.exports.workspaceBytes(n);
      if (SIMD_WASM_SIZING.exports.workspaceBytes(n) !== expected) {
        expect(SIMD_WASM_SIZING.exports.workspaceBytes(n), `N = ${n}`).toBe(expected);
      }
    }
    expect(SIMD_WASM_SIZING.exports.workspaceBytes(1_000_000)).toBe(
      kernels.exports.workspaceBytes(1_000_000),
    );
  });

  it("gives the module's convolution table size for the geometries the models use", () => {
    for (const channels of [1, 2, 3, 8, 16, 64, 128])
      for (const kernel of [1, 3, 5])
        for (const side of [1, 2, 7, 14, 28]) {
          expect(SIMD_WASM_SIZING.exports.convTableBytes(channels, kernel, side, side + 1)).toBe(
            kernels.exports.convTableBytes(channels, kernel, side, side + 1),
          );
        }
  });
});
