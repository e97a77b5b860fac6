import * as tf from '@tensorflow/tfjs-core';
import { gemm } from '../src/engine/kernels/gemm';
import { createRng } from '../src/engine/rng';
import { DEFAULT_MEASURE, measure, type Rate } from './measure';

/** M×K×N: C[M×N] = A[M×K] · B[K×N]. */
export const MATMUL_SHAPES = [
  [64, 196, 64],
  [256, 256, 256],
  [512, 144, 16],
] as const;

export type MatmulShape = (typeof MATMUL_SHAPES)[number];

export const shapeKey = ([m, k, n]: MatmulShape): string => `${m}x${k}x${n}`;

const MATMUL_MEASURE = { ...DEFAULT_MEASURE, repSeconds: 0.3, budgetSeconds: 10 };

function randomArray(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/** Our gemm (the engine's default implementation) in GFLOP/s for op(A)·op(B). */
export function measureOurMatmul([M, K, N]: MatmulShape, transA: boolean, transB: boolean): Rate {
  const A = randomArray(M * K, 1);
  const B = randomArray(K * N, 2);
  const C = new Float32Array(M * N);
  return measure(() => gemm({ transA, transB, M, N, K, A, B, C, accumulate: false }), {
    ...MATMUL_MEASURE,
    workPerStep: (2 * M * N * K) / 1e9,
  });
}

/** tf.matMul on the current tfjs backend, in GFLOP/s (no tidy: its best case, see PERFORMANCE.md). */
export function measureTfjsMatmul([M, K, N]: MatmulShape): Rate {
  const a = tf.tensor2d(randomArray(M * K, 1), [M, K]);
  const b = tf.tensor2d(randomArray(K * N, 2), [K, N]);
  try {
    return measure(
      () => {
        const c = tf.matMul(a, b);
        c.dataSync();
        c.dispose();
      },
      { ...MATMUL_MEASURE, workPerStep: (2 * M * N * K) / 1e9 },
    );
  } finally {
    tf.dispose([a, b]);
  }
}
