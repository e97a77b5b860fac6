import { memo, useMemo, useState } from 'react';
import { PRESENTER_SMOOTHING, VIEW_SETTINGS } from '../../lab/viewSettings';
import { useChartView } from '../present/chartView';
import { presenterRunColor } from '../present/presenterPalette';
import { tickBudget } from './axisStyle';
import { ChartCard, chartSubLevel, type ChartOptions, type ChartText } from './ChartCard';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { withoutDivergedTails } from './divergence';
import { formatNumber, formatPercent, formatStep } from './format';
import { Heading } from './Heading';
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
import { ChartSelect } from './ChartSelect';
import type { PlotAxis, PlotMarker } from './PlotFrame';
import { exponentialMovingAverage } from './smoothing';
import { SmoothingField } from './SmoothingField';
import { describeStepWindow, STEP_WINDOWS, withinFirstSteps } from './stepWindow';
import { niceTicks } from './ticks';
import { CheckboxField } from '../lab/fields/CheckboxField';

export type { LossRun, LossSeries } from './lossChartData';

export interface LossChartProps extends ChartOptions {
  /** Every run to overlay, in legend order. */
  readonly runs: readonly LossRun[];
  /** Whether the loss axis starts logarithmic (the learner can switch). */
  readonly defaultLogScale?: boolean | undefined;
  /**
   * Vertices per line at most. Without it, lines keep about two per pixel column (the lowest and
   * highest loss in it), which already bounds the cost of any run length.
   */
  readonly maxPoints?: number | undefined;
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
/** On a projector the loss plot takes about half of a 720 px screen. */
const presenterLossHeight = (width: number): number => (width >= 560 ? 340 : 260);
/** The raw per-batch curve behind a smoothed one: its colour at this opacity (hex alpha). */
const RAW_CURVE_ALPHA = '55';

const divergedNote = (run: LossRun): string =>
  run.divergedAt === undefined ? '' : ` (diverged at step ${formatStep(run.divergedAt)})`;

function legendItems(runs: readonly LossRun[], smoothing: number): LegendItem[] {
  return [
    ...runs.map((run) => ({
      label: `${run.label || `Run ${run.id}`}${divergedNote(run)}`,
      color: run.color,
    })),
    smoothing > 0
      ? {
          label: 'training, exponential moving average (solid; raw per-batch curve faint)',
          color: REFERENCE_COLOR,
        }
      : { label: 'training, one batch per step (solid)', color: REFERENCE_COLOR },
    {
      label: 'validation on held-out data (dashed)',
      color: REFERENCE_COLOR,
      dash: VALIDATION_DASH.join(' '),
    },
  ];
}

const TEXT: ChartText = {
  title: 'Loss',
  emptyMessage: 'Press Train to see the loss curve.',
};

/** Training and validation loss of every run over steps, overlaid, with validation accuracy below. */
export const LossChart = memo(function LossChart({
  runs: given,
  defaultLogScale = false,
  maxPoints,
  ...options
}: LossChartProps) {
  const view = useChartView();
  const { presenting } = view;
  const [ownLogScale, setOwnLogScale] = useState(defaultLogScale);
  // null: the default, which is on in presenter mode and off for the learner.
  const [ownSmoothing, setOwnSmoothing] = useState<number | null>(null);
  const logScale = view.loss ? view.loss.logScale : ownLogScale;
  const setLogScale = view.loss ? view.loss.setLogScale : setOwnLogScale;
  const smoothing = view.loss
    ? view.loss.smoothing
    : (ownSmoothing ?? (presenting ? PRESENTER_SMOOTHING : 0));
  const setSmoothing = view.loss ? view.loss.setSmoothing : setOwnSmoothing;

  // 0: every step; else only the first steps (a fast 2-D run's start, not squeezed into a sliver).
  const [stepWindow, setStepWindow] = useState(0);
  // A diverged run is cut where it diverged, so its 8e25 does not set the axis (divergence.ts).
  const { runs, limit } = useMemo(() => {
    const cut = withoutDivergedTails(withinFirstSteps(given, stepWindow));
    return {
      limit: cut.limit,
      runs: cut.runs.map((run) => ({ ...run, color: presenterRunColor(run.id, presenting) })),
    };
  }, [given, stepWindow, presenting]);
  const summary = useMemo(() => summarizeLoss(runs), [runs]);
  const empty = !hasLossData(runs);

  const [firstStep, lastPlotted] = stepRange(runs);
  const lastStep = stepWindow > 0 ? stepWindow : lastPlotted;
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
  const loss = useMemo(() => lossAxis(runs, logScale, limit), [runs, logScale, limit]);
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
      // Typed arrays reach the chart worker as one copy of memory, not number by number.
      const steps = Float64Array.from(run.train.steps);
      const raw = Float64Array.from(run.train.losses);
      if (smoothing > 0) {
        lossLines.push(
          {
            name: `${name} training (raw)`,
            color: `${run.color}${RAW_CURVE_ALPHA}`,
            xs: steps,
            ys: raw,
            lineWidth: 1,
            connectGaps: true,
          },
          {
            name: `${name} training (EMA)`,
            color: run.color,
            xs: steps,
            ys: exponentialMovingAverage(raw, smoothing),
            lineWidth: 1.5,
            connectGaps: true,
          },
        );
      } else {
        lossLines.push({
          name: `${name} training`,
          color: run.color,
          xs: steps,
          ys: raw,
          // One pixel: the rasteriser draws that as a hairline, about six times faster than a wider
          // stroke (without a GPU this line was the chart worker's largest cost), and the noisy
          // per-batch curve reads more clearly thin, under the dashed validation line.
          lineWidth: 1,
          connectGaps: true,
        });
      }
      lossLines.push({
        name: `${name} validation`,
        color: run.color,
        xs: validation.steps,
        ys: validation.losses,
        lineWidth: 2,
        dash: VALIDATION_DASH,
        dotRadius,
        connectGaps: true,
      });
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
  }, [runs, smoothing]);
  const markers = useMemo<PlotMarker[]>(
    () =>
      runs.flatMap((run) =>
        run.divergedAt === undefined
          ? []
          : [
              {
                x: run.divergedAt,
                label: `↑ ${run.id} diverged at step ${formatStep(run.divergedAt)}`,
                color: run.color,
              },
            ],
      ),
    [runs],
  );

  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={empty}
      summary={summary}
      description={
        <p>
          {smoothing > 0
            ? 'Solid lines: training loss smoothed by an exponential moving average, the raw per-batch loss faint behind. Dashed: loss on held-out data.'
            : 'Solid lines: loss on each training batch. Dashed: loss on held-out data.'}
          {markers.length > 0
            ? ' A run that diverged is cut where it did, so the axis stays on the others.'
            : ''}
        </p>
      }
      controls={
        <>
          <CheckboxField
            look="chart"
            label={VIEW_SETTINGS.logScale.label}
            hint={VIEW_SETTINGS.logScale.hint}
            checked={logScale}
            onChange={setLogScale}
          />
          <SmoothingField value={smoothing} onChange={setSmoothing} />
          <ChartSelect
            label="Steps shown"
            hint="Only the first steps, so the start of a fast run is not squeezed into a sliver."
            value={stepWindow}
            choices={STEP_WINDOWS}
            describe={describeStepWindow}
            onChange={setStepWindow}
          />
        </>
      }
    >
      {yAxis ? (
        <LinePlot
          series={lossSeries}
          x={xAxis}
          y={yAxis}
          height={presenting ? presenterLossHeight : lossPlotHeight}
          maxVertices={maxPoints}
          readoutTitle={stepTitle}
          markers={markers}
          fullScreenShare={0.5}
        />
      ) : (
        <p className="nl-chart__note">
          {logScale
            ? 'No loss can be drawn on a log scale yet: every loss so far is 0 or not a number.'
            : 'No loss can be drawn yet: every loss so far is not a number.'}
        </p>
      )}
      <ChartLegend items={legendItems(runs, smoothing)} />
      <Heading level={chartSubLevel(options)} className="nl-chart__subtitle">
        Validation accuracy
      </Heading>
      {hasValidation(runs) ? (
        <LinePlot
          series={accuracySeries}
          x={xAxis}
          y={ACCURACY_AXIS}
          height={presenting ? 200 : 160}
          maxVertices={maxPoints}
          readoutTitle={stepTitle}
          readoutValue={formatPercent}
          fullScreenShare={0.2}
        />
      ) : (
        <p className="nl-chart__note">Validation accuracy appears after the first evaluation.</p>
      )}
    </ChartCard>
  );
});
