import { useCallback, useMemo } from 'react';
import { formatNumber } from './format';
import type { PlotArea, PlotMark, PlotSeries } from './plotScene';
import { PlotFrame, type PlotFrameProps } from './PlotFrame';
import { seriesReadout } from './plotReadout';

/** A PlotFrame whose marks are lines and whose readout reads them: the frame's own props pass through. */
export interface LinePlotProps extends Omit<PlotFrameProps, 'marks' | 'readout'> {
  /** Drawn in order (later lines on top). */
  readonly series: readonly PlotSeries[];
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
  maxVertices,
  readoutTitle,
  readoutValue = formatNumber,
  ...frame
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
  return <PlotFrame {...frame} marks={marks} readout={readout} />;
}
