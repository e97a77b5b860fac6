/**
 * Number formatting shared by axes, labels and screen-reader summaries, in the one style of
 * src/lab/formatNumber.ts (en-US, U+2212 minus signs).
 */
import { formatCount, formatNumber, withMinusSign } from '../../lab/formatNumber';

export { formatNumber };

/** Step counts: "1,200" (a step number is a count). */
export const formatStep: (step: number) => string = formatCount;

/** A fraction in [0, 1] as a percentage: "91%", "2.5%", "99.9%" (never rounds up to a perfect 100%). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return formatNumber(fraction);
  const p = fraction * 100;
  if (p === 0 || p === 100) return `${p}%`;
  if (Math.abs(p) < 10) return `${withMinusSign(String(Math.round(p * 10) / 10))}%`;
  if (p > 99 && p < 100) return `${Math.floor(p * 10) / 10}%`;
  return `${withMinusSign(String(Math.round(p)))}%`;
}

/**
 * A chart summary's opening sentence, dated by the step it describes when there is one:
 * "At step 1,200, gradient norm per layer: …", else "Gradient norm per layer: …".
 */
export function atStep(step: number | undefined, sentence: string): string {
  if (step !== undefined) return `At step ${formatStep(step)}, ${sentence}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
