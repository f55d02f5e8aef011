/**
 * Who sees what (client/src/features/account/access.ts): which screen the page shows for a
 * session, the write controls and commands per role, the account menu, the invitation link in
 * the address, the History dialog's filters, and the password checks of the account forms.
 */
import type { Audience, SessionInfo } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandById, isOffered } from '../../client/src/commands/registry.js';
import {
  accountMenuItems,
  accountScreen,
  accountScreenReducer,
  canEdit,
  canManageUsers,
  historyScope,
  invitationLink,
  inviteTokenOf,
  withoutInvite,
  type AccountScreenState,
} from '../../client/src/features/account/access.js';
import {
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../../client/src/features/account/account-forms.js';
import {
  auditFiltersOf,
  hasHistoryFilters,
  NO_HISTORY_FILTERS,
  nodeByName,
} from '../../client/src/features/account/history-filters.js';
import { ALICE } from './client-fixtures.js';

const ANONYMOUS: SessionInfo = {
  user: null,
  audience: 'anonymous',
  csrfToken: null,
  publicRead: false,
  setupAvailable: false,
};
const SIGNED_IN: SessionInfo = { ...ANONYMOUS, user: ALICE, audience: 'editor', csrfToken: 'c' };
const NOTHING_ASKED: AccountScreenState = { signInAsked: false, invite: null };

describe('what each role may do', () => {
  it.each<[Audience, boolean, boolean, 'all' | 'own' | null]>([
    ['anonymous', false, false, null],
    ['viewer', false, false, null],
    ['editor', true, false, 'own'],
    ['admin', true, true, 'all'],
  ])('%s: edits %s, manages users %s, sees history %s', (audience, edits, manages, history) => {
    expect(canEdit(audience)).toBe(edits);
    expect(canManageUsers(audience)).toBe(manages);
    expect(historyScope(audience)).toBe(history);
  });

  it('offers the account menu items each role can use', () => {
    expect(accountMenuItems('viewer')).toEqual(['changePassword', 'signOut']);
    expect(accountMenuItems('editor')).toEqual(['history', 'changePassword', 'signOut']);
    expect(accountMenuItems('admin')).toEqual([
      'history',
      'users',
      'backups',
      'changePassword',
      'signOut',
    ]);
  });
});

describe('commands by role', () => {
  const writing = [
    'rearrange',
    'importData',
    'newNode',
    'editNode',
    'linkTo',
    'deleteNode',
  ] as const;

  it('offers no command that writes to a viewer or a visitor, anywhere', () => {
    for (const audience of ['anonymous', 'viewer'] as const) {
      for (const id of writing) expect(isOffered(commandById(id), audience)).toBe(false);
      expect(isOffered(commandById('history'), audience)).toBe(false);
    }
  });

  it('offers every command to an editor and an admin', () => {
    for (const audience of ['editor', 'admin'] as const) {
      expect(COMMANDS.filter((command) => !isOffered(command, audience))).toEqual([]);
    }
  });

  it('still offers reading commands to a viewer: focus, fit, labels, export, search', () => {
    for (const id of [
      'focus1',
      'fit',
      'toggleLabels',
      'exportPng',
      'exportData',
      'search',
    ] as const) {
      expect(isOffered(commandById(id), 'viewer')).toBe(true);
    }
  });
});

describe('accountScreen', () => {
  it('shows only the sign-in screen to a visitor when the map is not public', () => {
    expect(accountScreen(ANONYMOUS, NOTHING_ASKED)).toEqual({ type: 'signIn', canLeave: false });
  });

  it('shows the public map to a visitor, and the sign-in screen (with a way back) when asked', () => {
    const open = { ...ANONYMOUS, publicRead: true };
    expect(accountScreen(open, NOTHING_ASKED)).toEqual({ type: 'app' });
    expect(accountScreen(open, { ...NOTHING_ASKED, signInAsked: true })).toEqual({
      type: 'signIn',
      canLeave: true,
    });
  });

  it('opens the map for the visitor who may create the first administrator', () => {
    expect(accountScreen({ ...ANONYMOUS, setupAvailable: true }, NOTHING_ASKED)).toEqual({
      type: 'app',
    });
  });

  it('shows the app to a signed-in user', () => {
    expect(accountScreen(SIGNED_IN, NOTHING_ASKED)).toEqual({ type: 'app' });
  });

  it('answers an invitation link before anything else, signed in or not', () => {
    const invited = { ...NOTHING_ASKED, invite: 'tok' };
    expect(accountScreen(ANONYMOUS, invited)).toEqual({ type: 'invitation', token: 'tok' });
    expect(accountScreen(SIGNED_IN, invited)).toEqual({ type: 'invitation', token: 'tok' });
  });
});

describe('accountScreenReducer', () => {
  it('goes to the sign-in screen when the user signs out or the session ends', () => {
    const next = accountScreenReducer(NOTHING_ASKED, {
      type: 'userChanged',
      before: 'u-1',
      after: null,
    });
    expect(next.signInAsked).toBe(true);
    // So even a public map shows the sign-in screen to whoever was working.
    expect(accountScreen({ ...ANONYMOUS, publicRead: true }, next).type).toBe('signIn');
  });

  it('leaves the sign-in screen once someone is signed in', () => {
    const asked = accountScreenReducer(NOTHING_ASKED, { type: 'askSignIn' });
    expect(asked.signInAsked).toBe(true);
    expect(
      accountScreenReducer(asked, { type: 'userChanged', before: null, after: 'u-1' }).signInAsked,
    ).toBe(false);
  });

  it('goes back to the map from the sign-in screen, and forgets a used invitation', () => {
    const asked = { signInAsked: true, invite: 'tok' };
    expect(accountScreenReducer(asked, { type: 'leaveSignIn' }).signInAsked).toBe(false);
    expect(accountScreenReducer(asked, { type: 'invitationDone' }).invite).toBeNull();
  });

  it('returns the same state for an action that changes nothing', () => {
    expect(accountScreenReducer(NOTHING_ASKED, { type: 'leaveSignIn' })).toBe(NOTHING_ASKED);
    expect(
      accountScreenReducer(NOTHING_ASKED, { type: 'userChanged', before: null, after: null }),
    ).toBe(NOTHING_ASKED);
  });
});

describe('invitation links', () => {
  it('reads the token from the address and takes it out again, keeping the rest', () => {
    expect(inviteTokenOf('?invite=abc_DEF-123&node=o-1')).toBe('abc_DEF-123');
    expect(inviteTokenOf('?node=o-1')).toBeNull();
    expect(inviteTokenOf('?invite=')).toBeNull();
    expect(withoutInvite('?invite=abc&node=o-1')).toBe('?node=o-1');
    expect(withoutInvite('?invite=abc')).toBe('');
  });

  it('builds the link an admin sends from the page origin and the token', () => {
    const link = invitationLink('https://map.example.org', 'abc_DEF-123');
    expect(link).toBe('https://map.example.org/?invite=abc_DEF-123');
    expect(inviteTokenOf(new URL(link).search)).toBe('abc_DEF-123');
  });
});

describe('the History filters', () => {
  const filters = {
    user: 'u-2',
    node: { id: 'o-1', name: 'Harbour Lights Choir' },
    from: '2024-03-01',
    to: '2024-03-31',
  };

  it('sends every filter an admin set', () => {
    expect(auditFiltersOf(filters, 'all')).toEqual({
      user: 'u-2',
      node: 'o-1',
      from: '2024-03-01',
      to: '2024-03-31',
    });
  });

  it('never sends a user for an editor (the server shows them their own)', () => {
    expect(auditFiltersOf(filters, 'own')).not.toHaveProperty('user');
  });

  it('sends nothing when no filter is set, and says so', () => {
    expect(auditFiltersOf(NO_HISTORY_FILTERS, 'all')).toEqual({});
    expect(hasHistoryFilters(NO_HISTORY_FILTERS)).toBe(false);
    expect(hasHistoryFilters({ ...NO_HISTORY_FILTERS, to: '2024-01-01' })).toBe(true);
  });

  it('picks the node whose name was typed in full, whatever the case', () => {
    const options = [
      { id: 'o-1', name: 'Harbour Lights Choir' },
      { id: 'o-2', name: 'Harbour Lights' },
    ];
    expect(nodeByName('harbour lights', options)?.id).toBe('o-2');
    expect(nodeByName('Harbour', options)).toBeNull();
    expect(nodeByName('  ', options)).toBeNull();
  });
});

describe('password checks', () => {
  it('asks for the length graph-schema sets, then for the same password twice', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('short', 'short')).toBe('tooShort');
    expect(passwordProblem('long enough!', 'long enough?')).toBe('mismatch');
    expect(passwordProblem('long enough!', 'long enough!')).toBeNull();
  });
});
