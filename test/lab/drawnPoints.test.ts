import { describe, expect, it } from 'vitest';
import {
  drawnData,
  drawnPointsProblem,
  nearestPoint,
  pointsOfData,
} from '../../src/lab/drawnPoints';

describe('drawn points', () => {
  const points = [
    { x: 0, y: 0, c: 0 },
    { x: 1, y: 1, c: 2 },
    { x: -1, y: 0.5, c: 0 },
    { x: 0.5, y: -1, c: 2 },
  ];

  it('become a two-feature table of the classes that have points, and back', () => {
    const data = drawnData(points);
    expect(data.featureNames).toEqual(['x', 'y']);
    expect(data.classNames).toEqual(['class 1', 'class 3']);
    expect([...data.y]).toEqual([0, 1, 0, 1]);
    expect([...data.x]).toEqual([0, 0, 1, 1, -1, 0.5, 0.5, -1]);
    expect(pointsOfData(data)).toEqual(points);
  });

  it('the eraser takes the nearest point within its radius, or none', () => {
    expect(nearestPoint(points, 0.95, 1.05)).toBe(1);
    expect(nearestPoint(points, 0.5, 0.5)).toBe(-1);
  });

  it('say why they cannot train yet', () => {
    expect(drawnPointsProblem([])).toMatch(/at least two classes/);
    expect(drawnPointsProblem(points.slice(0, 3))).toBe(
      'class 3 needs at least 2 points (one to train on, one to validate with).',
    );
    expect(drawnPointsProblem(points)).toBeUndefined();
  });
});
