import { memo, useMemo, useState } from 'react';
import { tickBudget } from './axisStyle';
import { ChartCard } from './ChartCard';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { formatNumber, formatPercent, formatStep } from './format';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import { LinePlot } from './LinePlot';
import {
  hasLossData,
  hasValidation,
  lossAxis,
  stepRange,
  summarizeLoss,
  validationColumns,
  type LossRun,
} from './lossChartData';
import { REFERENCE_COLOR } from './palette';
import type { PlotSeries } from './plotScene';
import type { PlotAxis } from './PlotFrame';
import { niceTicks } from './ticks';
import { ToggleField } from './ToggleField';

export type { LossRun, LossSeries } from './lossChartData';

export interface LossChartProps {
  /** Every run to overlay, in legend order. */
  readonly runs: readonly LossRun[];
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  /** Whether the loss axis starts logarithmic (the learner can switch). */
  readonly defaultLogScale?: boolean | undefined;
  /**
   * Vertices per line at most. Without it, lines keep about two per pixel column (the lowest and
   * highest loss in it), which already bounds the cost of any run length.
   */
  readonly maxPoints?: number | undefined;
  readonly emptyMessage?: string | undefined;
}

const VALIDATION_DASH = [6, 3];
/** Validation dots mark when evaluations happened; past this many per run they clutter the line. */
const MAX_VALIDATION_DOTS = 40;
const ACCURACY_AXIS: PlotAxis = {
  scale: { kind: 'linear', domain: [0, 1] },
  ticks: [0, 0.25, 0.5, 0.75, 1],
  format: formatPercent,
  title: 'Accuracy',
};
const stepTitle = (step: number): string => `Step ${formatStep(step)}`;
const lossPlotHeight = (width: number): number => (width >= 560 ? 260 : 220);

function legendItems(runs: readonly LossRun[]): LegendItem[] {
  return [
    ...runs.map((run) => ({ label: run.label || `Run ${run.id}`, color: run.color })),
    { label: 'training, one batch per step (solid)', color: REFERENCE_COLOR },
    {
      label: 'validation on held-out data (dashed)',
      color: REFERENCE_COLOR,
      dash: VALIDATION_DASH.join(' '),
    },
  ];
}

/** Training and validation loss of every run over steps, overlaid, with validation accuracy below. */
export const LossChart = memo(function LossChart({
  runs,
  title = 'Loss',
  headingLevel = 3,
  defaultLogScale = false,
  maxPoints,
  emptyMessage = 'Press Train to see the loss curve.',
}: LossChartProps) {
  const [logScale, setLogScale] = useState(defaultLogScale);
  const summary = useMemo(() => summarizeLoss(runs), [runs]);
  const empty = !hasLossData(runs);

  const [firstStep, lastStep] = stepRange(runs);
  const xAxis = useMemo<PlotAxis>(
    () => ({
      scale: { kind: 'linear', domain: [firstStep, lastStep] },
      ticks: (length) =>
        niceTicks(firstStep, lastStep, tickBudget(length), { integer: true }).ticks,
      format: formatStep,
      title: 'Step',
    }),
    [firstStep, lastStep],
  );
  const loss = useMemo(() => lossAxis(runs, logScale), [runs, logScale]);
  const yAxis = useMemo<PlotAxis | null>(
    () =>
      loss && {
        ...loss,
        format: formatNumber,
        title: logScale ? 'Loss (log scale)' : 'Loss',
      },
    [loss, logScale],
  );

  const { lossSeries, accuracySeries } = useMemo(() => {
    const lossLines: PlotSeries[] = [];
    const accuracyLines: PlotSeries[] = [];
    for (const run of runs) {
      const name = run.label || `Run ${run.id}`;
      const validation = validationColumns(run.validation);
      const dotRadius = run.validation.length <= MAX_VALIDATION_DOTS ? 2 : 0;
      lossLines.push(
        {
          name: `${name} training`,
          color: run.color,
          // Typed arrays reach the chart worker as one copy of memory, not number by number.
          xs: Float64Array.from(run.train.steps),
          ys: Float64Array.from(run.train.losses),
          // One pixel: the rasteriser draws that as a hairline, about six times faster than a wider
          // stroke (without a GPU this line was the chart worker's largest cost), and the noisy
          // per-batch curve reads more clearly thin, under the dashed validation line.
          lineWidth: 1,
          connectGaps: true,
        },
        {
          name: `${name} validation`,
          color: run.color,
          xs: validation.steps,
          ys: validation.losses,
          lineWidth: 2,
          dash: VALIDATION_DASH,
          dotRadius,
          connectGaps: true,
        },
      );
      accuracyLines.push({
        name: `${name} validation accuracy`,
        color: run.color,
        xs: validation.steps,
        ys: validation.accuracies,
        lineWidth: 2,
        dash: VALIDATION_DASH,
        dotRadius,
        connectGaps: true,
      });
    }
    return { lossSeries: lossLines, accuracySeries: accuracyLines };
  }, [runs]);

  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      emptyMessage={empty ? emptyMessage : undefined}
      description={<p>Solid lines: loss on each training batch. Dashed: loss on held-out data.</p>}
      controls={
        <ToggleField
          label="Log scale for loss"
          hint="Spreads out small losses so progress late in training stays visible."
          checked={logScale}
          onChange={setLogScale}
        />
      }
    >
      {yAxis ? (
        <LinePlot
          series={lossSeries}
          x={xAxis}
          y={yAxis}
          height={lossPlotHeight}
          maxVertices={maxPoints}
          readoutTitle={stepTitle}
        />
      ) : (
        <p className="nl-chart__note">
          {logScale
            ? 'No loss can be drawn on a log scale yet: every loss so far is 0 or not a number.'
            : 'No loss can be drawn yet: every loss so far is not a number.'}
        </p>
      )}
      <ChartLegend items={legendItems(runs)} />
      <Heading level={subLevel(headingLevel)} className="nl-chart__subtitle">
        Validation accuracy
      </Heading>
      {hasValidation(runs) ? (
        <LinePlot
          series={accuracySeries}
          x={xAxis}
          y={ACCURACY_AXIS}
          height={160}
          maxVertices={maxPoints}
          readoutTitle={stepTitle}
          readoutValue={formatPercent}
        />
      ) : (
        <p className="nl-chart__note">Validation accuracy appears after the first evaluation.</p>
      )}
    </ChartCard>
  );
});
