import type { Histogram } from '../../engine/probes/histogram';
import { formatNumber } from './format';
import { histogramPath, valueFraction } from './histogramShape';
import { BAR_COLOR } from './palette';

export interface HistogramMarker {
  readonly value: number;
  readonly color: string;
  readonly dash?: string | undefined;
}

export interface HistogramBarsProps {
  readonly histogram: Histogram;
  readonly markers?: readonly HistogramMarker[] | undefined;
  readonly color?: string | undefined;
  /** The x-axis title under the ticks, e.g. 'Activation value' (none when the caller labels the axis). */
  readonly valueLabel?: string | undefined;
}

/**
 * A small histogram: bars as one SVG path stretched to the width, vertical reference markers, and
 * the axis ends as text below (text outside the SVG so it never stretches).
 */
export function HistogramBars({
  histogram,
  markers = [],
  color = BAR_COLOR,
  valueLabel,
}: HistogramBarsProps) {
  const bins = Math.max(1, histogram.counts.length);
  const visible = markers.filter((m) => {
    const f = valueFraction(histogram, m.value);
    return f >= 0 && f <= 1;
  });
  return (
    <div>
      <svg
        className="nl-histogram"
        viewBox={`0 0 ${bins} 1`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <path d={histogramPath(histogram)} fill={color} />
        {visible.map((m, i) => {
          const x = valueFraction(histogram, m.value) * bins;
          return (
            <line
              key={i}
              x1={x}
              x2={x}
              y1={0}
              y2={1}
              stroke={m.color}
              strokeWidth={2}
              strokeDasharray={m.dash}
              vectorEffect="non-scaling-stroke"
            />
          );
        })}
      </svg>
      <div className="nl-multiple__axis" aria-hidden="true">
        <span>{formatNumber(histogram.min)}</span>
        <span>{formatNumber((histogram.min + histogram.max) / 2)}</span>
        <span>{formatNumber(histogram.max)}</span>
      </div>
      {valueLabel ? (
        <p className="nl-multiple__axis-label" aria-hidden="true">
          {valueLabel}
        </p>
      ) : null}
    </div>
  );
}
