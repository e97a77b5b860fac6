import { ChartCard } from '../charts/ChartCard';
import type { ChartData } from '../charts/exporting/chartTable';
import { formatNumber } from '../charts/format';
import { StepLines, stepLinesData } from './StepLines';

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
const CHART_DATA: ChartData = stepLinesData(DATA, SERIES, (s) => `${s.label} (Learning rate)`);

/** The three schedule shapes the next lesson compares, over one training run of 100 steps. */
export function ScheduleShapes() {
  return (
    <ChartCard
      title="Three learning-rate schedules"
      headingLevel={3}
      summary={`Over 100 steps with a peak learning rate of ${PEAK}: the constant schedule stays at ${PEAK}; step decay drops to ${formatNumber(PEAK / 10)} at step 50 and ${formatNumber(PEAK / 100)} at step 75; warm-up climbs from ${formatNumber(PEAK / WARMUP)} to ${PEAK} over the first ${WARMUP} steps, then follows half a cosine down to 0.`}
      description={<p>Learning rate (vertical) over the steps of one training run.</p>}
      data={CHART_DATA}
    >
      <StepLines
        rows={DATA}
        lines={SERIES}
        stepDomain={[0, TOTAL - 1]}
        valueDomain={[0, PEAK * 1.1]}
      />
    </ChartCard>
  );
}
