import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The foot of an editing form: the button that sends it (saying so while it is on its way),
 * Cancel, and any further actions (Delete).
 */
export function FormActions({
  pending,
  submitLabel,
  busyLabel,
  onCancel,
  children,
}: {
  pending: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? busyLabel : submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('editing.cancel')}
      </button>
      {children}
    </div>
  );
}
