import { markerShape, traceMarker } from './markers';
import { AXIS_COLOR, CHART_BACKGROUND, classColor, GRID_COLOR } from './palette';
import { pixelMap, toPixel, type PixelMap, type PlotScale } from './plotScale';
import { traceThinned } from './thinSeries';

/**
 * What a canvas chart draws, as plain data: axes, grid and marks. Plain data can be posted to the
 * chart worker, which draws it on an OffscreenCanvas so the page's main thread never rasterises a
 * line; where there is no such worker the same function draws it on the page.
 */

/** The drawing calls the scene uses, shared by CanvasRenderingContext2D and its offscreen twin. */
export type PlotContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'rect'
  | 'clip'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'save'
  | 'restore'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'closePath'
  | 'drawImage'
  | 'imageSmoothingEnabled'
>;

/** Turns RGBA pixels into something drawImage takes (a canvas on the page, an OffscreenCanvas in a worker). */
export type ImageMaker = (
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
) => CanvasImageSource | null;

/** A line of the chart: values as parallel arrays (xs ascending), drawn thinned to the pixels. */
export interface PlotSeries {
  /** What the legend and the hover readout call it. */
  readonly name: string;
  readonly color: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly lineWidth?: number | undefined;
  /** Canvas line dash in pixels, e.g. [6, 3]; solid when absent. */
  readonly dash?: readonly number[] | undefined;
  /** Radius of a dot on every point (0 or absent: none). A lone point always gets one. */
  readonly dotRadius?: number | undefined;
  /** Draw across points the axis cannot show instead of breaking the line there. */
  readonly connectGaps?: boolean | undefined;
}

export interface LineMark {
  readonly kind: 'line';
  readonly series: PlotSeries;
  /** Vertices at most (wider pixel columns); without it about two per pixel column. */
  readonly maxVertices?: number | undefined;
}

export interface DotsMark {
  readonly kind: 'dots';
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly color: string;
  readonly radius: number;
}

/** Horizontal bars from the plot's left edge to each value; bar i is centred on y = i + 0.5. */
export interface BarsMark {
  readonly kind: 'hbars';
  readonly values: ArrayLike<number>;
  readonly color: string;
  readonly thickness: number;
}

/** A dashed straight line between two data points (a diagonal y = x, say). */
export interface SegmentMark {
  readonly kind: 'segment';
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  readonly color: string;
  readonly dash: readonly number[];
}

/** A dashed horizontal line across the plot at a value of y. */
export interface RuleMark {
  readonly kind: 'rule';
  readonly y: number;
  readonly color: string;
  readonly dash: readonly number[];
}

/** RGBA pixels stretched over the whole plot area, first row at the top. */
export interface ImageMark {
  readonly kind: 'image';
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** Blend neighbouring pixels always, or only when the image is wider than the plot (averaging). */
  readonly smoothing: 'always' | 'when-shrinking';
}

/** Points shaped and coloured by class (markers.ts, palette.ts), outlined so they stand out. */
export interface ClassMarkersMark {
  readonly kind: 'classMarkers';
  /** (x, y) per point, interleaved. */
  readonly xy: ArrayLike<number>;
  readonly classes: ArrayLike<number>;
  readonly radius: number;
  readonly outline: string;
}

export type PlotMark =
  LineMark | DotsMark | BarsMark | SegmentMark | RuleMark | ImageMark | ClassMarkersMark;

export interface PlotMargin {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface PlotScene {
  readonly x: PlotScale;
  readonly y: PlotScale;
  /** Values where vertical and horizontal grid lines go (empty: none). */
  readonly xGrid: readonly number[];
  readonly yGrid: readonly number[];
  readonly margin: PlotMargin;
  /** Draw the left and bottom axis lines. */
  readonly axes: boolean;
  /** Drawn in order, later marks on top. */
  readonly marks: readonly PlotMark[];
}

/** The plot's inner rectangle in CSS pixels, and how values map into it. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly x: PixelMap;
  readonly y: PixelMap;
}

/** The area inside the margins of a `width` × `height` plot, or null when nothing fits. */
export function plotArea(
  x: PlotScale,
  y: PlotScale,
  margin: PlotMargin,
  width: number,
  height: number,
): PlotArea | null {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  if (innerWidth <= 0 || innerHeight <= 0) return null;
  return {
    left: margin.left,
    top: margin.top,
    width: innerWidth,
    height: innerHeight,
    x: pixelMap(x, margin.left, margin.left + innerWidth),
    y: pixelMap(y, margin.top + innerHeight, margin.top),
  };
}

const NO_DASH: number[] = [];
const LONE_POINT_RADIUS = 3;
/** Lines 1 px wide land on pixel centres, so they stay one pixel wide and sharp. */
const crisp = (px: number): number => Math.round(px - 0.5) + 0.5;

function clipToArea(ctx: PlotContext, area: PlotArea): void {
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.width, area.height);
  ctx.clip();
}

function drawGrid(ctx: PlotContext, area: PlotArea, scene: PlotScene): void {
  const right = area.left + area.width;
  const bottom = area.top + area.height;
  if (scene.xGrid.length + scene.yGrid.length > 0) drawGridLines(ctx, area, scene);
  if (!scene.axes) return;
  ctx.beginPath();
  ctx.moveTo(crisp(area.left), area.top);
  ctx.lineTo(crisp(area.left), crisp(bottom));
  ctx.lineTo(right, crisp(bottom));
  ctx.strokeStyle = AXIS_COLOR;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawGridLines(ctx: PlotContext, area: PlotArea, scene: PlotScene): void {
  const right = area.left + area.width;
  const bottom = area.top + area.height;
  ctx.beginPath();
  for (const value of scene.xGrid) {
    const px = toPixel(area.x, value);
    if (Number.isNaN(px)) continue;
    ctx.moveTo(crisp(px), area.top);
    ctx.lineTo(crisp(px), bottom);
  }
  for (const value of scene.yGrid) {
    const py = toPixel(area.y, value);
    if (Number.isNaN(py)) continue;
    ctx.moveTo(area.left, crisp(py));
    ctx.lineTo(right, crisp(py));
  }
  ctx.strokeStyle = GRID_COLOR;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** Whether a pixel lies inside the area (half a pixel of slack for values exactly on an edge). */
function inside(area: PlotArea, px: number, py: number): boolean {
  return (
    px >= area.left - 0.5 &&
    px <= area.left + area.width + 0.5 &&
    py >= area.top - 0.5 &&
    py <= area.top + area.height + 0.5
  );
}

/**
 * Fills a dot at every point inside the axes; returns how many. Dots are not clipped, so one on the
 * edge of the plot shows whole.
 */
function fillDots(
  ctx: PlotContext,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  area: PlotArea,
  radius: number,
  color: string,
): number {
  const n = Math.min(xs.length, ys.length);
  let dots = 0;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const px = toPixel(area.x, xs[i]!);
    const py = toPixel(area.y, ys[i]!);
    if (Number.isNaN(px) || Number.isNaN(py) || !inside(area, px, py)) continue;
    ctx.moveTo(px + radius, py);
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    dots++;
  }
  if (dots === 0) return 0;
  ctx.fillStyle = color;
  ctx.fill();
  return dots;
}

/** Column width that keeps a line within `maxVertices` (each column keeps two, each line two more). */
function columnWidth(area: PlotArea, maxVertices: number | undefined): number {
  if (maxVertices === undefined) return 1;
  const columns = Math.max(1, Math.floor((maxVertices - 2) / 2));
  return Math.max(1, area.width / columns);
}

function drawLine(ctx: PlotContext, mark: LineMark, area: PlotArea): void {
  const { series } = mark;
  // Values beyond the axis range run to the plot's edge and no further.
  ctx.save();
  clipToArea(ctx, area);
  ctx.beginPath();
  const vertices = traceThinned(series.xs, series.ys, area.x, area.y, ctx, {
    columnPx: columnWidth(area, mark.maxVertices),
    connectGaps: series.connectGaps,
  });
  ctx.strokeStyle = series.color;
  ctx.lineWidth = series.lineWidth ?? 1.5;
  // Round joins cost the rasteriser a fifth more on a noisy line; at 1–2 px no one sees the difference.
  ctx.lineJoin = 'bevel';
  ctx.setLineDash(series.dash ? [...series.dash] : NO_DASH);
  ctx.stroke();
  ctx.setLineDash(NO_DASH);
  ctx.restore();
  const radius = series.dotRadius ?? 0;
  if (radius > 0) fillDots(ctx, series.xs, series.ys, area, radius, series.color);
  else if (vertices === 1)
    fillDots(ctx, series.xs, series.ys, area, LONE_POINT_RADIUS, series.color);
}

function drawBars(ctx: PlotContext, mark: BarsMark, area: PlotArea): void {
  ctx.fillStyle = mark.color;
  for (let i = 0; i < mark.values.length; i++) {
    const end = toPixel(area.x, mark.values[i]!);
    if (Number.isNaN(end)) continue;
    const length = Math.min(end, area.left + area.width) - area.left;
    const center = toPixel(area.y, i + 0.5);
    if (length > 0) ctx.fillRect(area.left, center - mark.thickness / 2, length, mark.thickness);
  }
}

function strokeDashed(
  ctx: PlotContext,
  from: readonly [number, number],
  to: readonly [number, number],
  color: string,
  dash: readonly number[],
): void {
  ctx.beginPath();
  ctx.moveTo(from[0], from[1]);
  ctx.lineTo(to[0], to[1]);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([...dash]);
  ctx.stroke();
  ctx.setLineDash(NO_DASH);
}

function drawImage(
  ctx: PlotContext,
  mark: ImageMark,
  area: PlotArea,
  makeImage: ImageMaker | undefined,
): void {
  const image = makeImage?.(mark.rgba, mark.width, mark.height);
  if (!image) return;
  ctx.imageSmoothingEnabled = mark.smoothing === 'always' || mark.width > area.width;
  ctx.drawImage(image, area.left, area.top, area.width, area.height);
}

function drawClassMarkers(ctx: PlotContext, mark: ClassMarkersMark, area: PlotArea): void {
  const count = Math.min(mark.classes.length, Math.floor(mark.xy.length / 2));
  ctx.lineWidth = 1;
  ctx.strokeStyle = mark.outline;
  for (let i = 0; i < count; i++) {
    const px = toPixel(area.x, mark.xy[2 * i]!);
    const py = toPixel(area.y, mark.xy[2 * i + 1]!);
    if (Number.isNaN(px) || Number.isNaN(py)) continue;
    const k = mark.classes[i]!;
    ctx.beginPath();
    traceMarker(ctx, markerShape(k), px, py, mark.radius);
    ctx.fillStyle = classColor(k);
    ctx.fill();
    ctx.stroke();
  }
}

function drawMark(
  ctx: PlotContext,
  mark: PlotMark,
  area: PlotArea,
  makeImage: ImageMaker | undefined,
): void {
  switch (mark.kind) {
    case 'image':
      return drawImage(ctx, mark, area, makeImage);
    case 'classMarkers':
      return drawClassMarkers(ctx, mark, area);
    case 'line':
      return drawLine(ctx, mark, area);
    case 'dots':
      fillDots(ctx, mark.xs, mark.ys, area, mark.radius, mark.color);
      return;
    case 'hbars':
      return drawBars(ctx, mark, area);
    case 'segment': {
      const from = [toPixel(area.x, mark.from[0]), toPixel(area.y, mark.from[1])] as const;
      const to = [toPixel(area.x, mark.to[0]), toPixel(area.y, mark.to[1])] as const;
      if ([...from, ...to].some(Number.isNaN)) return;
      ctx.save();
      clipToArea(ctx, area);
      strokeDashed(ctx, from, to, mark.color, mark.dash);
      ctx.restore();
      return;
    }
    case 'rule': {
      const py = toPixel(area.y, mark.y);
      if (Number.isNaN(py) || !inside(area, area.left, py)) return;
      const y = crisp(py);
      return strokeDashed(ctx, [area.left, y], [area.left + area.width, y], mark.color, mark.dash);
    }
  }
}

/**
 * Draws the scene on a context already scaled to CSS pixels and cleared. Image marks need
 * `makeImage`; without it they are skipped.
 */
export function drawScene(
  ctx: PlotContext,
  scene: PlotScene,
  width: number,
  height: number,
  makeImage?: ImageMaker,
): void {
  // Canvases are opaque (alpha: false): the compositor copies them instead of blending them over
  // the page, which, without a GPU, was half a core with every chart on screen.
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  const area = plotArea(scene.x, scene.y, scene.margin, width, height);
  if (!area) return;
  drawGrid(ctx, area, scene);
  for (const mark of scene.marks) drawMark(ctx, mark, area, makeImage);
}
