/** Helpers for log-scaled axes, which can only show positive, finite values. */

export function isLoggable(v: number | null | undefined): v is number {
  return typeof v === 'number' && v > 0 && Number.isFinite(v);
}

/** The whole decades that enclose every loggable value, or null when there is none. */
export function logDomain(values: Iterable<number | null | undefined>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!isLoggable(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return null;
  const first = Math.floor(Math.log10(lo));
  let last = Math.ceil(Math.log10(hi));
  if (last === first) last = first + 1; // a single decade still needs two ends
  return [10 ** first, 10 ** last];
}

/** Tick values at powers of ten across a logDomain, at most ~8 of them. */
export function decadeTicks(domain: readonly [number, number]): number[] {
  const first = Math.round(Math.log10(domain[0]));
  const last = Math.round(Math.log10(domain[1]));
  const stride = Math.max(1, Math.ceil((last - first) / 7));
  const ticks: number[] = [];
  for (let k = first; k <= last; k += stride) ticks.push(10 ** k);
  return ticks;
}

/**
 * Like logDomain, but the lower end sits strictly below the smallest value, so every bar of a log bar
 * chart (which grows from the axis minimum) has some length: 0.001 gets [0.0001, …], not [0.001, …].
 */
export function logBarDomain(values: Iterable<number | null | undefined>): [number, number] | null {
  const domain = logDomain(values);
  if (!domain) return null;
  let lo = Infinity;
  for (const v of values) if (isLoggable(v) && v < lo) lo = v;
  return lo <= domain[0] ? [domain[0] / 10, domain[1]] : domain;
}
