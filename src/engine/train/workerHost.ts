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
