import { Component, type ReactNode } from 'react';

/** Records what an error boundary caught, so a test can assert it caught nothing. */
export interface CaughtErrors {
  errors: unknown[];
}

/**
 * A host's error boundary around the credit components. A component that
 * handles a failure itself (shows an error state) never lets it reach here.
 */
export class RecordingErrorBoundary extends Component<{ record: CaughtErrors; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.record.errors.push(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <p role="alert">The host’s error boundary caught an error.</p> : this.props.children;
  }
}
