import { useMemo, useState } from 'react';
import type { Widget } from '../../lessons/schema';
import { histogram, symmetricRangeFor } from '../../engine/probes/histogram';
import { meanStd } from '../../engine/probes/moments';
import {
  builderFormula,
  builderSpread,
  COMPARISON_PRESETS,
  drawBuilderWeights,
  drawProblem,
  GAIN_PRESETS,
  GAIN_RANGE,
  INITIAL_BUILDER_STATE,
  type BuilderDistribution,
  type BuilderState,
  type GainPresetId,
} from '../../lessons/widgets/initBuilder';
import { ChartCard } from '../charts/ChartCard';
import { ChartLegend } from '../charts/ChartLegend';
import { formatNumber } from '../charts/format';
import { HistogramBars, type HistogramMarker } from '../charts/HistogramBars';
import { THEORY_COLOR } from '../charts/palette';
import { ChoiceField } from './fields/ChoiceField';
import { NumberInputField } from './fields/NumberInputField';
import { RadioField, type RadioFieldProps } from './fields/RadioField';
import { RangeField } from './fields/RangeField';
import { WidgetFrame } from './WidgetFrame';
import { keyField } from '../lab/fields/keyField';
import type { CustomFanMode } from '../../engine/init/schemes';
import { formatCount, formatLimit } from '../../lab/formatNumber';

type InitBuilderData = Extract<Widget, { widget: 'initBuilder' }>;

const BINS = 41;
const MAX_MULTIPLIER = 4;

const DISTRIBUTIONS: readonly { value: BuilderDistribution; label: string }[] = [
  { value: 'normal', label: 'Normal' },
  { value: 'uniform', label: 'Uniform' },
];

const FAN_MODES: readonly { value: CustomFanMode; label: string }[] = [
  { value: 'fanIn', label: 'Fan in' },
  { value: 'fanOut', label: 'Fan out' },
  { value: 'fanAvg', label: 'Average' },
];

type RadioName = 'distribution' | 'fanMode';

/** The builder's side-by-side choices, in the order the widget shows them. */
const RADIOS: {
  readonly [K in RadioName]: Omit<RadioFieldProps<BuilderState[K]>, 'value' | 'onChange'>;
} = {
  distribution: {
    label: 'Distribution',
    hint: 'Normal draws N(0, std²); uniform draws U(−b, b) with b = √3·std (the same std).',
    choices: DISTRIBUTIONS,
  },
  fanMode: {
    label: 'Fan',
    hint: "Fan in keeps the forward signal's scale, fan out the backward gradient's; Xavier averages them.",
    choices: FAN_MODES,
  },
};
const RADIO_NAMES = Object.keys(RADIOS) as RadioName[];

const GAIN_CHOICES: readonly { value: GainPresetId; label: string }[] = [
  ...GAIN_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  { value: 'custom', label: 'Custom' },
];

function sameState(a: BuilderState, b: BuilderState): boolean {
  return (
    a.distribution === b.distribution &&
    a.fanMode === b.fanMode &&
    a.gainPreset === b.gainPreset &&
    a.multiplier === b.multiplier
  );
}

export function InitBuilderWidget({ widget }: { readonly widget: InitBuilderData }) {
  const { fanIn, fanOut } = widget;
  const [state, setState] = useState<BuilderState>(INITIAL_BUILDER_STATE);
  const change = (patch: Partial<BuilderState>) => setState((s) => ({ ...s, ...patch }));
  const problem = drawProblem(fanIn, fanOut);

  const drawn = useMemo(() => {
    if (problem) return undefined;
    const weights = drawBuilderWeights(state, fanIn, fanOut);
    return {
      histogram: histogram(weights, symmetricRangeFor(weights, BINS, 1.2)),
      measured: meanStd(weights),
      maxAbs: weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0),
    };
  }, [state, fanIn, fanOut, problem]);
  const spread = builderSpread(state, fanIn, fanOut);
  const preset = COMPARISON_PRESETS.find((p) => sameState(p.state, state));

  const markers: HistogramMarker[] = [
    { value: -spread.std, color: THEORY_COLOR, dash: '4 3' },
    { value: spread.std, color: THEORY_COLOR, dash: '4 3' },
    ...(spread.bound !== undefined
      ? [
          { value: -spread.bound, color: THEORY_COLOR },
          { value: spread.bound, color: THEORY_COLOR },
        ]
      : []),
  ];
  const summary = drawn
    ? `${formatCount(fanIn * fanOut)} weights drawn: measured std ${formatNumber(drawn.measured.std)} against the formula's ${formatNumber(spread.std)}${spread.bound !== undefined ? `; every weight within ±${formatNumber(spread.bound)} (largest |w| ${formatNumber(drawn.maxAbs)})` : `; largest |w| ${formatNumber(drawn.maxAbs)}`}.`
    : '';

  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          Build an initialization for a weight of shape [{fanOut}, {fanIn}] (fan out {fanOut}, fan
          in {fanIn}), the way torch.nn.init does: pick a distribution, the fan to divide by, a gain
          and a multiplier. The histogram redraws with every change.
        </p>
      }
    >
      <div className="nl-widget__controls">
        {RADIO_NAMES.map((name) => (
          <RadioField key={name} {...RADIOS[name]} {...keyField(state, setState, name)} />
        ))}
        <ChoiceField
          label="Gain"
          hint="Makes up for what the activation does to the signal's scale (PyTorch's calculate_gain)."
          value={state.gainPreset}
          choices={GAIN_CHOICES}
          onChange={(gainPreset) => change({ gainPreset })}
        />
        {state.gainPreset === 'custom' ? (
          <NumberInputField
            label="Custom gain"
            hint={`Any gain from ${formatLimit(GAIN_RANGE.min)} to ${formatLimit(GAIN_RANGE.max)}.`}
            value={state.customGain}
            min={GAIN_RANGE.min}
            max={GAIN_RANGE.max}
            onChange={(customGain) => change({ customGain })}
          />
        ) : null}
        <RangeField
          label="Multiplier"
          hint="Scales the whole distribution: 1 is the textbook scheme; try 0.1 or 3 to see too small and too large."
          value={state.multiplier}
          min={0}
          max={MAX_MULTIPLIER}
          step={0.05}
          valueText={`× ${formatNumber(state.multiplier)}`}
          onChange={(multiplier) => change({ multiplier })}
        />
      </div>
      <div
        className="nl-initbuilder__presets"
        role="group"
        aria-label="Compare with a named scheme"
      >
        <span className="nl-initbuilder__presets-label">Compare with:</span>
        {COMPARISON_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={preset?.id === p.id}
            onClick={() => setState(p.state)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <p className="nl-initbuilder__formula" aria-live="polite">
        <code>{builderFormula(state, fanIn, fanOut)}</code>
        {preset ? ` — this is exactly ${preset.label}.` : ''}
      </p>
      {problem ? (
        <p className="nl-widget__error" role="alert">
          {problem}
        </p>
      ) : drawn ? (
        <ChartCard
          title="Histogram of the drawn weights"
          headingLevel={4}
          summary={summary}
          description={<p>{summary}</p>}
        >
          <HistogramBars histogram={drawn.histogram} markers={markers} />
          <ChartLegend
            items={[
              { label: 'Weights', color: '#0072B2', kind: 'swatch' },
              { label: '± std (formula)', color: THEORY_COLOR, dash: '4 3' },
              ...(spread.bound !== undefined ? [{ label: '± bound b', color: THEORY_COLOR }] : []),
            ]}
          />
        </ChartCard>
      ) : null}
    </WidgetFrame>
  );
}
