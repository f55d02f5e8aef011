/**
 * Who sees what, as pure functions of the session (GET /api/session): which screen the page
 * shows, whether write controls appear, and what the account menu offers. The server refuses
 * whatever a role may not do regardless; these only keep the page from offering it.
 */
import { roleAtLeast, type Audience, type SessionInfo } from '@octograph/graph-schema';

/** Whether the visitor may change the network (editors and admins). */
export function canEdit(audience: Audience): boolean {
  return roleAtLeast(audience, 'editor');
}

/** Whether the visitor manages accounts (admins). */
export function canManageUsers(audience: Audience): boolean {
  return roleAtLeast(audience, 'admin');
}

/** How much of the audit log the visitor sees: all of it (admins), their own (editors), none. */
export function historyScope(audience: Audience): 'all' | 'own' | null {
  if (canManageUsers(audience)) return 'all';
  return canEdit(audience) ? 'own' : null;
}

/** Whether someone who is not signed in may look at the map (read only). */
export function mapReadableSignedOut(session: SessionInfo): boolean {
  // The first administrator is created from the map's banner, so the map opens while setup is
  // offered (only ever to a visitor on this machine).
  return session.publicRead || session.setupAvailable;
}

/** What the page asks of the account screens besides the session: see accountScreenReducer. */
export interface AccountScreenState {
  /** The visitor asked for the sign-in screen (or their session just ended). */
  signInAsked: boolean;
  /** The token of an invitation link (`/?invite=TOKEN`) being answered, or null. */
  invite: string | null;
}

export type AccountScreenAction =
  | { type: 'askSignIn' }
  | { type: 'leaveSignIn' }
  /** The session answered, with this user id (null: nobody) where it had `before`. */
  | { type: 'userChanged'; before: string | null; after: string | null }
  | { type: 'invitationDone' };

export function accountScreenReducer(
  state: AccountScreenState,
  action: AccountScreenAction,
): AccountScreenState {
  switch (action.type) {
    case 'askSignIn':
      return state.signInAsked ? state : { ...state, signInAsked: true };
    case 'leaveSignIn':
      return state.signInAsked ? { ...state, signInAsked: false } : state;
    case 'userChanged':
      // Signed out, or the session ended (a 401): back to the sign-in screen, even where the
      // public map could be read, since whoever was working will want to sign in again.
      if (action.before !== null && action.after === null) return { ...state, signInAsked: true };
      if (action.after !== null && state.signInAsked) return { ...state, signInAsked: false };
      return state;
    case 'invitationDone':
      return state.invite === null ? state : { ...state, invite: null };
  }
}

/** What the page shows in place of (or as) the app. */
export type AccountScreen =
  | { type: 'app' }
  | { type: 'invitation'; token: string }
  /** `canLeave`: the map can be read without signing in, so the screen offers the way back. */
  | { type: 'signIn'; canLeave: boolean };

export function accountScreen(session: SessionInfo, state: AccountScreenState): AccountScreen {
  if (state.invite !== null) return { type: 'invitation', token: state.invite };
  if (session.user !== null) return { type: 'app' };
  const readable = mapReadableSignedOut(session);
  if (state.signInAsked || !readable) return { type: 'signIn', canLeave: readable };
  return { type: 'app' };
}

/** The invitation token in the page's address (`?invite=TOKEN`), or null. */
export function inviteTokenOf(search: string): string | null {
  const token = new URLSearchParams(search).get('invite');
  return token === null || token.trim() === '' ? null : token.trim();
}

/** The address without its `invite` parameter (the link is used once). */
export function withoutInvite(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('invite');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The dialogs the account menu opens. */
export const ACCOUNT_DIALOGS = ['changePassword', 'users', 'backups', 'history', 'setup'] as const;
export type AccountDialogId = (typeof ACCOUNT_DIALOGS)[number];

/** What the header's account menu lists for a signed-in user, in order. */
export type AccountMenuItem = 'changePassword' | 'users' | 'backups' | 'history' | 'signOut';

export function accountMenuItems(audience: Audience): AccountMenuItem[] {
  return [
    ...(historyScope(audience) === null ? [] : (['history'] as const)),
    ...(canManageUsers(audience) ? (['users', 'backups'] as const) : []),
    'changePassword',
    'signOut',
  ];
}

/** The link an invitation's token is sent as. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/?invite=${encodeURIComponent(token)}`;
}
