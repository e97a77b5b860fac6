import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { tickBudget, X_AXIS_HEIGHT, xAxisLabel, Y_AXIS_WIDTH, yAxisLabel } from './axisStyle';
import { ChartCard } from './ChartCard';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { formatNumber, formatPercent, formatStep } from './format';
import { Heading, subLevel, type HeadingLevel } from './Heading';
import { decadeTicks, logDomain } from './logScale';
import {
  accuracyRows,
  hasLossData,
  hasValidation,
  lastTrainingPoint,
  lossKey,
  stepDomain,
  summarizeLoss,
  toLossRows,
  type LossRow,
  type LossRun,
} from './lossChartData';
import { AXIS_COLOR, GRID_COLOR, REFERENCE_COLOR } from './palette';
import { niceTicks } from './ticks';
import { ToggleField } from './ToggleField';
import { tooltipNumber, tooltipStepLabel } from './tooltipFormat';
import { useElementSize } from './useElementSize';

export type { LossRun, LossSeries } from './lossChartData';

export interface LossChartProps {
  /** Every run to overlay, in legend order. */
  readonly runs: readonly LossRun[];
  readonly title?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  /** Whether the loss axis starts logarithmic (the learner can switch). */
  readonly defaultLogScale?: boolean | undefined;
  /** Rows drawn at most (about 2 px apart on a wide screen); longer runs are thinned to every k-th step. */
  readonly maxPoints?: number | undefined;
  readonly emptyMessage?: string | undefined;
}

const VALIDATION_DASH = '6 3';
/** Validation dots mark when evaluations happened; past this many per run they cost more than they say. */
const MAX_VALIDATION_DOTS = 40;
const MARGIN = { top: 8, right: 12, bottom: 20, left: 4 };

function lossValues(rows: readonly LossRow[], runs: readonly LossRun[]): number[] {
  const values: number[] = [];
  for (const row of rows) {
    for (const run of runs) {
      const t = row[lossKey.train(run.id)];
      const v = row[lossKey.validationLoss(run.id)];
      if (t !== undefined) values.push(t);
      if (v !== undefined) values.push(v);
    }
  }
  return values;
}

function legendItems(runs: readonly LossRun[]): LegendItem[] {
  return [
    ...runs.map((run) => ({ label: run.label || `Run ${run.id}`, color: run.color })),
    { label: 'training (solid)', color: REFERENCE_COLOR },
    { label: 'validation (dashed)', color: REFERENCE_COLOR, dash: VALIDATION_DASH },
  ];
}

/** Training and validation loss of every run over steps, overlaid, with validation accuracy below. */
export const LossChart = memo(function LossChart({
  runs,
  title = 'Loss',
  headingLevel = 3,
  defaultLogScale = false,
  maxPoints = 500,
  emptyMessage = 'Press Train to see the loss curve.',
}: LossChartProps) {
  const [logScale, setLogScale] = useState(defaultLogScale);
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const rows = useMemo(
    () => toLossRows(runs, { maxRows: maxPoints, logScale }),
    [runs, maxPoints, logScale],
  );
  const accuracy = useMemo(() => accuracyRows(rows, runs), [rows, runs]);
  const summary = useMemo(() => summarizeLoss(runs), [runs]);
  const empty = !hasLossData(runs);
  const xDomain = stepDomain(rows);
  const xTicks = niceTicks(xDomain[0], xDomain[1], tickBudget(width), { integer: true }).ticks;
  const values = lossValues(rows, runs);
  const yLog = logScale ? logDomain(values) : null;
  const yLinear = niceTicks(
    0,
    values.reduce((m, v) => Math.max(m, v), 0),
    5,
    { extend: true },
  );
  const height = width >= 560 ? 260 : 220;

  const xAxis = (
    <XAxis
      dataKey="step"
      type="number"
      domain={xDomain}
      ticks={xTicks}
      allowDataOverflow
      tickFormatter={formatStep}
      stroke={AXIS_COLOR}
      height={X_AXIS_HEIGHT}
      label={xAxisLabel('Step')}
    />
  );

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
      <div ref={plotRef} className="nl-chart__plot">
        {width > 0 ? (
          <LineChart width={width} height={height} data={rows} margin={MARGIN}>
            <CartesianGrid stroke={GRID_COLOR} />
            {xAxis}
            <YAxis
              scale={yLog ? 'log' : 'linear'}
              domain={yLog ?? yLinear.domain}
              ticks={yLog ? decadeTicks(yLog) : yLinear.ticks}
              allowDataOverflow
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              width={Y_AXIS_WIDTH}
              label={yAxisLabel(logScale ? 'Loss (log scale)' : 'Loss')}
            />
            <Tooltip formatter={tooltipNumber} labelFormatter={tooltipStepLabel} />
            {runs.flatMap((run) => {
              const lone = lastTrainingPoint(run.train) !== null && run.train.steps.length < 2;
              const validationDot = run.validation.length <= MAX_VALIDATION_DOTS ? { r: 2 } : false;
              return [
                <Line
                  key={`train-${run.id}`}
                  dataKey={lossKey.train(run.id)}
                  name={`${run.label || `Run ${run.id}`} training`}
                  stroke={run.color}
                  strokeWidth={1.5}
                  dot={lone ? { r: 3 } : false}
                  connectNulls
                  isAnimationActive={false}
                />,
                <Line
                  key={`val-${run.id}`}
                  dataKey={lossKey.validationLoss(run.id)}
                  name={`${run.label || `Run ${run.id}`} validation`}
                  stroke={run.color}
                  strokeWidth={2}
                  strokeDasharray={VALIDATION_DASH}
                  dot={validationDot}
                  connectNulls
                  isAnimationActive={false}
                />,
              ];
            })}
          </LineChart>
        ) : null}
      </div>
      <ChartLegend items={legendItems(runs)} />
      <Heading level={subLevel(headingLevel)} className="nl-chart__subtitle">
        Validation accuracy
      </Heading>
      {hasValidation(runs) ? (
        <div className="nl-chart__plot">
          {width > 0 ? (
            <LineChart width={width} height={160} data={accuracy} margin={MARGIN}>
              <CartesianGrid stroke={GRID_COLOR} />
              {xAxis}
              <YAxis
                domain={[0, 1]}
                ticks={[0, 0.25, 0.5, 0.75, 1]}
                tickFormatter={formatPercent}
                stroke={AXIS_COLOR}
                width={Y_AXIS_WIDTH}
                label={yAxisLabel('Accuracy')}
              />
              <Tooltip
                formatter={(value) => (typeof value === 'number' ? formatPercent(value) : '')}
                labelFormatter={tooltipStepLabel}
              />
              {runs.map((run) => (
                <Line
                  key={`acc-${run.id}`}
                  dataKey={lossKey.validationAccuracy(run.id)}
                  name={`${run.label || `Run ${run.id}`} validation accuracy`}
                  stroke={run.color}
                  strokeWidth={2}
                  strokeDasharray={VALIDATION_DASH}
                  dot={{ r: 2 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : null}
        </div>
      ) : (
        <p className="nl-chart__note">Validation accuracy appears after the first evaluation.</p>
      )}
    </ChartCard>
  );
});
