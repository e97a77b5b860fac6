import { useId, type ReactNode } from 'react';
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
 * and a visually hidden summary the figure is described by.
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
  const empty = emptyMessage !== undefined;
  return (
    <figure
      className="nl-chart"
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      aria-busy={busy ? true : undefined}
    >
      <Heading level={headingLevel} id={headingId} className="nl-chart__title">
        {title}
      </Heading>
      {description ? <div className="nl-chart__description">{description}</div> : null}
      {controls ? <div className="nl-chart__controls">{controls}</div> : null}
      {empty ? (
        <p id={summaryId} className="nl-chart__empty">
          {emptyMessage}
        </p>
      ) : (
        <>
          <ChartErrorBoundary title={title}>{children}</ChartErrorBoundary>
          <p id={summaryId} className="nl-visually-hidden">
            {summary}
          </p>
        </>
      )}
    </figure>
  );
}
