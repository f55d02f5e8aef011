/**
 * The GraphStore contract for accounts and the audit log (issue 8): users, sessions, the one audit
 * entry every graph write leaves, with its undo, and the one every account write leaves. graph-store-contract.ts calls
 * `describeAccountsAuditContract` inside its own describe, so these cases run against every
 * adapter on the same fresh store as the rest of the contract.
 */
import {
  AppError,
  AuditEntryNotFoundError,
  ConflictError,
  NotFoundError,
  UndoRefusedError,
  UserNotFoundError,
  type GraphStore,
  type StoredSession,
  type StoredUser,
} from '@octograph/server';
import {
  AUDIT_PAGE_CHANGES,
  type AuditAction,
  type AuditEntry,
  type CreateLinkInput,
  type CreateNodeInput,
  type LinkKind,
  type User,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';

// --- builders ---

function org(id: string): CreateNodeInput {
  return { kind: 'organisation', id, name: `Organisation ${id}`, orgKind: 'charity' };
}
function person(id: string): CreateNodeInput {
  return { kind: 'person', id, name: `Person ${id}` };
}
function meeting(id: string): CreateNodeInput {
  return { kind: 'meeting', id, name: `Meeting ${id}`, date: '2024-05-10' };
}
function link(
  kind: LinkKind,
  id: string,
  source: string,
  target: string,
  meetingId: string | null = null,
): CreateLinkInput {
  return { kind, id, source, target, meetingId };
}

function user(id: string, overrides: Partial<StoredUser> = {}): StoredUser {
  return {
    id,
    email: `${id}@example.org`,
    name: `User ${id}`,
    role: 'editor',
    passwordHash: `scrypt-hash-of-${id}`,
    personId: null,
    disabled: false,
    createdAt: '2024-05-01T09:00:00.000Z',
    invitationHash: null,
    invitationExpiresAt: null,
    language: null,
    ...overrides,
  };
}
function admin(id: string, overrides: Partial<StoredUser> = {}): StoredUser {
  return user(id, { role: 'admin', ...overrides });
}

/** A stored user as the audit log shows them: no password hash, no invitation token. */
function shown(stored: StoredUser): User {
  return {
    id: stored.id,
    email: stored.email,
    name: stored.name,
    role: stored.role,
    personId: stored.personId,
    disabled: stored.disabled,
    invitationPending: stored.invitationHash !== null,
    createdAt: stored.createdAt,
  };
}

const SIGNED_IN_AT = '2024-05-01T10:00:00.000Z';
const EXPIRES_AT = '2024-05-08T10:00:00.000Z';
const BEFORE_EXPIRY = '2024-05-03T10:00:00.000Z';

function session(tokenHash: string, userId: string): StoredSession {
  return {
    tokenHash,
    userId,
    csrfToken: `csrf-${tokenHash}`,
    createdAt: SIGNED_IN_AT,
    expiresAt: EXPIRES_AT,
  };
}

const ANIA = { actor: 'ania' };
const BOB = { actor: 'bob' };

/** The error a store call fails with; fails the test if it succeeds or fails otherwise. */
async function failureOf<T extends Error>(
  call: () => Promise<unknown>,
  type: abstract new (...args: never[]) => T,
): Promise<T> {
  const outcome = await call().then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error(`expected the call to fail with ${type.name}`);
  expect(outcome.error).toBeInstanceOf(type);
  return outcome.error as T;
}

/** Every entry of the log, newest first, each with all its changes. */
async function wholeLog(store: GraphStore): Promise<AuditEntry[]> {
  const page = await store.listAudit({ limit: 200 });
  const entries: AuditEntry[] = [];
  for (const item of page.items) {
    const entry = await store.getAuditEntry(item.id);
    if (!entry) throw new Error(`entry ${String(item.id)} is listed but cannot be read`);
    entries.push(entry);
  }
  return entries;
}

/** The newest entry of the log, with all its changes. */
async function newest(store: GraphStore): Promise<AuditEntry> {
  const [item] = (await store.listAudit({ limit: 1 })).items;
  if (!item) throw new Error('the audit log is empty');
  const entry = await store.getAuditEntry(item.id);
  if (!entry) throw new Error(`entry ${String(item.id)} is listed but cannot be read`);
  return entry;
}

/** Nodes, links, positions and dismissals: everything an undo must put back. */
async function graphState(store: GraphStore): Promise<unknown> {
  const { nodes, links, positions } = await store.snapshot();
  return { nodes, links, positions, dismissals: await store.listDismissals() };
}

/**
 * Declares the accounts and audit cases. `current` answers the store the enclosing contract
 * opened for the running case.
 */
export function describeAccountsAuditContract(current: () => GraphStore): void {
  describe('users', () => {
    it('stores a user as given and finds them by id, e-mail and invitation, without raising the revision', async () => {
      const store = current();
      const revision = await store.revision();
      const invited = user('zoe', {
        passwordHash: null,
        invitationHash: 'sha256-of-invitation',
        invitationExpiresAt: '2024-05-08T09:00:00.000Z',
      });
      await store.createUser(invited);
      await store.createUser(admin('ania'));
      expect(await store.getUser('zoe')).toEqual(invited);
      expect(await store.findUserByEmail('zoe@example.org')).toEqual(invited);
      expect(await store.findUserByInvitation('sha256-of-invitation')).toEqual(invited);
      expect(await store.getUser('ghost')).toBeNull();
      expect(await store.findUserByEmail('ghost@example.org')).toBeNull();
      expect(await store.findUserByInvitation('sha256-of-nothing')).toBeNull();
      expect((await store.listUsers()).map((each) => each.email)).toEqual([
        'ania@example.org',
        'zoe@example.org',
      ]);
      expect(await store.revision()).toBe(revision);
      // Only the two account entries (see "the audit log of accounts").
      expect((await store.listAudit({ limit: 50 })).items.map((entry) => entry.action)).toEqual([
        'createUser',
        'createUser',
      ]);
    });

    it('refuses a second user with the same e-mail and keeps the first', async () => {
      const store = current();
      await store.createUser(user('ania'));
      await failureOf(
        () => store.createUser(user('other', { email: 'ania@example.org' })),
        ConflictError,
      );
      expect(await store.listUsers()).toEqual([user('ania')]);
    });

    it('lets exactly one of two racing first-admin set-ups win', async () => {
      const store = current();
      const outcomes = await Promise.allSettled([
        store.createFirstAdmin(admin('first')),
        store.createFirstAdmin(admin('second')),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(ConflictError);
      expect(await store.listUsers()).toHaveLength(1);
      expect(await store.hasAdmin()).toBe(true);
    });

    it('creates the first admin while the only admins cannot sign in, and not once one can', async () => {
      const store = current();
      await store.createUser(admin('invited', { passwordHash: null, invitationHash: 'h' }));
      await store.createUser(admin('gone', { disabled: true }));
      expect(await store.hasAdmin()).toBe(false);
      await store.createFirstAdmin(admin('ania'));
      expect(await store.hasAdmin()).toBe(true);
      await failureOf(() => store.createFirstAdmin(admin('bob')), ConflictError);
      expect(await store.getUser('bob')).toBeNull();
    });

    it('refuses a change that leaves no enabled admin with a password, and changes nothing', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      await store.createUser(user('bob'));
      for (const change of [
        { role: 'editor' as const },
        { disabled: true },
        { passwordHash: null },
      ]) {
        await failureOf(() => store.updateUser('ania', change), ConflictError);
      }
      expect(await store.getUser('ania')).toEqual(admin('ania'));
      await store.updateUser('bob', { role: 'admin' });
      expect(await store.updateUser('ania', { role: 'viewer' })).toEqual(
        admin('ania', { role: 'viewer' }),
      );
      expect(await store.getUser('ania')).toEqual(admin('ania', { role: 'viewer' }));
    });

    it('changes only the fields given, and answers UserNotFoundError for an unknown user', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      const renamed = await store.updateUser('ania', { name: 'Ania Nowak', personId: undefined });
      expect(renamed).toEqual(admin('ania', { name: 'Ania Nowak' }));
      expect(await store.getUser('ania')).toEqual(renamed);
      await failureOf(() => store.updateUser('ghost', { name: 'Ghost' }), UserNotFoundError);
    });

    it('changes a user on the condition of their pending invitation once, however many race', async () => {
      const store = current();
      const pending = 'sha256-of-invitation';
      await store.createUser(user('zoe', { passwordHash: null, invitationHash: pending }));
      await failureOf(
        () => store.updateUser('zoe', { name: 'Zed' }, {}, { ifInvitationHash: 'another' }),
        UserNotFoundError,
      );
      const accept = (password: string) =>
        store.updateUser(
          'zoe',
          {
            passwordHash: `scrypt-of-${password}`,
            invitationHash: null,
            invitationExpiresAt: null,
          },
          { actor: 'zoe' },
          { ifInvitationHash: pending },
        );
      const results = await Promise.allSettled([accept('first'), accept('second')]);
      const accepted = results.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      const refused = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason as unknown] : [],
      );
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(UserNotFoundError);
      expect(await store.getUser('zoe')).toEqual(accepted[0]);
      expect(accepted[0]).toMatchObject({ name: 'User zoe', invitationHash: null });
    });

    it('keeps the language a user chose, and changes nothing else with it', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      const polish = await store.updateUser('ania', { language: 'pl' });
      expect(polish).toEqual(admin('ania', { language: 'pl' }));
      expect(await store.getUser('ania')).toEqual(polish);
      expect(await store.findUserByEmail('ania@example.org')).toEqual(polish);
    });

    it('ends every session of a user who is disabled, and only theirs', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      await store.createUser(user('bob'));
      await store.createSession(session('bob-laptop', 'bob'));
      await store.createSession(session('bob-phone', 'bob'));
      await store.createSession(session('ania-laptop', 'ania'));
      await store.updateUser('bob', { disabled: true });
      expect(await store.findSession('bob-laptop', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('bob-phone', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('ania-laptop', BEFORE_EXPIRY)).not.toBeNull();
      // Enabled again, the old sessions stay ended.
      await store.updateUser('bob', { disabled: false });
      expect(await store.findSession('bob-laptop', BEFORE_EXPIRY)).toBeNull();
    });

    it('ends every session of a user whose password changes, but not for other changes', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      await store.createUser(user('bob'));
      await store.createSession(session('bob-laptop', 'bob'));
      await store.updateUser('bob', { name: 'Bob Smith', role: 'viewer' });
      expect(await store.findSession('bob-laptop', BEFORE_EXPIRY)).toEqual({
        session: session('bob-laptop', 'bob'),
        user: user('bob', { name: 'Bob Smith', role: 'viewer' }),
      });
      await store.updateUser('bob', { passwordHash: 'scrypt-hash-of-new-password' });
      expect(await store.findSession('bob-laptop', BEFORE_EXPIRY)).toBeNull();
    });

    it('forgets the person of a user when that person node is deleted, or replaced by a restore', async () => {
      const store = current();
      await store.createNode(person('p'));
      await store.createNode(person('q'));
      await store.createUser(user('bob', { personId: 'p' }));
      await store.createUser(user('cy', { email: 'cy@example.org', personId: 'q' }));
      await store.deleteNode('p');
      expect((await store.getUser('bob'))?.personId).toBeNull();
      expect((await store.getUser('cy'))?.personId).toBe('q');
      const { nodes, links, positions } = await store.snapshot();
      await store.restore({ nodes, links, positions }, { replace: true });
      expect((await store.getUser('cy'))?.personId).toBeNull();
    });
  });

  describe('sessions', () => {
    it('finds a session with its user until it expires, then deletes it', async () => {
      const store = current();
      await store.createUser(user('bob'));
      await store.createSession(session('token', 'bob'));
      expect(await store.findSession('token', BEFORE_EXPIRY)).toEqual({
        session: session('token', 'bob'),
        user: user('bob'),
      });
      expect(await store.findSession('token', EXPIRES_AT)).toBeNull();
      // Deleted, not just hidden: it is gone even for an earlier clock.
      expect(await store.findSession('token', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('never-issued', BEFORE_EXPIRY)).toBeNull();
    });

    it('ends one session on sign-out', async () => {
      const store = current();
      await store.createUser(user('bob'));
      await store.createSession(session('laptop', 'bob'));
      await store.createSession(session('phone', 'bob'));
      await store.deleteSession('laptop');
      expect(await store.findSession('laptop', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('phone', BEFORE_EXPIRY)).not.toBeNull();
    });

    it("ends every session of a user but the one kept, and nobody else's", async () => {
      const store = current();
      await store.createUser(user('bob'));
      await store.createUser(user('cy'));
      for (const token of ['laptop', 'phone', 'tablet']) {
        await store.createSession(session(token, 'bob'));
      }
      await store.createSession(session('cy-laptop', 'cy'));
      await store.deleteSessionsOf('bob', 'phone');
      expect(await store.findSession('laptop', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('tablet', BEFORE_EXPIRY)).toBeNull();
      expect(await store.findSession('phone', BEFORE_EXPIRY)).not.toBeNull();
      expect(await store.findSession('cy-laptop', BEFORE_EXPIRY)).not.toBeNull();
      await store.deleteSessionsOf('bob');
      expect(await store.findSession('phone', BEFORE_EXPIRY)).toBeNull();
    });
  });

  describe('the audit log of accounts', () => {
    /**
     * Runs one account write and answers the one entry it added, checking that it added exactly
     * one and left the revision where it was, as the entry's revision.
     */
    async function onlyEntryOf(
      store: GraphStore,
      write: () => Promise<unknown>,
    ): Promise<AuditEntry> {
      const before = await wholeLog(store);
      const revision = await store.revision();
      await write();
      const after = await wholeLog(store);
      expect(after.slice(1)).toEqual(before);
      const [entry] = after;
      if (!entry || after.length !== before.length + 1) throw new Error('expected one new entry');
      expect(await store.revision()).toBe(revision);
      expect(entry.revision).toBe(revision);
      expect(entry.id).toBeGreaterThan(before[0]?.id ?? 0);
      expect(entry).toMatchObject({ changeCount: 1, undoes: null, undoneBy: null });
      expect(Date.parse(entry.at)).not.toBeNaN();
      return entry;
    }

    /** Fails if a password hash or invitation token of these users appears anywhere in the log. */
    async function expectNoSecrets(store: GraphStore, users: readonly StoredUser[]): Promise<void> {
      const log = JSON.stringify(await wholeLog(store));
      for (const each of users) {
        for (const secret of [each.passwordHash, each.invitationHash]) {
          if (secret !== null) expect(log).not.toContain(secret);
        }
      }
    }

    it('records a created user as the API shows them, by whoever created them, at the revision the store is at', async () => {
      const store = current();
      // A graph write first, so the revision the entries keep is not just the initial 0.
      await store.createNode(org('a'), ANIA);
      const bob = user('bob');
      const entry = await onlyEntryOf(store, () => store.createUser(bob, ANIA));
      expect(entry).toMatchObject({ action: 'createUser', actor: 'ania', revision: 1 });
      expect(entry.changes).toEqual([
        { entity: 'user', id: 'bob', before: null, after: shown(bob), passwordChanged: true },
      ]);
      const invited = user('zoe', {
        passwordHash: null,
        invitationHash: 'sha256-of-invitation',
        invitationExpiresAt: '2024-05-08T09:00:00.000Z',
      });
      const invitation = await onlyEntryOf(store, () => store.createUser(invited));
      expect(invitation).toMatchObject({ action: 'createUser', actor: null, revision: 1 });
      // No password was set, so none changed.
      expect(invitation.changes).toEqual([
        { entity: 'user', id: 'zoe', before: null, after: shown(invited), passwordChanged: false },
      ]);
      expect(shown(invited).invitationPending).toBe(true);
      await expectNoSecrets(store, [bob, invited]);
      // The next graph write raises the revision past the account entries.
      await store.createNode(org('b'));
      expect((await newest(store)).revision).toBe(2);
    });

    it('records the first admin as created by themselves', async () => {
      const store = current();
      const ania = admin('ania');
      const entry = await onlyEntryOf(store, () => store.createFirstAdmin(ania));
      expect(entry).toMatchObject({ action: 'createUser', actor: 'ania' });
      expect(entry.changes).toEqual([
        { entity: 'user', id: 'ania', before: null, after: shown(ania), passwordChanged: true },
      ]);
      await expectNoSecrets(store, [ania]);
    });

    it('records an update with the user before and after, and whether the password changed', async () => {
      const store = current();
      await store.createNode(org('a'));
      await store.createUser(admin('ania'));
      await store.createUser(user('bob'));
      const renamed = await onlyEntryOf(store, () =>
        store.updateUser('bob', { name: 'Bob Smith', role: 'viewer' }, ANIA),
      );
      const bobRenamed = user('bob', { name: 'Bob Smith', role: 'viewer' });
      expect(renamed).toMatchObject({ action: 'updateUser', actor: 'ania', revision: 1 });
      expect(renamed.changes).toEqual([
        {
          entity: 'user',
          id: 'bob',
          before: shown(user('bob')),
          after: shown(bobRenamed),
          passwordChanged: false,
        },
      ]);

      const newPassword = await onlyEntryOf(store, () =>
        store.updateUser('bob', { passwordHash: 'scrypt-hash-of-new-password' }, BOB),
      );
      expect(newPassword).toMatchObject({ action: 'updateUser', actor: 'bob', revision: 1 });
      // The user looks the same from outside; only the flag says the password changed.
      expect(newPassword.changes).toEqual([
        {
          entity: 'user',
          id: 'bob',
          before: shown(bobRenamed),
          after: shown(bobRenamed),
          passwordChanged: true,
        },
      ]);

      const invited = user('zoe', { passwordHash: null, invitationHash: 'sha256-of-invitation' });
      await store.createUser(invited, ANIA);
      const accepted = await onlyEntryOf(store, () =>
        store.updateUser(
          'zoe',
          { passwordHash: 'scrypt-hash-of-zoe', invitationHash: null, invitationExpiresAt: null },
          { actor: 'zoe' },
        ),
      );
      expect(accepted).toMatchObject({ action: 'updateUser', actor: 'zoe' });
      expect(accepted.changes).toEqual([
        {
          entity: 'user',
          id: 'zoe',
          before: { ...shown(invited), invitationPending: true },
          after: { ...shown(invited), invitationPending: false },
          passwordChanged: true,
        },
      ]);
      await expectNoSecrets(store, [
        admin('ania'),
        user('bob'),
        user('bob', { passwordHash: 'scrypt-hash-of-new-password' }),
        invited,
        user('zoe', { passwordHash: 'scrypt-hash-of-zoe' }),
      ]);
    });

    it('writes no entry for a refused account write', async () => {
      const store = current();
      await store.createNode(org('a'));
      await store.createUser(admin('ania'));
      const before = await wholeLog(store);
      const revision = await store.revision();
      await failureOf(
        () => store.createUser(user('other', { email: 'ania@example.org' }), ANIA),
        ConflictError,
      );
      await failureOf(() => store.createFirstAdmin(admin('bob')), ConflictError);
      await failureOf(() => store.updateUser('ania', { role: 'editor' }, ANIA), ConflictError);
      await failureOf(() => store.updateUser('ania', { disabled: true }, ANIA), ConflictError);
      await failureOf(() => store.updateUser('ghost', { name: 'Ghost' }, ANIA), UserNotFoundError);
      expect(await wholeLog(store)).toEqual(before);
      expect(await store.revision()).toBe(revision);
      expect(await store.listUsers()).toEqual([admin('ania')]);
    });

    it('refuses to undo an account entry, and changes nothing', async () => {
      const store = current();
      await store.createUser(admin('ania'));
      await store.createUser(user('bob'), ANIA);
      await store.updateUser('bob', { role: 'viewer' }, ANIA);
      const log = await wholeLog(store);
      const users = await store.listUsers();
      const revision = await store.revision();
      expect(log.map((entry) => entry.action)).toEqual(['updateUser', 'createUser', 'createUser']);
      for (const entry of log) {
        const refusal = await failureOf(() => store.undo(entry.id, ANIA), UndoRefusedError);
        expect(refusal.statusCode).toBe(409);
        expect(refusal.message).toContain(`change #${String(entry.id)} cannot be undone`);
      }
      expect(await wholeLog(store)).toEqual(log);
      expect(await store.listUsers()).toEqual(users);
      expect(await store.revision()).toBe(revision);
    });

    it('finds account entries by who made them and by the user they changed', async () => {
      const store = current();
      await store.createNode(org('a'), BOB);
      await store.createUser(user('cy'), ANIA);
      await store.updateUser('cy', { name: 'Cy Jones' }, BOB);
      await store.createUser(user('dee'), BOB);
      const summary = (entries: readonly AuditEntry[]): [AuditAction, string | null][] =>
        entries.map((entry) => [entry.action, entry.changes[0]?.id ?? null]);
      expect(summary((await store.listAudit({ user: 'ania', limit: 50 })).items)).toEqual([
        ['createUser', 'cy'],
      ]);
      expect(summary((await store.listAudit({ user: 'bob', limit: 50 })).items)).toEqual([
        ['createUser', 'dee'],
        ['updateUser', 'cy'],
        ['createNode', 'a'],
      ]);
      expect(summary((await store.listAudit({ node: 'cy', limit: 50 })).items)).toEqual([
        ['updateUser', 'cy'],
        ['createUser', 'cy'],
      ]);
    });
  });

  describe('the audit log', () => {
    it('writes one entry per graph write, with its action, actor and revision, newest first', async () => {
      const store = current();
      const steps: [AuditAction, string | null, () => Promise<unknown>][] = [
        ['createNode', 'ania', () => store.createNode(org('a'), ANIA)],
        ['createNode', null, () => store.createNode(org('b'))],
        [
          'updateNode',
          'bob',
          () => store.updateNode('a', { kind: 'organisation', name: 'A2' }, BOB),
        ],
        [
          'createLink',
          'ania',
          () => store.createLink(link('COLLABORATES_WITH', 'ab', 'a', 'b'), ANIA),
        ],
        ['updateLink', 'ania', () => store.updateLink('ab', { strength: 3 }, ANIA)],
        ['savePositions', 'bob', () => store.savePositions([{ id: 'a', x: 1, y: 2 }], BOB)],
        [
          'dismissIntroduction',
          'ania',
          async () => {
            await store.dismissIntroduction('b', 'a', ANIA);
            // Dismissing a pair already dismissed writes nothing, so it adds no entry.
            await store.dismissIntroduction('a', 'b', BOB);
          },
        ],
        ['undoDismissal', 'bob', () => store.undoDismissal('a', 'b', BOB)],
        ['deleteLink', 'ania', () => store.deleteLink('ab', ANIA)],
        [
          'batch',
          'bob',
          () =>
            store.applyBatch(
              [
                { op: 'createNode', node: org('c') },
                { op: 'createLink', link: link('COLLABORATES_WITH', 'ac', 'a', 'c') },
              ],
              BOB,
            ),
        ],
        ['deleteNode', 'ania', () => store.deleteNode('c', ANIA)],
        [
          'restore',
          'bob',
          async () => {
            const { nodes, links, positions } = await store.snapshot();
            await store.restore({ nodes, links, positions }, { replace: true }, BOB);
          },
        ],
      ];
      const expected: { action: AuditAction; actor: string | null; revision: number }[] = [];
      for (const [action, actor, step] of steps) {
        const revision = await store.revision();
        await step();
        expect(await store.revision()).toBe(revision + 1);
        expected.unshift({ action, actor, revision: revision + 1 });
      }
      const log = await wholeLog(store);
      expect(log.map(({ action, actor, revision }) => ({ action, actor, revision }))).toEqual(
        expected,
      );
      const ids = log.map((entry) => entry.id).reverse();
      const revisions = log.map((entry) => entry.revision).reverse();
      for (let index = 1; index < ids.length; index += 1) {
        expect(ids[index]).toBeGreaterThan(ids[index - 1] ?? Infinity);
        expect(revisions[index]).toBeGreaterThan(revisions[index - 1] ?? Infinity);
      }
      for (const entry of log) {
        expect(entry).toMatchObject({ undoes: null, undoneBy: null });
        expect(entry.changeCount).toBe(entry.changes.length);
        expect(Date.parse(entry.at)).not.toBeNaN();
      }
    });

    it('records a created, updated and deleted node exactly, with the links, dismissal and position the delete took', async () => {
      const store = current();
      const a = await store.createNode(org('a'));
      expect((await newest(store)).changes).toEqual([
        { entity: 'node', id: 'a', before: null, after: a },
      ]);
      const renamed = await store.updateNode('a', { kind: 'organisation', name: 'Renamed' });
      expect((await newest(store)).changes).toEqual([
        { entity: 'node', id: 'a', before: a, after: renamed },
      ]);
      await store.createNode(org('b'));
      await store.createNode(org('c'));
      // l1 has `a` as source, l2 as target: ids in creation order, so every adapter lists them alike.
      const l1 = await store.createLink(link('COLLABORATES_WITH', 'l1', 'a', 'b'));
      const l2 = await store.createLink(link('FUNDS', 'l2', 'c', 'a'));
      await store.savePositions([{ id: 'a', x: 10.5, y: -3 }]);
      expect((await newest(store)).changes).toEqual([
        { entity: 'position', id: 'a', before: null, after: { x: 10.5, y: -3 } },
      ]);
      await store.savePositions([{ id: 'a', x: 11, y: 4 }]);
      expect((await newest(store)).changes).toEqual([
        { entity: 'position', id: 'a', before: { x: 10.5, y: -3 }, after: { x: 11, y: 4 } },
      ]);
      const { dismissal } = await store.dismissIntroduction('b', 'a', ANIA);
      expect((await newest(store)).changes).toEqual([
        { entity: 'dismissal', id: 'a|b', before: null, after: dismissal },
      ]);
      await store.deleteNode('a', ANIA);
      expect((await newest(store)).changes).toEqual([
        { entity: 'link', id: 'l1', before: l1, after: null },
        { entity: 'link', id: 'l2', before: l2, after: null },
        { entity: 'dismissal', id: 'a|b', before: dismissal, after: null },
        { entity: 'position', id: 'a', before: { x: 11, y: 4 }, after: null },
        { entity: 'node', id: 'a', before: renamed, after: null },
      ]);
    });

    it('records the links whose meeting a deleted meeting clears, before the links it removes', async () => {
      const store = current();
      for (const input of [org('a'), org('b'), person('p'), meeting('m')]) {
        await store.createNode(input);
      }
      const ab = await store.createLink(link('COLLABORATES_WITH', 'ab', 'a', 'b', 'm'));
      const pm = await store.createLink(link('ATTENDED', 'p-m', 'p', 'm', 'm'));
      await store.deleteNode('m');
      const { changes } = await newest(store);
      expect(changes.map((change) => [change.entity, change.id])).toEqual([
        ['link', 'ab'],
        ['link', 'p-m'],
        ['node', 'm'],
      ]);
      // The link changed, so it is a new version: a later updatedAt (see ExpectedVersionSchema).
      const cleared = await store.getLink('ab');
      expect(cleared).toEqual({ ...ab, meetingId: null, updatedAt: expect.any(String) as unknown });
      expect(Date.parse(cleared?.updatedAt ?? '')).toBeGreaterThan(Date.parse(ab.updatedAt));
      expect(changes[0]).toEqual({ entity: 'link', id: 'ab', before: ab, after: cleared });
      expect(changes[1]).toEqual({ entity: 'link', id: 'p-m', before: pm, after: null });
    });

    it('leaves no entry for a write that failed', async () => {
      const store = current();
      await store.createNode(org('a'));
      const before = await wholeLog(store);
      const revision = await store.revision();
      await failureOf(
        () => store.createLink(link('COLLABORATES_WITH', 'ax', 'a', 'ghost'), ANIA),
        NotFoundError,
      );
      const batch = await failureOf(
        () =>
          store.applyBatch([
            { op: 'createNode', node: org('b') },
            { op: 'deleteNode', id: 'ghost' },
          ]),
        AppError,
      );
      expect(batch.statusCode).toBe(404);
      await failureOf(() => store.savePositions([{ id: 'ghost', x: 1, y: 1 }]), NotFoundError);
      await failureOf(() => store.createNode(org('a')), ConflictError);
      expect(await wholeLog(store)).toEqual(before);
      expect(await store.revision()).toBe(revision);
    });

    it('records a batch as one entry holding every change in order', async () => {
      const store = current();
      const result = await store.applyBatch(
        [
          { op: 'createNode', node: org('a') },
          { op: 'createNode', node: org('b') },
          { op: 'createLink', link: link('COLLABORATES_WITH', 'ab', 'a', 'b') },
          { op: 'updateNode', id: 'a', patch: { kind: 'organisation', name: 'Renamed' } },
        ],
        ANIA,
      );
      const log = await wholeLog(store);
      expect(log).toHaveLength(1);
      const [entry] = log;
      expect(entry).toMatchObject({ action: 'batch', actor: 'ania', revision: result.revision });
      expect(entry?.changes.map((change) => [change.entity, change.id])).toEqual([
        ['node', 'a'],
        ['node', 'b'],
        ['link', 'ab'],
        ['node', 'a'],
      ]);
      expect(entry?.changes[3]).toEqual({
        entity: 'node',
        id: 'a',
        before: entry?.changes[0]?.after,
        after: await store.getNode('a'),
      });
    });

    it('filters by user, node and dates, and pages newest first', async () => {
      const store = current();
      await store.createNode(org('a'), ANIA); // 1
      await store.createNode(org('b'), BOB); // 2
      await store.createNode(org('c'), ANIA); // 3
      await store.createLink(link('COLLABORATES_WITH', 'bc', 'b', 'c'), BOB); // 4
      await store.savePositions([{ id: 'a', x: 1, y: 1 }], BOB); // 5
      await store.dismissIntroduction('a', 'c', ANIA); // 6
      const all = (await store.listAudit({ limit: 50 })).items;
      expect(all).toHaveLength(6);
      const id = (nth: number): number => all[all.length - nth]?.id ?? -1;
      const ids = (items: readonly AuditEntry[]): number[] => items.map((entry) => entry.id);

      expect(ids((await store.listAudit({ user: 'ania', limit: 50 })).items)).toEqual([
        id(6),
        id(3),
        id(1),
      ]);
      expect((await store.listAudit({ user: 'nobody', limit: 50 })).items).toEqual([]);
      // A node's own entries, its links' (either end), its position's and its dismissals'.
      expect(ids((await store.listAudit({ node: 'a', limit: 50 })).items)).toEqual([
        id(6),
        id(5),
        id(1),
      ]);
      expect(ids((await store.listAudit({ node: 'b', limit: 50 })).items)).toEqual([id(4), id(2)]);
      expect(ids((await store.listAudit({ node: 'bc', limit: 50 })).items)).toEqual([id(4)]);
      expect(ids((await store.listAudit({ node: 'c', user: 'ania', limit: 50 })).items)).toEqual([
        id(6),
        id(3),
      ]);

      const day = all[0]?.at.slice(0, 10) ?? '';
      const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const dayAfter = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      // Every entry was written today (unless the clock passed midnight during the case).
      const today = all.filter((entry) => entry.at.startsWith(day));
      expect(ids((await store.listAudit({ from: day, to: day, limit: 50 })).items)).toEqual(
        ids(today),
      );
      expect((await store.listAudit({ from: dayAfter, limit: 50 })).items).toEqual([]);
      expect((await store.listAudit({ to: dayBefore, limit: 50 })).items).toEqual([]);
      expect(ids((await store.listAudit({ from: dayBefore, limit: 50 })).items)).toEqual(ids(all));

      const first = await store.listAudit({ limit: 4 });
      expect(ids(first.items)).toEqual([id(6), id(5), id(4), id(3)]);
      expect(first.nextCursor).toBe(id(3));
      const second = await store.listAudit({ limit: 4, before: first.nextCursor ?? undefined });
      expect(ids(second.items)).toEqual([id(2), id(1)]);
      expect(second.nextCursor).toBeNull();
      const exact = await store.listAudit({ limit: 6 });
      expect(exact.nextCursor).toBeNull();
      const filtered = await store.listAudit({ user: 'ania', limit: 2 });
      expect(ids(filtered.items)).toEqual([id(6), id(3)]);
      expect(
        ids(
          (await store.listAudit({ user: 'ania', limit: 2, before: filtered.nextCursor ?? 0 }))
            .items,
        ),
      ).toEqual([id(1)]);
    });

    it(`lists the first ${String(AUDIT_PAGE_CHANGES)} changes of an entry on a page, and all of them by id`, async () => {
      const store = current();
      const count = AUDIT_PAGE_CHANGES + 5;
      const ops = Array.from({ length: count }, (_, index) => ({
        op: 'createNode' as const,
        node: org(`n${String(index).padStart(2, '0')}`),
      }));
      await store.applyBatch(ops);
      const [listed] = (await store.listAudit({ limit: 1 })).items;
      expect(listed?.changeCount).toBe(count);
      expect(listed?.changes).toHaveLength(AUDIT_PAGE_CHANGES);
      const whole = await store.getAuditEntry(listed?.id ?? -1);
      expect(whole?.changes).toHaveLength(count);
      expect(whole?.changes.slice(0, AUDIT_PAGE_CHANGES)).toEqual(listed?.changes);
      expect(await store.getAuditEntry(9_999_999)).toBeNull();
    });

    describe('undo', () => {
      it('puts back an updated node, as a new entry that names the one it undid', async () => {
        const store = current();
        const a = await store.createNode(org('a'));
        await store.updateNode('a', { kind: 'organisation', name: 'Renamed' }, BOB);
        const update = await newest(store);
        const revision = await store.revision();
        const undo = await store.undo(update.id, ANIA);
        expect(await store.getNode('a')).toEqual(a);
        expect(undo).toMatchObject({
          action: 'undo',
          actor: 'ania',
          undoes: update.id,
          undoneBy: null,
          revision: revision + 1,
          changeCount: 1,
        });
        expect(undo.id).toBeGreaterThan(update.id);
        expect(undo.changes).toEqual([
          { entity: 'node', id: 'a', before: update.changes[0]?.after, after: a },
        ]);
        expect(await store.revision()).toBe(revision + 1);
        expect(await store.getAuditEntry(undo.id)).toEqual(undo);
        expect((await store.getAuditEntry(update.id))?.undoneBy).toBe(undo.id);
      });

      it('deletes a created node', async () => {
        const store = current();
        await store.createNode(org('a'));
        await store.undo((await newest(store)).id);
        expect(await store.getNode('a')).toBeNull();
      });

      it('brings back a deleted node exactly, with its links, meeting references, dismissal and position', async () => {
        const store = current();
        for (const input of [org('a'), org('b'), org('c'), person('p'), meeting('m')]) {
          await store.createNode(input);
        }
        await store.createLink(link('COLLABORATES_WITH', 'ab', 'a', 'b', 'm'));
        await store.createLink(link('FUNDS', 'ca', 'c', 'a'));
        await store.createLink(link('ATTENDED', 'p-m', 'p', 'm', 'm'));
        await store.savePositions([
          { id: 'a', x: 1.25, y: 2 },
          { id: 'm', x: 3, y: 4 },
        ]);
        await store.dismissIntroduction('a', 'b');
        const before = await graphState(store);
        await store.deleteNode('a');
        const deleteOfA = await newest(store);
        await store.deleteNode('m');
        await store.undo((await newest(store)).id);
        await store.undo(deleteOfA.id);
        expect(await graphState(store)).toEqual(before);
      });

      it('undoes a whole batch', async () => {
        const store = current();
        await store.createNode(org('a'));
        await store.createNode(org('b'));
        await store.createLink(link('COLLABORATES_WITH', 'ab', 'a', 'b'));
        const before = await graphState(store);
        await store.applyBatch([
          { op: 'createNode', node: org('c') },
          { op: 'createLink', link: link('COLLABORATES_WITH', 'ac', 'a', 'c') },
          { op: 'updateLink', id: 'ab', patch: { strength: 1 } },
          { op: 'deleteNode', id: 'b' },
        ]);
        await store.undo((await newest(store)).id);
        expect(await graphState(store)).toEqual(before);
      });

      it('refuses when something the entry changed was changed later, naming that change', async () => {
        const store = current();
        await store.createNode(org('a'));
        await store.updateNode('a', { kind: 'organisation', name: 'First' });
        const first = await newest(store);
        await store.updateNode('a', { kind: 'organisation', name: 'Second' });
        const second = await newest(store);
        const revision = await store.revision();
        const refusal = await failureOf(() => store.undo(first.id), UndoRefusedError);
        expect(refusal.statusCode).toBe(409);
        expect(refusal.message).toContain(`change #${String(first.id)} cannot be undone`);
        expect(refusal.message).toContain(`(change #${String(second.id)})`);
        expect(await store.revision()).toBe(revision);
        expect((await store.getNode('a'))?.name).toBe('Second');
        expect((await newest(store)).id).toBe(second.id);
        // Undoing the later change first makes the earlier one undoable.
        await store.undo(second.id);
        await store.undo(first.id);
        expect((await store.getNode('a'))?.name).toBe('Organisation a');
      });

      it('refuses an entry undone already', async () => {
        const store = current();
        await store.createNode(org('a'));
        await store.updateNode('a', { kind: 'organisation', name: 'Renamed' });
        const update = await newest(store);
        const undo = await store.undo(update.id);
        const refusal = await failureOf(() => store.undo(update.id), UndoRefusedError);
        expect(refusal.message).toContain(`undone already by change #${String(undo.id)}`);
      });

      it('refuses to delete a created node that got links later, naming them', async () => {
        const store = current();
        await store.createNode(org('a'));
        const created = await newest(store);
        await store.createNode(org('b'));
        await store.createLink(link('COLLABORATES_WITH', 'ab', 'a', 'b'));
        const refusal = await failureOf(() => store.undo(created.id), UndoRefusedError);
        expect(refusal.message).toContain('ab');
        expect(await store.getNode('a')).not.toBeNull();
        expect(await store.getLink('ab')).not.toBeNull();
      });

      it('refuses a restore, and an unknown entry is not found', async () => {
        const store = current();
        await store.createNode(org('a'));
        const { nodes, links, positions } = await store.snapshot();
        await store.restore({ nodes, links, positions }, { replace: true });
        await failureOf(async () => store.undo((await newest(store)).id), UndoRefusedError);
        await failureOf(() => store.undo(9_999_999), AuditEntryNotFoundError);
      });

      it('re-applies a change when its undo is undone', async () => {
        const store = current();
        await store.createNode(org('a'));
        const renamed = await store.updateNode('a', { kind: 'organisation', name: 'Renamed' });
        const update = await newest(store);
        const undo = await store.undo(update.id);
        const redo = await store.undo(undo.id);
        expect(await store.getNode('a')).toEqual(renamed);
        expect(redo).toMatchObject({ action: 'undo', undoes: undo.id });
        expect((await store.getAuditEntry(undo.id))?.undoneBy).toBe(redo.id);
        const log = await wholeLog(store);
        const revisions = log.map((entry) => entry.revision);
        expect(revisions).toEqual([...revisions].sort((x, y) => y - x));
        expect(new Set(revisions).size).toBe(revisions.length);
      });
    });
  });
}
