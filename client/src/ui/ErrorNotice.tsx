import { useTranslation } from 'react-i18next';
import { describeError, errorDetail } from '../api/describe-error';

export interface ErrorNoticeProps {
  error: unknown;
  /** Offers a retry button when given. */
  onRetry?: () => void;
  /** A smaller notice, for inside a panel. */
  compact?: boolean;
}

/** A readable error: a translated title, the server's own words, and a retry button. */
export function ErrorNotice({ error, onRetry, compact = false }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const { title } = describeError(error);
  const detail = errorDetail(error, t);
  return (
    <div className={compact ? 'error-notice error-notice--compact' : 'error-notice'} role="alert">
      <p className="error-notice__title">{t(title)}</p>
      {detail !== null && <p className="error-notice__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
