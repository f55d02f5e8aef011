import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/client';
import { AccountFormActions } from './AccountFormActions';
import { Modal } from '../../ui/Modal';
import { AccountTextField } from './AccountTextField';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';
import { useNewPassword } from './use-new-password';

/** Changes one's own password (POST /api/session/password); other sessions of the user end. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const change = useMutation({ mutationFn: changePassword });
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();

  return (
    <Modal title={t('account.changePassword.title')} onClose={onClose}>
      {change.isSuccess ? (
        <div className="account-form">
          <p className="account-form__done">{t('account.changePassword.done')}</p>
          <div className="account-form__actions">
            <button type="button" className="button" onClick={onClose} autoFocus>
              {t('account.close')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="account-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!newPassword.attempt() || change.isPending) return;
            change.mutate({ currentPassword: current, newPassword: newPassword.password });
          }}
        >
          <AccountTextField
            id={`${id}-current`}
            label={t('account.changePassword.current')}
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={current}
            onChange={setCurrent}
          />
          <PasswordFields label={t('account.newPassword')} {...newPassword.fields} />
          {change.isError && (
            <FormError error={change.error} title={t('account.changePassword.failed')} />
          )}
          <AccountFormActions
            onCancel={onClose}
            pending={change.isPending}
            submitLabel={t('account.changePassword.submit')}
            busyLabel={t('account.changePassword.busy')}
          />
        </form>
      )}
    </Modal>
  );
}
