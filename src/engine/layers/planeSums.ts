import { layerWasm } from './layerWasm';

/** The per-plane sums every caller shares (layers run one at a time), kept at the most planes seen. */
let planeSumsOf = new Float64Array(0);

/**
 * sums[p] = Σ of plane p of v (planes of `spatial` floats), in float64 and memory order: a
 * convolution's bias gradient and global average pooling. In the WebAssembly module where the host
 * has SIMD (layerWasm.ts), with the same bits. The result is valid until the next call.
 */
export function planeSums(v: Float32Array, spatial: number): Float64Array {
  const planes = v.length / spatial;
  if (planeSumsOf.length < planes) planeSumsOf = new Float64Array(planes);
  const sums = planeSumsOf;
  const wasm = layerWasm();
  if (wasm) {
    wasm.planeSums(v, spatial, sums);
    return sums;
  }
  for (let p = 0; p < planes; p++) {
    let sum = 0;
    for (let j = p * spatial; j < (p + 1) * spatial; j++) sum += v[j]!;
    sums[p] = sum;
  }
  return sums;
}
