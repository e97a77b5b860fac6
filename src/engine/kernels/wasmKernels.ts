import { decodeBase64 } from './base64';
import { wasmKernelsBase64 } from './wasmKernels.generated';
import { WASM_PAGE_BYTES } from './wasmLayout';

/** The exports of assembly/index.ts (see assembly/gemm.ts, assembly/conv.ts and assembly/convPadded.ts for the algorithms). */
export interface WasmKernelExports {
  memory: WebAssembly.Memory;
  scratchBase(): number;
  workspaceBytes(N: number): number;
  sgemm(
    transA: number,
    transB: number,
    M: number,
    N: number,
    K: number,
    a: number,
    b: number,
    c: number,
    accumulate: number,
    work: number,
  ): void;
  convTableBytes(channels: number, kernel: number, outHeight: number, outWidth: number): number;
  convSetup(
    batch: number,
    channels: number,
    height: number,
    width: number,
    kernel: number,
    stride: number,
    padding: number,
    outHeight: number,
    outWidth: number,
    table: number,
  ): void;
  convForward(
    x: number,
    w: number,
    bias: number,
    y: number,
    outChannels: number,
    work: number,
  ): void;
  convWeightGrad(dy: number, x: number, dw: number, outChannels: number, work: number): void;
  convPaddedSetup(
    batch: number,
    channels: number,
    height: number,
    width: number,
    kernel: number,
    padding: number,
    outHeight: number,
    outWidth: number,
  ): void;
  convPaddedForward(
    x: number,
    xp: number,
    taps: number,
    w: number,
    bias: number,
    y: number,
    outChannels: number,
    work: number,
  ): void;
  convPaddedWeightGrad(
    dy: number,
    x: number,
    xp: number,
    taps: number,
    positions: number,
    dyp: number,
    dw: number,
    outChannels: number,
    tile: number,
  ): void;
  // The layers' loops (assembly/eltwise.ts, called by src/engine/layers/layerWasm.ts).
  reluForward(x: number, n: number): void;
  reluBackward(x: number, g: number, n: number): void;
  addInPlace(a: number, b: number, n: number): void;
  channelSums(x: number, from: number, to: number, c: number, s: number, sums: number): void;
  channelGradientSums(
    x: number,
    dy: number,
    from: number,
    to: number,
    c: number,
    s: number,
    mean: number,
    sums: number,
  ): void;
  planeSums(v: number, planes: number, s: number, sums: number): void;
  channelAffine(
    x: number,
    y: number,
    from: number,
    to: number,
    c: number,
    s: number,
    co: number,
  ): void;
  channelGradient(
    x: number,
    dy: number,
    from: number,
    to: number,
    c: number,
    s: number,
    co: number,
  ): void;
  // The optimizers' updates (assembly/optim.ts, called by src/engine/optim/optimWasm.ts).
  sgdUpdate(
    p: number,
    g: number,
    b: number,
    n: number,
    lr: number,
    wd: number,
    momentum: number,
    keep: number,
    mode: number,
    nesterov: number,
  ): void;
  adamUpdate(
    p: number,
    g: number,
    m: number,
    v: number,
    n: number,
    decay: number,
    l2: number,
    beta1: number,
    c1: number,
    beta2: number,
    c2: number,
    stepSize: number,
    bc2Sqrt: number,
    eps: number,
  ): void;
}

/** The module plus a float view of its memory that stays valid across `memory.grow`. */
export interface WasmKernels {
  readonly exports: WasmKernelExports;
  /** First byte callers may lay out operands from (below it is the module's own data). */
  readonly base: number;
  /** Grows the memory to at least `bytes` and returns the (possibly remade) view of all of it. */
  heap(bytes: number): Float32Array;
  /**
   * Gives back memory an earlier, larger computation grew: WebAssembly memory never shrinks, so the
   * module is instantiated afresh (compiled once; nothing lives in its memory between calls, every
   * call copies its operands in and its result out). A new run calls it, so a worker that trained a
   * big network first does not hold that memory against a small one.
   */
  release(): void;
}

const FUNCTIONS = [
  'scratchBase',
  'workspaceBytes',
  'sgemm',
  'convTableBytes',
  'convSetup',
  'convForward',
  'convWeightGrad',
  'convPaddedSetup',
  'convPaddedForward',
  'convPaddedWeightGrad',
  'reluForward',
  'reluBackward',
  'addInPlace',
  'channelSums',
  'channelGradientSums',
  'planeSums',
  'channelAffine',
  'channelGradient',
  'sgdUpdate',
  'adamUpdate',
] as const;

/**
 * Instantiates the SIMD module, or returns undefined where WebAssembly or its SIMD proposal is
 * missing (the callers then fall back to pure JavaScript). Synchronous on purpose: the engine must be
 * usable the moment it is imported, in Node and in the worker. (Chrome refuses synchronous
 * compilation on the main thread only above a size limit, 8 MB today; the module is about 7 KB.)
 */
export function loadWasmKernels(): WasmKernels | undefined {
  if (typeof WebAssembly === 'undefined') return undefined;
  const bytes = decodeBase64(wasmKernelsBase64);
  if (!WebAssembly.validate(bytes)) return undefined;
  const compiled = new WebAssembly.Module(bytes);
  let current = instantiate(compiled);
  const fresh = current.memory.buffer.byteLength;
  let view = new Float32Array(current.memory.buffer);
  return {
    get exports() {
      return current.exports;
    },
    base: current.exports.scratchBase(),
    heap(bytes) {
      const { memory } = current;
      if (bytes > memory.buffer.byteLength) {
        memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / WASM_PAGE_BYTES));
      }
      // Growing detaches the old ArrayBuffer, so the view must be remade.
      if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
      return view;
    },
    release() {
      if (current.memory.buffer.byteLength <= fresh) return;
      current = instantiate(compiled);
      view = new Float32Array(current.memory.buffer);
    },
  };
}

function instantiate(compiled: WebAssembly.Module): {
  exports: WasmKernelExports;
  memory: WebAssembly.Memory;
} {
  const { exports } = new WebAssembly.Instance(compiled, {});
  const memory = exports['memory'];
  if (!(memory instanceof WebAssembly.Memory)) {
    throw new Error('wasmKernels: module exports no memory');
  }
  for (const name of FUNCTIONS) {
    if (typeof exports[name] !== 'function') {
      throw new Error(`wasmKernels: module does not export ${name}()`);
    }
  }
  return { exports: exports as unknown as WasmKernelExports, memory };
}

function loadOnce(): WasmKernels | undefined {
  try {
    return loadWasmKernels();
  } catch {
    // A host that validates the module but cannot instantiate it (e.g. a memory limit): use JS.
    return undefined;
  }
}

/** The one instance the engine's gemm and convolutions share, or undefined without WebAssembly SIMD. */
export const engineWasmKernels: WasmKernels | undefined = loadOnce();
