import { useId, type ReactNode } from 'react';
import { WidgetErrorBoundary } from './WidgetErrorBoundary';
import './widgets.css';

export interface WidgetFrameProps {
  readonly title: string;
  /** One or two sentences: what the widget shows and what to try. */
  readonly intro: ReactNode;
  readonly children: ReactNode;
}

/** The frame every lesson widget shares: a titled region whose content cannot take the page down. */
export function WidgetFrame({ title, intro, children }: WidgetFrameProps) {
  const headingId = useId();
  return (
    <section className="nl-widget" aria-labelledby={headingId}>
      <h3 id={headingId} className="nl-widget__title">
        {title}
      </h3>
      <div className="nl-widget__intro">{intro}</div>
      <WidgetErrorBoundary title={title}>{children}</WidgetErrorBoundary>
    </section>
  );
}
