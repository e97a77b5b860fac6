import { memo, useMemo } from 'react';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { ChartCard, chartSubLevel, type ChartOptions, type ChartText } from './ChartCard';
import { LayerHistory, type LayerHistoryProps } from './LayerHistory';
import {
  normDomain,
  summarizeWeightNorms,
  weightNormSeries,
  type WeightNormSeries,
} from './weightNormData';

export interface WeightNormChartProps extends ChartOptions {
  /** One run's probe snapshots, oldest first. */
  readonly snapshots: readonly ProbeSnapshot[];
}

/** Three histories stack in this card: each shorter than a chart of its own. */
const HISTORY_HEIGHT = 180;

type History = Omit<LayerHistoryProps, 'level' | 'height'>;

/** The histories the card stacks; the effective rate only where a normalization follows a layer. */
function weightNormHistories({
  norms,
  relativeUpdates,
  effectiveRates,
}: WeightNormSeries): History[] {
  const histories: History[] = [
    {
      series: norms,
      title: 'Weight norm ‖W‖',
      yLabel: '‖W‖',
      yScale: 'linear',
      yDomain: normDomain(norms),
      note: 'The history appears once two snapshots have been taken.',
    },
    {
      series: relativeUpdates,
      title: 'Relative update ‖ΔW‖/‖W‖',
      yLabel: '‖ΔW‖/‖W‖ (log)',
      yScale: 'log',
      note: 'The relative update appears once two steps have been measured.',
    },
  ];
  if (effectiveRates.layers.length > 0)
    histories.push({
      series: effectiveRates,
      title: 'Effective learning rate η/‖W‖² (weights that feed a normalization)',
      yLabel: 'η/‖W‖² (log)',
      yScale: 'log',
      note: 'The effective learning rate appears once two snapshots have been taken.',
    });
  return histories;
}

const TEXT: ChartText = {
  title: 'Weight norm and effective learning rate',
  emptyMessage: 'Press Train to see how each layer’s weight norm and step size change.',
};

/**
 * Scale invariance, watched: each layer's weight norm over training, the size of each step against
 * it, and, for the weights whose scale a normalization divides out, the learning rate their
 * direction sees (η/‖W‖² under SGD).
 */
export const WeightNormChart = memo(function WeightNormChart({
  snapshots,
  ...options
}: WeightNormChartProps) {
  const series = useMemo(() => weightNormSeries(snapshots), [snapshots]);
  const latest = snapshots[snapshots.length - 1];
  const summary = useMemo(() => summarizeWeightNorms(latest?.params ?? [], latest?.step), [latest]);
  const level = chartSubLevel(options);
  const trained = latest !== undefined && latest.step > 0;
  const histories = useMemo(() => weightNormHistories(series), [series]);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={!(trained && series.norms.layers.length > 0)}
      summary={summary}
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
      {histories.map((history) => (
        <LayerHistory key={history.title} level={level} height={HISTORY_HEIGHT} {...history} />
      ))}
    </ChartCard>
  );
});
