import { describe, expect, it } from 'vitest';
import type { DecisionBoundary } from '../../../src/worker/protocol';
import {
  boundaryClasses,
  boundaryRgba,
  classShares,
  summarizeBoundary,
} from '../../../src/ui/charts/decisionBoundaryData';
import { markerPath, markerVertices } from '../../../src/ui/charts/markers';

// 2 × 2 grid, 2 classes; cells row-major from the top: [p0, p1] per cell
const grid: DecisionBoundary = {
  size: 2,
  extent: 1.5,
  probabilities: Float32Array.from([1, 0, 0.25, 0.75, 0.5, 0.5, 0, 1]),
};

describe('boundaryClasses', () => {
  it('derives the class count from the grid', () => {
    expect(boundaryClasses(grid)).toEqual({ classes: 2 });
  });

  it('explains a grid whose probabilities do not fit', () => {
    expect(boundaryClasses({ size: 2, extent: 1.5, probabilities: new Float32Array(7) })).toEqual({
      problem: '7 probabilities do not fill a 2 × 2 grid',
    });
    expect(boundaryClasses({ size: 0, extent: 1.5, probabilities: new Float32Array(0) })).toEqual({
      problem: 'the grid size must be a positive whole number, got 0',
    });
  });
});

describe('boundaryRgba', () => {
  it('blends class colours by probability and fades them toward white', () => {
    // class 0 pure red, class 1 pure blue; fade keeps 55% of the distance from white
    const rgba = boundaryRgba(grid, 2, ['#ff0000', '#0000ff']);
    // cell 0: red → (255, 255 − 255·0.55, 255 − 255·0.55) = (255, 114.75, 114.75), rounded to 115
    expect(Array.from(rgba.slice(0, 4))).toEqual([255, 115, 115, 255]);
    // cell 1: 0.25 red + 0.75 blue = (63.75, 0, 191.25)
    //   → faded (255 − 191.25·0.55, 255 − 255·0.55, 255 − 63.75·0.55) = (149.81, 114.75, 219.94)
    expect(Array.from(rgba.slice(4, 8))).toEqual([150, 115, 220, 255]);
  });

  it('paints cells without probability mass white instead of NaN', () => {
    const blank = { size: 1, extent: 1, probabilities: Float32Array.from([0, Number.NaN]) };
    expect(Array.from(boundaryRgba(blank, 2, ['#ff0000', '#0000ff']))).toEqual([
      255, 255, 255, 255,
    ]);
  });
});

describe('classShares', () => {
  it('counts the cells each class wins (ties go to the first class)', () => {
    // argmax per cell: 0, 1, 0 (tie), 1
    expect(classShares(grid, 2)).toEqual([0.5, 0.5]);
  });
});

describe('summarizeBoundary', () => {
  it('gives each class its share of the plane and counts the points', () => {
    const points = { x: Float32Array.from([0, 0, 1, 1, -1, 0.5]), y: Int32Array.from([0, 1, 1]) };
    expect(summarizeBoundary(grid, points, ['inner', 'outer'], 1200)).toBe(
      'At step 1,200, the model predicts inner on 50% of the plane and outer on 50% of the plane. ' +
        'Where the colours blend, the model is unsure. 3 training points are drawn on top, shaped by class.',
    );
  });
});

describe('markers', () => {
  it('gives each class a different shape with its own vertices', () => {
    expect(markerVertices('circle', 0, 0, 1)).toBeNull();
    expect(markerVertices('square', 0, 0, 1)).toHaveLength(4);
    expect(markerVertices('triangle', 0, 0, 1)).toHaveLength(3);
    expect(markerPath('circle', 5, 5, 2)).toBe('M3 5a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z');
  });
});
