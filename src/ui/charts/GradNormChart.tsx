import { memo, useCallback, useMemo } from 'react';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { ChartCard, chartSubLevel, type ChartOptions, type ChartText } from './ChartCard';
import { formatNumber, listPhrase } from './format';
import {
  gradNormBars,
  summarizeGradNorms,
  undrawableLayers,
  type GradNormBar,
} from './gradNormData';
import { LayerHistory } from './LayerHistory';
import { decadeTicks, logBarDomain } from './logScale';
import { BAR_COLOR } from './palette';
import type { PlotMark } from './plotScene';
import { PlotFrame, type PlotAxis } from './PlotFrame';
import type { PlotReadout } from './plotReadout';
import { weightSeries } from './probeHistory';

export interface GradNormChartProps extends ChartOptions {
  /** One run's probe snapshots, oldest first; the bars show the latest. */
  readonly snapshots: readonly ProbeSnapshot[];
}

const ROW_HEIGHT = 26;
const BAR_THICKNESS = 16;
/** Approximate width of a 12 px label character, to size the layer-name column. */
const LABEL_CHAR_PX = 7;

/** Layers down the y axis: layer i occupies the band [i, i + 1], the first layer at the top. */
function layerAxis(bars: readonly GradNormBar[]): PlotAxis {
  return {
    scale: { kind: 'linear', domain: [bars.length, 0] },
    ticks: bars.map((_, i) => i + 0.5),
    format: (v) => bars[Math.floor(v)]?.layer ?? '',
    title: 'Layer',
    grid: false,
  };
}

function GradNormBars({ bars }: { readonly bars: readonly GradNormBar[] }) {
  const missing = undrawableLayers(bars);
  const xAxis = useMemo<PlotAxis | null>(() => {
    const domain = logBarDomain(bars.map((b) => b.gradNorm));
    return (
      domain && {
        scale: { kind: 'log', domain },
        ticks: decadeTicks(domain),
        format: formatNumber,
        title: 'Gradient norm ‖∂L/∂W‖ (log scale)',
      }
    );
  }, [bars]);
  const yAxis = useMemo(() => layerAxis(bars), [bars]);
  const marks = useMemo<PlotMark[]>(
    () => [
      {
        kind: 'hbars',
        values: bars.map((b) => b.gradNorm),
        color: BAR_COLOR,
        thickness: BAR_THICKNESS,
      },
    ],
    [bars],
  );
  const readout = useCallback(
    (_x: number, y: number): PlotReadout | null => {
      const bar = bars[Math.floor(y)];
      if (!bar) return null;
      return {
        title: bar.layer,
        rows: [{ label: 'Gradient norm', color: BAR_COLOR, value: formatNumber(bar.gradNorm) }],
      };
    },
    [bars],
  );
  const longestName = bars.reduce((m, b) => Math.max(m, b.layer.length), 0);
  return (
    <>
      {xAxis ? (
        <PlotFrame
          x={xAxis}
          y={yAxis}
          height={bars.length * ROW_HEIGHT + 44}
          marks={marks}
          readout={readout}
          yAxisWidth={Math.min(150, 30 + LABEL_CHAR_PX * longestName)}
        />
      ) : null}
      {missing.length > 0 ? (
        <p className="nl-chart__note">
          No bar for {listPhrase(missing.map((b) => `${b.layer} (${formatNumber(b.gradNorm)})`))}: a
          log scale cannot show {missing.length === 1 ? 'it' : 'them'}
          {missing.some((b) => b.gradNorm === 0)
            ? '; a norm of exactly 0 means no gradient reaches the layer'
            : ''}
          .
        </p>
      ) : null}
    </>
  );
}

const TEXT: ChartText = {
  title: 'Gradient norm per layer',
  emptyMessage: 'Press Train to see how large the gradient is at each layer.',
};

/** "Where do gradients vanish?": the latest gradient norm per layer as log bars, and its history. */
export const GradNormChart = memo(function GradNormChart({
  snapshots,
  ...options
}: GradNormChartProps) {
  const latest = snapshots[snapshots.length - 1];
  const bars = useMemo(() => gradNormBars(latest?.params ?? []), [latest]);
  const history = useMemo(
    () => weightSeries(snapshots, (p) => (p.gradNorm > 0 ? p.gradNorm : null)),
    [snapshots],
  );
  const summary = useMemo(() => summarizeGradNorms(bars, latest?.step), [bars, latest]);

  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={bars.length === 0}
      summary={summary}
      description={
        <p>
          ‖∂L/∂W‖: how strongly the loss pulls on each layer&apos;s weights, the step plain SGD
          takes. It is the gradient arriving at the layer&apos;s output times the layer&apos;s input
          (δ·hᵀ), not the back-propagated gradient itself (the depth probe draws both). Bars much
          shorter at the first layers mean the back-propagated gradient vanishes there; bars that
          are all tiny mean the inputs shrink as fast as the gradient grows, and every layer learns
          slowly. Compare the update ratio chart, which divides by the weights.
        </p>
      }
    >
      <GradNormBars bars={bars} />
      <LayerHistory
        series={history}
        title="Over time"
        level={chartSubLevel(options)}
        yLabel="Gradient norm (log)"
        yScale="log"
        note="The history appears once two snapshots have been taken."
      />
    </ChartCard>
  );
});
