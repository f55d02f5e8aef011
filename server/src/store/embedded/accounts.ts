/**
 * Users and sessions of the embedded store (issue 8), in the same SQLite file as the graph.
 * Account writes are not graph writes: they neither raise the revision nor enter the audit log.
 */
import type Database from 'better-sqlite3';
import type { AuditAction, AuditChange, Language, Role } from '@octograph/graph-schema';
import { ConflictError, UserNotFoundError } from '../../errors.js';
import { accountChange } from '../audit-rules.js';
import type { StoredSession, StoredUser, UpdateUserOptions, UserChange } from '../graph-store.js';
import { invitationHolds } from '../write-rules.js';

/** Writes the audit entry of an account change inside the caller's transaction. */
export type AccountAudit = (action: AuditAction, actor: string | null, change: AuditChange) => void;

const SQL = {
  insertUser: `INSERT INTO users (id, email, name, role, password_hash, person_id, disabled, created_at,
      invitation_hash, invitation_expires_at, language)
    VALUES (@id, @email, @name, @role, @passwordHash, @personId, @disabled, @createdAt,
      @invitationHash, @invitationExpiresAt, @language)`,
  updateUser: `UPDATE users SET name = @name, role = @role, password_hash = @passwordHash,
      person_id = @personId, disabled = @disabled, invitation_hash = @invitationHash,
      invitation_expires_at = @invitationExpiresAt, language = @language
    WHERE id = @id`,
  userById: `SELECT * FROM users WHERE id = ?`,
  userByEmail: `SELECT * FROM users WHERE email = ?`,
  userByInvitation: `SELECT * FROM users WHERE invitation_hash = ?`,
  allUsers: `SELECT * FROM users ORDER BY email`,
  adminCount: `SELECT count(*) AS admins FROM users
    WHERE role = 'admin' AND disabled = 0 AND password_hash IS NOT NULL`,
  emailTaken: `SELECT 1 AS taken FROM users WHERE email = ?`,
  insertSession: `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
    VALUES (@tokenHash, @userId, @csrfToken, @createdAt, @expiresAt)`,
  sessionByHash: `SELECT token_hash AS tokenHash, user_id AS userId, csrf_token AS csrfToken,
      created_at AS createdAt, expires_at AS expiresAt
    FROM sessions WHERE token_hash = ?`,
  deleteSession: `DELETE FROM sessions WHERE token_hash = ?`,
  deleteSessionsOf: `DELETE FROM sessions WHERE user_id = @userId AND token_hash IS NOT @keep`,
} as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  person_id: string | null;
  disabled: number;
  created_at: string;
  invitation_hash: string | null;
  invitation_expires_at: string | null;
  language: Language | null;
}

function userOf(row: UserRow): StoredUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    personId: row.person_id,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    invitationHash: row.invitation_hash,
    invitationExpiresAt: row.invitation_expires_at,
    language: row.language,
  };
}

function userParams(user: StoredUser): Record<string, string | number | null> {
  return { ...user, disabled: user.disabled ? 1 : 0 };
}

/** The accounts half of the embedded store; EmbeddedGraphStore delegates to it. */
export class EmbeddedAccounts {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AccountAudit,
  ) {
    const entries = Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)] as const);
    this.statements = Object.fromEntries(entries) as {
      [K in keyof typeof SQL]: Database.Statement;
    };
  }

  createUser(user: StoredUser, actor: string | null): void {
    this.db
      .transaction(() => {
        this.insert(user);
        this.audit('createUser', actor, accountChange(null, user));
      })
      .immediate();
  }

  createFirstAdmin(user: StoredUser): void {
    this.db
      .transaction(() => {
        if (this.hasAdmin()) throw new ConflictError('an admin exists already; sign in instead');
        this.insert(user);
        this.audit('createUser', user.id, accountChange(null, user));
      })
      .immediate();
  }

  updateUser(
    id: string,
    change: UserChange,
    actor: string | null,
    options: UpdateUserOptions = {},
  ): StoredUser {
    return this.db
      .transaction(() => {
        const existing = this.getUser(id);
        if (!existing || !invitationHolds(existing, options)) throw new UserNotFoundError(id);
        const next: StoredUser = { ...existing, ...definedOnly(change) };
        const hadAdmin = this.hasAdmin();
        this.statements.updateUser.run(userParams(next));
        if (hadAdmin && !this.hasAdmin()) {
          throw new ConflictError(
            'this would leave no admin who can sign in; make someone else an admin first',
          );
        }
        if (next.disabled || next.passwordHash !== existing.passwordHash) {
          this.statements.deleteSessionsOf.run({ userId: id, keep: null });
        }
        this.audit('updateUser', actor, accountChange(existing, next));
        return next;
      })
      .immediate();
  }

  getUser(id: string): StoredUser | null {
    const row = this.statements.userById.get(id) as UserRow | undefined;
    return row ? userOf(row) : null;
  }

  findUserByEmail(email: string): StoredUser | null {
    const row = this.statements.userByEmail.get(email) as UserRow | undefined;
    return row ? userOf(row) : null;
  }

  findUserByInvitation(hash: string): StoredUser | null {
    const row = this.statements.userByInvitation.get(hash) as UserRow | undefined;
    return row ? userOf(row) : null;
  }

  listUsers(): StoredUser[] {
    return (this.statements.allUsers.all() as UserRow[]).map(userOf);
  }

  hasAdmin(): boolean {
    return (this.statements.adminCount.get() as { admins: number }).admins > 0;
  }

  createSession(session: StoredSession): void {
    this.statements.insertSession.run(session);
  }

  findSession(hash: string, now: string): { session: StoredSession; user: StoredUser } | null {
    const session = this.statements.sessionByHash.get(hash) as StoredSession | undefined;
    if (!session) return null;
    const user = this.getUser(session.userId);
    if (!user || session.expiresAt <= now || user.disabled) {
      this.statements.deleteSession.run(hash);
      return null;
    }
    return { session, user };
  }

  deleteSession(hash: string): void {
    this.statements.deleteSession.run(hash);
  }

  deleteSessionsOf(userId: string, keep: string | undefined): void {
    this.statements.deleteSessionsOf.run({ userId, keep: keep ?? null });
  }

  private insert(user: StoredUser): void {
    if (this.statements.emailTaken.get(user.email)) {
      throw new ConflictError(`a user with e-mail '${user.email}' already exists`);
    }
    this.statements.insertUser.run(userParams(user));
  }
}

/** The fields of a change that are set (an absent field leaves the stored value). */
function definedOnly(change: UserChange): UserChange {
  const entries: [string, unknown][] = Object.entries(change);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}
