import { markerPath, type MarkerShape } from './markers';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** SVG stroke-dasharray, e.g. '6 3' for a dashed series. */
  readonly dash?: string | undefined;
  /** 'line' (default) for series, 'swatch' for filled areas and bars, 'marker' for points. */
  readonly kind?: 'line' | 'swatch' | 'marker' | undefined;
  /** The point shape, for kind 'marker'. */
  readonly shape?: MarkerShape | undefined;
}

export interface ChartLegendProps {
  readonly items: readonly LegendItem[];
  readonly label?: string | undefined;
}

/** An HTML legend: it wraps at narrow widths and its text is selectable and readable. */
export function ChartLegend({ items, label = 'Legend' }: ChartLegendProps) {
  if (items.length === 0) return null;
  return (
    <ul className="nl-legend" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.label}|${item.color}|${item.dash ?? ''}`} className="nl-legend__item">
          <svg className="nl-legend__mark" width="24" height="12" aria-hidden="true">
            {item.kind === 'swatch' ? (
              <rect x="4" y="1" width="16" height="10" fill={item.color} />
            ) : item.kind === 'marker' ? (
              <path
                d={markerPath(item.shape ?? 'circle', 12, 6, 4.5)}
                fill={item.color}
                stroke="#1f1f1f"
                strokeWidth="1"
              />
            ) : (
              <line
                x1="1"
                y1="6"
                x2="23"
                y2="6"
                stroke={item.color}
                strokeWidth="2.5"
                strokeDasharray={item.dash}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
