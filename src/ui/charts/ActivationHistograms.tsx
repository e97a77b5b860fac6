import { memo, useMemo, useState } from 'react';
import type { ActivationStats } from '../../engine/probes/activationStats';
import {
  activationFacts,
  selectActivationLayers,
  sharedRange,
  summarizeActivations,
  withSharedRange,
} from './activationHistogramsData';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { FactList } from './FactList';
import { HistogramBars } from './HistogramBars';
import { layerTitle } from './layerNames';
import { CheckboxField } from '../lab/fields/CheckboxField';

export interface ActivationHistogramsProps extends ChartOptions {
  /** One run's latest ProbeSnapshot.activations, in network order. */
  readonly activations: readonly ActivationStats[];
  /** The step the snapshot was taken at. */
  readonly step?: number | undefined;
  readonly defaultShowPreActivations?: boolean | undefined;
}

const TEXT: ChartText = {
  title: 'Activation histograms',
  emptyMessage: "Press Train to see a histogram of each layer's activations.",
};

/** Small multiples: one histogram per layer's output, with its mean, std, saturation and dead units. */
export const ActivationHistograms = memo(function ActivationHistograms({
  activations,
  step,
  defaultShowPreActivations = false,
  ...options
}: ActivationHistogramsProps) {
  const [showPre, setShowPre] = useState(defaultShowPreActivations);
  const [perLayer, setPerLayer] = useState(false);
  const shown = useMemo(() => selectActivationLayers(activations, showPre), [activations, showPre]);
  // Drawn on one range unless asked otherwise; the numbers under each panel stay the layer's own.
  const drawn = useMemo(() => (perLayer ? shown : withSharedRange(shown)), [shown, perLayer]);
  const summary = useMemo(
    () => summarizeActivations(shown, step, perLayer ? undefined : sharedRange(shown)),
    [shown, step, perLayer],
  );

  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={activations.length === 0}
      summary={summary}
      description={
        <p>
          Each panel counts one layer&apos;s output values over a batch. All panels share one x
          range, so a signal that shrinks from layer to layer gets visibly narrower; the ranges stay
          fixed during training, so panels at different steps compare directly.
        </p>
      }
      controls={
        <>
          <CheckboxField
            look="chart"
            label="Show pre-activations"
            hint="Also show the outputs of linear, convolution and normalization layers, before the nonlinearity."
            checked={showPre}
            onChange={setShowPre}
          />
          <CheckboxField
            look="chart"
            label="Per-layer x ranges"
            hint="Give each layer its own x range, to see the shape of a small signal; off, all layers share one range and their widths compare."
            checked={perLayer}
            onChange={setPerLayer}
          />
        </>
      }
    >
      {shown.length === 0 ? (
        <p className="nl-chart__note">
          This network has no activation layers. Turn on “Show pre-activations” to see its other
          layers.
        </p>
      ) : (
        <ul className="nl-multiples">
          {shown.map((s, i) => (
            <li key={s.name} className="nl-multiple">
              <p className="nl-multiple__title">{layerTitle(s.name, s.label)}</p>
              <HistogramBars histogram={drawn[i]!.histogram} valueLabel="Output value" />
              <FactList facts={activationFacts(s)} />
            </li>
          ))}
        </ul>
      )}
    </ChartCard>
  );
});
