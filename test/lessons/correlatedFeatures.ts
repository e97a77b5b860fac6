/**
 * Lesson 1's caveat to "standardize your inputs" (review item B3), measured with the engine:
 * a linear model on two features that are each standardized (mean 0, variance 1 on the sample) but
 * correlated, trained by full-batch gradient descent with the engine's Linear layer and SGD, against
 * the same features whitened (decorrelated too) and against uncorrelated ones. The loss is
 * ½·mean((y − t)²), whose Hessian is the features' second-moment matrix E[x xᵀ]; its eigenvalues
 * are the curvatures along the valley's axes. The loss-contour widget draws only uncorrelated
 * features, whose curvatures lie along the weights' own axes.
 */
import { Linear } from '../../src/engine/layers/linear';
import { SGD } from '../../src/engine/optim/sgd';
import { createRng } from '../../src/engine/rng';
import { tensor } from '../../src/engine/tensor';

export type Features = 'standardized' | 'whitened';

export interface CorrelatedRegression {
  /** The sample correlation of the two standardized features. */
  readonly correlation: number;
  /** The eigenvalues of E[x xᵀ], smaller first: the curvatures along the valley's axes. */
  readonly curvatures: readonly [number, number];
  /** Full-batch gradient-descent steps at the best rate 2/(λ_min + λ_max) to within 0.01 of the minimum. */
  readonly steps: number;
}

const SAMPLES = 1000;
/** As the loss-contour widget: "converged" within this distance of the minimum. */
const CONVERGED_DISTANCE = 0.01;
const MAX_STEPS = 10_000;
/** The weights the targets come from; training starts at zero, as far from it as the widget's start. */
const TRUE_WEIGHTS = [2, -1.5] as const;

/** Two columns drawn with correlation `rho`, each then standardized on the sample. */
function standardizedPair(rho: number, seed: number): [Float64Array, Float64Array] {
  const rng = createRng(seed);
  const a = new Float64Array(SAMPLES);
  const b = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    a[i] = z1;
    b[i] = rho * z1 + Math.sqrt(1 - rho * rho) * z2;
  }
  for (const column of [a, b]) {
    const mean = column.reduce((s, v) => s + v, 0) / SAMPLES;
    const std = Math.sqrt(column.reduce((s, v) => s + (v - mean) ** 2, 0) / SAMPLES);
    for (let i = 0; i < SAMPLES; i++) column[i] = (column[i]! - mean) / std;
  }
  return [a, b];
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0) / SAMPLES;

/** The eigenvalues of the symmetric 2×2 matrix [[p, q], [q, r]], smaller first. */
function eigenvalues(p: number, q: number, r: number): [number, number] {
  const mid = (p + r) / 2;
  const half = Math.sqrt(((p - r) / 2) ** 2 + q * q);
  return [mid - half, mid + half];
}

/**
 * ZCA whitening with the sample's own second moments: x ← C^{-1/2} x, so that E[x xᵀ] = I. For
 * standardized columns C = [[1, c], [c, 1]], whose eigenvectors are (1, ±1)/√2.
 */
function whiten(a: Float64Array, b: Float64Array): [Float64Array, Float64Array] {
  const c = dot(a, b);
  const plus = 1 / Math.sqrt(1 + c);
  const minus = 1 / Math.sqrt(1 - c);
  const diagonal = (plus + minus) / 2;
  const off = (plus - minus) / 2;
  return [a.map((v, i) => diagonal * v + off * b[i]!), b.map((v, i) => diagonal * v + off * a[i]!)];
}

/**
 * Trains y = w·x (the engine's Linear, no bias, weights from zero) on targets t = w*·x with the
 * engine's SGD (no momentum) at the best rate for the measured curvatures, and counts the steps.
 */
export function correlatedRegression(
  rho: number,
  features: Features,
  seed = 1,
): CorrelatedRegression {
  const standardized = standardizedPair(rho, seed);
  const correlation = dot(...standardized);
  const [a, b] = features === 'whitened' ? whiten(...standardized) : standardized;
  const curvatures = eigenvalues(dot(a, a), dot(a, b), dot(b, b));
  const x = tensor(
    [SAMPLES, 2],
    Array.from({ length: 2 * SAMPLES }, (_, k) => (k % 2 === 0 ? a : b)[k >> 1]!),
  );
  const targets = Array.from(a, (v, i) => TRUE_WEIGHTS[0] * v + TRUE_WEIGHTS[1] * b[i]!);
  const model = new Linear(2, 1, false);
  const optimizer = new SGD(model.params(), { lr: 2 / (curvatures[0] + curvatures[1]) });
  const w = model.weight.value.data;
  let steps = 0;
  while (Math.hypot(w[0]! - TRUE_WEIGHTS[0], w[1]! - TRUE_WEIGHTS[1]) > CONVERGED_DISTANCE) {
    if (steps === MAX_STEPS) throw new Error(`no convergence in ${MAX_STEPS} steps`);
    const y = model.forward(x, 'train');
    // ∂/∂y of ½·mean((y − t)²).
    const dy = tensor(
      [SAMPLES, 1],
      Array.from(y.data, (v, i) => (v - targets[i]!) / SAMPLES),
    );
    optimizer.zeroGrad();
    model.backward(dy);
    optimizer.step();
    steps++;
  }
  return { correlation, curvatures, steps };
}
