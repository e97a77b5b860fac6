/**
 * Numbers as a person writes them, for everything a learner reads: setting labels, legends, hints,
 * chart axes and summaries. Three significant digits; e-notation only below 0.0001 (so learning
 * rates read 0.0003, as they are typed) or from a million; thousands grouped; en-US everywhere so a
 * text reads the same in every browser and in tests; minus signs are U+2212, which screen readers
 * say as "minus".
 */
const SIGNIFICANT_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export const withMinusSign = (s: string): string => s.replace(/-/g, '−');

/** 0.42, 0.0003, 12,300, 3.2e−5, −2.95; "not a number" and ∞ instead of NaN and Infinity. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'not a number';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(Number(x.toPrecision(3)));
  if (magnitude >= 1e-4 && magnitude < 1e6) return withMinusSign(SIGNIFICANT_FORMAT.format(x));
  const [mantissa = '', exponent = ''] = x.toExponential(2).split('e');
  return withMinusSign(`${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`);
}
