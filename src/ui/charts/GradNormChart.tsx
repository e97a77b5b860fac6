import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { X_AXIS_HEIGHT, xAxisLabel } from './axisStyle';
import { ChartCard } from './ChartCard';
import { formatNumber, listPhrase } from './format';
import {
  gradNormBars,
  summarizeGradNorms,
  undrawableLayers,
  type GradNormBar,
} from './gradNormData';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import { LayerLinesChart } from './LayerLinesChart';
import { decadeTicks, isLoggable, logBarDomain, logDomain } from './logScale';
import { AXIS_COLOR, BAR_COLOR, GRID_COLOR } from './palette';
import { weightSeries } from './probeHistory';
import { tooltipNumber } from './tooltipFormat';
import { useElementSize } from './useElementSize';

export interface GradNormChartProps {
  /** One run's probe snapshots, oldest first; the bars show the latest. */
  readonly snapshots: readonly ProbeSnapshot[];
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  readonly emptyMessage?: string | undefined;
}

const ROW_HEIGHT = 26;

function GradNormBars({ bars }: { readonly bars: readonly GradNormBar[] }) {
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const domain = logBarDomain(bars.map((b) => b.gradNorm));
  const missing = undrawableLayers(bars);
  const data = bars.map((b) => ({
    layer: b.layer,
    gradNorm: isLoggable(b.gradNorm) ? b.gradNorm : null,
  }));
  return (
    <>
      {domain ? (
        <div ref={plotRef} className="nl-chart__plot">
          {width > 0 ? (
            <BarChart
              width={width}
              height={bars.length * ROW_HEIGHT + 56}
              data={data}
              layout="vertical"
              margin={{ top: 4, right: 16, bottom: 20, left: 4 }}
            >
              <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
              <XAxis
                type="number"
                dataKey="gradNorm"
                scale="log"
                domain={domain}
                ticks={decadeTicks(domain)}
                allowDataOverflow
                tickFormatter={formatNumber}
                stroke={AXIS_COLOR}
                height={X_AXIS_HEIGHT}
                label={xAxisLabel('Gradient norm ‖∂L/∂W‖ (log scale)')}
              />
              <YAxis
                type="category"
                dataKey="layer"
                stroke={AXIS_COLOR}
                width={Math.min(120, Math.max(48, width * 0.22))}
                label={{
                  value: 'Layer',
                  position: 'insideTopLeft',
                  offset: 0,
                  fill: AXIS_COLOR,
                  dy: -4,
                }}
              />
              <Tooltip formatter={tooltipNumber} />
              <Bar
                dataKey="gradNorm"
                name="Gradient norm"
                fill={BAR_COLOR}
                isAnimationActive={false}
                barSize={16}
              />
            </BarChart>
          ) : null}
        </div>
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

/** "Where do gradients vanish?": the latest gradient norm per layer as log bars, and its history. */
export const GradNormChart = memo(function GradNormChart({
  snapshots,
  title = 'Gradient norm per layer',
  headingLevel = 3,
  emptyMessage = 'Press Train to see how large the gradient is at each layer.',
}: GradNormChartProps) {
  const latest = snapshots[snapshots.length - 1];
  const bars = useMemo(() => gradNormBars(latest?.params ?? []), [latest]);
  const history = useMemo(
    () => weightSeries(snapshots, (p) => (p.gradNorm > 0 ? p.gradNorm : null)),
    [snapshots],
  );
  const historyDomain = logDomain(history.rows.flatMap((r) => history.layers.map((l) => r[l.key])));
  const summary = useMemo(() => summarizeGradNorms(bars, latest?.step), [bars, latest]);

  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      emptyMessage={bars.length === 0 ? emptyMessage : undefined}
      description={
        <p>
          How strongly the loss pulls on each layer&apos;s weights. Bars much shorter than the rest,
          usually at the first layers, are where gradients vanish.
        </p>
      }
    >
      <GradNormBars bars={bars} />
      <Heading level={subLevel(headingLevel)} className="nl-chart__subtitle">
        Over time
      </Heading>
      {history.rows.length >= 2 && historyDomain ? (
        <LayerLinesChart
          series={history}
          yLabel="Gradient norm (log)"
          yScale="log"
          yDomain={historyDomain}
          yTicks={decadeTicks(historyDomain)}
        />
      ) : (
        <p className="nl-chart__note">The history appears once two snapshots have been taken.</p>
      )}
    </ChartCard>
  );
});
