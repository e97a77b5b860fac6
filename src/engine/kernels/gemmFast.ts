import { gemmBlocked } from './gemmBlocked';
import type { Gemm } from './gemmReference';
import { createGemmWasm } from './gemmWasm';
import { engineWasmKernels } from './wasmKernels';

export type GemmBackend = 'wasm-simd' | 'js-blocked';

/** Which implementation `gemmFast` is (the benchmark reports it). */
export const gemmFastBackend: GemmBackend = engineWasmKernels ? 'wasm-simd' : 'js-blocked';

/** The fastest gemm this host supports: WebAssembly SIMD where available, else blocked JavaScript. */
export const gemmFast: Gemm = engineWasmKernels ? createGemmWasm(engineWasmKernels) : gemmBlocked;
