import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { tickBudget, X_AXIS_HEIGHT, xAxisLabel, Y_AXIS_WIDTH, yAxisLabel } from './axisStyle';
import { ChartLegend } from './ChartLegend';
import { formatNumber, formatStep } from './format';
import { AXIS_COLOR, GRID_COLOR, layerColor, REFERENCE_COLOR } from './palette';
import type { LayerSeriesRows } from './probeHistory';
import { niceTicks } from './ticks';
import { tooltipNumber, tooltipStepLabel } from './tooltipFormat';
import { useElementSize } from './useElementSize';

export interface LayerLinesChartProps {
  readonly series: LayerSeriesRows;
  readonly yLabel: string;
  readonly yScale: 'log' | 'linear';
  readonly yDomain: readonly [number, number];
  readonly yTicks?: readonly number[] | undefined;
  readonly reference?: { readonly y: number; readonly label: string } | undefined;
  readonly height?: number | undefined;
}

const MARGIN = { top: 8, right: 12, bottom: 20, left: 4 };

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
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const { layers, rows } = series;
  const first = rows[0]?.step ?? 0;
  const last = rows[rows.length - 1]?.step ?? 0;
  const xDomain: [number, number] =
    first === last ? [Math.max(0, first - 1), last + 1] : [first, last];
  const xTicks = niceTicks(xDomain[0], xDomain[1], tickBudget(width), { integer: true }).ticks;
  const lone = rows.length < 2;
  return (
    <>
      <div ref={plotRef} className="nl-chart__plot">
        {width > 0 ? (
          <LineChart width={width} height={height} data={[...rows]} margin={MARGIN}>
            <CartesianGrid stroke={GRID_COLOR} />
            <XAxis
              dataKey="step"
              type="number"
              domain={xDomain}
              ticks={xTicks}
              tickFormatter={formatStep}
              stroke={AXIS_COLOR}
              height={X_AXIS_HEIGHT}
              label={xAxisLabel('Step')}
            />
            <YAxis
              scale={yScale}
              domain={[...yDomain]}
              {...(yTicks ? { ticks: [...yTicks] } : {})}
              allowDataOverflow
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              width={Y_AXIS_WIDTH}
              label={yAxisLabel(yLabel)}
            />
            <Tooltip formatter={tooltipNumber} labelFormatter={tooltipStepLabel} />
            {reference ? (
              <ReferenceLine
                y={reference.y}
                stroke={REFERENCE_COLOR}
                strokeDasharray="4 4"
                label={{
                  value: reference.label,
                  position: 'insideTopRight',
                  fill: REFERENCE_COLOR,
                  fontSize: 12,
                }}
              />
            ) : null}
            {layers.map((layer, i) => (
              <Line
                key={layer.key}
                dataKey={layer.key}
                name={layer.name}
                stroke={layerColor(i, layers.length)}
                strokeWidth={1.75}
                dot={lone ? { r: 3 } : false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
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
