import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchAccountScreen } from './account-store';
import { AccountScreen } from './AccountScreen';
import { AccountTextField } from './AccountTextField';
import { FormError } from './FormError';
import { useSignIn } from './session';

/**
 * The sign-in screen: e-mail and password, and the server's reason when it refuses (a wrong
 * password, too many tries). `canLeave`: the map can be read without signing in, so the screen
 * offers the way back to it.
 */
export function SignInScreen({ canLeave }: { canLeave: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  return (
    <AccountScreen
      title={t('account.signIn.title')}
      onSubmit={() => {
        if (!signIn.isPending) signIn.mutate({ email: email.trim(), password });
      }}
    >
      <p className="account-card__intro">{t('account.signIn.intro')}</p>
      <AccountTextField
        id={`${id}-email`}
        label={t('account.email')}
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={setEmail}
      />
      <AccountTextField
        id={`${id}-password`}
        label={t('account.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
      />
      {signIn.isError && <FormError error={signIn.error} title={t('account.signIn.failed')} />}
      <button type="submit" className="button account-card__submit" disabled={signIn.isPending}>
        {signIn.isPending ? t('account.signIn.busy') : t('account.signIn.submit')}
      </button>
      <p className="account-card__note">{t('account.signIn.forgot')}</p>
      {canLeave && (
        <button
          type="button"
          className="link-button account-card__back"
          onClick={() => {
            dispatchAccountScreen({ type: 'leaveSignIn' });
          }}
        >
          {t('account.signIn.back')}
        </button>
      )}
    </AccountScreen>
  );
}
