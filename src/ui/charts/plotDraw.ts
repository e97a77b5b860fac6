import { toPixel, type PixelMap } from './plotScale';
import { traceThinned } from './thinSeries';

/** The plot's inner rectangle in CSS pixels, and how values map into it. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly x: PixelMap;
  readonly y: PixelMap;
}

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

const NO_DASH: number[] = [];
const LONE_POINT_RADIUS = 3;

/** Number of points of the series the axes can show. */
function drawableCount(series: PlotSeries, area: PlotArea): number {
  const n = Math.min(series.xs.length, series.ys.length);
  let count = 0;
  for (let i = 0; i < n && count < 2; i++) {
    const px = toPixel(area.x, series.xs[i]!);
    const py = toPixel(area.y, series.ys[i]!);
    if (!Number.isNaN(px) && !Number.isNaN(py)) count++;
  }
  return count;
}

function fillDots(
  ctx: CanvasRenderingContext2D,
  series: PlotSeries,
  area: PlotArea,
  radius: number,
): void {
  const n = Math.min(series.xs.length, series.ys.length);
  let dots = 0;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const px = toPixel(area.x, series.xs[i]!);
    const py = toPixel(area.y, series.ys[i]!);
    if (Number.isNaN(px) || Number.isNaN(py)) continue;
    ctx.moveTo(px + radius, py);
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    dots++;
  }
  if (dots === 0) return;
  ctx.fillStyle = series.color;
  ctx.fill();
}

/**
 * Strokes a series inside the plot area (clipped to it), thinned to at most about two vertices per
 * `columnPx` pixels. Dots go on every point when the series asks, and on a lone point always.
 */
export function drawSeries(
  ctx: CanvasRenderingContext2D,
  series: PlotSeries,
  area: PlotArea,
  columnPx = 1,
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.width, area.height);
  ctx.clip();
  ctx.beginPath();
  traceThinned(series.xs, series.ys, area.x, area.y, ctx, {
    columnPx,
    connectGaps: series.connectGaps,
  });
  ctx.strokeStyle = series.color;
  ctx.lineWidth = series.lineWidth ?? 1.5;
  ctx.lineJoin = 'round';
  ctx.setLineDash(series.dash ? [...series.dash] : NO_DASH);
  ctx.stroke();
  ctx.setLineDash(NO_DASH);
  const radius = series.dotRadius ?? 0;
  if (radius > 0) fillDots(ctx, series, area, radius);
  else if (drawableCount(series, area) === 1) fillDots(ctx, series, area, LONE_POINT_RADIUS);
  ctx.restore();
}

/** A dashed horizontal line across the plot at value y (nothing when the axis cannot show y). */
export function drawHorizontalRule(
  ctx: CanvasRenderingContext2D,
  area: PlotArea,
  y: number,
  color: string,
  dash: readonly number[],
): void {
  const py = toPixel(area.y, y);
  if (Number.isNaN(py) || py < area.top - 0.5 || py > area.top + area.height + 0.5) return;
  const crisp = Math.round(py) + 0.5;
  ctx.beginPath();
  ctx.moveTo(area.left, crisp);
  ctx.lineTo(area.left + area.width, crisp);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([...dash]);
  ctx.stroke();
  ctx.setLineDash(NO_DASH);
}
