import { describe, expect, it } from 'vitest';
import { engineWasmKernels, loadWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import { WasmLayout } from '../../../src/engine/kernels/wasmLayout';

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

  it('lays operands out one after another on 64-byte boundaries', () => {
    const layout = new WasmLayout(100);
    expect(layout.take(4)).toBe(128);
    expect(layout.take(65)).toBe(192);
    expect(layout.take(0)).toBe(320);
    expect(layout.end).toBe(320);
  });
});
