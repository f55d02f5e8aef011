/**
 * The session (GET /api/session) as one query, and the writes that change it. When the user
 * changes (sign in, sign out, an ended session) every other query is read again: what the server
 * answers depends on who asks (a viewer is not shown contact details, for one).
 */
import type { Audience, SessionInfo } from '@octograph/graph-schema';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  acceptInvitation,
  getSession,
  onSessionStale,
  setupFirstAdmin,
  signIn,
  signOut,
} from '../../api/client';
import { queryKeys } from '../../api/queries';
import { canEdit } from './access';

/** Who is signed in, and what the sign-in screen offers. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => getSession(signal),
    // Asked again when the window comes back into focus (the default), so a session that ended
    // meanwhile shows the sign-in screen before the next write fails.
    staleTime: 30_000,
  });
}

/** The visitor's role, or anonymous (also while the session is being read). */
export function useAudience(): Audience {
  return useSession().data?.audience ?? 'anonymous';
}

/**
 * Whether the person using the page may change the network: editors and admins. The one check
 * every write control goes through; the server refuses a write from anyone else whatever this
 * says.
 */
export function useCanEdit(): boolean {
  return canEdit(useAudience());
}

/** Reads every query but the session's again from scratch (after the user changed). */
export function resetOtherQueries(queryClient: QueryClient): Promise<void> {
  return queryClient.resetQueries({
    predicate: (query) => query.queryKey[0] !== queryKeys.session()[0],
  });
}

/** Puts a session answer (sign in, setup, invitation) in place of the session query's data. */
function useSessionWrite<V>(write: (variables: V) => Promise<SessionInfo>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

/** POST /api/session. */
export function useSignIn() {
  return useSessionWrite(signIn);
}

/** POST /api/setup. */
export function useSetup() {
  return useSessionWrite(setupFirstAdmin);
}

/** POST /api/invitations/:token. */
export function useAcceptInvitation(token: string) {
  return useSessionWrite((password: string) => acceptInvitation(token, password));
}

/** DELETE /api/session, then the session is read again (anonymous now). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session() }),
  });
}

/**
 * A 401 from any request means the session ended, a 403 that it changed: read the session again
 * (an ended one then shows the sign-in screen). Use once.
 */
export function useStaleSessionListener(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionStale(() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.session() });
      }),
    [queryClient],
  );
}
