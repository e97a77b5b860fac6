import { useMemo } from 'react';
import { tickBudget } from './axisStyle';
import { ChartLegend } from './ChartLegend';
import { formatNumber, formatStep } from './format';
import { LinePlot } from './LinePlot';
import { decadeTicks } from './logScale';
import { layerColor } from './palette';
import type { PlotSeries } from './plotScene';
import type { PlotAxis } from './PlotFrame';
import type { LayerSeriesRows } from './probeHistory';
import { niceTicks } from './ticks';

export interface LayerLinesChartProps {
  readonly series: LayerSeriesRows;
  readonly yLabel: string;
  readonly yScale: 'log' | 'linear';
  readonly yDomain: readonly [number, number];
  readonly yTicks?: readonly number[] | undefined;
  readonly reference?: { readonly y: number; readonly label: string } | undefined;
  readonly height?: number | undefined;
}

const stepTitle = (step: number): string => `Step ${formatStep(step)}`;

/** The rows as one line per layer: steps shared, NaN where a layer was not measured. */
function layerLines({ layers, rows }: LayerSeriesRows): PlotSeries[] {
  const steps = Float64Array.from(rows, (r) => r.step);
  return layers.map((layer, i) => ({
    name: layer.name,
    color: layerColor(i, layers.length),
    xs: steps,
    ys: Float64Array.from(rows, (r) => r[layer.key] ?? Number.NaN),
    lineWidth: 1.75,
  }));
}

/** One line per weight layer over steps, coloured shallow (purple) to deep (green), with a legend. */
export function LayerLinesChart({
  series,
  yLabel,
  yScale,
  yDomain,
  yTicks,
  reference,
  height = 220,
}: LayerLinesChartProps) {
  const { layers, rows } = series;
  const lines = useMemo(() => layerLines(series), [series]);
  const first = rows[0]?.step ?? 0;
  const last = rows[rows.length - 1]?.step ?? 0;
  const [x0, x1] = first === last ? [Math.max(0, first - 1), last + 1] : [first, last];
  const xAxis = useMemo<PlotAxis>(
    () => ({
      scale: { kind: 'linear', domain: [x0, x1] },
      ticks: (length) => niceTicks(x0, x1, tickBudget(length), { integer: true }).ticks,
      format: formatStep,
      title: 'Step',
    }),
    [x0, x1],
  );
  const [y0, y1] = yDomain;
  const yAxis = useMemo<PlotAxis>(
    () => ({
      scale: { kind: yScale, domain: [y0, y1] },
      ticks: yTicks ?? (yScale === 'log' ? decadeTicks([y0, y1]) : niceTicks(y0, y1, 5).ticks),
      format: formatNumber,
      title: yLabel,
    }),
    [yScale, y0, y1, yTicks, yLabel],
  );
  return (
    <>
      <LinePlot
        series={lines}
        x={xAxis}
        y={yAxis}
        height={height}
        reference={reference}
        readoutTitle={stepTitle}
      />
      <ChartLegend
        label="Layers"
        items={layers.map((layer, i) => ({
          label: layer.name,
          color: layerColor(i, layers.length),
        }))}
      />
    </>
  );
}
