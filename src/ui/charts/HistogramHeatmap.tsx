import { memo, useMemo } from 'react';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { formatNumber, formatStep } from './format';
import {
  binEdgeTicks,
  heatmapRgba,
  stepTicks,
  summarizeHeatmap,
  toHeatmapCells,
  type HeatmapCells,
  type HistogramTrack,
} from './heatmapData';
import { layerTitle } from './layerNames';
import { densityColorHex } from './palette';
import type { PlotScale } from './plotScale';
import type { PlotMark } from './plotScene';
import { SceneCanvas } from './SceneCanvas';

export type { HistogramFrame, HistogramTrack } from './heatmapData';

export interface HistogramHeatmapProps extends ChartOptions {
  /** One track per layer; build them from probe snapshots with the helpers in probeHistory.ts. */
  readonly tracks: readonly HistogramTrack[];
  /** What the binned values are, for the y-axis: 'Activation', 'Gradient', 'Weight'. */
  readonly valueLabel?: string | undefined;
}

const PLOT_HEIGHT = 120;

/** Image pixels: one column per snapshot, one row per bin. */
const CELLS_X: PlotScale = { kind: 'linear', domain: [0, 1] };
const CELLS_Y: PlotScale = { kind: 'linear', domain: [0, 1] };

function HeatmapCanvas({ cells }: { readonly cells: HeatmapCells }) {
  const marks = useMemo<PlotMark[]>(
    () => [
      {
        kind: 'image',
        rgba: heatmapRgba(cells),
        width: cells.columns,
        height: cells.bins,
        // Crisp cells when enlarging; averaged columns when there are more snapshots than pixels.
        smoothing: 'when-shrinking',
      },
    ],
    [cells],
  );
  return (
    <SceneCanvas
      x={CELLS_X}
      y={CELLS_Y}
      marks={marks}
      height={PLOT_HEIGHT}
      className="nl-heatmap__canvas"
    />
  );
}

function TrackPanel({
  track,
  cells,
  valueLabel,
}: {
  readonly track: HistogramTrack;
  readonly cells: HeatmapCells | null;
  readonly valueLabel: string;
}) {
  const title = layerTitle(track.name, track.label);
  if (!cells) {
    return (
      <li className="nl-multiple">
        <p className="nl-multiple__title">{title}</p>
        <p className="nl-chart__note">No histograms recorded yet.</p>
      </li>
    );
  }
  const yTicks = binEdgeTicks(cells.min, cells.max, cells.bins);
  const xTicks = stepTicks(cells.steps);
  return (
    <li className="nl-multiple">
      <p className="nl-multiple__title">{title}</p>
      <div className="nl-heatmap">
        <span className="nl-heatmap__y-label">{valueLabel} value</span>
        <div className="nl-heatmap__y" style={{ height: PLOT_HEIGHT }} aria-hidden="true">
          {yTicks.map((t) => (
            <span
              key={t.fraction}
              className="nl-heatmap__tick"
              style={{ bottom: `${t.fraction * 100}%` }}
            >
              {formatNumber(t.value)}
            </span>
          ))}
        </div>
        <HeatmapCanvas cells={cells} />
        <div className="nl-heatmap__x" aria-hidden="true">
          {xTicks.map((t, i) => (
            <span
              key={i}
              className="nl-heatmap__x-tick"
              style={{
                left: `${t.fraction * 100}%`,
                transform: `translateX(${i === 0 ? 0 : i === xTicks.length - 1 ? -100 : -50}%)`,
              }}
            >
              {formatStep(t.value)}
            </span>
          ))}
        </div>
        <span className="nl-heatmap__axis-label">Step</span>
      </div>
    </li>
  );
}

const RAMP = `linear-gradient(to right, ${[0.15, 0.35, 0.55, 0.75, 1].map(densityColorHex).join(', ')})`;

const TEXT: ChartText = {
  title: 'Histograms over time',
  emptyMessage: "Press Train to see how each layer's histogram changes over time.",
};

/** Each layer's histogram over time as a heatmap: steps across, value bins up, counts as colour. */
export const HistogramHeatmap = memo(function HistogramHeatmap({
  tracks,
  valueLabel = 'Activation',
  ...options
}: HistogramHeatmapProps) {
  // Built once per update for both the pictures and the summary.
  const cells = useMemo(() => tracks.map((t) => toHeatmapCells(t.frames)), [tracks]);
  const summary = useMemo(
    () => tracks.map((t, i) => summarizeHeatmap(t, cells[i] ?? null)).join(' '),
    [tracks, cells],
  );
  const empty = tracks.every((t) => t.frames.length === 0);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={empty}
      summary={summary}
      description={
        <p>
          Each column is one snapshot; darker cells hold more values. Bins stay fixed, so a band
          that spreads, narrows or drifts shows the layer&apos;s {valueLabel.toLowerCase()}s
          changing.
        </p>
      }
    >
      <ul className="nl-multiples nl-multiples--wide">
        {tracks.map((track, i) => (
          <TrackPanel
            key={track.name}
            track={track}
            cells={cells[i] ?? null}
            valueLabel={valueLabel}
          />
        ))}
      </ul>
      <div className="nl-colorbar" aria-hidden="true">
        <span>Few values</span>
        <span className="nl-colorbar__ramp" style={{ background: RAMP }} />
        <span>many (log scale); white: none</span>
      </div>
    </ChartCard>
  );
});
