import { describe, expect, it } from 'vitest';
import {
  bestRate,
  contourLevels,
  contourRadii,
  gdPath,
  gdStep,
  largestStableRate,
  loss,
  standardizedProblem,
  START,
  stepsToConverge,
  unscaledProblem,
} from '../../../src/lessons/widgets/lossContours';

describe('the quadratic problems', () => {
  it('gives unscaled features curvatures 1 and κ and standardized ones 1 and 1', () => {
    expect(unscaledProblem(25).curvatures).toEqual([1, 25]);
    expect(standardizedProblem().curvatures).toEqual([1, 1]);
    expect(() => unscaledProblem(0.5)).toThrow('condition number must be ≥ 1, got 0.5');
  });

  it('computes the loss and one gradient step by hand', () => {
    const p = unscaledProblem(4);
    // L(−2, 1.5) = ½ (1·4 + 4·2.25) = 6.5
    expect(loss(p, START)).toBe(6.5);
    // ∇L = (−2, 6); w − 0.1 ∇L = (−1.8, 0.9)
    const next = gdStep(p, START, 0.1);
    expect(next[0]).toBeCloseTo(-1.8, 12);
    expect(next[1]).toBeCloseTo(0.9, 12);
  });

  it('derives the stable and best learning rates from the curvatures', () => {
    const p = unscaledProblem(25);
    expect(largestStableRate(p)).toBeCloseTo(2 / 25, 12);
    expect(bestRate(p)).toBeCloseTo(2 / 26, 12);
    expect(bestRate(standardizedProblem())).toBe(1);
  });

  it('draws contours whose ellipse radii satisfy L = level', () => {
    const p = unscaledProblem(9);
    const levels = contourLevels(p);
    expect(levels).toHaveLength(8);
    expect(levels.some((l) => Math.abs(l - loss(p, START)) < 1e-12)).toBe(true);
    const [rx, ry] = contourRadii(p, 2);
    expect(loss(p, [rx, 0])).toBeCloseTo(2, 12);
    expect(loss(p, [0, ry])).toBeCloseTo(2, 12);
    expect(rx / ry).toBeCloseTo(3, 12); // √κ: the ellipse is κ^(1/2) times longer than wide
  });
});

describe('gradient descent: unscaled vs standardized features', () => {
  it('converges in fewer steps on standardized features, each at its best stable learning rate', () => {
    for (const condition of [4, 25, 100]) {
      const unscaled = unscaledProblem(condition);
      const standardized = standardizedProblem();
      const slow = stepsToConverge(unscaled, bestRate(unscaled));
      const fast = stepsToConverge(standardized, bestRate(standardized));
      expect(slow.kind).toBe('converges');
      expect(fast.kind).toBe('converges');
      expect(fast.steps).toBeLessThan(slow.steps);
    }
    // κ = 25: the slowest factor is (κ−1)/(κ+1) = 12/13, and |w| must fall from 2.5 to 0.01:
    // ⌈ln(250) / ln(13/12)⌉ = 69 steps. Standardized: η = 1 lands on the minimum in one step.
    expect(stepsToConverge(unscaledProblem(25), bestRate(unscaledProblem(25)))).toEqual({
      kind: 'converges',
      steps: 69,
    });
    expect(stepsToConverge(standardizedProblem(), 1)).toEqual({ kind: 'converges', steps: 1 });
  });

  it('zig-zags on unscaled features: the steep coordinate changes sign every step', () => {
    const p = unscaledProblem(25);
    const path = gdPath(p, bestRate(p), 12);
    const moves = path.slice(1).map((w, i) => w[1] - path[i]![1]);
    for (let i = 1; i < moves.length; i++)
      expect(Math.sign(moves[i]!)).toBe(-Math.sign(moves[i - 1]!));
  });

  it('goes straight on standardized features: every step points the same way', () => {
    const p = standardizedProblem();
    const path = gdPath(p, 0.3, 12);
    for (let i = 1; i < path.length; i++) {
      const [dx, dy] = [path[i]![0] - path[i - 1]![0], path[i]![1] - path[i - 1]![1]];
      // parallel to the first step, (2, −1.5)·0.3, and in the same direction
      expect(dx * -1.5 - dy * 2).toBeCloseTo(0, 12);
      expect(dx).toBeGreaterThan(0);
    }
  });

  it('diverges above the largest stable rate and stops the path once it leaves', () => {
    const p = unscaledProblem(25);
    expect(stepsToConverge(p, 1.1 * largestStableRate(p)).kind).toBe('diverges');
    const path = gdPath(unscaledProblem(1000), 1, 10_000);
    expect(path.length).toBeLessThan(10);
  });

  it('reports a learning rate too small to arrive within the step limit', () => {
    expect(stepsToConverge(standardizedProblem(), 1e-6)).toEqual({ kind: 'stalls', steps: 10_000 });
  });
});
