import { memo, useMemo } from 'react';
import type { ParamStats } from '../../engine/probes/probe';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { FactList } from './FactList';
import { formatNumber, listPhrase } from './format';
import { HistogramBars } from './HistogramBars';
import { paramLayerName } from './layerNames';
import { BAR_COLOR, THEORY_COLOR } from './palette';
import {
  offChartMarkers,
  summarizeWeights,
  THEORY_STD_DASH,
  theoryView,
  weightFacts,
  weightLayers,
  type WeightTheoryByName,
} from './weightHistogramsData';

export type { WeightTheory, WeightTheoryByName } from './weightHistogramsData';

export interface WeightHistogramsProps extends ChartOptions {
  /** One run's latest ProbeSnapshot.params; only role 'weight' is drawn. */
  readonly params: readonly ParamStats[];
  /** theoreticalSpread(scheme, shape) per parameter name ('fc1.weight'), drawn as reference lines. */
  readonly theory?: WeightTheoryByName | undefined;
  /** The init scheme's name for the legend, e.g. 'Kaiming (He) uniform'. */
  readonly theoryLabel?: string | undefined;
  readonly step?: number | undefined;
}

function legendItems(
  params: readonly ParamStats[],
  theory: WeightTheoryByName | undefined,
  theoryLabel: string,
): LegendItem[] {
  const items: LegendItem[] = [{ label: 'Measured weights', color: BAR_COLOR, kind: 'swatch' }];
  const kinds = new Set(
    params.map((p) => {
      const t = theory?.[p.name];
      if (!t) return 'none';
      return t.bound !== undefined && t.bound > 0 ? 'bound' : t.std > 0 ? 'std' : 'constant';
    }),
  );
  if (kinds.has('bound')) items.push({ label: `${theoryLabel}: bound ±b`, color: THEORY_COLOR });
  if (kinds.has('std')) {
    items.push({ label: `${theoryLabel}: ±1 std`, color: THEORY_COLOR, dash: THEORY_STD_DASH });
  }
  if (kinds.has('constant'))
    items.push({ label: `${theoryLabel}: initial value`, color: THEORY_COLOR });
  return items;
}

const TEXT: ChartText = {
  title: 'Weight histograms',
  emptyMessage: "Press Train to see each layer's weights next to what the init scheme predicts.",
};

/** Weight histograms per layer with the init scheme's bound or ±std drawn on them. */
export const WeightHistograms = memo(function WeightHistograms({
  params,
  theory,
  theoryLabel = 'Init scheme',
  step,
  ...options
}: WeightHistogramsProps) {
  const weights = useMemo(() => weightLayers(params), [params]);
  const summary = useMemo(() => summarizeWeights(params, theory, step), [params, theory, step]);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={weights.length === 0}
      summary={summary}
      description={
        <p>
          Orange lines mark the spread the init scheme draws weights from; training moves weights
          away from it.
        </p>
      }
    >
      <ul className="nl-multiples">
        {weights.map((p) => {
          const t = theory?.[p.name];
          const view = t ? theoryView(t) : null;
          const off = view ? offChartMarkers(p, view) : [];
          return (
            <li key={p.name} className="nl-multiple">
              <p className="nl-multiple__title">{paramLayerName(p.name)}</p>
              <HistogramBars
                histogram={p.weightHistogram}
                markers={view?.markers}
                valueLabel="Weight value"
              />
              <FactList facts={weightFacts(p, t)} />
              {off.length > 0 ? (
                <p className="nl-chart__note">
                  {listPhrase(off.map((m) => formatNumber(m.value)))}{' '}
                  {off.length === 1 ? 'lies' : 'lie'} outside the plotted range.
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ChartLegend items={legendItems(weights, theory, theoryLabel)} />
    </ChartCard>
  );
});
