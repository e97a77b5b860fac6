import { implicitConv } from '../kernels/convWasm';
import { engineWasmKernels } from '../kernels/wasmKernels';
import type { RunHost } from './memoryPlan';

/** This thread as a run's host: the kernels it really has and the wasm memory earlier runs grew. */
export function thisWorker(): RunHost {
  return {
    wasm: engineWasmKernels,
    implicitConv: implicitConv() !== undefined,
    heldWasm: engineWasmKernels?.exports.memory.buffer.byteLength ?? 0,
  };
}

/**
 * Gives back the wasm memory earlier runs of this thread grew (it never shrinks on its own): a new
 * run then plans, and holds, only what it needs itself, as in a fresh worker.
 */
export function releaseWasmMemory(): void {
  engineWasmKernels?.release();
}
