import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';

export interface ChartErrorBoundaryProps {
  /** The chart's title, so the message says which panel failed. */
  readonly title: string;
  readonly children: ReactNode;
}

/** Keeps one broken chart from blanking the page: it shows what failed and offers a retry. */
export function ChartErrorBoundary({ title, children }: ChartErrorBoundaryProps) {
  return (
    <ErrorBoundary
      what={`the chart "${title}"`}
      className="nl-chart__error"
      message={(error) =>
        `The chart “${title}” could not be drawn: ${error.message}. The other panels keep working.`
      }
    >
      {children}
    </ErrorBoundary>
  );
}
