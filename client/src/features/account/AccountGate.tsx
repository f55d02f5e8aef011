import './account.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAccountLanguageSync } from '../language/use-language';
import { accountScreen } from './access';
import { dispatchAccountScreen, useAccountScreenState } from './account-store';
import { InvitationScreen } from './InvitationScreen';
import { resetOtherQueries, useSession, useStaleSessionListener } from './session';
import { SignInScreen } from './SignInScreen';

/**
 * What stands before the app: the session is read first, then the page shows the app (signed in,
 * or the map read-only where that is allowed), the sign-in screen, or an invitation's "Choose
 * your password". When the signed-in user changes, everything else the page read is read again
 * for the new one, and an ended session goes back to the sign-in screen.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useStaleSessionListener();
  useAccountLanguageSync();
  const session = useSession();
  const state = useAccountScreenState();
  const data = session.data;
  const userId = data === undefined ? undefined : (data.user?.id ?? null);
  // The role too: what the server shows depends on it, and an admin may change their own.
  const who = data === undefined ? undefined : `${userId ?? ''}:${data.audience}`;
  const last = useRef({ userId, who });

  useEffect(() => {
    const before = last.current;
    last.current = { userId, who };
    if (who === undefined || before.who === undefined || before.who === who) return;
    dispatchAccountScreen({
      type: 'userChanged',
      before: before.userId ?? null,
      after: userId ?? null,
    });
    void resetOtherQueries(queryClient);
  }, [userId, who, queryClient]);

  if (data === undefined) {
    return (
      <main className="account-screen">
        {session.isError ? (
          <div className="account-card">
            <p className="account-card__intro">{t('account.sessionFailed')}</p>
            <ErrorNotice
              error={session.error}
              compact
              onRetry={() => {
                void session.refetch();
              }}
            />
          </div>
        ) : (
          <p className="muted">{t('account.loading')}</p>
        )}
      </main>
    );
  }

  const screen = accountScreen(data, state);
  switch (screen.type) {
    case 'invitation':
      return <InvitationScreen token={screen.token} />;
    case 'signIn':
      return <SignInScreen canLeave={screen.canLeave} />;
    case 'app':
      return children;
  }
}
