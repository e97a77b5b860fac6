/**
 * Numbers as a person writes them, for everything a learner reads: setting labels, legends, hints,
 * chart axes, summaries, link notices and the engine's own refusals ("from 1 to 2,000"). The one
 * number formatter of the app (src/lab/formatNumber.ts hands it to the layers above); ESLint refuses
 * `toLocaleString` and `Intl.NumberFormat` anywhere else, so no text can write 100000 beside another's
 * 100,000. It lives in the engine, the bottom layer, because the engine's messages are read too.
 *
 * en-US everywhere, so a text reads the same in every browser and in tests; thousands grouped; minus
 * signs are U+2212, which screen readers say as "minus".
 */
const SIGNIFICANT_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const withMinusSign = (s: string): string => s.replace(/-/g, '−');

/**
 * A measured or set value: three significant digits; e-notation only below 0.0001 (so learning
 * rates read 0.0003, as they are typed) or from a million. 0.42, 0.0003, 12,300, 3.2e−5, −2.95;
 * "not a number" and ∞ instead of NaN and Infinity.
 */
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

/** A count (steps, rows, parameters, a whole-number limit), every digit kept: "1,200", "100,000". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return formatNumber(n);
  return withMinusSign(COUNT_FORMAT.format(n));
}

/** A limit of a range: whole numbers exactly ("100,000"), other numbers as values ("0.0001"). */
export function formatLimit(x: number): string {
  return Number.isInteger(x) ? formatCount(x) : formatNumber(x);
}
