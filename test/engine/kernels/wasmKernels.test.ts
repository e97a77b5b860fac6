import { describe, expect, it } from 'vitest';
import { engineWasmKernels, loadWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import { createGemmWasm } from '../../../src/engine/kernels/gemmWasm';

describe('wasmKernels', () => {
  it('loads the SIMD module in Node, and the engine shares one instance', () => {
    const kernels = loadWasmKernels();
    expect(kernels).toBeDefined();
    expect(engineWasmKernels).toBeDefined();
    expect(kernels!.base % 64).toBe(0);
    expect(kernels!.base).toBeGreaterThan(0);
  });

  it('grows the memory on demand and remakes the view of it', () => {
    const kernels = loadWasmKernels()!;
    const before = kernels.heap(kernels.base);
    const bytes = before.byteLength + 3 * 65536 + 5;
    const after = kernels.heap(bytes);
    expect(after.byteLength).toBeGreaterThanOrEqual(bytes);
    expect(after.buffer).not.toBe(before.buffer);
    expect(kernels.heap(bytes)).toBe(after);
  });

  it('gives grown memory back on release, and computes as before with the fresh instance', () => {
    const kernels = loadWasmKernels()!;
    const fresh = kernels.exports.memory.buffer.byteLength;
    kernels.heap(fresh + 64 * 65536);
    expect(kernels.exports.memory.buffer.byteLength).toBeGreaterThan(fresh);
    kernels.release();
    expect(kernels.exports.memory.buffer.byteLength).toBe(fresh);
    const gemm = createGemmWasm(kernels);
    const A = Float32Array.from({ length: 6 }, (_, i) => i + 1); // [[1, 2, 3], [4, 5, 6]]
    const B = Float32Array.from({ length: 6 }, (_, i) => 6 - i); // [[6, 5], [4, 3], [2, 1]]
    const C = new Float32Array(4);
    const product = { transA: false, transB: false, M: 2, N: 2, K: 3, A, B, C, accumulate: false };
    gemm(product);
    kernels.heap(fresh + 8 * 65536);
    kernels.release();
    const again = new Float32Array(4);
    gemm({ ...product, C: again });
    expect([...C]).toEqual([20, 14, 56, 41]);
    expect([...again]).toEqual([...C]);
  });
});
