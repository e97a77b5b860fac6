import { gemmBlocked } from './gemmBlocked';
import type { Gemm } from './gemmReference';
import { createGemmWasm, loadGemmModule } from './gemmWasm';

export type GemmBackend = 'wasm-simd' | 'js-blocked';

function pickFastest(): { backend: GemmBackend; gemm: Gemm } {
  try {
    const module = loadGemmModule();
    if (module) return { backend: 'wasm-simd', gemm: createGemmWasm(module) };
  } catch {
    // A host that validates the module but cannot instantiate it (e.g. a memory limit): use JS.
  }
  return { backend: 'js-blocked', gemm: gemmBlocked };
}

const fastest = pickFastest();

/** The fastest gemm this host supports: WebAssembly SIMD where available, else blocked JavaScript. */
export const gemmFast: Gemm = fastest.gemm;

/** Which implementation `gemmFast` is (the benchmark reports it). */
export const gemmFastBackend: GemmBackend = fastest.backend;
