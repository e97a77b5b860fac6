import { memo, useMemo } from 'react';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { ChartCard, type ChartOptions } from './ChartCard';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import { LayerLinesChart } from './LayerLinesChart';
import { logDomain } from './logScale';
import type { LayerSeriesRows } from './probeHistory';
import { normDomain, summarizeWeightNorms, weightNormSeries } from './weightNormData';

export interface WeightNormChartProps extends ChartOptions {
  /** One run's probe snapshots, oldest first. */
  readonly snapshots: readonly ProbeSnapshot[];
}

const values = (s: LayerSeriesRows) => s.rows.flatMap((r) => s.layers.map((l) => r[l.key]));

/** One history on a log axis, or a note while it has fewer than two points. */
function LogHistory({
  series,
  title,
  yLabel,
  level,
  note,
}: {
  readonly series: LayerSeriesRows;
  readonly title: string;
  readonly yLabel: string;
  readonly level: HeadingLevel;
  readonly note: string;
}) {
  const domain = useMemo(() => logDomain(values(series)), [series]);
  return (
    <>
      <Heading level={level} className="nl-chart__subtitle">
        {title}
      </Heading>
      {series.rows.length >= 2 && domain ? (
        <LayerLinesChart
          series={series}
          yLabel={yLabel}
          yScale="log"
          yDomain={domain}
          height={180}
        />
      ) : (
        <p className="nl-chart__note">{note}</p>
      )}
    </>
  );
}

/**
 * Scale invariance, watched: each layer's weight norm over training, the size of each step against
 * it, and, for the weights whose scale a normalization divides out, the learning rate their
 * direction sees (η/‖W‖² under SGD).
 */
export const WeightNormChart = memo(function WeightNormChart({
  snapshots,
  title = 'Weight norm and effective learning rate',
  headingLevel = 3,
  emptyMessage = 'Press Train to see how each layer’s weight norm and step size change.',
}: WeightNormChartProps) {
  const series = useMemo(() => weightNormSeries(snapshots), [snapshots]);
  const latest = snapshots[snapshots.length - 1];
  const summary = useMemo(() => summarizeWeightNorms(latest?.params ?? [], latest?.step), [latest]);
  const level = subLevel(headingLevel);
  const trained = latest !== undefined && latest.step > 0;
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      emptyMessage={trained && series.norms.layers.length > 0 ? undefined : emptyMessage}
      description={
        <p>
          ‖W‖ of each layer&apos;s weights, and ‖ΔW‖/‖W‖: how far one step moves them, measured in
          their own size. When a normalization follows a layer, scaling its weights changes nothing
          the network computes, so only this relative step matters: as ‖W‖ grows, the same learning
          rate η moves the weights less, and SGD&apos;s effective learning rate is η/‖W‖². Weight
          decay keeps ‖W‖, and so the effective rate, from drifting.
        </p>
      }
    >
      <Heading level={level} className="nl-chart__subtitle">
        Weight norm ‖W‖
      </Heading>
      {series.norms.rows.length >= 2 ? (
        <LayerLinesChart
          series={series.norms}
          yLabel="‖W‖"
          yScale="linear"
          yDomain={normDomain(series.norms)}
          height={180}
        />
      ) : (
        <p className="nl-chart__note">The history appears once two snapshots have been taken.</p>
      )}
      <LogHistory
        series={series.relativeUpdates}
        title="Relative update ‖ΔW‖/‖W‖"
        yLabel="‖ΔW‖/‖W‖ (log)"
        level={level}
        note="The relative update appears once two steps have been measured."
      />
      {series.effectiveRates.layers.length > 0 ? (
        <LogHistory
          series={series.effectiveRates}
          title="Effective learning rate η/‖W‖² (weights that feed a normalization)"
          yLabel="η/‖W‖² (log)"
          level={level}
          note="The effective learning rate appears once two snapshots have been taken."
        />
      ) : null}
    </ChartCard>
  );
});
