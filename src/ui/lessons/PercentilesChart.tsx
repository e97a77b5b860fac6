import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSnapshot } from '../../engine/probes/probe';
import { ChartCard } from '../charts/ChartCard';
import type { ChartData } from '../charts/exporting/chartTable';
import { PRESENTER_LINE_SCALE, useChartView } from '../present/chartView';
import { ChartLegend } from '../charts/ChartLegend';
import { formatNumber, formatStep } from '../charts/format';
import type { HeadingLevel } from '../charts/Heading';
import { AXIS_COLOR, GRID_COLOR } from '../charts/palette';
import { tooltipNumber, tooltipStepLabel } from '../charts/tooltipFormat';
import { useElementSize } from '../charts/useElementSize';

export interface PercentileRow {
  step: number;
  p15: number;
  p50: number;
  p85: number;
}

/**
 * The layer followed: `preferred` when the probes have it, else the input of the last activation
 * (what Ioffe & Szegedy plot: the distribution a sigmoid receives), else the last tapped layer.
 */
export function percentileLayerName(
  snapshot: ProbeSnapshot | undefined,
  preferred: string | undefined,
): string | undefined {
  const taps = snapshot?.activations ?? [];
  if (preferred && taps.some((t) => t.name === preferred)) return preferred;
  let lastActivation = -1;
  taps.forEach((t, i) => {
    if (t.kind === 'activation') lastActivation = i;
  });
  return (taps[lastActivation - 1] ?? taps[taps.length - 1])?.name;
}

export function percentileRows(
  snapshots: readonly ProbeSnapshot[],
  layer: string | undefined,
): PercentileRow[] {
  if (layer === undefined) return [];
  return snapshots.flatMap((s) => {
    const tap = s.activations.find((a) => a.name === layer);
    if (!tap) return [];
    const [p15, p50, p85] = tap.unitPercentiles;
    return [{ step: s.step, p15, p50, p85 }];
  });
}

const SERIES = [
  { key: 'p85', label: '85th percentile', color: '#0072B2', dash: '6 3' },
  { key: 'p50', label: 'median', color: '#D55E00', dash: undefined },
  { key: 'p15', label: '15th percentile', color: '#009E73', dash: '2 3' },
] as const;

export interface PercentilesChartProps {
  readonly snapshots: readonly ProbeSnapshot[];
  readonly layer: string | undefined;
  readonly title: string;
  readonly headingLevel?: HeadingLevel | undefined;
}

/** The 15th, 50th and 85th percentiles of one unit's input over training (Ioffe & Szegedy, Figure 1). */
export function PercentilesChart({
  snapshots,
  layer: preferred,
  title,
  headingLevel = 4,
}: PercentilesChartProps) {
  const layer = percentileLayerName(snapshots[snapshots.length - 1], preferred);
  const rows = useMemo(() => percentileRows(snapshots, layer), [snapshots, layer]);
  const data = useMemo<ChartData>(
    () => ({
      xHeader: 'Step',
      columns: SERIES.map((s) => ({
        header: `${s.label} of unit 0 of ${layer ?? 'the layer'} (${title})`,
        xs: rows.map((r) => r.step),
        ys: rows.map((r) => r[s.key]),
      })),
    }),
    [rows, layer, title],
  );
  const { presenting } = useChartView();
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const last = rows[rows.length - 1];
  const first = rows[0];
  const summary =
    last && first
      ? `Unit 0 of ${layer}: at step ${formatStep(first.step)} the 15th, 50th and 85th percentiles were ${formatNumber(first.p15)}, ${formatNumber(first.p50)} and ${formatNumber(first.p85)}; at step ${formatStep(last.step)} they are ${formatNumber(last.p15)}, ${formatNumber(last.p50)} and ${formatNumber(last.p85)}.`
      : '';
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      data={data}
      emptyMessage={
        rows.length === 0 ? 'Run the experiment to follow one unit over training.' : undefined
      }
      description={
        <p>
          How one unit’s input (unit 0 of {layer ?? 'the last hidden layer'}) is spread over each
          batch as training goes on. Lines that stay level mean the next layer sees a steady input.
        </p>
      }
    >
      <div ref={plotRef} className="nl-chart__plot">
        {width > 0 ? (
          <LineChart
            width={width}
            height={220}
            data={rows}
            margin={{ top: 8, right: 12, bottom: 20, left: 4 }}
          >
            <CartesianGrid stroke={GRID_COLOR} />
            <XAxis
              dataKey="step"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatStep}
              stroke={AXIS_COLOR}
              label={{ value: 'Step', position: 'insideBottom', offset: -4, fill: AXIS_COLOR }}
            />
            <YAxis tickFormatter={formatNumber} stroke={AXIS_COLOR} width={56} />
            <Tooltip formatter={tooltipNumber} labelFormatter={tooltipStepLabel} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                {...(s.dash ? { strokeDasharray: s.dash } : {})}
                strokeWidth={presenting ? 2 * PRESENTER_LINE_SCALE : 2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color, dash: s.dash }))} />
    </ChartCard>
  );
}
