import { decodeBase64 } from './base64';
import { gemmWasmBase64 } from './gemmWasm.generated';
import { checkGemmArgs, type Gemm } from './gemmReference';

/** The exports of assembly/gemm.ts (see there for the algorithm). */
interface GemmModule {
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
}

function exportedFunction(exports: WebAssembly.Exports, name: string): CallableFunction {
  const value = exports[name];
  if (typeof value !== 'function') throw new Error(`gemmWasm: module does not export ${name}()`);
  return value;
}

/**
 * Instantiates the SIMD gemm module, or returns undefined where WebAssembly or its SIMD proposal is
 * missing (the caller then falls back to pure JavaScript). Synchronous on purpose: the engine must be
 * usable the moment it is imported, in Node and in the worker. (Chrome refuses synchronous
 * compilation of modules over 4 KB on the main thread, not in workers; ours is under 3 KB.)
 */
export function loadGemmModule(): GemmModule | undefined {
  if (typeof WebAssembly === 'undefined') return undefined;
  const bytes = decodeBase64(gemmWasmBase64);
  if (!WebAssembly.validate(bytes)) return undefined;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const memory = exports['memory'];
  if (!(memory instanceof WebAssembly.Memory))
    throw new Error('gemmWasm: module exports no memory');
  return {
    memory,
    scratchBase: exportedFunction(exports, 'scratchBase') as GemmModule['scratchBase'],
    workspaceBytes: exportedFunction(exports, 'workspaceBytes') as GemmModule['workspaceBytes'],
    sgemm: exportedFunction(exports, 'sgemm') as GemmModule['sgemm'],
  };
}

const PAGE_BYTES = 65536;
const align64 = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/**
 * A `Gemm` on a WebAssembly SIMD module: copies A, B (and C when accumulating) into the module's
 * memory, multiplies there and copies C back. The copies are O(n²) against O(n³) arithmetic.
 */
export function createGemmWasm(module: GemmModule): Gemm {
  const { memory, sgemm } = module;
  const base = module.scratchBase();
  let heap = new Float32Array(memory.buffer);

  const ensureBytes = (bytes: number): void => {
    if (bytes > memory.buffer.byteLength) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
    }
    // Growing detaches the old ArrayBuffer, so the view must be remade.
    if (heap.buffer !== memory.buffer) heap = new Float32Array(memory.buffer);
  };

  return (args) => {
    checkGemmArgs(args, 'gemm');
    const { transA, transB, M, N, K, A, B, C, accumulate } = args;
    if (M === 0 || N === 0) return;
    const sizeA = M * K;
    const sizeB = K * N;
    const sizeC = M * N;
    const offA = base;
    const offB = offA + align64(sizeA * 4);
    const offC = offB + align64(sizeB * 4);
    const work = offC + align64(sizeC * 4);
    ensureBytes(work + module.workspaceBytes(N));

    heap.set(A.length === sizeA ? A : A.subarray(0, sizeA), offA >> 2);
    heap.set(B.length === sizeB ? B : B.subarray(0, sizeB), offB >> 2);
    if (accumulate) heap.set(C.length === sizeC ? C : C.subarray(0, sizeC), offC >> 2);
    sgemm(transA ? 1 : 0, transB ? 1 : 0, M, N, K, offA, offB, offC, accumulate ? 1 : 0, work);
    C.set(heap.subarray(offC >> 2, (offC >> 2) + sizeC));
  };
}
