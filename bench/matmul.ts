import * as tf from '@tensorflow/tfjs-core';
import { gemm } from '../src/engine/kernels/gemm';
import { createRng } from '../src/engine/rng';
import { DEFAULT_MEASURE, measureInterleaved, type MeasureOptions, type Rate } from './measure';

/** M×K×N: C[M×N] = A[M×K] · B[K×N]. */
export const MATMUL_SHAPES = [
  [64, 196, 64],
  [256, 256, 256],
  [512, 144, 16],
] as const;

export type MatmulShape = (typeof MATMUL_SHAPES)[number];

export const shapeKey = ([m, k, n]: MatmulShape): string => `${m}x${k}x${n}`;

const MATMUL_MEASURE: MeasureOptions = { ...DEFAULT_MEASURE, repSeconds: 0.3, budgetSeconds: 15 };

function randomArray(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/** One product with our gemm (the engine's default implementation). */
function ourMatmul([M, K, N]: MatmulShape, transA: boolean, transB: boolean): () => void {
  const A = randomArray(M * K, 1);
  const B = randomArray(K * N, 2);
  const C = new Float32Array(M * N);
  return () => gemm({ transA, transB, M, N, K, A, B, C, accumulate: false });
}

/** One tf.matMul on the current tfjs backend (no tidy: its best case, see PERFORMANCE.md). */
function tfjsMatmul([M, K, N]: MatmulShape): { step: () => void; dispose: () => void } {
  const a = tf.tensor2d(randomArray(M * K, 1), [M, K]);
  const b = tf.tensor2d(randomArray(K * N, 2), [K, N]);
  return {
    step: () => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    },
    dispose: () => tf.dispose([a, b]),
  };
}

export interface MatmulResult {
  readonly ours: Rate;
  readonly oursNT: Rate;
  readonly oursTN: Rate;
  readonly 'tfjs-wasm'?: Rate;
}

/**
 * GFLOP/s of NN, NT and TN products with our gemm and, when `withTfjs` (the wasm backend being
 * current), of tf.matMul, all interleaved repetition by repetition.
 */
export function measureMatmul(shape: MatmulShape, withTfjs: boolean): MatmulResult {
  const [M, K, N] = shape;
  const options = { ...MATMUL_MEASURE, workPerStep: (2 * M * N * K) / 1e9 };
  const ours = [
    ourMatmul(shape, false, false),
    ourMatmul(shape, false, true),
    ourMatmul(shape, true, false),
  ];
  if (!withTfjs) {
    const [nn, nt, tn] = measureInterleaved(ours, options);
    return { ours: nn!, oursNT: nt!, oursTN: tn! };
  }
  const theirs = tfjsMatmul(shape);
  try {
    const [nn, nt, tn, tfjs] = measureInterleaved([...ours, theirs.step], options);
    return { ours: nn!, oursNT: nt!, oursTN: tn!, 'tfjs-wasm': tfjs! };
  } finally {
    theirs.dispose();
  }
}
