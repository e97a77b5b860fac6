import type { Histogram } from '../../engine/probes/histogram';

/** Pure views of a fixed-edge Histogram for drawing and describing it. */

export function binWidth(h: Histogram): number {
  return h.counts.length === 0 ? 0 : (h.max - h.min) / h.counts.length;
}

/** The bins' edges, min to max: one more than there are bins. */
export function binEdges(h: Histogram): number[] {
  const w = binWidth(h);
  return Array.from({ length: h.counts.length + 1 }, (_, i) =>
    i === h.counts.length ? h.max : h.min + i * w,
  );
}

export function maxCount(h: Histogram): number {
  let m = 0;
  for (let i = 0; i < h.counts.length; i++) if (h.counts[i]! > m) m = h.counts[i]!;
  return m;
}

export function binnedTotal(h: Histogram): number {
  let total = 0;
  for (let i = 0; i < h.counts.length; i++) total += h.counts[i]!;
  return total;
}

/** Where `x` sits along the histogram's axis, 0 at min and 1 at max (outside when beyond). */
export function valueFraction(h: Pick<Histogram, 'min' | 'max'>, x: number): number {
  return h.max === h.min ? 0.5 : (x - h.min) / (h.max - h.min);
}

/** The most populated bin (the first of equals), or null when every bin is empty. */
export function modeBin(h: Histogram): { lo: number; hi: number; count: number } | null {
  let best = -1;
  let count = 0;
  for (let i = 0; i < h.counts.length; i++) {
    if (h.counts[i]! > count) {
      count = h.counts[i]!;
      best = i;
    }
  }
  if (best < 0) return null;
  const w = binWidth(h);
  return {
    lo: h.min + best * w,
    hi: best === h.counts.length - 1 ? h.max : h.min + (best + 1) * w,
    count,
  };
}

/**
 * One SVG path of bars in a viewBox of bins × 1 (bar i spans x ∈ [i, i + 1], height count / max).
 * A single path keeps a page of small multiples light; an all-zero histogram gives ''.
 */
export function histogramPath(h: Histogram): string {
  const top = maxCount(h);
  if (top === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i]!;
    if (c === 0) continue;
    const y = 1 - c / top;
    parts.push(`M${i} 1V${y.toFixed(4)}H${i + 1}V1Z`);
  }
  return parts.join('');
}
