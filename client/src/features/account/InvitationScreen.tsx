import './account.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getInvitation } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { Logo } from '../../app/Logo';
import { withoutInvite } from './access';
import { passwordProblem } from './account-forms';
import { dispatchAccountScreen } from './account-store';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';
import { useAcceptInvitation } from './session';

/** Leaves the invitation: its token comes off the address (it is used once) and the app shows. */
function leaveInvitation(): void {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', pathname + withoutInvite(search) + hash);
  dispatchAccountScreen({ type: 'invitationDone' });
}

/**
 * "Choose your password": what an invitation link (`/?invite=TOKEN`) opens. It greets the person
 * by the name the administrator gave; saving the password signs them in.
 */
export function InvitationScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const id = useId();
  const invitation = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const accept = useAcceptInvitation(token);
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password, repeated);
  const info = invitation.data;

  return (
    <main className="account-screen">
      <form
        className="account-card"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (problem !== null || accept.isPending) return;
          accept.mutate(password, { onSuccess: leaveInvitation });
        }}
      >
        <div className="account-card__brand">
          <Logo />
          <span>{t('app.name')}</span>
        </div>
        <h1 id={`${id}-title`} className="account-card__title">
          {t('account.invitation.title')}
        </h1>
        {invitation.isPending && <p className="muted">{t('account.invitation.loading')}</p>}
        {invitation.isError && (
          <>
            <p className="account-card__intro" role="alert">
              {t('account.invitation.invalid')}
            </p>
            <button type="button" className="button" onClick={leaveInvitation}>
              {t('account.invitation.toApp')}
            </button>
          </>
        )}
        {info && (
          <>
            <p className="account-card__intro">
              {t('account.invitation.greeting', { name: info.name, email: info.email })}
            </p>
            {/* For password managers: the account this password belongs to. */}
            <input type="hidden" autoComplete="username" value={info.email} readOnly />
            <PasswordFields
              label={t('account.newPassword')}
              password={password}
              repeated={repeated}
              onPassword={setPassword}
              onRepeated={setRepeated}
              problem={tried ? problem : null}
            />
            {accept.isError && (
              <FormError error={accept.error} title={t('account.invitation.failed')} />
            )}
            <button
              type="submit"
              className="button account-card__submit"
              disabled={accept.isPending}
            >
              {accept.isPending ? t('account.invitation.busy') : t('account.invitation.submit')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
