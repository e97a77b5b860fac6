import type { ParamStats } from '../../engine/probes/probe';
import type { Fact } from './FactList';
import { atStep, formatNumber } from './format';
import type { HistogramMarker } from './HistogramBars';
import { valueFraction } from './histogramShape';
import { paramLayerName } from './layerNames';
import { THEORY_COLOR } from './palette';

/** What the init scheme promises for one weight tensor (from theoreticalSpread, computed by the caller). */
export interface WeightTheory {
  readonly std: number;
  /** Half-width of a uniform scheme's interval. */
  readonly bound?: number | undefined;
  /** Centre of the distribution; 0 unless the scheme is a constant or a shifted uniform/normal. */
  readonly mean?: number | undefined;
}

/** Keyed by parameter name ('fc1.weight'). */
export type WeightTheoryByName = Readonly<Record<string, WeightTheory>>;

export const THEORY_STD_DASH = '5 3';

export interface TheoryView {
  readonly markers: readonly HistogramMarker[];
  /** "uniform bound ±0.144", "±1 std = 0.0833", "every weight starts at 0". */
  readonly description: string;
}

export function theoryView(theory: WeightTheory): TheoryView {
  const mean = theory.mean ?? 0;
  if (theory.bound !== undefined && theory.bound > 0) {
    return {
      markers: [
        { value: mean - theory.bound, color: THEORY_COLOR },
        { value: mean + theory.bound, color: THEORY_COLOR },
      ],
      description: `uniform bound ±${formatNumber(theory.bound)}`,
    };
  }
  if (theory.std > 0) {
    return {
      markers: [
        { value: mean - theory.std, color: THEORY_COLOR, dash: THEORY_STD_DASH },
        { value: mean + theory.std, color: THEORY_COLOR, dash: THEORY_STD_DASH },
      ],
      description: `±1 std = ${formatNumber(theory.std)}`,
    };
  }
  return {
    markers: [{ value: mean, color: THEORY_COLOR }],
    description: `every weight starts at ${formatNumber(mean)}`,
  };
}

export function weightLayers(params: readonly ParamStats[]): ParamStats[] {
  return params.filter((p) => p.role === 'weight');
}

/** Theory marks that fall outside the histogram's fixed range, which cannot be drawn. */
export function offChartMarkers(p: ParamStats, view: TheoryView): HistogramMarker[] {
  return view.markers.filter((m) => {
    const f = valueFraction(p.weightHistogram, m.value);
    return f < 0 || f > 1;
  });
}

export function weightFacts(p: ParamStats, theory: WeightTheory | undefined): Fact[] {
  const facts: Fact[] = [{ term: 'Measured std', value: formatNumber(p.weightStd) }];
  if (theory) {
    facts.push({ term: 'Init std', value: formatNumber(theory.std) });
    if (theory.bound !== undefined)
      facts.push({ term: 'Init bound', value: `±${formatNumber(theory.bound)}` });
  }
  return facts;
}

/** "At step 0, 2 weight layers. fc1: std 0.081; at init 0.083 (uniform bound ±0.144). fc2: …" */
export function summarizeWeights(
  params: readonly ParamStats[],
  theory: WeightTheoryByName | undefined,
  step: number | undefined,
): string {
  const layers = weightLayers(params);
  const count = `${layers.length} weight ${layers.length === 1 ? 'layer' : 'layers'}`;
  const head = atStep(step, `${count}.`);
  const lines = layers.map((p) => {
    const t = theory?.[p.name];
    const measured = `${paramLayerName(p.name)}: std ${formatNumber(p.weightStd)}`;
    if (!t) return `${measured}.`;
    return `${measured}; the init scheme gives ${formatNumber(t.std)} (${theoryView(t).description}).`;
  });
  return [head, ...lines].join(' ');
}
