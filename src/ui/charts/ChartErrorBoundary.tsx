import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ChartErrorBoundaryProps {
  /** The chart's title, so the message says which panel failed. */
  readonly title: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps one broken chart from blanking the page: it shows what failed and offers a retry. */
export class ChartErrorBoundary extends Component<ChartErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`normlab: the chart "${this.props.title}" failed to draw`, error, info);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="nl-chart__error" role="alert">
        <p>
          The chart “{this.props.title}” could not be drawn: {error.message}. The other panels keep
          working.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
