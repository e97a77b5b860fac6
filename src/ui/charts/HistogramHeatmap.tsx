import { memo, useCallback, useMemo } from 'react';
import { ChartCard } from './ChartCard';
import { formatNumber, formatStep } from './format';
import type { HeadingLevel } from './Heading';
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
import { rgbaToCanvas, useCanvas, type CanvasSize } from './useCanvas';

export type { HistogramFrame, HistogramTrack } from './heatmapData';

export interface HistogramHeatmapProps {
  /** One track per layer; build them from probe snapshots with the helpers in probeHistory.ts. */
  readonly tracks: readonly HistogramTrack[];
  readonly title?: string | undefined;
  /** What the binned values are, for the y-axis: 'Activation', 'Gradient', 'Weight'. */
  readonly valueLabel?: string | undefined;
  readonly headingLevel?: HeadingLevel | undefined;
  readonly emptyMessage?: string | undefined;
}

const PLOT_HEIGHT = 120;

function HeatmapCanvas({ cells }: { readonly cells: HeatmapCells }) {
  const rgba = useMemo(() => heatmapRgba(cells), [cells]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, { width, height }: CanvasSize) => {
      const image = rgbaToCanvas(rgba, cells.columns, cells.bins);
      if (!image) return;
      // Crisp cells when enlarging; averaged columns when there are more snapshots than pixels.
      ctx.imageSmoothingEnabled = cells.columns > width;
      ctx.drawImage(image, 0, 0, width, height);
    },
    [rgba, cells],
  );
  const { containerRef, canvasRef, size } = useCanvas(draw, PLOT_HEIGHT);
  return (
    <div ref={containerRef} className="nl-chart__plot">
      <canvas
        ref={canvasRef}
        style={{ height: size.height }}
        aria-hidden="true"
        className="nl-heatmap__canvas"
      />
    </div>
  );
}

function TrackPanel({
  track,
  valueLabel,
}: {
  readonly track: HistogramTrack;
  readonly valueLabel: string;
}) {
  const cells = useMemo(() => toHeatmapCells(track.frames), [track.frames]);
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
              key={`${t.value}|${i}`}
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

/** Each layer's histogram over time as a heatmap: steps across, value bins up, counts as colour. */
export const HistogramHeatmap = memo(function HistogramHeatmap({
  tracks,
  title = 'Histograms over time',
  valueLabel = 'Activation',
  headingLevel = 3,
  emptyMessage = "Press Train to see how each layer's histogram changes over time.",
}: HistogramHeatmapProps) {
  const summary = useMemo(
    () => tracks.map((t) => summarizeHeatmap(t, toHeatmapCells(t.frames))).join(' '),
    [tracks],
  );
  const empty = tracks.every((t) => t.frames.length === 0);
  return (
    <ChartCard
      title={title}
      headingLevel={headingLevel}
      summary={summary}
      emptyMessage={empty ? emptyMessage : undefined}
      description={
        <p>
          Each column is one snapshot; darker cells hold more values. Bins stay fixed, so a band
          that spreads, narrows or drifts shows the layer&apos;s {valueLabel.toLowerCase()}s
          changing.
        </p>
      }
    >
      <ul className="nl-multiples nl-multiples--wide">
        {tracks.map((track) => (
          <TrackPanel key={track.name} track={track} valueLabel={valueLabel} />
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
