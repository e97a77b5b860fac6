import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface BlockErrorBoundaryProps {
  /** What the block is, for the message: "the experiment “BatchNorm vs plain”". */
  readonly what: string;
  /** What still works (default: the rest of the lesson). */
  readonly rest?: string;
  /** Called by "Try again" before the block is drawn again (to drop a failed download, say). */
  readonly onRetry?: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps one failing block from blanking the lesson: the rest of the page goes on working. */
export class BlockErrorBoundary extends Component<BlockErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`normlab: ${this.props.what} failed`, error, info);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="nl-block-error" role="alert">
        <p>
          Something went wrong showing {this.props.what}: {error.message}.{' '}
          {this.props.rest ?? 'The rest of the lesson still works.'}
        </p>
        <button
          type="button"
          className="nl-button"
          onClick={() => {
            this.props.onRetry?.();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}
