/**
 * Accounts (issue 8): signing in, sessions, the first admin, invitations and password changes,
 * over the GraphStore's users and sessions. Passwords are hashed with scrypt (passwords.ts); the
 * store keeps only hashes of session and invitation tokens.
 */
import { randomUUID } from 'node:crypto';
import type {
  InviteBody,
  Invitation,
  Language,
  Role,
  User,
  UserPatch,
} from '@octograph/graph-schema';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  UnauthenticatedError,
  UserNotFoundError,
  ValidationError,
} from '../errors.js';
import type {
  GraphStore,
  StoredSession,
  StoredUser,
  UserChange,
  WriteContext,
} from '../store/graph-store.js';
import { publicUser } from '../store/audit-rules.js';
import { DECOY_HASH, hashPassword, newToken, tokenHash, verifyPassword } from './passwords.js';
import { newSetupCode, setupCodeMatches } from './setup-code.js';

/** How long an invitation link works. */
const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 404 for an invitation link that is unknown, used or expired (one answer for all three). */
export class InvitationNotFoundError extends AppError {
  constructor() {
    super(
      404,
      'NOT_FOUND',
      'this invitation link is unknown, used or expired; ask an admin for a new one',
    );
  }
}

/** A new session: the cookie's token (sent once) and what the store keeps. */
export interface NewSession {
  token: string;
  session: StoredSession;
  user: StoredUser;
}

export class AccountService {
  /** Invitation tokens being accepted right now (see acceptInvitation). */
  private readonly accepting = new Set<string>();

  /**
   * The one-time code the browser's set-up of the first admin needs (services/setup-code.ts),
   * made when the server starts; buildApp prints it in the log while no admin exists.
   */
  readonly setupCode = newSetupCode();

  constructor(
    private readonly store: GraphStore,
    private readonly sessionDays: number,
  ) {}

  /** Checks an e-mail and password and opens a session; one answer for every wrong pair. */
  async signIn(email: string, password: string): Promise<NewSession> {
    const user = await this.store.findUserByEmail(email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH));
    if (!user || user.passwordHash === null || !matches) {
      throw new UnauthenticatedError('the e-mail or password is wrong');
    }
    if (user.disabled) throw new UnauthenticatedError('this account is disabled; ask an admin');
    return this.startSession(user);
  }

  /** The session and user behind a cookie token, or null. */
  async session(token: string): Promise<{ session: StoredSession; user: StoredUser } | null> {
    return this.store.findSession(tokenHash(token), new Date().toISOString());
  }

  async signOut(token: string): Promise<void> {
    await this.store.deleteSession(tokenHash(token));
  }

  /** Creates the first admin (only while none exists) and signs them in. */
  async setUp(email: string, name: string, password: string, code: string): Promise<NewSession> {
    if (!setupCodeMatches(this.setupCode, code)) {
      throw new ForbiddenError(
        "the set-up code is wrong: use the one in the server's log, printed when it started",
      );
    }
    const user = await this.newUser({ email, name, role: 'admin' }, await hashPassword(password));
    await this.store.createFirstAdmin(user);
    return this.startSession(user);
  }

  /**
   * Creates an admin, or makes an existing account an admin with this password (the command
   * line's create-admin and OCTOGRAPH_ADMIN_* on start). Returns whether it created one.
   */
  async ensureAdmin(email: string, name: string, password: string): Promise<'created' | 'updated'> {
    const passwordHash = await hashPassword(password);
    const existing = await this.store.findUserByEmail(email);
    if (existing) {
      await this.store.updateUser(existing.id, {
        role: 'admin',
        passwordHash,
        disabled: false,
        invitationHash: null,
        invitationExpiresAt: null,
      });
      return 'updated';
    }
    await this.store.createUser(await this.newUser({ email, name, role: 'admin' }, passwordHash));
    return 'created';
  }

  /** An admin invites someone: a user without a password and a one-time link. */
  async invite(
    body: Omit<InviteBody, 'personId'> & { personId: string | null },
    context: WriteContext = {},
  ): Promise<Invitation> {
    await this.checkPerson(body.personId);
    const user = await this.newUser(body, null);
    const { token, change } = this.invitation();
    const invited: StoredUser = { ...user, ...change };
    await this.store.createUser(invited, context);
    return { user: publicUser(invited), token, expiresAt: invited.invitationExpiresAt ?? '' };
  }

  /**
   * A new invitation link for an existing user: also how an admin resets a password, so the old
   * password stops working and the user's sessions end at once (in the same store write).
   */
  async reinvite(id: string, context: WriteContext = {}): Promise<Invitation> {
    const { token, change } = this.invitation();
    const user = await this.store.updateUser(id, { ...change, passwordHash: null }, context);
    return { user: publicUser(user), token, expiresAt: user.invitationExpiresAt ?? '' };
  }

  /** Whom a valid invitation link is for. */
  async invited(token: string): Promise<StoredUser> {
    const user = await this.store.findUserByInvitation(tokenHash(token));
    if (
      !user ||
      user.disabled ||
      user.invitationExpiresAt === null ||
      user.invitationExpiresAt <= new Date().toISOString()
    ) {
      throw new InvitationNotFoundError();
    }
    return user;
  }

  /** Accepts an invitation: the password is set, the link stops working, the user is in. */
  async acceptInvitation(token: string, password: string): Promise<NewSession> {
    // One acceptance per link at a time in this process (the slow hash is not done twice); the
    // store's condition below makes it once across several app servers.
    if (this.accepting.has(token)) throw new InvitationNotFoundError();
    this.accepting.add(token);
    try {
      const user = await this.invited(token);
      const passwordHash = await hashPassword(password);
      // Checked again after the slow hash: the link may have been used or replaced meanwhile.
      await this.invited(token);
      const updated = await this.store
        .updateUser(
          user.id,
          { passwordHash, invitationHash: null, invitationExpiresAt: null },
          { actor: user.id },
          { ifInvitationHash: tokenHash(token) },
        )
        .catch((error: unknown) => {
          // Accepted (or replaced) through another server since it was checked.
          throw error instanceof UserNotFoundError ? new InvitationNotFoundError() : error;
        });
      return await this.startSession(updated);
    } finally {
      this.accepting.delete(token);
    }
  }

  /** Changes one's own password; every other session of the user ends, this one stays. */
  async changePassword(
    user: StoredUser,
    session: StoredSession,
    current: string,
    next: string,
  ): Promise<void> {
    if (user.passwordHash === null || !(await verifyPassword(current, user.passwordHash))) {
      throw new ValidationError(
        [{ path: 'body.currentPassword', message: 'is not your current password' }],
        'the current password is wrong',
      );
    }
    // The store ends every session of a user whose password changes (in the same transaction);
    // the session that asked is then put back exactly as it was, CSRF token included.
    await this.store.updateUser(
      user.id,
      { passwordHash: await hashPassword(next) },
      { actor: user.id },
    );
    await this.store.createSession(session);
  }

  /** The user chooses the language Octograph speaks to them (their sessions go on). */
  async setLanguage(user: StoredUser, language: Language): Promise<StoredUser> {
    if (user.language === language) return user;
    return this.store.updateUser(user.id, { language }, { actor: user.id });
  }

  /** An admin changes a user. */
  async update(id: string, patch: UserPatch, context: WriteContext = {}): Promise<User> {
    if (patch.personId !== undefined) await this.checkPerson(patch.personId);
    const change: UserChange = {};
    if (patch.name !== undefined) change.name = patch.name;
    if (patch.role !== undefined) change.role = patch.role;
    if (patch.personId !== undefined) change.personId = patch.personId;
    if (patch.disabled !== undefined) change.disabled = patch.disabled;
    if (patch.disabled === true) {
      // A pending invitation must not come back to life when the account is enabled again.
      change.invitationHash = null;
      change.invitationExpiresAt = null;
    }
    return publicUser(await this.store.updateUser(id, change, context));
  }

  private async startSession(user: StoredUser): Promise<NewSession> {
    const token = newToken();
    const now = Date.now();
    const session: StoredSession = {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken: newToken(),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.sessionDays * DAY_MS).toISOString(),
    };
    await this.store.createSession(session);
    return { token, session, user };
  }

  private invitation(): { token: string; change: UserChange } {
    const token = newToken();
    return {
      token,
      change: {
        invitationHash: tokenHash(token),
        invitationExpiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS).toISOString(),
      },
    };
  }

  private async newUser(
    fields: { email: string; name: string; role: Role; personId?: string | null },
    passwordHash: string | null,
  ): Promise<StoredUser> {
    if (await this.store.findUserByEmail(fields.email)) {
      throw new ConflictError(`a user with e-mail '${fields.email}' already exists`);
    }
    return {
      id: randomUUID(),
      email: fields.email,
      name: fields.name,
      role: fields.role,
      passwordHash,
      personId: fields.personId ?? null,
      disabled: false,
      createdAt: new Date().toISOString(),
      invitationHash: null,
      invitationExpiresAt: null,
      language: null,
    };
  }

  /** A user's person must be a person node on the map. */
  private async checkPerson(personId: string | null): Promise<void> {
    if (personId === null) return;
    const node = await this.store.getNode(personId);
    if (!node || node.kind !== 'person') {
      throw new ValidationError([
        { path: 'body.personId', message: `'${personId}' is not a person on the map` },
      ]);
    }
  }
}
