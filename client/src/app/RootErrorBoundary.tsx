import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';

interface BoundaryProps {
  children: ReactNode;
  /** Called before retrying, to let failed queries run again. */
  onReset: () => void;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
}

// Error boundaries must still be class components in React 19.
class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Octograph crashed', error, info.componentStack);
  }

  private readonly retry = () => {
    this.props.onReset();
    this.setState({ error: null, failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return <CrashScreen error={this.state.error} onRetry={this.retry} />;
  }
}

function CrashScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="crash">
      <p className="crash__title">{t('errors.boundary')}</p>
      <ErrorNotice error={error} onRetry={onRetry} />
    </div>
  );
}

/** Catches anything that breaks while rendering and offers to try again. */
export function RootErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => <ErrorBoundary onReset={reset}>{children}</ErrorBoundary>}
    </QueryErrorResetBoundary>
  );
}
