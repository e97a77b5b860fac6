import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface WidgetErrorBoundaryProps {
  readonly title: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps one broken widget from blanking the lesson: it says what failed and offers a retry. */
export class WidgetErrorBoundary extends Component<WidgetErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`normlab: the widget "${this.props.title}" failed`, error, info);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="nl-widget__error" role="alert">
        <p>
          “{this.props.title}” stopped working: {error.message}. The rest of the lesson still works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
