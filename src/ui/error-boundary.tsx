import { Component, type ReactNode } from 'react';
import { useI18n } from './i18n';

interface Props {
  /** Changing it clears a caught error, e.g. when another card is opened. */
  resetKey?: unknown;
  /** What failed, in the reader's language: shown by the default fallback, with the error and a retry button. */
  failed?: string;
  fallback?: (error: Error, reset: () => void) => ReactNode;
  /**
   * A function is called inside the boundary: a boundary catches what its descendants throw, not
   * what the component that wrote it throws while building their elements (a JSON.stringify inline).
   */
  children: ReactNode | (() => ReactNode);
}

/** Keeps a failure in one part of the screen from blanking the app; the queue and work done stay. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: unknown }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    const { error } = this.state;
    const { children } = this.props;
    if (!error) return typeof children === 'function' ? <Deferred render={children} /> : children;
    const reset = () => this.setState({ error: null });
    return this.props.fallback ? (
      this.props.fallback(error, reset)
    ) : (
      <Fallback failed={this.props.failed} error={error} onRetry={reset} />
    );
  }
}

function Deferred({ render }: { render: () => ReactNode }) {
  return render();
}

function Fallback({ failed, error, onRetry }: { failed?: string; error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      {failed && <p className="notice-title">{failed}</p>}
      <code className="detail">{error instanceof Error ? error.message : String(error)}</code>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
