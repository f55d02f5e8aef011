/**
 * Accounts (issue 8): who may do what. Three roles — an admin manages users and does everything an
 * editor does; an editor writes the graph and meetings; a viewer reads. A visitor who is not
 * signed in is "anonymous" and reads the public map only when the server runs with
 * PUBLIC_READ=true. These are the bodies of /api/session, /api/setup, /api/invitations and
 * /api/users; the server keeps password hashes and session tokens to itself.
 */
import { z } from 'zod';
import { IdSchema } from './common.js';

/** A person's name on an account. */
const AccountNameSchema = z.string().trim().min(1, 'is required').max(200);

/** The roles, weakest first. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who is asking: a role, or nobody signed in. */
export type Audience = Role | 'anonymous';

/** Whether `role` may do what `needed` may (admin ⊃ editor ⊃ viewer). */
export function roleAtLeast(role: Audience, needed: Role): boolean {
  if (role === 'anonymous') return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** A sign-in e-mail: trimmed and compared without case. */
export const AccountEmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an e-mail address'))
  .transform((email) => email.toLowerCase());

/** Passwords: long enough to resist guessing, short enough to hash cheaply. */
export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/** The languages Octograph speaks (the client's resources and the server's own texts). */
export const LANGUAGES = ['en', 'pl'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** A user as the API shows it (never the password hash or an invitation token). */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** The person node this user is on the map, if any: "attendees" contact details follow it. */
  personId: z.string().nullable(),
  /** A disabled user cannot sign in; their sessions end at once. */
  disabled: z.boolean(),
  /** Invited but has not chosen a password yet. */
  invitationPending: z.boolean(),
  createdAt: z.string(),
  /** The language the user chose for Octograph; absent: the browser's. */
  language: LanguageSchema.optional(),
});
export type User = z.infer<typeof UserSchema>;

/** GET /api/session: who is signed in, and what the sign-in screen should offer. */
export const SessionInfoSchema = z.object({
  /** The signed-in user, or null. */
  user: UserSchema.nullable(),
  /** What the caller may do: their role, or anonymous. */
  audience: z.enum(['anonymous', ...ROLES]),
  /** Send this in the `x-csrf-token` header of every write (null when not signed in). */
  csrfToken: z.string().nullable(),
  /** Whether an anonymous visitor may read the public map (PUBLIC_READ). */
  publicRead: z.boolean(),
  /**
   * No admin exists yet and this visit comes from this machine: the app offers to create the
   * first admin (POST /api/setup). A remote visitor is never offered this.
   */
  setupAvailable: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** POST /api/session: sign in. */
export const SignInBodySchema = z.strictObject({
  email: AccountEmailSchema,
  password: z.string().min(1, 'is required').max(200),
});
export type SignInBody = z.input<typeof SignInBodySchema>;

/** POST /api/setup: the first admin, from this machine, while no admin exists. */
export const SetupBodySchema = z.strictObject({
  email: AccountEmailSchema,
  name: AccountNameSchema,
  password: PasswordSchema,
  /** The one-time set-up code the server printed in its log when it started. */
  code: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
export type SetupBody = z.input<typeof SetupBodySchema>;

/** POST /api/session/password: change one's own password (other sessions end). */
export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: PasswordSchema,
});
export type ChangePasswordBody = z.input<typeof ChangePasswordBodySchema>;

/** PATCH /api/session: the signed-in user's own settings. */
export const SessionPatchSchema = z.strictObject({
  /** The language Octograph speaks to this user, on every device they sign in on. */
  language: LanguageSchema,
});
export type SessionPatch = z.input<typeof SessionPatchSchema>;

/** POST /api/users: an admin invites someone; they choose their password from the link. */
export const InviteBodySchema = z.strictObject({
  email: AccountEmailSchema,
  name: AccountNameSchema,
  role: RoleSchema,
  personId: IdSchema.nullable().optional(),
});
export type InviteBody = z.input<typeof InviteBodySchema>;

/** The answer to an invitation: the user and the one-time link to send them. */
export const InvitationSchema = z.object({
  user: UserSchema,
  /** The token to put in the invitation link (`/?invite=TOKEN`); shown once, stored hashed. */
  token: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** PATCH /api/users/:id: an admin changes someone's name, role, person or access. */
export const UserPatchSchema = z.strictObject({
  name: AccountNameSchema.optional(),
  role: RoleSchema.optional(),
  personId: IdSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserPatch = z.input<typeof UserPatchSchema>;

/** GET /api/invitations/:token: whom an invitation is for (to greet them). */
export const InvitationInfoSchema = z.object({ email: z.string(), name: z.string() });
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;

/** POST /api/invitations/:token: accept an invitation by choosing a password. */
export const AcceptInvitationBodySchema = z.strictObject({ password: PasswordSchema });
export type AcceptInvitationBody = z.input<typeof AcceptInvitationBodySchema>;

/** `{token}` of an invitation link. */
export const InvitationParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not an invitation token'),
});

/** `{id}` of a user. */
export const UserParamsSchema = z.object({ id: IdSchema });

/** GET /api/users. */
export const UserListSchema = z.object({ items: z.array(UserSchema) });
