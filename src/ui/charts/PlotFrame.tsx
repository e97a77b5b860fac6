import { useCallback, useState, type PointerEvent, type ReactNode } from 'react';
import { X_AXIS_HEIGHT, Y_AXIS_WIDTH } from './axisStyle';
import { AXIS_COLOR, GRID_COLOR, REFERENCE_COLOR } from './palette';
import { drawHorizontalRule, type PlotArea } from './plotDraw';
import type { PlotReadout } from './plotReadout';
import { fromPixel, pixelMap, scaleProblem, toPixel, type PlotScale } from './plotScale';
import { useCanvas, type CanvasSize } from './useCanvas';

export interface PlotAxis {
  readonly scale: PlotScale;
  /** Tick values, or a function of the axis length in pixels (fewer ticks on a phone). */
  readonly ticks: readonly number[] | ((lengthPx: number) => readonly number[]);
  readonly format: (value: number) => string;
  readonly title: string;
  /** Grid lines at the ticks (default true). */
  readonly grid?: boolean | undefined;
}

/** A dashed horizontal line with a label at its right end, e.g. the typical update ratio. */
export interface PlotReference {
  readonly y: number;
  readonly label: string;
}

export interface PlotFrameProps {
  readonly x: PlotAxis;
  readonly y: PlotAxis;
  /** CSS pixels, or a function of the width (square plots). */
  readonly height: number | ((width: number) => number);
  /** Draws the data inside the area, after the grid (memoise it: a new function means a redraw). */
  readonly draw: (ctx: CanvasRenderingContext2D, area: PlotArea) => void;
  readonly reference?: PlotReference | undefined;
  /** What to show while the pointer is over data (x, y) (absent: no readout). */
  readonly readout?: ((x: number, y: number, area: PlotArea) => PlotReadout | null) | undefined;
  /** Room for the y tick labels and title; category names need more. */
  readonly yAxisWidth?: number | undefined;
  /** Caps the plot's width (square scatter plots). */
  readonly maxWidth?: number | undefined;
}

const MARGIN_TOP = 8;
const MARGIN_RIGHT = 12;
const REFERENCE_DASH = [4, 4];
const TICK_GAP = 6;

function plotArea(
  x: PlotScale,
  y: PlotScale,
  size: CanvasSize,
  yAxisWidth: number,
): PlotArea | null {
  const left = yAxisWidth;
  const top = MARGIN_TOP;
  const width = size.width - left - MARGIN_RIGHT;
  const height = size.height - top - X_AXIS_HEIGHT;
  if (width <= 0 || height <= 0) return null;
  return {
    left,
    top,
    width,
    height,
    x: pixelMap(x, left, left + width),
    y: pixelMap(y, top + height, top),
  };
}

/** Pixel positions of the ticks an axis can show, for the canvas grid and the HTML labels. */
function tickPixels(
  axis: PlotAxis,
  map: PlotArea['x'],
  lengthPx: number,
): { value: number; px: number }[] {
  const ticks = typeof axis.ticks === 'function' ? axis.ticks(lengthPx) : axis.ticks;
  const out: { value: number; px: number }[] = [];
  for (const value of ticks) {
    const px = toPixel(map, value);
    if (!Number.isNaN(px)) out.push({ value, px });
  }
  return out;
}

const crisp = (px: number): number => Math.round(px - 0.5) + 0.5;

function drawGrid(ctx: CanvasRenderingContext2D, area: PlotArea, x: PlotAxis, y: PlotAxis): void {
  const right = area.left + area.width;
  const bottom = area.top + area.height;
  ctx.beginPath();
  if (x.grid !== false) {
    for (const t of tickPixels(x, area.x, area.width)) {
      ctx.moveTo(crisp(t.px), area.top);
      ctx.lineTo(crisp(t.px), bottom);
    }
  }
  if (y.grid !== false) {
    for (const t of tickPixels(y, area.y, area.height)) {
      ctx.moveTo(area.left, crisp(t.px));
      ctx.lineTo(right, crisp(t.px));
    }
  }
  ctx.strokeStyle = GRID_COLOR;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(crisp(area.left), area.top);
  ctx.lineTo(crisp(area.left), crisp(bottom));
  ctx.lineTo(right, crisp(bottom));
  ctx.strokeStyle = AXIS_COLOR;
  ctx.stroke();
}

interface Pointer {
  readonly x: number;
  readonly y: number;
}

function Readout({
  area,
  pointer,
  readout,
}: {
  readonly area: PlotArea;
  readonly pointer: Pointer;
  readonly readout: PlotReadout;
}) {
  const guide = readout.x === undefined ? Number.NaN : toPixel(area.x, readout.x);
  const anchor = Number.isNaN(guide) ? pointer.x : guide;
  const onRight = anchor < area.left + area.width / 2;
  return (
    <>
      {Number.isNaN(guide) ? null : (
        <span
          className="nl-plot__guide"
          style={{ left: Math.round(guide), top: area.top, height: area.height }}
        />
      )}
      <div
        className="nl-plot__readout"
        style={{
          top: area.top + 4,
          ...(onRight ? { left: anchor + 10 } : { right: `calc(100% - ${anchor - 10}px)` }),
        }}
      >
        <p className="nl-plot__readout-title">{readout.title}</p>
        <ul>
          {readout.rows.map((row) => (
            <li key={row.label}>
              <span className="nl-plot__swatch" style={{ background: row.color }} />
              {row.label}: {row.value}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/**
 * The frame of every canvas chart: one canvas holding grid, axes and data (redrawn at most once per
 * animation frame), with tick labels, axis titles and a hover readout as HTML on top, so text stays
 * sharp, selectable and cheap to update.
 */
export function PlotFrame({
  x,
  y,
  height,
  draw,
  reference,
  readout,
  yAxisWidth = Y_AXIS_WIDTH,
  maxWidth,
}: PlotFrameProps) {
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const area = plotArea(x.scale, y.scale, size, yAxisWidth);
      if (!area) return;
      drawGrid(ctx, area, x, y);
      if (reference) drawHorizontalRule(ctx, area, reference.y, REFERENCE_COLOR, REFERENCE_DASH);
      draw(ctx, area);
    },
    [x, y, yAxisWidth, reference, draw],
  );
  const { containerRef, canvasRef, size } = useCanvas(paint, height);
  const area = plotArea(x.scale, y.scale, size, yAxisWidth);
  const [pointer, setPointer] = useState<Pointer | null>(null);
  const problem = scaleProblem(x.scale) ?? scaleProblem(y.scale);
  if (problem) throw new Error(`The chart cannot be drawn: ${problem}.`);
  /** The pointer in the frame's pixels (the hover layer starts at the plot's top-left corner). */
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    setPointer({
      x: (area?.left ?? 0) + event.clientX - box.left,
      y: (area?.top ?? 0) + event.clientY - box.top,
    });
  };
  const hover =
    area && readout && pointer
      ? readout(fromPixel(area.x, pointer.x), fromPixel(area.y, pointer.y), area)
      : null;

  let labels: ReactNode = null;
  if (area) {
    const right = size.width - area.left + TICK_GAP;
    const referencePx = reference ? toPixel(area.y, reference.y) : Number.NaN;
    labels = (
      <>
        <div aria-hidden="true">
          {tickPixels(y, area.y, area.height).map((t) => (
            <span
              key={`y${t.value}`}
              className="nl-plot__tick nl-plot__tick--y"
              style={{ top: t.px, right }}
            >
              {y.format(t.value)}
            </span>
          ))}
          {tickPixels(x, area.x, area.width).map((t) => (
            <span
              key={`x${t.value}`}
              className="nl-plot__tick nl-plot__tick--x"
              style={{ left: t.px, top: area.top + area.height + 2 }}
            >
              {x.format(t.value)}
            </span>
          ))}
        </div>
        <span
          className="nl-plot__title nl-plot__title--y"
          style={{ top: area.top + area.height / 2 }}
        >
          {y.title}
        </span>
        <span
          className="nl-plot__title nl-plot__title--x"
          style={{ left: area.left + area.width / 2 }}
        >
          {x.title}
        </span>
        {reference &&
        referencePx >= area.top - 0.5 &&
        referencePx <= area.top + area.height + 0.5 ? (
          <span
            className="nl-plot__reference"
            style={{ top: referencePx, right: size.width - area.left - area.width + 4 }}
          >
            {reference.label}
          </span>
        ) : null}
        {readout ? (
          <div
            className="nl-plot__hover"
            style={{ left: area.left, top: area.top, width: area.width, height: area.height }}
            onPointerMove={onPointerMove}
            onPointerDown={onPointerMove}
            onPointerLeave={() => setPointer(null)}
          />
        ) : null}
        {hover && pointer ? <Readout area={area} pointer={pointer} readout={hover} /> : null}
      </>
    );
  }

  return (
    <div
      ref={containerRef}
      className="nl-chart__plot nl-plot"
      style={{ height: size.height || undefined, maxWidth }}
    >
      <canvas ref={canvasRef} style={{ height: size.height }} aria-hidden="true" />
      {labels}
    </div>
  );
}
