/**
 * Gradient descent on a two-weight quadratic loss L(w) = ½ (λ₁ w₁² + λ₂ w₂²), the picture behind
 * "standardize your inputs". For a linear model, λᵢ is the variance of feature i: unscaled features
 * on scales 1 and √κ give curvatures 1 and κ (long, thin elliptical contours); standardized features
 * give 1 and 1 (circles). The minimum is at w = 0 in both.
 */

export type Vec2 = readonly [number, number];

export interface QuadraticProblem {
  /** Curvature along each weight: the Hessian is diag(λ₁, λ₂). */
  readonly curvatures: Vec2;
  readonly start: Vec2;
}

/** Both problems start from the same weights, off both axes so each direction has work to do. */
export const START: Vec2 = [-2, 1.5];

export function unscaledProblem(condition: number): QuadraticProblem {
  if (!(condition >= 1) || !Number.isFinite(condition)) {
    throw new Error(`unscaledProblem: the condition number must be ≥ 1, got ${condition}`);
  }
  return { curvatures: [1, condition], start: START };
}

export function standardizedProblem(): QuadraticProblem {
  return { curvatures: [1, 1], start: START };
}

export function loss(problem: QuadraticProblem, w: Vec2): number {
  const [a, b] = problem.curvatures;
  return 0.5 * (a * w[0] * w[0] + b * w[1] * w[1]);
}

/** One gradient step: w ← w − η ∇L(w), with ∇L(w) = (λ₁ w₁, λ₂ w₂). */
export function gdStep(problem: QuadraticProblem, w: Vec2, learningRate: number): Vec2 {
  const [a, b] = problem.curvatures;
  return [w[0] - learningRate * a * w[0], w[1] - learningRate * b * w[1]];
}

/** Each weight is multiplied by (1 − η λᵢ) per step, so GD converges only when every |1 − η λᵢ| < 1. */
export function largestStableRate(problem: QuadraticProblem): number {
  return 2 / Math.max(...problem.curvatures);
}

/** The η that minimises the slowest factor max |1 − η λᵢ|: 2 / (λ_min + λ_max). */
export function bestRate(problem: QuadraticProblem): number {
  const [a, b] = problem.curvatures;
  return 2 / (Math.min(a, b) + Math.max(a, b));
}

/** "Converged" means within this distance of the minimum. */
export const CONVERGED_DISTANCE = 0.01;
/** Past this distance from the minimum the run is called diverged. */
export const DIVERGED_DISTANCE = 1e6;
export const MAX_STEPS = 10_000;

const distance = (w: Vec2) => Math.hypot(w[0], w[1]);

export type Convergence =
  | { readonly kind: 'converges'; readonly steps: number }
  | { readonly kind: 'diverges'; readonly steps: number }
  | { readonly kind: 'stalls'; readonly steps: number };

/** How many steps GD at `learningRate` needs to get within CONVERGED_DISTANCE of the minimum. */
export function stepsToConverge(problem: QuadraticProblem, learningRate: number): Convergence {
  let w = problem.start;
  for (let step = 0; step <= MAX_STEPS; step++) {
    const d = distance(w);
    if (d <= CONVERGED_DISTANCE) return { kind: 'converges', steps: step };
    if (!(d < DIVERGED_DISTANCE)) return { kind: 'diverges', steps: step };
    if (step < MAX_STEPS) w = gdStep(problem, w, learningRate);
  }
  return { kind: 'stalls', steps: MAX_STEPS };
}

/** The first `steps` + 1 points of the GD path (the start included), stopping early once it leaves the plane. */
export function gdPath(problem: QuadraticProblem, learningRate: number, steps: number): Vec2[] {
  const path: Vec2[] = [problem.start];
  let w = problem.start;
  for (let s = 0; s < steps; s++) {
    w = gdStep(problem, w, learningRate);
    path.push(w);
    if (!(distance(w) < DIVERGED_DISTANCE)) break;
  }
  return path;
}

/**
 * Loss levels for contour lines through evenly spaced fractions of the start's loss (so the start sits
 * on the outermost one), plus a few outside it to fill the plot.
 */
export function contourLevels(problem: QuadraticProblem, count = 8): number[] {
  const top = loss(problem, problem.start);
  const levels: number[] = [];
  // Levels grow quadratically so the ellipses are evenly spaced in distance.
  for (let k = 1; k <= count; k++) levels.push(top * (k / (count - 2)) ** 2);
  return levels;
}

/** The semi-axes of the contour ellipse L(w) = level: √(2·level / λᵢ). */
export function contourRadii(problem: QuadraticProblem, level: number): Vec2 {
  const [a, b] = problem.curvatures;
  return [Math.sqrt((2 * level) / a), Math.sqrt((2 * level) / b)];
}
