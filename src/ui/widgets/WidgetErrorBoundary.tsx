import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';

export interface WidgetErrorBoundaryProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** Keeps one broken widget from blanking the lesson: it says what failed and offers a retry. */
export function WidgetErrorBoundary({ title, children }: WidgetErrorBoundaryProps) {
  return (
    <ErrorBoundary
      what={`the widget "${title}"`}
      className="nl-widget__error"
      message={(error) =>
        `“${title}” stopped working: ${error.message}. The rest of the lesson still works.`
      }
    >
      {children}
    </ErrorBoundary>
  );
}
