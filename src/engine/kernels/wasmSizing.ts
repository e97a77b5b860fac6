import type { WasmSizing } from './wasmLayout';

/*
 * The SIMD module's sizes without instantiating it: the main thread plans runs (memoryPlan.ts) for
 * the worker's module, and loading that module there would put its bytes on the home page and cost
 * a compile. The formulas are assembly/microkernel.ts's `workspaceBytes`, assembly/conv.ts's
 * `convTableBytes` and assembly/index.ts's `scratchBase()`; test/engine/kernels/wasmSizing.test.ts
 * compares them with the real module, so an edit to assembly/ that changes a size fails there.
 */

/** assembly/microkernel.ts's blocking: MR×NR tiles, KC×NR and MC×KC packed blocks, NC columns. */
const MR = 4;
const NR = 8;
const KC = 256;
const MC = 64;
const NC = 2048;
/** Floats between consecutive packed slivers (assembly/microkernel.ts's SKEW). */
const SKEW = 16;
/** `scratchBase()`: the module's static data rounded up to 64 bytes. */
const SCRATCH_BASE = 1024;

const roundUp = (n: number, multiple: number): number => Math.ceil(n / multiple) * multiple;

export const SIMD_WASM_SIZING: WasmSizing = {
  base: SCRATCH_BASE,
  exports: {
    workspaceBytes(N) {
      const nc = Math.min(NC, roundUp(N, NR));
      return ((MC / MR) * (KC * MR + SKEW) + (nc / NR) * (KC * NR + SKEW) + MR * NR) * 4;
    },
    convTableBytes(channels, kernel, outHeight, outWidth) {
      return (kernel * kernel * outHeight * outWidth + 2 * channels * kernel * kernel) * 4;
    },
  },
};
