import { useTranslation } from 'react-i18next';

export interface AccountFormActionsProps {
  onCancel: () => void;
  /** The form's request is on its way: the submit button waits and says so. */
  pending: boolean;
  /** The submit button's words, and its words while the request is on its way. */
  submitLabel: string;
  busyLabel: string;
}

/** The foot of an account dialog's form: Cancel, and the button that sends the form. */
export function AccountFormActions({
  onCancel,
  pending,
  submitLabel,
  busyLabel,
}: AccountFormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="account-form__actions">
      <button type="button" className="pill-button" onClick={onCancel}>
        {t('account.cancel')}
      </button>
      <button type="submit" className="button" disabled={pending}>
        {pending ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
