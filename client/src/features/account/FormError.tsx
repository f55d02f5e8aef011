import { useTranslation } from 'react-i18next';
import { describeError, errorDetail } from '../../api/describe-error';

/**
 * Why a form's request failed: what the form tried (`title`, translated), then the server's own words ("Wrong
 * e-mail or password", "This would leave no administrator"), or the kind of failure when there
 * are none (the network).
 */
export function FormError({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const detail = errorDetail(error, t);
  return (
    <div className="error-notice error-notice--compact" role="alert">
      <p className="error-notice__title">{title}</p>
      <p className="error-notice__detail">{detail ?? t(describeError(error).title)}</p>
    </div>
  );
}
