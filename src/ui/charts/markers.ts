/**
 * Point markers that differ in shape as well as colour, so classes stay apart for readers who cannot
 * tell the colours apart. One definition feeds both the canvas and the SVG legend.
 */
export const MARKER_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'hexagon',
] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

export function markerShape(classIndex: number): MarkerShape {
  return MARKER_SHAPES[classIndex % MARKER_SHAPES.length]!;
}

/** Polygon vertices of a marker of radius r at (x, y); null for the circle. */
export function markerVertices(
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): [number, number][] | null {
  const polygon = (n: number, rotation: number, radius: number): [number, number][] =>
    Array.from({ length: n }, (_, i) => {
      const a = rotation + (2 * Math.PI * i) / n;
      return [x + radius * Math.cos(a), y + radius * Math.sin(a)];
    });
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return polygon(4, Math.PI / 4, r * 1.25);
    case 'triangle':
      return polygon(3, -Math.PI / 2, r * 1.35);
    case 'diamond':
      return polygon(4, 0, r * 1.35);
    case 'triangleDown':
      return polygon(3, Math.PI / 2, r * 1.35);
    case 'hexagon':
      return polygon(6, 0, r * 1.15);
  }
}

/** The marker as an SVG path (for the legend). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const vertices = markerVertices(shape, x, y, r);
  if (!vertices) return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  return `${vertices.map(([vx, vy], i) => `${i === 0 ? 'M' : 'L'}${vx.toFixed(2)} ${vy.toFixed(2)}`).join('')}Z`;
}

/** Adds the marker to the context's current path (the caller fills and strokes). */
export function traceMarker(
  ctx: Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo' | 'arc' | 'closePath'>,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): void {
  const vertices = markerVertices(shape, x, y, r);
  if (!vertices) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  vertices.forEach(([vx, vy], i) => (i === 0 ? ctx.moveTo(vx, vy) : ctx.lineTo(vx, vy)));
  ctx.closePath();
}
