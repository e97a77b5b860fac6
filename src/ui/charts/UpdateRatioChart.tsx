import { memo, useMemo } from 'react';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { LayerLinesChart } from './LayerLinesChart';
import { weightSeries } from './probeHistory';
import {
  hasUpdateRatios,
  summarizeUpdateRatios,
  TYPICAL_UPDATE_RATIO,
  updateRatioDomain,
} from './updateRatioData';

export interface UpdateRatioChartProps extends ChartOptions {
  /** One run's probe snapshots, oldest first. */
  readonly snapshots: readonly ProbeSnapshot[];
}

const TEXT: ChartText = {
  title: 'Update-to-weight ratio',
  emptyMessage: 'Press Train to see how big each update is compared with the weights.',
};

/** log10(std(Δw)/std(w)) per weight layer over steps, against the usual −3. */
export const UpdateRatioChart = memo(function UpdateRatioChart({
  snapshots,
  ...options
}: UpdateRatioChartProps) {
  const series = useMemo(() => weightSeries(snapshots, (p) => p.updateRatio), [snapshots]);
  const latest = snapshots[snapshots.length - 1];
  const summary = useMemo(
    () => summarizeUpdateRatios(latest?.params ?? [], latest?.step),
    [latest],
  );
  const ticks = useMemo(() => {
    const [lo, hi] = updateRatioDomain(series);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  }, [series]);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={!hasUpdateRatios(series)}
      summary={summary}
      description={
        <p>
          How much one optimizer step changes each layer&apos;s weights, relative to their size, as
          log10. Near −3 is typical; far above, the learning rate is too high for that layer; far
          below, it barely learns.
        </p>
      }
    >
      <LayerLinesChart
        series={series}
        yLabel="log10(std Δw / std w)"
        yScale="linear"
        yDomain={updateRatioDomain(series)}
        yTicks={ticks}
        reference={{ y: TYPICAL_UPDATE_RATIO, label: '−3 (typical)' }}
      />
    </ChartCard>
  );
});
