import { useCallback, useMemo } from 'react';
import { formatNumber } from './format';
import type { PlotArea, PlotMark, PlotSeries } from './plotScene';
import { PlotFrame, type PlotAxis, type PlotMarker, type PlotReference } from './PlotFrame';
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
  /** Labelled vertical marks (where a run diverged). */
  readonly markers?: readonly PlotMarker[] | undefined;
  /** The share of the window's height the plot takes when its chart fills the screen. */
  readonly fullScreenShare?: number | undefined;
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
  markers,
  fullScreenShare,
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
    <PlotFrame
      x={x}
      y={y}
      height={height}
      marks={marks}
      reference={reference}
      readout={readout}
      markers={markers}
      fullScreenShare={fullScreenShare}
    />
  );
}
