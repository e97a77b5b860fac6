import type { Histogram } from '../../engine/probes/histogram';
import { formatNumber, formatStep } from './format';
import { modeBin } from './histogramShape';
import { layerTitle } from './layerNames';
import { writeDensityRgba } from './palette';

/** One recorded histogram of a layer. */
export interface HistogramFrame {
  readonly step: number;
  readonly histogram: Histogram;
}

/** A layer's histograms over time, oldest first. */
export interface HistogramTrack {
  readonly name: string;
  readonly label: string;
  readonly frames: readonly HistogramFrame[];
}

export interface HeatmapCells {
  /** One column per frame kept, oldest on the left. */
  readonly columns: number;
  readonly bins: number;
  readonly steps: readonly number[];
  /**
   * columns × bins, row-major from the TOP row (the highest bin), so it maps straight onto image rows.
   * 0 means an empty cell; otherwise log(1 + count) / log(1 + maxCount), in (0, 1].
   */
  readonly intensity: Float32Array;
  readonly maxCount: number;
  readonly min: number;
  readonly max: number;
  /** Frames left out because their bins differ from the latest frame's (a changed range). */
  readonly skipped: number;
}

const sameBins = (a: Histogram, b: Histogram): boolean =>
  a.min === b.min && a.max === b.max && a.counts.length === b.counts.length;

/**
 * Lays a layer's histograms side by side as heatmap cells with a log colour scale (a few outliers
 * stay visible next to a bin holding most of the batch). Bins must match the latest frame's.
 */
export function toHeatmapCells(frames: readonly HistogramFrame[]): HeatmapCells | null {
  const latest = frames[frames.length - 1];
  if (!latest || latest.histogram.counts.length === 0) return null;
  const kept = frames.filter((f) => sameBins(f.histogram, latest.histogram));
  const bins = latest.histogram.counts.length;
  const columns = kept.length;
  let top = 0;
  for (const f of kept) {
    for (let i = 0; i < bins; i++) if (f.histogram.counts[i]! > top) top = f.histogram.counts[i]!;
  }
  const intensity = new Float32Array(columns * bins);
  const scale = top > 0 ? 1 / Math.log1p(top) : 0;
  for (let col = 0; col < columns; col++) {
    const counts = kept[col]!.histogram.counts;
    for (let bin = 0; bin < bins; bin++) {
      const row = bins - 1 - bin; // highest values on top
      intensity[row * columns + col] = Math.log1p(counts[bin]!) * scale;
    }
  }
  return {
    columns,
    bins,
    steps: kept.map((f) => f.step),
    intensity,
    maxCount: top,
    min: latest.histogram.min,
    max: latest.histogram.max,
    skipped: frames.length - columns,
  };
}

/** The lightest colour a non-empty cell gets, so one value still shows against the white of none. */
const LOWEST_SHADE = 0.15;

/** RGBA pixels (columns wide, bins tall) for the cells: empty cells transparent. */
export function heatmapRgba(cells: HeatmapCells): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(cells.intensity.length * 4);
  for (let i = 0; i < cells.intensity.length; i++) {
    const t = cells.intensity[i]!;
    if (t <= 0) continue;
    writeDensityRgba(LOWEST_SHADE + (1 - LOWEST_SHADE) * t, rgba, 4 * i);
  }
  return rgba;
}

export interface AxisTick {
  readonly value: number;
  /** Position along the axis: 0 at the bottom (or left), 1 at the top (or right). */
  readonly fraction: number;
}

/** Ticks on the fixed bin edges: every k-th edge, always min and max, at most ~maxTicks + 1. */
export function binEdgeTicks(min: number, max: number, bins: number, maxTicks = 5): AxisTick[] {
  if (bins <= 0) return [];
  const stride = Math.max(1, Math.ceil(bins / maxTicks));
  const width = (max - min) / bins;
  const ticks: AxisTick[] = [];
  for (let i = 0; i < bins; i += stride) {
    // too close to the max tick to print both
    if (i > 0 && bins - i <= stride / 2) break;
    ticks.push({ value: min + i * width, fraction: i / bins });
  }
  ticks.push({ value: max, fraction: 1 });
  return ticks;
}

/**
 * Step ticks. A short history gets one at each column's centre; a longer one gets `maxTicks` at fixed
 * places (both ends and evenly between), each naming the step of the column it falls on. Fixed
 * places keep the labels still while the history grows: only their text changes, about ten times a
 * second, instead of every label moving and being laid out again.
 */
export function stepTicks(steps: readonly number[], maxTicks = 4): AxisTick[] {
  const n = steps.length;
  if (n === 0) return [];
  if (n <= maxTicks) return steps.map((value, i) => ({ value, fraction: (i + 0.5) / n }));
  const ticks: AxisTick[] = [];
  for (let k = 0; k < maxTicks; k++) {
    const fraction = k / (maxTicks - 1);
    ticks.push({ value: steps[Math.min(n - 1, Math.floor(fraction * n))]!, fraction });
  }
  return ticks;
}

/** "act1 · ReLU: 25 snapshots from step 0 to 2,400, binned from −2 to 2. At step 2,400 …" */
export function summarizeHeatmap(track: HistogramTrack, cells: HeatmapCells | null): string {
  const title = layerTitle(track.name, track.label);
  const latest = track.frames[track.frames.length - 1];
  if (!cells || !latest) return `${title}: no histograms recorded yet.`;
  const first = cells.steps[0]!;
  const span =
    cells.columns === 1
      ? `1 snapshot at step ${formatStep(first)}`
      : `${cells.columns} snapshots from step ${formatStep(first)} to ${formatStep(latest.step)}`;
  const parts = [
    `${title}: ${span}, values binned from ${formatNumber(cells.min)} to ${formatNumber(cells.max)}.`,
  ];
  const mode = modeBin(latest.histogram);
  parts.push(
    mode
      ? `At step ${formatStep(latest.step)} the most common values lie between ${formatNumber(mode.lo)} and ${formatNumber(mode.hi)}.`
      : `At step ${formatStep(latest.step)} no value fell inside the range.`,
  );
  const outside = latest.histogram.underflow + latest.histogram.overflow;
  if (outside > 0) parts.push(`${formatStep(outside)} values fell outside it.`);
  if (cells.skipped > 0) {
    parts.push(`${cells.skipped} older snapshots with different bins are not shown.`);
  }
  return parts.join(' ');
}
