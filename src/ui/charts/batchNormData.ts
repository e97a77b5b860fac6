import type { NormStats } from '../../engine/probes/probe';
import { formatNumber, formatStep } from './format';
import { niceTicks, type NiceAxis } from './ticks';

/** One channel of a BatchNorm layer: the latest batch's statistic (x) and the running one (y). */
export interface ChannelPoint {
  readonly channel: number;
  readonly batch: number;
  readonly running: number;
}

export interface ChannelGap {
  readonly channel: number;
  readonly gap: number;
}

export interface NormComparison {
  readonly name: string;
  readonly channels: number;
  /** Channels drawn (the first `maxChannels`). */
  readonly shown: number;
  /** Null before the first training batch (no batch statistics yet). */
  readonly mean: readonly ChannelPoint[] | null;
  readonly variance: readonly ChannelPoint[] | null;
  /** Largest |running − batch| over ALL channels, not only the drawn ones. */
  readonly meanGap: ChannelGap | null;
  readonly varianceGap: ChannelGap | null;
  readonly runningMeanRange: readonly [number, number] | null;
  readonly runningVarianceRange: readonly [number, number] | null;
  /** With ghost batches, what the batch statistics average over (see ghostNote); null without. */
  readonly ghost: { readonly ghostBatches: number; readonly batchSize: number } | null;
}

export const MAX_CHANNELS = 64;

function points(batch: Float32Array, running: Float32Array, shown: number): ChannelPoint[] {
  const out: ChannelPoint[] = [];
  for (let c = 0; c < shown; c++) {
    const b = batch[c]!;
    const r = running[c]!;
    if (Number.isFinite(b) && Number.isFinite(r)) out.push({ channel: c, batch: b, running: r });
  }
  return out;
}

function largestGap(
  batch: Float32Array,
  running: Float32Array,
  channels: number,
): ChannelGap | null {
  let best: ChannelGap | null = null;
  for (let c = 0; c < channels; c++) {
    const gap = Math.abs(running[c]! - batch[c]!);
    if (Number.isFinite(gap) && (best === null || gap > best.gap)) best = { channel: c, gap };
  }
  return best;
}

function range(values: Float32Array, channels: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let c = 0; c < channels; c++) {
    const v = values[c]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? null : [lo, hi];
}

/** Pairs each channel's running statistics with the latest batch's, for at most `maxChannels`. */
export function compareNormStats(norm: NormStats, maxChannels = MAX_CHANNELS): NormComparison {
  const { batchMean, batchVar, runningMean, runningVar } = norm;
  const channels =
    batchMean && batchVar
      ? Math.min(runningMean.length, runningVar.length, batchMean.length, batchVar.length)
      : Math.min(runningMean.length, runningVar.length);
  const shown = Math.min(channels, Math.max(1, maxChannels));
  return {
    name: norm.name,
    channels,
    shown,
    mean: batchMean ? points(batchMean, runningMean, shown) : null,
    variance: batchVar ? points(batchVar, runningVar, shown) : null,
    meanGap: batchMean ? largestGap(batchMean, runningMean, channels) : null,
    varianceGap: batchVar ? largestGap(batchVar, runningVar, channels) : null,
    runningMeanRange: range(runningMean, channels),
    runningVarianceRange: range(runningVar, channels),
    ghost: batchMean && norm.ghost ? norm.ghost : null,
  };
}

/**
 * What "batch statistics" mean under ghost batches: each is the average of the ghost batches' own
 * (the mean equals the whole batch's; the variance is within ghost batches, smaller than the whole
 * batch's), the quantity the running statistics average.
 */
export function ghostNote(c: NormComparison): string | null {
  if (!c.ghost) return null;
  const { ghostBatches, batchSize } = c.ghost;
  const size = batchSize / ghostBatches;
  const each = Number.isInteger(size) ? ` of ${formatStep(size)} samples` : '';
  return (
    `With ghost batches, each batch statistic is the average over the last batch's ` +
    `${formatStep(ghostBatches)} ghost batches${each} of their own statistics, which is what the ` +
    `running statistics average too.`
  );
}

/**
 * One axis for both running (y) and batch (x) values, so y = x is the diagonal; round ends.
 *
 * Given the axis shown so far, it is kept while every point still lies inside it and the points span
 * at least half of it. Batch statistics jitter from batch to batch; an axis that followed them would
 * move its ticks several times a second, which is hard to read and costs the page a layout each time.
 */
export function sharedAxis(pts: readonly ChannelPoint[], shown?: NiceAxis): NiceAxis {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pts) {
    lo = Math.min(lo, p.batch, p.running);
    hi = Math.max(hi, p.batch, p.running);
  }
  if (lo === Infinity) return shown ?? niceTicks(0, 1, 4, { extend: true });
  if (shown) {
    const [a, b] = shown.domain;
    if (lo >= a && hi <= b && hi - lo >= (b - a) / 2) return shown;
  }
  return niceTicks(lo, hi, 4, { extend: true });
}

const channelCount = (n: number): string => `${formatStep(n)} ${n === 1 ? 'channel' : 'channels'}`;

function describe(c: NormComparison): string {
  const head = `${c.name} (${channelCount(c.channels)})`;
  if (!c.meanGap || !c.varianceGap) {
    const m = c.runningMeanRange;
    const v = c.runningVarianceRange;
    const ranges =
      m && v
        ? ` Running means span ${formatNumber(m[0])} to ${formatNumber(m[1])}, variances ${formatNumber(v[0])} to ${formatNumber(v[1])}.`
        : '';
    return `${head}: no training batch yet, so there are only running statistics.${ranges}`;
  }
  return (
    `${head}: the running mean is within ${formatNumber(c.meanGap.gap)} of the last batch's mean ` +
    `(largest gap at channel ${c.meanGap.channel}); the running variance is within ` +
    `${formatNumber(c.varianceGap.gap)} of the batch variance (channel ${c.varianceGap.channel}).` +
    (c.shown < c.channels ? ` The plot shows the first ${c.shown} channels.` : '') +
    (c.ghost ? ` ${ghostNote(c)}` : '')
  );
}

export function summarizeNormStats(
  comparisons: readonly NormComparison[],
  step: number | undefined,
): string {
  const text = comparisons.map(describe).join(' ');
  return step === undefined ? text : `At step ${formatStep(step)}: ${text}`;
}
