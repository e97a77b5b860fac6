import { describe, expect, it } from 'vitest';
import { gemmBlocked } from '../../../src/engine/kernels/gemmBlocked';
import { gemmFast, gemmFastBackend } from '../../../src/engine/kernels/gemmFast';
import { gemmReference, type Gemm } from '../../../src/engine/kernels/gemmReference';
import { createGemmWasm } from '../../../src/engine/kernels/gemmWasm';
import { loadWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import { createRng } from '../../../src/engine/rng';

const wasmModule = loadWasmKernels();
if (!wasmModule) throw new Error('Node 20 supports WebAssembly SIMD: the gemm module must load');
const gemmWasm = createGemmWasm(wasmModule);

const U = 2 ** -24; // unit roundoff of float32

function randomArray(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

function firstDifference(a: Float32Array, b: Float32Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : a.length;
}

interface Case {
  M: number;
  N: number;
  K: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
}

/**
 * Runs `impl` and the reference on the same random operands, with C longer than M×N (its tail must
 * survive), and checks every entry against the float32 summation error bound:
 *   |ĉ − c| ≤ (K + 2)·u·(Σ_k |a_ik b_kj| + |c⁰_ij|)
 * A wrong index or a dropped term breaks this by O(1), far outside the bound.
 */
function expectMatchesReference(impl: Gemm, { M, N, K, transA, transB, accumulate }: Case): void {
  const seed = M * 10007 + N * 101 + K + (transA ? 1 : 0) * 3 + (transB ? 1 : 0) * 5;
  const A = randomArray(M * K, seed);
  const B = randomArray(K * N, seed + 1);
  const tail = 5;
  const C0 = randomArray(M * N + tail, seed + 2);
  const expected = C0.slice();
  gemmReference({ transA, transB, M, N, K, A, B, C: expected, accumulate });
  const absA = A.map(Math.abs);
  const absB = B.map(Math.abs);
  const bound = new Float32Array(M * N);
  gemmReference({ transA, transB, M, N, K, A: absA, B: absB, C: bound, accumulate: false });

  const A0 = A.slice();
  const B0 = B.slice();
  const actual = C0.slice();
  impl({ transA, transB, M, N, K, A, B, C: actual, accumulate });

  const what = `M=${M} N=${N} K=${K} transA=${transA} transB=${transB} accumulate=${accumulate}`;
  for (let i = 0; i < M * N; i++) {
    const tolerance = (K + 2) * U * (bound[i]! + (accumulate ? Math.abs(C0[i]!) : 0));
    const error = Math.abs(actual[i]! - expected[i]!);
    if (!(error <= tolerance)) {
      throw new Error(`${what}: C[${i}] = ${actual[i]}, expected ${expected[i]} ± ${tolerance}`);
    }
  }
  expect(Array.from(actual.subarray(M * N)), `${what}: C past M×N`).toEqual(
    Array.from(C0.subarray(M * N)),
  );
  // A plain loop: a deep equality on arrays of 500k values would dominate the test's time.
  expect(firstDifference(A, A0), `${what}: A is read-only`).toBe(-1);
  expect(firstDifference(B, B0), `${what}: B is read-only`).toBe(-1);
}

const ODD = [1, 3, 7, 17, 65];
// Shapes that straddle the wasm kernel's blocks (MR = 4, NR = 8, MC = 64, KC = 256, NC = 2048) and
// its 4×4 packing transposes.
const STRADDLING: [number, number, number][] = [
  [4, 8, 1],
  [4, 8, 256],
  [65, 9, 5],
  [129, 33, 513],
  [12, 16, 256],
  [97, 9, 257],
  [193, 17, 100],
  [5, 2049, 3],
  [7, 2057, 260],
  [64, 64, 196],
  [50, 20, 520],
];

const implementations: [string, Gemm][] = [
  ['wasm SIMD', gemmWasm],
  ['blocked JS', gemmBlocked],
];

describe.each(implementations)('%s gemm', (_name, impl) => {
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      for (const accumulate of [false, true]) {
        it(`matches the reference on odd sizes (transA=${transA}, transB=${transB}, accumulate=${accumulate})`, () => {
          for (const M of ODD) {
            for (const N of ODD) {
              for (const K of ODD) {
                expectMatchesReference(impl, { M, N, K, transA, transB, accumulate });
              }
            }
          }
        });
        it(`matches the reference across block boundaries (transA=${transA}, transB=${transB}, accumulate=${accumulate})`, () => {
          for (const [M, N, K] of STRADDLING) {
            expectMatchesReference(impl, { M, N, K, transA, transB, accumulate });
          }
        });
      }
    }
  }

  it('K = 0 gives an empty sum: C = 0, or C unchanged when accumulating', () => {
    const C = Float32Array.from([1, 2, 3, 4, 5, 6, 99]);
    const empty = new Float32Array(0);
    impl({
      transA: false,
      transB: false,
      M: 2,
      N: 3,
      K: 0,
      A: empty,
      B: empty,
      C,
      accumulate: true,
    });
    expect(Array.from(C)).toEqual([1, 2, 3, 4, 5, 6, 99]);
    impl({
      transA: true,
      transB: true,
      M: 2,
      N: 3,
      K: 0,
      A: empty,
      B: empty,
      C,
      accumulate: false,
    });
    expect(Array.from(C)).toEqual([0, 0, 0, 0, 0, 0, 99]);
  });

  it('M = 0 or N = 0 writes nothing', () => {
    const C = Float32Array.from([7, 8]);
    const A = Float32Array.from([1, 2]);
    impl({ transA: false, transB: false, M: 0, N: 2, K: 1, A, B: A, C, accumulate: false });
    impl({ transA: false, transB: false, M: 2, N: 0, K: 1, A, B: A, C, accumulate: false });
    expect(Array.from(C)).toEqual([7, 8]);
  });

  it('stays correct when a large product follows a small one and vice versa (buffers regrow)', () => {
    for (const [M, N, K] of [
      [3, 5, 7],
      [300, 40, 500],
      [3, 5, 7],
      [20, 3000, 9],
    ] as const) {
      expectMatchesReference(impl, { M, N, K, transA: false, transB: true, accumulate: false });
    }
  });

  it('throws a specific error when a buffer is shorter than M, N, K require', () => {
    const short = new Float32Array(3);
    const ok = new Float32Array(6);
    const args = { transA: false, transB: false, M: 2, N: 3, K: 2, accumulate: false };
    expect(() => impl({ ...args, A: short, B: ok, C: ok })).toThrow(
      'gemm: A holds 3 values but M=2 N=3 K=2 needs 4',
    );
    expect(() => impl({ ...args, A: ok, B: short, C: ok })).toThrow(
      'gemm: B holds 3 values but M=2 N=3 K=2 needs 6',
    );
    expect(() => impl({ ...args, A: ok, B: ok, C: short })).toThrow(
      'gemm: C holds 3 values but M=2 N=3 K=2 needs 6',
    );
  });
});

describe('gemmFast', () => {
  it('uses WebAssembly SIMD in Node', () => {
    expect(gemmFastBackend).toBe('wasm-simd');
    expectMatchesReference(gemmFast, {
      M: 9,
      N: 10,
      K: 11,
      transA: true,
      transB: false,
      accumulate: true,
    });
  });
});
