import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/client';
import { passwordProblem } from './account-forms';
import { AccountModal } from './AccountModal';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';

/** Changes one's own password (POST /api/session/password); other sessions of the user end. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const change = useMutation({ mutationFn: changePassword });
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password, repeated);

  return (
    <AccountModal title={t('account.changePassword.title')} onClose={onClose}>
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
            setTried(true);
            if (problem !== null || change.isPending) return;
            change.mutate({ currentPassword: current, newPassword: password });
          }}
        >
          <div className="account-field">
            <label htmlFor={`${id}-current`}>{t('account.changePassword.current')}</label>
            <input
              id={`${id}-current`}
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              value={current}
              onChange={(event) => {
                setCurrent(event.target.value);
              }}
            />
          </div>
          <PasswordFields
            label={t('account.newPassword')}
            password={password}
            repeated={repeated}
            onPassword={setPassword}
            onRepeated={setRepeated}
            problem={tried ? problem : null}
          />
          {change.isError && (
            <FormError error={change.error} title={t('account.changePassword.failed')} />
          )}
          <div className="account-form__actions">
            <button type="button" className="pill-button" onClick={onClose}>
              {t('account.cancel')}
            </button>
            <button type="submit" className="button" disabled={change.isPending}>
              {change.isPending
                ? t('account.changePassword.busy')
                : t('account.changePassword.submit')}
            </button>
          </div>
        </form>
      )}
    </AccountModal>
  );
}
