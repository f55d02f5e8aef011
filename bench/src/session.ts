/**
 * Signing in, as a coordinator's browser does: POST /api/session with the admin's e-mail and
 * password (the server creates that admin on start from OCTOGRAPH_ADMIN_EMAIL and
 * OCTOGRAPH_ADMIN_PASSWORD), then the session cookie on every request and the CSRF token on
 * every write. The bench measures what a signed-in user experiences, session lookup included.
 */
import { randomBytes } from 'node:crypto';
import { SessionInfoSchema } from '@octograph/graph-schema';

/** The server's session cookie (server/src/plugins/auth.ts). */
const SESSION_COOKIE = 'octograph_session';

/** An e-mail and password to sign in with. */
export interface Credentials {
  email: string;
  password: string;
}

/** A signed-in session: what to send with reads, and with writes. */
export interface Session {
  /** `cookie` only, as a browser sends with a GET. */
  readHeaders: Record<string, string>;
  /** The cookie and `x-csrf-token`, as the client sends with a POST. */
  writeHeaders: Record<string, string>;
}

/** A new admin for one run: a fixed e-mail and a random password (at least 10 characters). */
export function benchAdmin(): Credentials {
  return { email: 'bench-admin@octograph.test', password: randomBytes(16).toString('hex') };
}

/** The server's environment for that admin to exist on start, with no sign-in limit in the way. */
export function adminEnv(admin: Credentials): Record<string, string> {
  return {
    OCTOGRAPH_ADMIN_EMAIL: admin.email,
    OCTOGRAPH_ADMIN_PASSWORD: admin.password,
    // Every browser load signs in in a fresh context; the default of 10 a minute would refuse some.
    SIGN_IN_LIMIT_PER_MINUTE: '1000000',
    // Reads must need the session, so a request that lost it fails instead of passing as a visitor.
    PUBLIC_READ: 'false',
  };
}

/** Signs in at `baseUrl`; throws unless the server answers 200 with a session cookie and token. */
export async function signIn(baseUrl: string, admin: Credentials): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST /api/session: HTTP ${response.status} ${text.slice(0, 200)}`);
  }
  // "octograph_session=<token>; Path=/; HttpOnly; …": the part before the first ';' goes back.
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';', 1)[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (cookie === undefined) throw new Error(`POST /api/session set no ${SESSION_COOKIE} cookie`);
  const { csrfToken } = SessionInfoSchema.parse(JSON.parse(text));
  if (csrfToken === null) throw new Error('POST /api/session answered without a CSRF token');
  return { readHeaders: { cookie }, writeHeaders: { cookie, 'x-csrf-token': csrfToken } };
}
