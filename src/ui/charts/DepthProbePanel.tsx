import { memo, useCallback, useMemo } from 'react';
import type { DepthProbeResult } from '../../engine/probes/depthProbe';
import { tickBudget } from './axisStyle';
import { ChartCard, chartSubLevel, type ChartOptions, type ChartText } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import {
  depthRows,
  layerRanges,
  summarizeDepthProbe,
  unplottableLayers,
  type DepthMeasure,
  type DepthRow,
} from './depthProbeData';
import { formatNumber } from './format';
import { Heading } from './Heading';
import { LinePlot } from './LinePlot';
import { decadeTicks, logDomain } from './logScale';
import { RUN_COLORS } from './palette';
import type { PlotSeries } from './plotScene';
import type { PlotAxis } from './PlotFrame';
import { niceTicks } from './ticks';

export interface DepthProbePanelProps extends ChartOptions {
  /** The latest measurement; kept on screen (dimmed) while a new one runs. */
  readonly result?: DepthProbeResult | undefined;
  readonly loading: boolean;
  /** The learner-facing reason the last measurement failed. */
  readonly error?: string | undefined;
  /** The measured setting in words, e.g. '50 layers of width 256, tanh, Xavier normal, no normalization'. */
  readonly setting: string;
}

interface MeasureSeries {
  readonly measure: DepthMeasure;
  readonly name: string;
  readonly color: string;
  readonly dash?: readonly number[] | undefined;
}

interface MeasureChartProps {
  readonly rows: readonly DepthRow[];
  /** What each point is: 'Layer' or 'Block'. */
  readonly unit: string;
  readonly series: readonly MeasureSeries[];
  readonly yLabel: string;
  readonly reference?: { readonly y: number; readonly label: string } | undefined;
}

/** Up to this many layers, each gets a dot. */
const MAX_DOTTED_LAYERS = 30;

function MeasureChart({ rows, unit, series, yLabel, reference }: MeasureChartProps) {
  const lines = useMemo<PlotSeries[]>(() => {
    const layers = Float64Array.from(rows, (r) => r.layer);
    return series.map((s) => ({
      name: s.name,
      color: s.color,
      xs: layers,
      ys: Float64Array.from(rows, (r) => r[s.measure] ?? Number.NaN),
      lineWidth: 2,
      dash: s.dash,
      dotRadius: rows.length <= MAX_DOTTED_LAYERS ? 2.5 : 0,
    }));
  }, [rows, series]);
  const referenceY = reference?.y;
  const yAxis = useMemo<PlotAxis | null>(() => {
    const domain = logDomain([...series.flatMap((s) => rows.map((r) => r[s.measure])), referenceY]);
    return (
      domain && {
        scale: { kind: 'log', domain },
        ticks: decadeTicks(domain),
        format: formatNumber,
        title: yLabel,
      }
    );
  }, [rows, series, referenceY, yLabel]);
  const xAxis = useMemo<PlotAxis>(() => {
    const last = rows[rows.length - 1]?.layer ?? 1;
    const [x0, x1] = rows.length < 2 ? [0, last + 1] : [rows[0]!.layer, last];
    return {
      scale: { kind: 'linear', domain: [x0, x1] },
      ticks: (length) => niceTicks(x0, x1, tickBudget(length), { integer: true }).ticks,
      format: formatNumber,
      title: unit,
    };
  }, [rows, unit]);
  const readoutTitle = useCallback((x: number) => `${unit} ${formatNumber(x)}`, [unit]);
  if (!yAxis) return null;
  return (
    <LinePlot
      series={lines}
      x={xAxis}
      y={yAxis}
      height={200}
      reference={reference}
      readoutTitle={readoutTitle}
    />
  );
}

const gradientSeries = (blocks: boolean): readonly MeasureSeries[] => [
  {
    measure: 'gradNorm',
    name: `‖∂L/∂h‖: gradient at the ${blocks ? 'block' : 'layer'}'s output`,
    color: RUN_COLORS.B,
  },
  {
    measure: 'weightGradNorm',
    name: blocks
      ? '‖∂L/∂W‖: gradient of its two weight matrices'
      : '‖∂L/∂W‖: gradient of its weights',
    color: RUN_COLORS.C,
    dash: [6, 3],
  },
];
const LAYER_GRADIENTS = gradientSeries(false);
const BLOCK_GRADIENTS = gradientSeries(true);
const ACTIVATION_SERIES: readonly MeasureSeries[] = [
  { measure: 'activationStd', name: 'Activation std', color: RUN_COLORS.A },
];

function UnplottableNote({
  result,
  measure,
  name,
}: {
  readonly result: DepthProbeResult;
  readonly measure: DepthMeasure;
  readonly name: string;
}) {
  const missing = unplottableLayers(result, measure);
  if (missing.length === 0) return null;
  const zero = missing.every((l) => l[measure] === 0);
  const unit = result.unit ?? 'layer';
  const where = `${unit}${missing.length === 1 ? '' : 's'} ${layerRanges(missing.map((l) => l.layer))}`;
  // A block's weights get no gradient at initialization when its branch starts switched off
  // (zero γ, SkipInit, ReZero): the gradient stops at the γ or α that is 0.
  const why =
    unit === 'block' && measure === 'weightGradNorm'
      ? 'no gradient reaches those blocks’ weights (a branch that starts switched off, by a γ, α or weight of 0, passes none back; so does a signal that has died out)'
      : 'the signal has died out there';
  return (
    <p className="nl-chart__note">
      {zero
        ? `The ${name} is exactly 0 at ${where}: ${why}, and a log scale cannot show 0.`
        : `The ${name} at ${where} is not a finite number and is left out.`}
    </p>
  );
}

const TEXT: ChartText = {
  title: 'Signal through depth',
  emptyMessage:
    'Press Measure to push a batch through the untrained network and see how activations and gradients change with depth.',
};

/** Signal propagation through an untrained deep network: activation std and gradient norm by layer. */
export const DepthProbePanel = memo(function DepthProbePanel({
  result,
  loading,
  error,
  setting,
  ...options
}: DepthProbePanelProps) {
  const rows = useMemo(() => (result ? depthRows(result) : []), [result]);
  const blocks = result?.unit === 'block';
  const unit = blocks ? 'Block' : 'Layer';
  const gradients = blocks ? BLOCK_GRADIENTS : LAYER_GRADIENTS;
  const summary = useMemo(
    () => (result ? summarizeDepthProbe(result, setting) : ''),
    [result, setting],
  );
  const sub = chartSubLevel(options);
  const inputStd = result?.inputStd;
  const inputReference = useMemo(
    () => (inputStd === undefined ? undefined : { y: inputStd, label: 'input std' }),
    [inputStd],
  );
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={!result && !loading && !error}
      summary={summary}
      busy={loading}
      description={
        // Names no init scheme or activation: a chart-reading quiz shows this panel for a network
        // whose settings are the answer.
        <>
          <p>Setting: {setting}</p>
          <p>
            Two gradients are drawn. The solid line, ‖∂L/∂h‖, is the gradient arriving at each
            layer&apos;s output: backpropagation multiplies it by one Jacobian per layer, so it is
            the one that vanishes or explodes with depth. The dashed line, ‖∂L/∂W‖, is the gradient
            of the layer&apos;s weights, the step the optimizer takes: ∂L/∂W = δ·hᵀ, the
            back-propagated gradient δ times the layer&apos;s input h. When the input shrinks layer
            after layer as fast as δ grows on the way down, the two cancel and the dashed line is
            flat, but uniformly tiny. When the inputs keep their size, it follows the solid line.
          </p>
          {blocks ? (
            <p>
              Each point is a residual block of two layers: h is the block&apos;s output, after its
              input has been added back, and ‖∂L/∂W‖ takes the gradients of its two weight matrices
              together. The first layer, before the blocks, is not drawn.
            </p>
          ) : null}
          <p role="status" className="nl-chart__status">
            {loading ? 'Measuring how the signal passes through the layers…' : ''}
          </p>
        </>
      }
    >
      {error ? (
        <p className="nl-chart__error" role="alert">
          The measurement failed: {error}
        </p>
      ) : null}
      {result ? (
        <>
          <Heading level={sub} className="nl-chart__subtitle">
            Activation std per {unit.toLowerCase()}
          </Heading>
          <MeasureChart
            rows={rows}
            unit={unit}
            series={ACTIVATION_SERIES}
            yLabel="Activation std (log)"
            reference={inputReference}
          />
          <UnplottableNote result={result} measure="activationStd" name="activation std" />
          <Heading level={sub} className="nl-chart__subtitle">
            Gradient norm per {unit.toLowerCase()}
          </Heading>
          <MeasureChart rows={rows} unit={unit} series={gradients} yLabel="Gradient norm (log)" />
          <ChartLegend
            items={gradients.map((g) => ({
              label: g.name,
              color: g.color,
              dash: g.dash?.join(' '),
            }))}
          />
          <UnplottableNote result={result} measure="gradNorm" name="gradient at the output" />
          <UnplottableNote result={result} measure="weightGradNorm" name="weight gradient" />
        </>
      ) : null}
    </ChartCard>
  );
});
