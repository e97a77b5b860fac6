import type { ActivationStats } from '../../engine/probes/activationStats';
import { formatNumber, formatPercent, formatStep } from './format';
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

/** "At step 1,200, 2 layers. act1 · ReLU: mean 0.41, std 0.62, 12% of units dead. …" */
export function summarizeActivations(
  shown: readonly ActivationStats[],
  step: number | undefined,
): string {
  const count = `${shown.length} ${shown.length === 1 ? 'layer' : 'layers'}`;
  const head = step === undefined ? `${count}.` : `At step ${formatStep(step)}, ${count}.`;
  return [head, ...shown.map(describeLayer)].join(' ');
}
