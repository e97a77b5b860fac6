/**
 * Number formatting shared by axes, labels and screen-reader summaries. Fixed to en-US so a summary
 * reads the same everywhere (and in tests); minus signs are U+2212, which screen readers say as "minus".
 */

const STEP_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SIGNIFICANT_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

const withMinus = (s: string): string => s.replace(/-/g, '−');

/** Step counts: "1,200". */
export function formatStep(step: number): string {
  return withMinus(STEP_FORMAT.format(step));
}

/** Three significant digits; tiny or huge magnitudes in e-notation ("3.2e−5"). */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'not a number';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e6) return withMinus(SIGNIFICANT_FORMAT.format(x));
  const [mantissa = '', exponent = ''] = x.toExponential(2).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  return withMinus(`${trimmed}e${exponent.replace('+', '')}`);
}

/** A fraction in [0, 1] as a percentage: "91%", "2.5%", "99.9%" (never rounds up to a perfect 100%). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return formatNumber(fraction);
  const p = fraction * 100;
  if (p === 0 || p === 100) return `${p}%`;
  if (Math.abs(p) < 10) return `${withMinus(String(Math.round(p * 10) / 10))}%`;
  if (p > 99 && p < 100) return `${Math.floor(p * 10) / 10}%`;
  return `${withMinus(String(Math.round(p)))}%`;
}

/** "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
