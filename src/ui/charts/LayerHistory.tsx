import { useMemo } from 'react';
import { Heading, type HeadingLevel } from './Heading';
import { LayerLinesChart, type LayerLinesChartProps } from './LayerLinesChart';
import { logDomain } from './logScale';
import type { LayerSeriesRows } from './probeHistory';

export interface LayerHistoryProps extends Omit<LayerLinesChartProps, 'yDomain'> {
  readonly title: string;
  readonly level: HeadingLevel;
  /** For a linear axis; a log axis spans the decades the values cover. */
  readonly yDomain?: LayerLinesChartProps['yDomain'] | undefined;
  /** Said in place of the lines while there are fewer than two points to join. */
  readonly note: string;
}

const values = (s: LayerSeriesRows) => s.rows.flatMap((r) => s.layers.map((l) => r[l.key]));

/** A per-layer history under its own sub-heading, or a note while it has fewer than two points. */
export function LayerHistory({ title, level, yDomain, note, ...lines }: LayerHistoryProps) {
  const { series, yScale } = lines;
  const logRange = useMemo(
    () => (yScale === 'log' ? logDomain(values(series)) : null),
    [series, yScale],
  );
  const domain = yScale === 'log' ? logRange : yDomain;
  return (
    <>
      <Heading level={level} className="nl-chart__subtitle">
        {title}
      </Heading>
      {series.rows.length >= 2 && domain ? (
        <LayerLinesChart {...lines} yDomain={domain} />
      ) : (
        <p className="nl-chart__note">{note}</p>
      )}
    </>
  );
}
