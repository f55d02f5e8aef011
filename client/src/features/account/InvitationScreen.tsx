import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getInvitation } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { withoutInvite } from './access';
import { dispatchAccountScreen } from './account-store';
import { AccountScreen } from './AccountScreen';
import { FormError } from './FormError';
import { PasswordFields } from './PasswordFields';
import { useAcceptInvitation } from './session';
import { useNewPassword } from './use-new-password';

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
  const invitation = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const accept = useAcceptInvitation(token);
  const newPassword = useNewPassword();
  const info = invitation.data;

  return (
    <AccountScreen
      title={t('account.invitation.title')}
      onSubmit={() => {
        if (!newPassword.attempt() || accept.isPending) return;
        accept.mutate(newPassword.password, { onSuccess: leaveInvitation });
      }}
    >
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
          <PasswordFields label={t('account.newPassword')} {...newPassword.fields} />
          {accept.isError && (
            <FormError error={accept.error} title={t('account.invitation.failed')} />
          )}
          <button type="submit" className="button account-card__submit" disabled={accept.isPending}>
            {accept.isPending ? t('account.invitation.busy') : t('account.invitation.submit')}
          </button>
        </>
      )}
    </AccountScreen>
  );
}
