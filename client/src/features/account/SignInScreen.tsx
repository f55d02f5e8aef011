import './account.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../app/Logo';
import { dispatchAccountScreen } from './account-store';
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
    <main className="account-screen">
      <form
        className="account-card"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!signIn.isPending) signIn.mutate({ email: email.trim(), password });
        }}
      >
        <div className="account-card__brand">
          <Logo />
          <span>{t('app.name')}</span>
        </div>
        <h1 id={`${id}-title`} className="account-card__title">
          {t('account.signIn.title')}
        </h1>
        <p className="account-card__intro">{t('account.signIn.intro')}</p>
        <div className="account-field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </div>
        <div className="account-field">
          <label htmlFor={`${id}-password`}>{t('account.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
        {signIn.isError && <FormError error={signIn.error} title={t('account.signIn.failed')} />}
        <button type="submit" className="button account-card__submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('account.signIn.busy') : t('account.signIn.submit')}
        </button>
        <p className="account-card__note">{t('account.signIn.forgot')}</p>
        {canLeave && (
          <button
            type="button"
            className="account-card__back"
            onClick={() => {
              dispatchAccountScreen({ type: 'leaveSignIn' });
            }}
          >
            {t('account.signIn.back')}
          </button>
        )}
      </form>
    </main>
  );
}
