/**
 * What both adapters share about the audit log: which ids an entry touches (for the node filter),
 * and how an undo is worked out. An undo puts back every `before` value of an entry, newest
 * change first, and is refused when something the entry changed has changed again since — the
 * current value is not the entry's `after` — so a later change is never silently overwritten.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  ACCOUNT_ACTIONS,
  BACKUP_ACTIONS,
  type AuditChange,
  type AuditEntry,
  type User,
} from '@octograph/graph-schema';
import type { Dismissal, StoredUser } from './graph-store.js';
import { UndoRefusedError } from '../errors.js';

/** The audit id of a dismissed pair (the smaller id first, as stored). */
export function dismissalId(dismissal: Pick<Dismissal, 'a' | 'b'>): string {
  return `${dismissal.a}|${dismissal.b}`;
}

/** The node and link ids an entry's changes touch, each once: what `node=` filters on. */
export function auditTargets(changes: readonly AuditChange[]): string[] {
  const targets = new Set<string>();
  for (const change of changes) {
    switch (change.entity) {
      case 'node':
      case 'position':
      case 'user':
        targets.add(change.id);
        break;
      case 'link':
        targets.add(change.id);
        for (const link of [change.before, change.after]) {
          if (link) {
            targets.add(link.source);
            targets.add(link.target);
          }
        }
        break;
      case 'dismissal':
        for (const dismissal of [change.before, change.after]) {
          if (dismissal) {
            targets.add(dismissal.a);
            targets.add(dismissal.b);
          }
        }
        break;
    }
  }
  return [...targets];
}

/** Words for a changed thing in a refusal: "node 'Harbour Lights Choir'". */
export function describeChange(change: AuditChange): string {
  switch (change.entity) {
    case 'node': {
      const node = change.after ?? change.before;
      return node ? `node '${node.name}'` : `node '${change.id}'`;
    }
    case 'link':
      return `link '${change.id}'`;
    case 'position':
      return `the position of node '${change.id}'`;
    case 'dismissal':
      return `the dismissed introduction ${change.id.replace('|', ' / ')}`;
    case 'user':
      return `the account of '${(change.after ?? change.before)?.email ?? change.id}'`;
  }
}

/**
 * The audit entry of an account change (accounts are not the graph: the entry keeps the revision
 * the store was at, and is never undone). Password hashes and invitation tokens never enter it.
 */
export function accountChange(before: StoredUser | null, after: StoredUser | null): AuditChange {
  const id = (after ?? before)?.id ?? '';
  return {
    entity: 'user',
    id,
    before: before && publicUser(before),
    after: after && publicUser(after),
    // No user and a user without a password both mean "no password".
    passwordChanged: (before?.passwordHash ?? null) !== (after?.passwordHash ?? null),
  };
}

/** A stored user as the audit log and the API show it. */
export function publicUser(user: StoredUser): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    personId: user.personId,
    disabled: user.disabled,
    invitationPending: user.invitationHash !== null,
    createdAt: user.createdAt,
    // Only when chosen, so entries written before there was a choice read the same.
    ...(user.language ? { language: user.language } : {}),
  };
}

/** A key per changed thing, for matching changes of the same thing. */
function thingKey(change: AuditChange): string {
  return `${change.entity}:${change.id}`;
}

/**
 * The writes an undo makes: each change reversed (after → before), newest first, so that a
 * deleted node comes back before its links do and a created link goes before its node.
 * Refuses an entry that was undone already or that replaced the whole network.
 */
export function undoChanges(entry: AuditEntry): AuditChange[] {
  if (entry.undoneBy !== null) {
    throw new UndoRefusedError(entry.id, `it was undone already by change #${entry.undoneBy}`);
  }
  if (ACCOUNT_ACTIONS.includes(entry.action)) {
    throw new UndoRefusedError(
      entry.id,
      'an account change is not undone from the log; change the account again under Users',
    );
  }
  if (BACKUP_ACTIONS.includes(entry.action)) {
    throw new UndoRefusedError(entry.id, 'a backup changed nothing, so there is nothing to undo');
  }
  if (entry.action === 'restore') {
    throw new UndoRefusedError(
      entry.id,
      'a restore of a whole network file is not undone from the log; restore the backup taken before it',
    );
  }
  return [...entry.changes]
    .reverse()
    .map((change) => ({ ...change, before: change.after, after: change.before }) as AuditChange);
}

/**
 * For each thing an entry changed, the value it left (its last `after`); the undo checks the
 * store still holds exactly that before writing anything.
 */
export function lastValues(entry: AuditEntry): AuditChange[] {
  const last = new Map<string, AuditChange>();
  for (const change of entry.changes) last.set(thingKey(change), change);
  return [...last.values()];
}

/**
 * Throws the refusal when the stored value of a changed thing is no longer what the entry left.
 * `laterEntry` names the later change that touched it, when the adapter found one.
 */
export function checkUnchangedSince(
  entry: AuditEntry,
  change: AuditChange,
  current: unknown,
  laterEntry: number | null,
): void {
  if (isDeepStrictEqual(current, change.after)) return;
  const by = laterEntry === null ? '' : ` (change #${String(laterEntry)})`;
  const what = describeChange(change);
  const how =
    change.after === null
      ? `${what} was created again afterwards${by}`
      : current === null
        ? `${what} was deleted afterwards${by}`
        : `${what} was changed again afterwards${by}`;
  throw new UndoRefusedError(entry.id, `${how}; undo that first`);
}

/** The refusal for deleting a node that has links the entry did not create. */
export function nodeHasLaterLinks(
  entry: AuditEntry,
  change: AuditChange,
  linkIds: string[],
): never {
  throw new UndoRefusedError(
    entry.id,
    `${describeChange(change)} has links added afterwards (${linkIds.slice(0, 3).join(', ')}${linkIds.length > 3 ? ', …' : ''}); undo or delete those first`,
  );
}
