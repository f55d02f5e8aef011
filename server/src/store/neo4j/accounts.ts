/**
 * Users and sessions of the Neo4j store (issue 8), in the same database as the graph:
 * `(:User {…})` and `(:Session {…})` nodes, with none of the `:Node` label, so no graph query sees
 * them. Account writes are not graph writes: they never raise the revision, and each enters the
 * audit log as one entry that keeps the current revision, written as its transaction's last step
 * (AccountsWriter). They take a lock of their own (LOCK_ACCOUNTS), so the checks each makes
 * (e-mail taken? an admin left?) see every earlier account write. Timestamps stay the strings the
 * services gave, compared as strings, as the embedded store does.
 */
import {
  LANGUAGES,
  ROLES,
  type AuditAction,
  type AuditChange,
  type Language,
  type Role,
} from '@octograph/graph-schema';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { ConflictError, UserNotFoundError } from '../../errors.js';
import { accountChange } from '../audit-rules.js';
import type { StoredSession, StoredUser, UpdateUserOptions, UserChange } from '../graph-store.js';
import { invitationHolds } from '../write-rules.js';
import {
  ALL_USERS,
  COUNT_ACTIVE_USERS,
  CREATE_SESSION,
  CREATE_USER,
  DELETE_SESSION,
  DELETE_SESSIONS_OF,
  LOCK_ACCOUNTS,
  SESSION_BY_HASH,
  UPDATE_USER,
  USER_BY_EMAIL,
  USER_BY_ID,
  USER_BY_INVITATION,
  type CypherQuery,
  type ParamTypes,
  type ParamsOf,
} from './queries.js';
import { asMap, numberOf, stringOrNull, type PropertyMap } from './values.js';

function userProperties(user: StoredUser): PropertyMap {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: user.passwordHash,
    personId: user.personId,
    disabled: user.disabled,
    createdAt: user.createdAt,
    invitationHash: user.invitationHash,
    invitationExpiresAt: user.invitationExpiresAt,
    language: user.language,
  };
}

function required(value: unknown, what: string): string {
  const text = stringOrNull(value, what);
  if (text === null) throw new Error(`a stored ${what} is missing`);
  return text;
}

function roleOf(value: unknown): Role {
  const role = ROLES.find((known) => known === value);
  if (role === undefined) throw new Error('a stored user has no known role');
  return role;
}

function languageOf(value: unknown): Language | null {
  return LANGUAGES.find((known) => known === value) ?? null;
}

function userOf(record: Neo4jRecord): StoredUser {
  const p = asMap(record.get('user') as unknown, 'user');
  if (typeof p.disabled !== 'boolean') throw new Error('a stored user has no disabled flag');
  return {
    id: required(p.id, 'user id'),
    email: required(p.email, 'user email'),
    name: required(p.name, 'user name'),
    role: roleOf(p.role),
    passwordHash: stringOrNull(p.passwordHash, 'user passwordHash'),
    personId: stringOrNull(p.personId, 'user personId'),
    disabled: p.disabled,
    createdAt: required(p.createdAt, 'user createdAt'),
    invitationHash: stringOrNull(p.invitationHash, 'user invitationHash'),
    invitationExpiresAt: stringOrNull(p.invitationExpiresAt, 'user invitationExpiresAt'),
    language: languageOf(p.language),
  };
}

function sessionProperties(session: StoredSession): PropertyMap {
  return {
    tokenHash: session.tokenHash,
    userId: session.userId,
    csrfToken: session.csrfToken,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
  };
}

function sessionOf(record: Neo4jRecord): StoredSession {
  const p = asMap(record.get('session') as unknown, 'session');
  return {
    tokenHash: required(p.tokenHash, 'session tokenHash'),
    userId: required(p.userId, 'session userId'),
    csrfToken: required(p.csrfToken, 'session csrfToken'),
    createdAt: required(p.createdAt, 'session createdAt'),
    expiresAt: required(p.expiresAt, 'session expiresAt'),
  };
}

/** The fields of a change that are set (an absent field leaves the stored value). */
function definedOnly(change: UserChange): UserChange {
  const entries: [string, unknown][] = Object.entries(change);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/** Writes the audit entry of an account change inside the caller's transaction, as its last step. */
export type AccountAudit = (
  action: AuditAction,
  actor: string | null,
  change: AuditChange,
) => Promise<void>;

/** Account reads, and the session writes, inside one transaction; mirrors embedded/accounts.ts. */
export class AccountsTx {
  constructor(private readonly tx: ManagedTransaction) {}

  async getUser(id: string): Promise<StoredUser | null> {
    const [record] = await this.run(USER_BY_ID, { id });
    return record ? userOf(record) : null;
  }

  async findUserByEmail(email: string): Promise<StoredUser | null> {
    const [record] = await this.run(USER_BY_EMAIL, { email });
    return record ? userOf(record) : null;
  }

  async findUserByInvitation(invitationHash: string): Promise<StoredUser | null> {
    const [record] = await this.run(USER_BY_INVITATION, { invitationHash });
    return record ? userOf(record) : null;
  }

  async listUsers(): Promise<StoredUser[]> {
    return (await this.run(ALL_USERS, {})).map(userOf);
  }

  async hasAdmin(): Promise<boolean> {
    const [record] = await this.run(COUNT_ACTIVE_USERS, { role: 'admin' });
    return record ? numberOf(record.get('users') as unknown, 'users') > 0 : false;
  }

  async createSession(session: StoredSession): Promise<void> {
    await this.run(CREATE_SESSION, { props: sessionProperties(session) });
  }

  /** The session and its user, or null; `valid` false when it should be deleted. */
  async findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ session: StoredSession; user: StoredUser | null; valid: boolean } | null> {
    const [record] = await this.run(SESSION_BY_HASH, { tokenHash });
    if (!record) return null;
    const session = sessionOf(record);
    const user = await this.getUser(session.userId);
    const valid = user !== null && session.expiresAt > now && !user.disabled;
    return { session, user, valid };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.run(DELETE_SESSION, { tokenHash });
  }

  async deleteSessionsOf(userId: string, keep: string | undefined): Promise<void> {
    await this.run(DELETE_SESSIONS_OF, { userId, keep: keep ?? null });
  }

  /** Runs one statement with exactly the parameters it declares. */
  protected async run<P extends ParamTypes>(
    query: CypherQuery<P>,
    params: ParamsOf<P>,
  ): Promise<Neo4jRecord[]> {
    return (await this.tx.run(query.text, params)).records;
  }
}

/**
 * Account writes inside one transaction that began with `lock()`. Each successful write ends with
 * its audit entry (`audit`), so the entry commits with the write or not at all; a refused write
 * throws before it and leaves none.
 */
export class AccountsWriter extends AccountsTx {
  constructor(
    tx: ManagedTransaction,
    private readonly audit: AccountAudit,
  ) {
    super(tx);
  }

  /** Takes the accounts lock; the first statement of every account write (see LOCK_ACCOUNTS). */
  async lock(): Promise<void> {
    await this.run(LOCK_ACCOUNTS, {});
  }

  async createUser(user: StoredUser, actor: string | null): Promise<void> {
    await this.insert(user);
    await this.audit('createUser', actor, accountChange(null, user));
  }

  /** The new admin is the actor of their own creation: nobody else is signed in yet. */
  async createFirstAdmin(user: StoredUser): Promise<void> {
    if (await this.hasAdmin()) throw new ConflictError('an admin exists already; sign in instead');
    await this.insert(user);
    await this.audit('createUser', user.id, accountChange(null, user));
  }

  async updateUser(
    id: string,
    change: UserChange,
    actor: string | null,
    options: UpdateUserOptions = {},
  ): Promise<StoredUser> {
    // The accounts lock (LOCK_ACCOUNTS) is held from the transaction's first statement, so what
    // this reads cannot change before the update commits.
    const existing = await this.getUser(id);
    if (!existing || !invitationHolds(existing, options)) throw new UserNotFoundError(id);
    const next: StoredUser = { ...existing, ...definedOnly(change) };
    const hadAdmin = await this.hasAdmin();
    await this.run(UPDATE_USER, { id, props: userProperties(next) });
    // Refused only when this change removes the last admin (before the first, nothing to keep).
    if (hadAdmin && !(await this.hasAdmin())) {
      // Throwing rolls the update back.
      throw new ConflictError(
        'this would leave no admin who can sign in; make someone else an admin first',
      );
    }
    if (next.disabled || next.passwordHash !== existing.passwordHash) {
      await this.run(DELETE_SESSIONS_OF, { userId: id, keep: null });
    }
    await this.audit('updateUser', actor, accountChange(existing, next));
    return next;
  }

  private async insert(user: StoredUser): Promise<void> {
    if (await this.findUserByEmail(user.email)) {
      throw new ConflictError(`a user with e-mail '${user.email}' already exists`);
    }
    await this.run(CREATE_USER, { props: userProperties(user) });
  }
}
