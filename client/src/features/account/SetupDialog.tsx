import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from './account-forms';
import { AccountModal } from './AccountModal';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';
import { useSetup } from './session';

/** Creates the first administrator (POST /api/setup) and signs them in. */
export function SetupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const setup = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password, repeated);

  return (
    <AccountModal title={t('account.setup.title')} onClose={onClose}>
      <form
        className="account-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (problem !== null || setup.isPending) return;
          setup.mutate(
            { name: name.trim(), email: email.trim(), password },
            { onSuccess: onClose },
          );
        }}
      >
        <p className="account-form__intro">{t('account.setup.intro')}</p>
        <div className="account-field">
          <label htmlFor={`${id}-name`}>{t('account.name')}</label>
          <input
            id={`${id}-name`}
            autoComplete="name"
            required
            autoFocus
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </div>
        <div className="account-field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </div>
        <PasswordFields
          label={t('account.password')}
          password={password}
          repeated={repeated}
          onPassword={setPassword}
          onRepeated={setRepeated}
          problem={tried ? problem : null}
        />
        {setup.isError && <FormError error={setup.error} title={t('account.setup.failed')} />}
        <div className="account-form__actions">
          <button type="button" className="pill-button" onClick={onClose}>
            {t('account.cancel')}
          </button>
          <button type="submit" className="button" disabled={setup.isPending}>
            {setup.isPending ? t('account.setup.busy') : t('account.setup.submit')}
          </button>
        </div>
      </form>
    </AccountModal>
  );
}
