/**
 * Equal-width histograms with fixed edges: the Lab draws the same tensor's histogram at many steps
 * (and as a heatmap over time), which only makes sense if the bins never move.
 */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  /** counts[i] covers [min + i·w, min + (i+1)·w), w = (max − min) / counts.length; the last bin includes max. */
  readonly counts: Uint32Array;
  /** Values below min / above max (not in any bin). */
  readonly underflow: number;
  readonly overflow: number;
}

export interface HistogramRange {
  readonly min: number;
  readonly max: number;
  readonly bins: number;
}

export function histogram(values: ArrayLike<number>, range: HistogramRange): Histogram {
  const { min, max, bins } = range;
  const counts = new Uint32Array(bins);
  const scale = bins / (max - min);
  let underflow = 0;
  let overflow = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) underflow++;
    else if (v > max) overflow++;
    else if (v === max) counts[bins - 1]!++;
    else if (v >= min) counts[Math.floor((v - min) * scale)]!++;
    // NaN falls through every comparison and is not counted: probes never see NaN (see trainer).
  }
  return { min, max, counts, underflow, overflow };
}

/** Rounds up to 1, 2 or 5 × 10^k, so axis ends read well. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** A symmetric range around zero that holds `values` with some room to grow during training. */
export function symmetricRangeFor(
  values: ArrayLike<number>,
  bins: number,
  headroom = 1.5,
): HistogramRange {
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > maxAbs && Number.isFinite(a)) maxAbs = a;
  }
  const edge = niceCeil(maxAbs * headroom || 1e-6);
  return { min: -edge, max: edge, bins };
}
