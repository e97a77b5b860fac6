import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../charts/ChartCard';
import type { ChartData } from '../charts/exporting/chartTable';
import { PRESENTER_LINE_SCALE, useChartView } from '../present/chartView';
import { ChartLegend } from '../charts/ChartLegend';
import { formatNumber } from '../charts/format';
import { AXIS_COLOR, GRID_COLOR } from '../charts/palette';
import { tooltipNumber, tooltipStepLabel } from '../charts/tooltipFormat';
import { useElementSize } from '../charts/useElementSize';

const TOTAL = 100;
const WARMUP = 10;
const PEAK = 0.1;

/** η at step t of TOTAL: linear warm-up over WARMUP steps, then half a cosine down to 0. */
export function warmupCosine(t: number): number {
  if (t < WARMUP) return (PEAK * (t + 1)) / WARMUP;
  const progress = (t - WARMUP) / (TOTAL - WARMUP);
  return 0.5 * PEAK * (1 + Math.cos(Math.PI * progress));
}

/** η at step t: divided by 10 at 50% and again at 75% of training. */
export function stepDecay(t: number): number {
  return PEAK * 0.1 ** ((t >= TOTAL / 2 ? 1 : 0) + (t >= (3 * TOTAL) / 4 ? 1 : 0));
}

const SERIES = [
  { key: 'constant', label: 'constant', color: '#4a4a4a', dash: '2 3' },
  { key: 'stepDecay', label: 'step decay (÷10 at 50% and 75%)', color: '#0072B2', dash: '6 3' },
  { key: 'cosine', label: 'warm-up, then cosine decay', color: '#D55E00', dash: undefined },
] as const;

const DATA = Array.from({ length: TOTAL }, (_, step) => ({
  step,
  constant: PEAK,
  stepDecay: stepDecay(step),
  cosine: warmupCosine(step),
}));

/** What the chart plots, for its CSV: the step, then each schedule's learning rate. */
const CHART_DATA: ChartData = {
  xHeader: 'Step',
  columns: SERIES.map((s) => ({
    header: `${s.label} (Learning rate)`,
    xs: DATA.map((d) => d.step),
    ys: DATA.map((d) => d[s.key]),
  })),
};

/** The three schedule shapes the next lesson compares, over one training run of 100 steps. */
export function ScheduleShapes() {
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const { presenting } = useChartView();
  return (
    <ChartCard
      title="Three learning-rate schedules"
      headingLevel={3}
      summary={`Over 100 steps with a peak learning rate of ${PEAK}: the constant schedule stays at ${PEAK}; step decay drops to ${formatNumber(PEAK / 10)} at step 50 and ${formatNumber(PEAK / 100)} at step 75; warm-up climbs from ${formatNumber(PEAK / WARMUP)} to ${PEAK} over the first ${WARMUP} steps, then follows half a cosine down to 0.`}
      description={<p>Learning rate (vertical) over the steps of one training run.</p>}
      data={CHART_DATA}
    >
      <div ref={plotRef} className="nl-chart__plot">
        {width > 0 ? (
          <LineChart
            width={width}
            height={220}
            data={DATA}
            margin={{ top: 8, right: 12, bottom: 20, left: 4 }}
          >
            <CartesianGrid stroke={GRID_COLOR} />
            <XAxis
              dataKey="step"
              type="number"
              domain={[0, TOTAL - 1]}
              stroke={AXIS_COLOR}
              label={{ value: 'Step', position: 'insideBottom', offset: -4, fill: AXIS_COLOR }}
            />
            <YAxis
              domain={[0, PEAK * 1.1]}
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              width={56}
            />
            <Tooltip formatter={tooltipNumber} labelFormatter={tooltipStepLabel} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={presenting ? 2 * PRESENTER_LINE_SCALE : 2}
                dot={false}
                isAnimationActive={false}
                {...(s.dash ? { strokeDasharray: s.dash } : {})}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color, dash: s.dash }))} />
    </ChartCard>
  );
}
