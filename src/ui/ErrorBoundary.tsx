import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What failed, for the console: 'the chart "Loss"'. */
  readonly what: string;
  /** The alert's class, so it is styled where it stands (a chart, a lesson block, a widget). */
  readonly className: string;
  /** The sentence that says what failed and what still works. */
  readonly message: (error: Error) => ReactNode;
  /** The "Try again" button's class. */
  readonly retryClassName?: string;
  /** Called by "Try again" before the children are drawn again (to drop a failed download, say). */
  readonly onRetry?: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps one failing part (a chart, a lesson block, a widget) from blanking the page: in its place
 * an alert says what failed, and "Try again" draws it anew.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
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
      <div className={this.props.className} role="alert">
        <p>{this.props.message(error)}</p>
        <button
          type="button"
          className={this.props.retryClassName}
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
