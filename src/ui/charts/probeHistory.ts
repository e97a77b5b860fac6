import type { TapKind } from '../../engine/probes/activationStats';
import type { ParamStats, ProbeSnapshot } from '../../engine/probes/probe';
import type { HistogramTrack } from './heatmapData';
import { paramLayerName } from './layerNames';

/**
 * Reshapes a run's probe history (snapshots oldest first) into what the over-time charts take. Pure,
 * so the page can memoise them on the history array.
 */

/** One track per tapped layer, in the order of the latest snapshot; `kinds` filters by tap kind. */
export function activationTracks(
  snapshots: readonly ProbeSnapshot[],
  kinds?: readonly TapKind[],
): HistogramTrack[] {
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return [];
  const wanted = latest.activations.filter((a) => !kinds || kinds.includes(a.kind));
  return wanted.map((a) => ({
    name: a.name,
    label: a.label,
    frames: snapshots.flatMap((s) => {
      const match = s.activations.find((x) => x.name === a.name);
      return match ? [{ step: s.step, histogram: match.histogram }] : [];
    }),
  }));
}

/**
 * The activation heatmap's tracks: each layer's activation outputs, or every tapped layer when the
 * network has no activation taps (a linear model).
 */
export function activationOutputTracks(snapshots: readonly ProbeSnapshot[]): HistogramTrack[] {
  const outputs = activationTracks(snapshots, ['activation']);
  return outputs.length > 0 ? outputs : activationTracks(snapshots);
}

/** One track per weight tensor: its gradient or its value histograms over time. */
export function paramTracks(
  snapshots: readonly ProbeSnapshot[],
  which: 'gradient' | 'weight',
): HistogramTrack[] {
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return [];
  const pick = (p: ParamStats) => (which === 'gradient' ? p.gradHistogram : p.weightHistogram);
  return latest.params
    .filter((p) => p.role === 'weight')
    .map((p) => ({
      name: paramLayerName(p.name),
      label: '',
      frames: snapshots.flatMap((s) => {
        const match = s.params.find((x) => x.name === p.name);
        return match ? [{ step: s.step, histogram: pick(match) }] : [];
      }),
    }));
}

/** A series of one weight layer: `key` indexes the rows (recharts reads dots in keys as paths). */
export interface LayerSeries {
  readonly key: string;
  readonly name: string;
}

export type LayerSeriesRow = { step: number } & Record<string, number | null>;

/** A value per weight layer per snapshot, as rows for a line chart (null where unmeasured). */
export interface LayerSeriesRows {
  readonly layers: readonly LayerSeries[];
  readonly rows: readonly LayerSeriesRow[];
}

export function weightSeries(
  snapshots: readonly ProbeSnapshot[],
  value: (p: ParamStats) => number | null,
): LayerSeriesRows {
  const keys = new Map<string, string>();
  const layers: LayerSeries[] = [];
  for (const s of snapshots) {
    for (const p of s.params) {
      if (p.role !== 'weight' || keys.has(p.name)) continue;
      const key = `layer${layers.length}`;
      keys.set(p.name, key);
      layers.push({ key, name: paramLayerName(p.name) });
    }
  }
  const rows = snapshots.map((s) => {
    const row: LayerSeriesRow = { step: s.step };
    for (const p of s.params) {
      const key = keys.get(p.name);
      if (key === undefined) continue;
      const v = value(p);
      row[key] = v !== null && Number.isFinite(v) ? v : null;
    }
    return row;
  });
  return { layers, rows };
}
