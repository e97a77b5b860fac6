import type { ActivationStats } from '../../engine/probes/activationStats';
import type { Histogram } from '../../engine/probes/histogram';
import { atStep, formatNumber, formatPercent, formatStep } from './format';
import type { Fact } from './FactList';
import { layerTitle } from './layerNames';

/** Activation layers only, or every tapped layer (linear, conv and norm outputs too) in network order. */
export function selectActivationLayers(
  stats: readonly ActivationStats[],
  includePreActivations: boolean,
): ActivationStats[] {
  return includePreActivations ? [...stats] : stats.filter((s) => s.kind === 'activation');
}

/** Values that fell outside the histogram's fixed range. */
export function outsideCount(s: Pick<ActivationStats, 'histogram'>): number {
  return s.histogram.underflow + s.histogram.overflow;
}

/** The numbers printed under a small multiple. */
export function activationFacts(s: ActivationStats): Fact[] {
  const facts: Fact[] = [
    { term: 'Mean', value: formatNumber(s.mean) },
    { term: 'Std', value: formatNumber(s.std) },
  ];
  if (s.saturated !== undefined)
    facts.push({ term: 'Saturated', value: formatPercent(s.saturated) });
  if (s.dead !== undefined) facts.push({ term: 'Dead units', value: formatPercent(s.dead) });
  const outside = outsideCount(s);
  if (outside > 0) facts.push({ term: 'Off the chart', value: `${formatStep(outside)} values` });
  return facts;
}

function describeLayer(s: ActivationStats): string {
  const parts = [`mean ${formatNumber(s.mean)}`, `std ${formatNumber(s.std)}`];
  if (s.saturated !== undefined) parts.push(`${formatPercent(s.saturated)} saturated`);
  if (s.dead !== undefined) parts.push(`${formatPercent(s.dead)} of units dead`);
  const outside = outsideCount(s);
  if (outside > 0) {
    parts.push(
      `${formatStep(outside)} values outside the range ${formatNumber(s.histogram.min)} to ${formatNumber(s.histogram.max)}`,
    );
  }
  return `${layerTitle(s.name, s.label)}: ${parts.join(', ')}.`;
}

/**
 * "At step 1,200, 2 layers, all drawn on the x range −5 to 5. act1 · ReLU: mean 0.41, std 0.62, 12% of
 * units dead. …" (`shared` is the one range every panel uses, or undefined when each has its own).
 */
export function summarizeActivations(
  shown: readonly ActivationStats[],
  step: number | undefined,
  shared?: { readonly min: number; readonly max: number },
): string {
  const count = `${shown.length} ${shown.length === 1 ? 'layer' : 'layers'}`;
  const range = shared
    ? `, all drawn on the x range ${formatNumber(shared.min)} to ${formatNumber(shared.max)}`
    : shown.length > 1
      ? ', each drawn on its own x range'
      : '';
  const head = atStep(step, `${count}${range}.`);
  return [head, ...shown.map(describeLayer)].join(' ');
}

/** The x range that holds every layer's histogram: the lowest min and the highest max. */
export function sharedRange(
  stats: readonly Pick<ActivationStats, 'histogram'>[],
): { readonly min: number; readonly max: number } | undefined {
  if (stats.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const s of stats) {
    min = Math.min(min, s.histogram.min);
    max = Math.max(max, s.histogram.max);
  }
  return { min, max };
}

/**
 * The same counts drawn on a wider range with as many bins: each bin's count moves, whole, into the
 * new bin that holds its centre. Counts stay integers and the total stays exact; a layer whose values
 * span a tenth of the range fills a tenth of the panel, which is what a shared range is for.
 */
export function rebinHistogram(h: Histogram, min: number, max: number): Histogram {
  if (h.min === min && h.max === max) return h;
  const bins = h.counts.length;
  const counts = new Uint32Array(bins);
  const width = (h.max - h.min) / bins;
  const scale = max === min ? 0 : bins / (max - min);
  for (let i = 0; i < bins; i++) {
    const count = h.counts[i]!;
    if (count === 0) continue;
    const centre = h.min + (i + 0.5) * width;
    const target = Math.min(bins - 1, Math.max(0, Math.floor((centre - min) * scale)));
    counts[target]! += count;
  }
  return { min, max, counts, underflow: h.underflow, overflow: h.overflow };
}

/** Every layer's histogram on one x range, so widths compare across layers. */
export function withSharedRange(stats: readonly ActivationStats[]): ActivationStats[] {
  const range = sharedRange(stats);
  if (!range) return [];
  return stats.map((s) => ({ ...s, histogram: rebinHistogram(s.histogram, range.min, range.max) }));
}
