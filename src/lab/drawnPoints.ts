import { MIN_ROWS_PER_CLASS, type OwnData } from '../engine/data/ownData';

/** A point the learner placed on the plane, with its class (0-based). */
export interface DrawnPoint {
  readonly x: number;
  readonly y: number;
  readonly c: number;
}

/** The drawing plane is the decision boundary's square, [−1.5, 1.5]², like the built-in sets'. */
export const DRAW_EXTENT = 1.5;
export const MAX_DRAWN_CLASSES = 6;
export const MAX_DRAWN_POINTS = 2000;
/** The eraser removes the nearest point within this distance. */
export const ERASE_RADIUS = 0.15;

export function drawnClassName(c: number): string {
  return `class ${c + 1}`;
}

/** The index of the point nearest (x, y) within `radius`, or −1. */
export function nearestPoint(
  points: readonly DrawnPoint[],
  x: number,
  y: number,
  radius = ERASE_RADIUS,
): number {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach((p, i) => {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Why these points cannot train a classifier yet, or undefined when they can. */
export function drawnPointsProblem(points: readonly DrawnPoint[]): string | undefined {
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p.c, (counts.get(p.c) ?? 0) + 1);
  if (counts.size < 2) {
    return 'Place points of at least two classes: a classifier needs two classes to tell apart.';
  }
  const few = [...counts].filter(([, n]) => n < MIN_ROWS_PER_CLASS).map(([c]) => c);
  if (few.length > 0) {
    return `${few.map((c) => drawnClassName(c)).join(' and ')} need${few.length === 1 ? 's' : ''} at least ${MIN_ROWS_PER_CLASS} points (one to train on, one to validate with).`;
  }
  return undefined;
}

/** The drawn points as an own table: classes that have points, renumbered in order. */
export function drawnData(points: readonly DrawnPoint[]): OwnData {
  const used = [...new Set(points.map((p) => p.c))].sort((a, b) => a - b);
  const index = new Map(used.map((c, i) => [c, i]));
  const x = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
  });
  return {
    name: 'Drawn points',
    source: 'drawn',
    featureNames: ['x', 'y'],
    classNames: used.map(drawnClassName),
    count: points.length,
    x,
    y: Int32Array.from(points, (p) => index.get(p.c)!),
  };
}

/** The points of a stored drawn table, to edit them again. */
export function pointsOfData(data: OwnData): DrawnPoint[] {
  const classOf = data.classNames.map((name) => Number(/\d+$/.exec(name)?.[0] ?? '1') - 1);
  return Array.from({ length: data.count }, (_, i) => ({
    x: data.x[2 * i]!,
    y: data.x[2 * i + 1]!,
    c: classOf[data.y[i]!] ?? 0,
  }));
}
