import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '../charts/exporting/chartTable';
import { ChartLegend } from '../charts/ChartLegend';
import { formatNumber, formatStep } from '../charts/format';
import { AXIS_COLOR, GRID_COLOR } from '../charts/palette';
import { tooltipNumber, tooltipStepLabel } from '../charts/tooltipFormat';
import { useElementSize } from '../charts/useElementSize';
import { PRESENTER_LINE_SCALE, useChartView } from '../present/chartView';

/** One line of a StepLines plot: the row key it draws, its legend label, colour and dash. */
export interface StepLine<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly color: string;
  readonly dash: string | undefined;
}

export type StepRow<K extends string> = { readonly step: number } & Readonly<Record<K, number>>;

type Domain = readonly [number | 'dataMin', number | 'dataMax'];

export interface StepLinesProps<K extends string> {
  readonly rows: readonly StepRow<K>[];
  readonly lines: readonly StepLine<K>[];
  readonly stepDomain: Domain;
  /** The value axis's range (absent: recharts' own, from 0). */
  readonly valueDomain?: readonly [number, number] | undefined;
}

/** What a StepLines plot draws, for its chart's CSV: the step, then each line's values. */
export function stepLinesData<K extends string>(
  rows: readonly StepRow<K>[],
  lines: readonly StepLine<K>[],
  header: (line: StepLine<K>) => string,
): ChartData {
  return {
    xHeader: 'Step',
    columns: lines.map((line) => ({
      header: header(line),
      xs: rows.map((r) => r.step),
      ys: rows.map((r) => r[line.key]),
    })),
  };
}

/** A lesson's few lines over training steps (recharts), sized to its card, with their legend. */
export function StepLines<K extends string>({
  rows,
  lines,
  stepDomain,
  valueDomain,
}: StepLinesProps<K>) {
  const [plotRef, { width }] = useElementSize<HTMLDivElement>();
  const { presenting } = useChartView();
  return (
    <>
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
              domain={[...stepDomain]}
              tickFormatter={formatStep}
              stroke={AXIS_COLOR}
              label={{ value: 'Step', position: 'insideBottom', offset: -4, fill: AXIS_COLOR }}
            />
            <YAxis
              {...(valueDomain ? { domain: [...valueDomain] } : {})}
              tickFormatter={formatNumber}
              stroke={AXIS_COLOR}
              width={56}
            />
            <Tooltip formatter={tooltipNumber} labelFormatter={tooltipStepLabel} />
            {lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.label}
                stroke={line.color}
                {...(line.dash ? { strokeDasharray: line.dash } : {})}
                strokeWidth={presenting ? 2 * PRESENTER_LINE_SCALE : 2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
      <ChartLegend items={lines.map((l) => ({ label: l.label, color: l.color, dash: l.dash }))} />
    </>
  );
}
