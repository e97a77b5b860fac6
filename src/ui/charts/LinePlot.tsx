import { useCallback } from 'react';
import { formatNumber } from './format';
import { drawSeries, type PlotArea, type PlotSeries } from './plotDraw';
import { PlotFrame, type PlotAxis, type PlotReference } from './PlotFrame';
import { seriesReadout } from './plotReadout';

export interface LinePlotProps {
  /** Drawn in order (later lines on top). */
  readonly series: readonly PlotSeries[];
  readonly x: PlotAxis;
  readonly y: PlotAxis;
  /** CSS pixels, or a function of the width. */
  readonly height: number | ((width: number) => number);
  readonly reference?: PlotReference | undefined;
  /**
   * Vertices per line at most. Lines are always thinned to about two vertices per pixel column (the
   * column's lowest and highest value); a budget makes the columns wider.
   */
  readonly maxVertices?: number | undefined;
  /** The hover readout's title for an x value, e.g. 'Step 1,200'. */
  readonly readoutTitle: (x: number) => string;
  readonly readoutValue?: ((y: number) => string) | undefined;
}

/** Column width that keeps a line within `maxVertices` (each column keeps two, each line two more). */
function columnWidth(area: PlotArea, maxVertices: number | undefined): number {
  if (maxVertices === undefined) return 1;
  const columns = Math.max(1, Math.floor((maxVertices - 2) / 2));
  return Math.max(1, area.width / columns);
}

/** Lines over a shared x axis on one canvas, with a hover readout of every line's value. */
export function LinePlot({
  series,
  x,
  y,
  height,
  reference,
  maxVertices,
  readoutTitle,
  readoutValue = formatNumber,
}: LinePlotProps) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, area: PlotArea) => {
      const columnPx = columnWidth(area, maxVertices);
      for (const s of series) drawSeries(ctx, s, area, columnPx);
    },
    [series, maxVertices],
  );
  const readout = useCallback(
    (at: number, _y: number, area: PlotArea) =>
      seriesReadout(series, at, area.x, { formatX: readoutTitle, formatY: readoutValue }),
    [series, readoutTitle, readoutValue],
  );
  return (
    <PlotFrame x={x} y={y} height={height} draw={draw} reference={reference} readout={readout} />
  );
}
