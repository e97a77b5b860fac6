import { useMemo, useState, type PointerEvent, type ReactNode } from 'react';
import {
  PRESENTER_LINE_SCALE,
  PRESENTER_TEXT_SCALE,
  useChartView,
  useFullScreen,
} from '../present/chartView';
import { useViewportHeight } from '../present/useViewportHeight';
import { X_AXIS_HEIGHT, Y_AXIS_WIDTH } from './axisStyle';
import { REFERENCE_COLOR } from './palette';
import type { PlotReadout } from './plotReadout';
import { fromPixel, scaleProblem, toPixel, type PlotScale } from './plotScale';
import {
  plotArea,
  type PlotArea,
  type PlotMargin,
  type PlotMark,
  type PlotScene,
} from './plotScene';
import { useElementSize } from './useElementSize';
import { useSceneCanvas } from './useSceneCanvas';

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

/** A labelled vertical mark at one x, e.g. where a run diverged ("A diverged at step 2,448"). */
export interface PlotMarker {
  readonly x: number;
  readonly label: string;
  readonly color: string;
}

export interface PlotFrameProps {
  readonly x: PlotAxis;
  readonly y: PlotAxis;
  /** CSS pixels, or a function of the width (square plots). */
  readonly height: number | ((width: number) => number);
  /** What to draw inside the axes, in order (memoise it: a new array means a redraw). */
  readonly marks: readonly PlotMark[];
  readonly reference?: PlotReference | undefined;
  /** What to show while the pointer is over data (x, y) (absent: no readout). */
  readonly readout?: ((x: number, y: number, area: PlotArea) => PlotReadout | null) | undefined;
  /** Room for the y tick labels and title; category names need more. */
  readonly yAxisWidth?: number | undefined;
  /** Caps the plot's width (square scatter plots). */
  readonly maxWidth?: number | undefined;
  readonly markers?: readonly PlotMarker[] | undefined;
  /** The share of the window's height the plot takes when its chart fills the screen. */
  readonly fullScreenShare?: number | undefined;
}

const MARGIN_TOP = 8;
const MARGIN_RIGHT = 12;
const REFERENCE_DASH = [4, 4];
const TICK_GAP = 6;

/** The ticks of an axis `lengthPx` long that it can show, with their pixel positions. */
function placedTicks(
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

/** Rough width of a 12 px tick label (tabular digits are about 6.6 px wide), and the gap between. */
const LABEL_CHAR_PX = 6.6;
const LABEL_HEIGHT_PX = 14;
const LABEL_GAP_PX = 6;
const MARKER_DASH = [6, 4];

interface PlacedTick {
  readonly value: number;
  readonly px: number;
  readonly label: string;
}

/**
 * The ticks whose labels fit: every k-th one, for the smallest k at which no two neighbouring labels
 * overlap (a 100 px scatter plot cannot show six labels). The grid keeps a line at every tick.
 */
export function labelledTicks(
  ticks: readonly PlacedTick[],
  extent: (tick: PlacedTick) => number,
): PlacedTick[] {
  for (let k = 1; k < ticks.length; k++) {
    const kept = ticks.filter((_, i) => i % k === 0);
    const fits = kept.every((t, i) => {
      const next = kept[i + 1];
      return !next || Math.abs(next.px - t.px) >= (extent(t) + extent(next)) / 2 + LABEL_GAP_PX;
    });
    if (fits) return kept;
  }
  return ticks.slice(0, 1);
}

/** How much room a tick label takes along its axis, with text `scale` times the learner's size. */
const labelWidth =
  (scale: number) =>
  (t: PlacedTick): number =>
    t.label.length * LABEL_CHAR_PX * scale;
const labelHeight = (scale: number) => (): number => LABEL_HEIGHT_PX * scale;

/** Every line `factor` times as thick (presenter mode), other marks as they are. */
function thicker(marks: readonly PlotMark[], factor: number): readonly PlotMark[] {
  if (factor === 1) return marks;
  return marks.map((m) =>
    m.kind === 'line'
      ? { ...m, series: { ...m.series, lineWidth: (m.series.lineWidth ?? 1.5) * factor } }
      : m,
  );
}

/**
 * How far the canvas reaches past the plot area: enough for the axis lines and for a dot on an edge,
 * not so far that it covers a tick label.
 */
export const CANVAS_BLEED = 4;

interface CanvasBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The plot area's margins inside the canvas. */
  readonly margin: PlotMargin;
}

/**
 * The canvas covers the plot area and its bleed, not the whole frame: an opaque canvas over the tick
 * labels would hide them, and fewer canvas pixels are fewer pixels for the compositor to copy.
 */
function canvasBox(width: number, height: number, margin: PlotMargin): CanvasBox {
  const left = Math.max(0, margin.left - CANVAS_BLEED);
  const top = Math.max(0, margin.top - CANVAS_BLEED);
  const right = Math.min(width, width - margin.right + CANVAS_BLEED);
  const bottom = Math.min(height, height - margin.bottom + CANVAS_BLEED);
  return {
    left,
    top,
    width: Math.max(0, right - left),
    height: Math.max(0, bottom - top),
    margin: {
      left: margin.left - left,
      top: margin.top - top,
      right: right - (width - margin.right),
      bottom: bottom - (height - margin.bottom),
    },
  };
}

/** Tick values of an axis `lengthPx` long. */
function tickValues(axis: PlotAxis, lengthPx: number): readonly number[] {
  return typeof axis.ticks === 'function' ? axis.ticks(lengthPx) : axis.ticks;
}

/**
 * The frame of every canvas chart: one canvas holding grid, axes and marks (drawn by the chart worker
 * where the browser allows it, at most once per animation frame), with tick labels, axis titles and a
 * hover readout as HTML on top, so text stays sharp, selectable and cheap to update.
 */
export function PlotFrame({
  x,
  y,
  height,
  marks,
  reference,
  readout,
  yAxisWidth = Y_AXIS_WIDTH,
  maxWidth,
  markers,
  fullScreenShare = 0.6,
}: PlotFrameProps) {
  const [containerRef, container] = useElementSize<HTMLDivElement>();
  const { presenting } = useChartView();
  const full = useFullScreen();
  const viewportHeight = useViewportHeight();
  const textScale = presenting ? PRESENTER_TEXT_SCALE : 1;
  const width = container.width;
  const baseHeight = typeof height === 'function' ? height(width) : height;
  const cssHeight = Math.max(
    0,
    Math.round(full ? Math.max(baseHeight, viewportHeight * fullScreenShare) : baseHeight),
  );
  const margin = useMemo(
    () => ({
      left: Math.round(yAxisWidth * textScale),
      top: MARGIN_TOP,
      right: MARGIN_RIGHT,
      bottom: Math.round(X_AXIS_HEIGHT * textScale),
    }),
    [yAxisWidth, textScale],
  );
  const drawn = useMemo(() => {
    const lines = thicker(marks, presenting ? PRESENTER_LINE_SCALE : 1);
    if (!markers || markers.length === 0) return lines;
    const [y0, y1] = y.scale.domain;
    const rules: PlotMark[] = markers.map((m) => ({
      kind: 'segment',
      from: [m.x, y0],
      to: [m.x, y1],
      color: m.color,
      dash: MARKER_DASH,
    }));
    return [...lines, ...rules];
  }, [marks, presenting, markers, y.scale.domain]);
  const problem = scaleProblem(x.scale) ?? scaleProblem(y.scale);
  const box = useMemo(() => canvasBox(width, cssHeight, margin), [width, cssHeight, margin]);
  const scene = useMemo<PlotScene | null>(() => {
    const frame = problem ? null : plotArea(x.scale, y.scale, margin, width, cssHeight);
    if (!frame) return null;
    return {
      x: x.scale,
      y: y.scale,
      xGrid: x.grid === false ? [] : tickValues(x, frame.width),
      yGrid: y.grid === false ? [] : tickValues(y, frame.height),
      margin: box.margin,
      axes: true,
      marks: reference
        ? [{ kind: 'rule', y: reference.y, color: REFERENCE_COLOR, dash: REFERENCE_DASH }, ...drawn]
        : drawn,
    };
  }, [problem, x, y, margin, width, cssHeight, box, drawn, reference]);
  const canvasRef = useSceneCanvas(scene, box.width, box.height);
  const [pointer, setPointer] = useState<Pointer | null>(null);
  if (problem) throw new Error(problem);

  const area = plotArea(x.scale, y.scale, margin, width, cssHeight);
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

  // Tick labels and titles lie outside the canvas: text overlapping a composited canvas and painted
  // after it would have to be composited too, one layer per label. Only the hover readout and the
  // reference line's label (one per chart) sit on top of it.
  let labels: ReactNode = null;
  let overlay: ReactNode = null;
  if (area) {
    const right = width - area.left + TICK_GAP;
    const referencePx = reference ? toPixel(area.y, reference.y) : Number.NaN;
    labels = (
      <>
        <div aria-hidden="true">
          {labelledTicks(
            placedTicks(y, area.y, area.height).map((t) => ({ ...t, label: y.format(t.value) })),
            labelHeight(textScale),
          ).map((t, i) => (
            // Keyed by position: as the axis range moves, a label changes its text in place
            // instead of being removed and created again (about 20 times a second per chart).
            <span
              key={`y${i}`}
              className="nl-plot__tick nl-plot__tick--y"
              style={{ top: t.px, right }}
            >
              {t.label}
            </span>
          ))}
          {labelledTicks(
            placedTicks(x, area.x, area.width).map((t) => ({ ...t, label: x.format(t.value) })),
            labelWidth(textScale),
          ).map((t, i) => (
            <span
              key={`x${i}`}
              className="nl-plot__tick nl-plot__tick--x"
              style={{ left: t.px, top: area.top + area.height + CANVAS_BLEED + 1 }}
            >
              {t.label}
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
      </>
    );
    overlay = (
      <>
        {(markers ?? []).map((m) => {
          const px = toPixel(area.x, m.x);
          if (Number.isNaN(px)) return null;
          const onLeft = px > area.left + area.width * 0.6;
          return (
            <span
              key={`${m.label}|${m.x}`}
              className="nl-plot__marker"
              style={{
                top: area.top + 2,
                borderColor: m.color,
                ...(onLeft ? { right: width - px + 4 } : { left: px + 4 }),
              }}
            >
              {m.label}
            </span>
          );
        })}
        {referencePx >= area.top - 0.5 && referencePx <= area.top + area.height + 0.5 ? (
          <span
            className="nl-plot__reference"
            style={{ top: referencePx, right: width - area.left - area.width + 4 }}
          >
            {reference?.label}
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
      style={{ height: cssHeight || undefined, maxWidth }}
    >
      {labels}
      <canvas
        ref={canvasRef}
        className="nl-plot__canvas"
        style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
        aria-hidden="true"
      />
      {overlay}
    </div>
  );
}
