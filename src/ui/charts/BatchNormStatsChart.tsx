import { memo, useCallback, useMemo, useRef } from 'react';
import type { NormStats } from '../../engine/probes/probe';
import {
  compareNormStats,
  ghostNote,
  MAX_CHANNELS,
  sharedAxis,
  summarizeNormStats,
  type ChannelPoint,
  type NormComparison,
} from './batchNormData';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import { formatNumber } from './format';
import { BAR_COLOR, REFERENCE_COLOR } from './palette';
import type { PlotArea, PlotMark } from './plotScene';
import { PlotFrame, type PlotAxis } from './PlotFrame';
import type { PlotReadout } from './plotReadout';
import { toPixel } from './plotScale';
import type { NiceAxis } from './ticks';

export interface BatchNormStatsChartProps extends ChartOptions {
  /** One run's latest ProbeSnapshot.norms (BatchNorm layers only). */
  readonly norms: readonly NormStats[];
  readonly step?: number | undefined;
  /** Channels drawn per layer; wider layers are truncated, and the chart says so. */
  readonly maxChannels?: number | undefined;
}

const MAX_SIDE = 260;
const DOT_RADIUS = 3;
const DIAGONAL_DASH = [4, 4];
/** The readout names the channel whose dot is within this many pixels of the pointer. */
const PICK_RADIUS_PX = 8;
const square = (width: number): number => Math.min(width, MAX_SIDE);

function ChannelScatter({
  points,
  statistic,
}: {
  readonly points: readonly ChannelPoint[];
  readonly statistic: 'mean' | 'variance';
}) {
  // The axis drawn last time, which sharedAxis keeps while the points still fit it well.
  const shownAxis = useRef<NiceAxis | undefined>(undefined);
  const { xAxis, yAxis } = useMemo(() => {
    const axis = sharedAxis(points, shownAxis.current);
    shownAxis.current = axis;
    const common = { scale: { kind: 'linear', domain: axis.domain }, ticks: axis.ticks } as const;
    return {
      xAxis: { ...common, format: formatNumber, title: 'Last batch' } satisfies PlotAxis,
      yAxis: { ...common, format: formatNumber, title: 'Running' } satisfies PlotAxis,
    };
  }, [points]);
  const marks = useMemo<PlotMark[]>(() => {
    const [lo, hi] = xAxis.scale.domain;
    return [
      {
        kind: 'segment',
        from: [lo, lo],
        to: [hi, hi],
        color: REFERENCE_COLOR,
        dash: DIAGONAL_DASH,
      },
      {
        kind: 'dots',
        xs: Float64Array.from(points, (p) => p.batch),
        ys: Float64Array.from(points, (p) => p.running),
        color: BAR_COLOR,
        radius: DOT_RADIUS,
      },
    ];
  }, [points, xAxis]);
  const readout = useCallback(
    (x: number, y: number, area: PlotArea): PlotReadout | null => {
      const px = toPixel(area.x, x);
      const py = toPixel(area.y, y);
      let best: ChannelPoint | undefined;
      let bestDistance = PICK_RADIUS_PX;
      for (const p of points) {
        const d = Math.hypot(toPixel(area.x, p.batch) - px, toPixel(area.y, p.running) - py);
        if (d <= bestDistance) {
          best = p;
          bestDistance = d;
        }
      }
      if (!best) return null;
      return {
        title: `Channel ${best.channel}`,
        rows: [
          { label: `Last batch ${statistic}`, color: BAR_COLOR, value: formatNumber(best.batch) },
          { label: `Running ${statistic}`, color: BAR_COLOR, value: formatNumber(best.running) },
        ],
      };
    },
    [points, statistic],
  );
  return (
    <div className="nl-multiple">
      <p className="nl-multiple__title">{statistic === 'mean' ? 'Mean' : 'Variance'}</p>
      <PlotFrame
        x={xAxis}
        y={yAxis}
        height={square}
        maxWidth={MAX_SIDE}
        marks={marks}
        readout={readout}
      />
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
      {comparison.ghost ? <p className="nl-chart__note">{ghostNote(comparison)}</p> : null}
      {shown < channels ? (
        <p className="nl-chart__note">
          Showing the first {shown} of {channels} channels.
        </p>
      ) : null}
    </li>
  );
}

const TEXT: ChartText = {
  title: 'BatchNorm running vs batch statistics',
  emptyMessage:
    "Turn on BatchNorm and press Train to compare each layer's running statistics with the latest batch.",
};

/** Each BatchNorm layer's running mean and variance against the latest batch's, one dot per channel. */
export const BatchNormStatsChart = memo(function BatchNormStatsChart({
  norms,
  step,
  maxChannels = MAX_CHANNELS,
  ...options
}: BatchNormStatsChartProps) {
  const comparisons = useMemo(
    () => norms.map((n) => compareNormStats(n, maxChannels)),
    [norms, maxChannels],
  );
  const summary = useMemo(() => summarizeNormStats(comparisons, step), [comparisons, step]);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={norms.length === 0}
      summary={summary}
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
