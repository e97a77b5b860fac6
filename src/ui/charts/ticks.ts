/** Axis ticks at round numbers (1, 2 or 5 × 10^k apart), so labels stay short and readable. */

export interface NiceAxis {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/** The smallest step of 1, 2 or 5 × 10^k that cuts `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * p >= raw * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/** k × step without the binary noise of floating point (0.30000000000000004 → 0.3). */
const clean = (x: number): number => Number(x.toPrecision(12)) + 0;

export interface NiceTicksOptions {
  /** Steps of at least 1 (for step and layer axes). */
  readonly integer?: boolean | undefined;
  /** Widen the domain outward to the nearest ticks (for value axes); otherwise keep it exact. */
  readonly extend?: boolean | undefined;
}

export function niceTicks(
  lo: number,
  hi: number,
  maxTicks: number,
  options: NiceTicksOptions = {},
): NiceAxis {
  const { integer = false, extend = false } = options;
  let a = Number.isFinite(lo) ? lo : 0;
  let b = Number.isFinite(hi) ? hi : a;
  if (b < a) [a, b] = [b, a];
  if (b === a) {
    // a single value still needs an axis around it
    const pad = integer ? 1 : Math.abs(a) * 0.1 || 1;
    a -= pad;
    b += pad;
  }
  let step = niceStep(b - a, maxTicks);
  if (integer) step = Math.max(1, step);
  // The 1e-9 nudges keep round ends that float division lands just beside (0.3 / 0.1 = 2.9999…).
  const first = (extend ? Math.floor(a / step + 1e-9) : Math.ceil(a / step - 1e-9)) * step;
  const last = (extend ? Math.ceil(b / step - 1e-9) : Math.floor(b / step + 1e-9)) * step;
  const ticks: number[] = [];
  for (let k = Math.round(first / step); k * step <= last + step * 1e-9; k++)
    ticks.push(clean(k * step));
  return { domain: extend ? [clean(first), clean(last)] : [a, b], ticks };
}
