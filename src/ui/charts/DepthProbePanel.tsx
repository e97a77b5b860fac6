import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { DepthProbeResult } from '../../engine/probes/depthProbe';
import { tickBudget, X_AXIS_HEIGHT, xAxisLabel, Y_AXIS_WIDTH, yAxisLabel } from './axisStyle';
import { ChartCard } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import {
  depthRows,
  layerRanges,
  summarizeDepthProbe,
  unplottableLayers,
  type DepthMeasure,
  type DepthRow,
} from './depthProbeData';
import { formatNumber } from './format';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import { decadeTicks, logDomain } from './logScale';
import { AXIS_COLOR, GRID_COLOR, REFERENCE_COLOR, RUN_COLORS } from './palette';
import { niceTicks } from './ticks';
import { tooltipNumber } from './tooltipFormat';
import { useElementSize } from './useElementSize';

export interface DepthProbePanelProps {
  /** The latest measurement; kept on screen (dimmed) while a new one runs. */
  readonly result?: DepthProbeResult | undefined;
  readonly loading: boolean;
  /** The learner-facing reason the last measurement failed. */
  readonly error?: string | undefined;
  /** The measured setting in words, e.g. '50 layers of width 256, tanh, Xavier normal, no normalization'. */
  readonly setting: string;
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  readonly emptyMessage?: string | undefined;
}

interface MeasureSeries {
  readonly measure: DepthMeasure;
  readonly name: string;
  readonly color: string;
  readonly dash?: string | undefined;
}

interface MeasureChartProps {
  readonly rows: readonly DepthRow[];
  readonly series: readonly MeasureSeries[];
  readonly yLabel: string;
  readonly reference?: { readonly y: number; readonly label: string } | undefined;
}

function MeasureChart({ rows, series, yLabel, reference }: MeasureChartProps) {
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const domain = logDomain([...series.flatMap((s) => rows.map((r) => r[s.measure])), reference?.y]);
  const last = rows[rows.length - 1]?.layer ?? 1;
  const xDomain: [number, number] = rows.length < 2 ? [0, last + 1] : [rows[0]!.layer, last];
  const xTicks = niceTicks(xDomain[0], xDomain[1], tickBudget(width), { integer: true }).ticks;
  return (
    <div ref={plotRef} className="nl-chart__plot">
      {width > 0 && domain ? (
        <LineChart
          width={width}
          height={200}
          data={[...rows]}
          margin={{ top: 8, right: 12, bottom: 20, left: 4 }}
        >
          <CartesianGrid stroke={GRID_COLOR} />
          <XAxis
            dataKey="layer"
            type="number"
            domain={xDomain}
            ticks={xTicks}
            stroke={AXIS_COLOR}
            height={X_AXIS_HEIGHT}
            label={xAxisLabel('Layer')}
          />
          <YAxis
            scale="log"
            domain={domain}
            ticks={decadeTicks(domain)}
            allowDataOverflow
            tickFormatter={formatNumber}
            stroke={AXIS_COLOR}
            width={Y_AXIS_WIDTH}
            label={yAxisLabel(yLabel)}
          />
          <Tooltip
            formatter={tooltipNumber}
            labelFormatter={(l) => (typeof l === 'number' ? `Layer ${l}` : l)}
          />
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
          {series.map((s) => (
            <Line
              key={s.measure}
              dataKey={s.measure}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              {...(s.dash ? { strokeDasharray: s.dash } : {})}
              dot={rows.length <= 30 ? { r: 2.5 } : false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : null}
    </div>
  );
}

const GRADIENT_SERIES: readonly MeasureSeries[] = [
  { measure: 'gradNorm', name: "‖∂L/∂h‖: gradient at the layer's output", color: RUN_COLORS.B },
  {
    measure: 'weightGradNorm',
    name: '‖∂L/∂W‖: gradient of its weights',
    color: RUN_COLORS.C,
    dash: '6 3',
  },
];

function UnplottableNote({
  result,
  measure,
  name,
}: {
  readonly result: DepthProbeResult;
  readonly measure: DepthMeasure;
  readonly name: string;
}) {
  const missing = unplottableLayers(result, measure);
  if (missing.length === 0) return null;
  const zero = missing.every((l) => l[measure] === 0);
  const where = `${missing.length === 1 ? 'layer' : 'layers'} ${layerRanges(missing.map((l) => l.layer))}`;
  return (
    <p className="nl-chart__note">
      {zero
        ? `The ${name} is exactly 0 at ${where}: the signal has died out there, and a log scale cannot show 0.`
        : `The ${name} at ${where} is not a finite number and is left out.`}
    </p>
  );
}

/** Signal propagation through an untrained deep network: activation std and gradient norm by layer. */
export const DepthProbePanel = memo(function DepthProbePanel({
  result,
  loading,
  error,
  setting,
  title = 'Signal through depth',
  headingLevel = 3,
  emptyMessage = 'Press Measure to push a batch through the untrained network and see how activations and gradients change with depth.',
}: DepthProbePanelProps) {
  const rows = useMemo(() => (result ? depthRows(result) : []), [result]);
  const summary = useMemo(
    () => (result ? summarizeDepthProbe(result, setting) : ''),
    [result, setting],
  );
  const sub = subLevel(headingLevel);
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      busy={loading}
      emptyMessage={!result && !loading && !error ? emptyMessage : undefined}
      description={
        <>
          <p>Setting: {setting}</p>
          <p role="status" className="nl-chart__status">
            {loading ? 'Measuring how the signal passes through the layers…' : ''}
          </p>
        </>
      }
    >
      {error ? (
        <p className="nl-chart__error" role="alert">
          The measurement failed: {error}
        </p>
      ) : null}
      {result ? (
        <>
          <Heading level={sub} className="nl-chart__subtitle">
            Activation std per layer
          </Heading>
          <MeasureChart
            rows={rows}
            series={[{ measure: 'activationStd', name: 'Activation std', color: RUN_COLORS.A }]}
            yLabel="Activation std (log)"
            reference={{ y: result.inputStd, label: 'input std' }}
          />
          <UnplottableNote result={result} measure="activationStd" name="activation std" />
          <Heading level={sub} className="nl-chart__subtitle">
            Gradient norm per layer
          </Heading>
          <MeasureChart rows={rows} series={GRADIENT_SERIES} yLabel="Gradient norm (log)" />
          <ChartLegend
            items={GRADIENT_SERIES.map((g) => ({ label: g.name, color: g.color, dash: g.dash }))}
          />
          <UnplottableNote result={result} measure="gradNorm" name="gradient at the output" />
          <UnplottableNote result={result} measure="weightGradNorm" name="weight gradient" />
        </>
      ) : null}
    </ChartCard>
  );
});
