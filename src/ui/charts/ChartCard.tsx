import { useId, useMemo, type ReactNode } from 'react';
import { ChartViewContext, FullScreenContext, useChartView } from '../present/chartView';
import {
  CHART_ID_ATTRIBUTE,
  leaveFullScreenChart,
  toggleFullScreenChart,
  useFullScreenChart,
} from '../present/fullScreenChart';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { ChartErrorBoundary } from './ChartErrorBoundary';
import { Heading, type HeadingLevel } from './Heading';
import './charts.css';

export interface ChartCardProps {
  readonly title: string;
  readonly headingLevel?: HeadingLevel | undefined;
  /** A short visible caption: what the chart shows and how to read it. */
  readonly description?: ReactNode;
  /** The text a screen reader gets in place of the picture. */
  readonly summary: string;
  /** When set, the chart has nothing to show yet and this says what will appear. */
  readonly emptyMessage?: string | undefined;
  /** Toggles that change the view (log scale, which layers). */
  readonly controls?: ReactNode;
  /** Set while new data is being computed. */
  readonly busy?: boolean | undefined;
  readonly children?: ReactNode;
}

/**
 * The frame every chart shares: heading, caption, controls, the picture inside an error boundary,
 * and a visually hidden summary the figure is described by. Every chart can fill the screen (its
 * "Full screen" button, or F): it is laid over the window where it stands, so it keeps drawing while
 * runs train, and Escape or the same button brings it back.
 */
export function ChartCard({
  title,
  headingLevel = 3,
  description,
  summary,
  emptyMessage,
  controls,
  busy,
  children,
}: ChartCardProps) {
  const headingId = useId();
  const summaryId = useId();
  const chartId = useId();
  const full = useFullScreenChart((s) => s.chartId === chartId);
  const view = useChartView();
  const { presenting } = view;
  // A chart filling the screen is there to be seen from afar: it draws as presenter mode does.
  const fullView = useMemo(() => ({ ...view, presenting: true }), [view]);
  const empty = emptyMessage !== undefined;
  useShortcuts(
    [
      {
        keys: ['Escape'],
        label: 'Esc',
        description: 'Bring a full-screen chart back into the page',
        group: 'Charts',
        run: leaveFullScreenChart,
      },
    ],
    full,
  );
  const classes = [
    'nl-chart',
    full ? 'nl-chart--full' : '',
    full && !presenting ? 'nl-present' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure
      className={classes}
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      aria-busy={busy ? true : undefined}
      {...{ [CHART_ID_ATTRIBUTE]: chartId }}
    >
      <div className="nl-chart__head">
        <Heading level={headingLevel} id={headingId} className="nl-chart__title">
          {title}
        </Heading>
        <div className="nl-chart__tools">
          <button
            type="button"
            className="nl-chart__tool"
            aria-label={full ? `Leave full screen: ${title}` : `Full screen: ${title}`}
            aria-pressed={full}
            onClick={() => toggleFullScreenChart(chartId)}
          >
            {full ? 'Leave full screen' : 'Full screen'}
          </button>
        </div>
      </div>
      {description ? <div className="nl-chart__description">{description}</div> : null}
      {controls ? <div className="nl-chart__controls">{controls}</div> : null}
      {empty ? (
        <p id={summaryId} className="nl-chart__empty">
          {emptyMessage}
        </p>
      ) : (
        <>
          <FullScreenContext.Provider value={full}>
            <ChartViewContext.Provider value={full ? fullView : view}>
              <ChartErrorBoundary title={title}>{children}</ChartErrorBoundary>
            </ChartViewContext.Provider>
          </FullScreenContext.Provider>
          <p id={summaryId} className="nl-visually-hidden">
            {summary}
          </p>
        </>
      )}
    </figure>
  );
}
