import { useCallback, useMemo } from 'react';
import { formatNumber } from './format';
import type { PlotArea, PlotMark, PlotSeries } from './plotScene';
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
  const marks = useMemo<PlotMark[]>(
    () => series.map((s) => ({ kind: 'line', series: s, maxVertices })),
    [series, maxVertices],
  );
  const readout = useCallback(
    (at: number, _y: number, area: PlotArea) =>
      seriesReadout(series, at, area.x, { formatX: readoutTitle, formatY: readoutValue }),
    [series, readoutTitle, readoutValue],
  );
  return (
    <PlotFrame x={x} y={y} height={height} marks={marks} reference={reference} readout={readout} />
  );
}
