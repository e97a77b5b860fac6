import type { DecisionBoundary } from '../../worker/protocol';
import { atStep, formatPercent, formatStep, listPhrase } from './format';
import { hexToRgb, type Rgb } from './palette';

export interface BoundaryPoints {
  /** count × 2 coordinates, (x₁, x₂) per point. */
  readonly x: Float32Array;
  /** count class indices. */
  readonly y: Int32Array;
}

/** Classes in a boundary grid, or a learner-readable reason the grid cannot be drawn. */
export function boundaryClasses(b: DecisionBoundary): { classes: number } | { problem: string } {
  const cells = b.size * b.size;
  if (!Number.isInteger(b.size) || b.size <= 0) {
    return { problem: `the grid size must be a positive whole number, got ${b.size}` };
  }
  if (!(b.extent > 0)) return { problem: `the plotted extent must be positive, got ${b.extent}` };
  const classes = b.probabilities.length / cells;
  if (!Number.isInteger(classes) || classes < 1) {
    return {
      problem: `${b.probabilities.length} probabilities do not fill a ${b.size} × ${b.size} grid`,
    };
  }
  return { classes };
}

/** How much the region colours are faded toward white, so the training points stand out. */
const FADE = 0.55;

/**
 * One pixel per grid cell: the class colours mixed by predicted probability (a confident cell gets
 * its class's colour, an undecided one a blend), faded toward white.
 */
export function boundaryRgba(
  b: DecisionBoundary,
  classes: number,
  colors: readonly string[],
): Uint8ClampedArray {
  const rgb: Rgb[] = Array.from({ length: classes }, (_, k) =>
    hexToRgb(colors[k % colors.length] ?? '#808080'),
  );
  const cells = b.size * b.size;
  const out = new Uint8ClampedArray(cells * 4);
  for (let i = 0; i < cells; i++) {
    let r = 0;
    let g = 0;
    let bl = 0;
    let total = 0;
    for (let k = 0; k < classes; k++) {
      const p = b.probabilities[i * classes + k]!;
      if (!(p > 0)) continue; // NaN or 0 adds nothing
      const c = rgb[k]!;
      r += p * c[0];
      g += p * c[1];
      bl += p * c[2];
      total += p;
    }
    if (total > 0) {
      r /= total;
      g /= total;
      bl /= total;
    } else {
      r = g = bl = 255;
    }
    out[4 * i] = 255 - (255 - r) * FADE;
    out[4 * i + 1] = 255 - (255 - g) * FADE;
    out[4 * i + 2] = 255 - (255 - bl) * FADE;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** The share of grid cells whose most probable class is k, per class. */
export function classShares(b: DecisionBoundary, classes: number): number[] {
  const cells = b.size * b.size;
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < cells; i++) {
    let best = 0;
    let bestP = -Infinity;
    for (let k = 0; k < classes; k++) {
      const p = b.probabilities[i * classes + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    counts[best]!++;
  }
  return counts.map((c) => c / cells);
}

export function defaultClassName(k: number): string {
  return `Class ${k + 1}`;
}

export function summarizeBoundary(
  b: DecisionBoundary | undefined,
  points: BoundaryPoints | undefined,
  classNames: readonly string[],
  step: number | undefined,
): string {
  const parts: string[] = [];
  const name = (k: number): string => classNames[k] ?? defaultClassName(k);
  if (b) {
    const check = boundaryClasses(b);
    if ('classes' in check) {
      const shares = classShares(b, check.classes);
      parts.push(
        atStep(
          step,
          `the model predicts ${listPhrase(shares.map((s, k) => `${name(k)} on ${formatPercent(s)} of the plane`))}.`,
        ),
      );
      parts.push('Where the colours blend, the model is unsure.');
    }
  }
  if (points) {
    parts.push(`${formatStep(points.y.length)} training points are drawn on top, shaped by class.`);
  }
  return parts.join(' ');
}
