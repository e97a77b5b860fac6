import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { NormStats } from '../../engine/probes/probe';
import {
  compareNormStats,
  MAX_CHANNELS,
  sharedAxis,
  summarizeNormStats,
  type ChannelPoint,
  type NormComparison,
} from './batchNormData';
import { X_AXIS_HEIGHT, xAxisLabel, Y_AXIS_WIDTH, yAxisLabel } from './axisStyle';
import { ChartCard } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import { formatNumber } from './format';
import type { HeadingLevel } from './Heading';
import { AXIS_COLOR, BAR_COLOR, GRID_COLOR, REFERENCE_COLOR } from './palette';
import { tooltipNumber } from './tooltipFormat';
import { useElementSize } from './useElementSize';

export interface BatchNormStatsChartProps {
  /** One run's latest ProbeSnapshot.norms (BatchNorm layers only). */
  readonly norms: readonly NormStats[];
  readonly step?: number | undefined;
  /** Channels drawn per layer; wider layers are truncated, and the chart says so. */
  readonly maxChannels?: number | undefined;
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  readonly emptyMessage?: string | undefined;
}

function ChannelScatter({
  points,
  statistic,
}: {
  readonly points: readonly ChannelPoint[];
  readonly statistic: 'mean' | 'variance';
}) {
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const axis = sharedAxis(points);
  const size = Math.min(width, 260);
  return (
    <div className="nl-multiple">
      <p className="nl-multiple__title">{statistic === 'mean' ? 'Mean' : 'Variance'}</p>
      <div ref={plotRef} className="nl-chart__plot">
        {size > 0 ? (
          <ScatterChart
            width={size}
            height={size}
            margin={{ top: 8, right: 8, bottom: 20, left: 4 }}
          >
            <CartesianGrid stroke={GRID_COLOR} />
            <XAxis
              type="number"
              dataKey="batch"
              name={`Last batch ${statistic}`}
              domain={axis.domain}
              ticks={axis.ticks}
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              height={X_AXIS_HEIGHT}
              label={xAxisLabel('Last batch')}
            />
            <YAxis
              type="number"
              dataKey="running"
              name={`Running ${statistic}`}
              domain={axis.domain}
              ticks={axis.ticks}
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              width={Y_AXIS_WIDTH}
              label={yAxisLabel('Running')}
            />
            <ReferenceLine
              segment={[
                { x: axis.domain[0], y: axis.domain[0] },
                { x: axis.domain[1], y: axis.domain[1] },
              ]}
              stroke={REFERENCE_COLOR}
              strokeDasharray="4 4"
              ifOverflow="hidden"
            />
            <Tooltip formatter={tooltipNumber} />
            <Scatter data={[...points]} fill={BAR_COLOR} isAnimationActive={false} />
          </ScatterChart>
        ) : null}
      </div>
    </div>
  );
}

function LayerPanel({ comparison }: { readonly comparison: NormComparison }) {
  const { name, channels, shown, mean, variance } = comparison;
  return (
    <li>
      <p className="nl-multiple__title">
        {name} ({channels} {channels === 1 ? 'channel' : 'channels'})
      </p>
      {mean && variance ? (
        <div className="nl-pair">
          <ChannelScatter points={mean} statistic="mean" />
          <ChannelScatter points={variance} statistic="variance" />
        </div>
      ) : (
        <p className="nl-chart__note">Batch statistics appear after the first training step.</p>
      )}
      {shown < channels ? (
        <p className="nl-chart__note">
          Showing the first {shown} of {channels} channels.
        </p>
      ) : null}
    </li>
  );
}

/** Each BatchNorm layer's running mean and variance against the latest batch's, one dot per channel. */
export const BatchNormStatsChart = memo(function BatchNormStatsChart({
  norms,
  step,
  maxChannels = MAX_CHANNELS,
  title = 'BatchNorm running vs batch statistics',
  headingLevel = 3,
  emptyMessage = "Turn on BatchNorm and press Train to compare each layer's running statistics with the latest batch.",
}: BatchNormStatsChartProps) {
  const comparisons = useMemo(
    () => norms.map((n) => compareNormStats(n, maxChannels)),
    [norms, maxChannels],
  );
  const summary = useMemo(() => summarizeNormStats(comparisons, step), [comparisons, step]);
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      emptyMessage={norms.length === 0 ? emptyMessage : undefined}
      description={
        <p>
          One dot per channel. On the dashed diagonal, the running statistic that evaluation uses
          equals the last training batch&apos;s; dots far from it mean eval mode sees different
          normalization than training.
        </p>
      }
    >
      <ul className="nl-multiples nl-multiples--wide">
        {comparisons.map((c) => (
          <LayerPanel key={c.name} comparison={c} />
        ))}
      </ul>
      <ChartLegend
        items={[
          { label: 'Channel', color: BAR_COLOR, kind: 'swatch' },
          { label: 'Running = batch', color: REFERENCE_COLOR, dash: '4 4' },
        ]}
      />
    </ChartCard>
  );
});
