import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';

export interface BlockErrorBoundaryProps {
  /** What the block is, for the message: "the experiment “BatchNorm vs plain”". */
  readonly what: string;
  /** What still works (default: the rest of the lesson). */
  readonly rest?: string;
  /** Called by "Try again" before the block is drawn again (to drop a failed download, say). */
  readonly onRetry?: () => void;
  readonly children: ReactNode;
}

/** Keeps one failing block from blanking the lesson: the rest of the page goes on working. */
export function BlockErrorBoundary({ what, rest, onRetry, children }: BlockErrorBoundaryProps) {
  return (
    <ErrorBoundary
      what={what}
      className="nl-block-error"
      retryClassName="nl-button"
      message={(error) =>
        `Something went wrong showing ${what}: ${error.message}. ${rest ?? 'The rest of the lesson still works.'}`
      }
      {...(onRetry ? { onRetry } : {})}
    >
      {children}
    </ErrorBoundary>
  );
}
