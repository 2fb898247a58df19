/**
 * Keeps one failing view (a chunk that did not load, a rendering bug) from blanking the
 * whole window: the view says what went wrong and offers a reload; the rest stays usable.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the area is, for the message: "the evidence graph". */
  area: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="reader empty" role="alert">
        <p>
          Claimdesk could not show {this.props.area}: {error.message}
        </p>
        <p className="muted">Your data is safe; nothing was changed.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the window
        </button>
      </main>
    );
  }
}
