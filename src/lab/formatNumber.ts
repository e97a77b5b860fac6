/** A number as a person would write it: 0.1, 0.0003, 3e-5, 12. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(3));
  const abs = Math.abs(rounded);
  if (abs >= 1e-4 && abs < 1e6) return String(rounded);
  return rounded.toExponential().replace('e+', 'e');
}
