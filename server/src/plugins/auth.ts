/**
 * Who is asking, and may they (issue 8). Every /api route declares its access in its options —
 * `config: { access: 'open' | 'read' | 'signedIn' | 'edit' | 'admin' }` — and the app refuses to
 * start if one does not, so no route is ever left unguarded by mistake. Before a route runs (and
 * before its body is read) this plugin:
 *
 * 1. finds the session from the HttpOnly cookie and sets `request.viewer`;
 * 2. checks the route's access: 'open' for anyone; 'read' for signed-in users, and for visitors
 *    who are not signed in when PUBLIC_READ=true, or while no admin exists and the visit comes
 *    from this machine (so a fresh install opens onto the demo map); 'signedIn' for any user;
 *    'edit' for editors and admins; 'admin' for admins — 401 when not signed in, 403 otherwise;
 * 3. checks CSRF on writes a cookie authenticates: POST, PUT, PATCH and DELETE must carry the
 *    session's token in `x-csrf-token` (the page reads it from GET /api/session; another site
 *    cannot). The cookie is SameSite=Lax as well, and JSON bodies cannot be sent by a plain form.
 */
import fastifyCookie from '@fastify/cookie';
import type { Audience } from '@octograph/graph-schema';
import { roleAtLeast } from '@octograph/graph-schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CsrfError, ForbiddenError, UnauthenticatedError } from '../errors.js';
import { AccountService, type NewSession } from '../services/accounts.js';
import { sameToken } from '../services/passwords.js';
import type { Reader } from '../services/privacy.js';
import type { StoredSession, StoredUser, WriteContext } from '../store/graph-store.js';

/** Who may call a route. */
export type Access = 'open' | 'read' | 'signedIn' | 'edit' | 'admin';

/** The caller of a request. */
export interface Viewer {
  audience: Audience;
  user: StoredUser | null;
  session: StoredSession | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (plugins/auth.ts); required on every /api route. */
    access?: Access;
  }
  interface FastifyRequest {
    viewer: Viewer;
  }
  interface FastifyInstance {
    accounts: AccountService;
    /** Whether visitors who are not signed in may read the public map. */
    publicRead: boolean;
    /** TRUST_PROXY: requests arrive through a reverse proxy, so none is a local visit. */
    behindProxy: boolean;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'octograph_session';

/** Host names that mean this machine (Fastify's request.hostname, without the port). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const ANONYMOUS: Viewer = { audience: 'anonymous', user: null, session: null };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Options of the auth plugin. */
export interface AuthOptions {
  publicRead: boolean;
  sessionDays: number;
  /** Behind a proxy every request may come from anywhere: none is a local visit. */
  trustProxy: boolean;
}

/**
 * Headers any proxy, CDN or tunnel adds: one of them means the visit came through one, whatever
 * the socket's address. (A proxy that adds none, as nginx's plain `proxy_pass` does, is why the
 * set-up also needs the code from the log: services/setup-code.ts.)
 */
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'forwarded',
  'x-real-ip',
  'via',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'cf-connecting-ip',
  'true-client-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
];

/**
 * Whether a request comes from this machine and not through a proxy: only such a visit may
 * create the first admin, or read before one exists.
 */
export function isLocalVisit(request: FastifyRequest): boolean {
  if (request.server.behindProxy) return false;
  // A page on another site that got its name pointed at 127.0.0.1 (DNS rebinding) still says
  // its own name in Host: only the names of this machine count.
  if (!LOCAL_HOSTS.has(request.hostname)) return false;
  const address = request.socket.remoteAddress ?? '';
  const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  const proxied = FORWARDING_HEADERS.some((header) => request.headers[header] !== undefined);
  return local && !proxied;
}

/** What decides which contact details this request's caller sees (services/privacy.ts). */
export async function readerOf(app: FastifyInstance, request: FastifyRequest): Promise<Reader> {
  const { audience, user } = request.viewer;
  const personId = user?.personId ?? null;
  // Editors see everything and others without a person have no fellow attendees to look up.
  const needsMeetings = personId !== null && audience === 'viewer';
  return {
    audience,
    personId,
    coAttendees: needsMeetings ? await app.egoView.coAttendees(personId) : new Set(),
  };
}

/** Who writes, for the store: the signed-in user's id. */
export function writerOf(request: FastifyRequest): WriteContext {
  return { actor: request.viewer.user?.id ?? null };
}

/** Sets the session cookie (Secure when the visit is https). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: NewSession,
): void {
  void reply.setCookie(SESSION_COOKIE, opened.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(opened.session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Whether anonymous visitors may read: PUBLIC_READ, or a local visit before any admin exists. */
export async function anonymousMayRead(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<boolean> {
  if (app.publicRead) return true;
  return isLocalVisit(request) && !(await app.store.hasAdmin());
}

async function checkAccess(
  app: FastifyInstance,
  request: FastifyRequest,
  access: Access,
): Promise<void> {
  const { audience } = request.viewer;
  switch (access) {
    case 'open':
      return;
    case 'read':
      if (audience === 'anonymous' && !(await anonymousMayRead(app, request))) {
        throw new UnauthenticatedError('sign in to see the map');
      }
      return;
    case 'signedIn':
      if (audience === 'anonymous') throw new UnauthenticatedError();
      return;
    case 'edit':
      if (audience === 'anonymous')
        throw new UnauthenticatedError('sign in as an editor to change the map');
      if (!roleAtLeast(audience, 'editor')) {
        throw new ForbiddenError('only editors and admins may change the map');
      }
      return;
    case 'admin':
      if (audience === 'anonymous') throw new UnauthenticatedError('sign in as an admin');
      if (!roleAtLeast(audience, 'admin')) throw new ForbiddenError('only admins may do this');
      return;
  }
}

async function auth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  await app.register(fastifyCookie);
  app.decorate('accounts', new AccountService(app.store, options.sessionDays));
  app.decorate('publicRead', options.publicRead);
  app.decorate('behindProxy', options.trustProxy);
  // Set for every request by the hook below, before any route runs.
  const viewers = new WeakMap<FastifyRequest, Viewer>();
  app.decorateRequest('viewer', {
    getter(this: FastifyRequest) {
      return viewers.get(this) ?? ANONYMOUS;
    },
    setter(this: FastifyRequest, viewer: Viewer) {
      viewers.set(this, viewer);
    },
  });

  app.addHook('onRoute', (route) => {
    if (
      route.url.startsWith('/api/') &&
      route.config?.access === undefined &&
      route.method !== 'HEAD'
    ) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (plugins/auth.ts)`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    // Only API routes declare access; the client's files and pages need no session.
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && token !== '') {
      const found = await app.accounts.session(token);
      if (found) {
        request.viewer = { audience: found.user.role, user: found.user, session: found.session };
      }
    }
    await checkAccess(app, request, access);
    const { session } = request.viewer;
    if (session !== null && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new CsrfError();
    }
  });
}

/** Registers cookies, sessions, access checks and CSRF checks; needs the store plugin. */
export default fp(auth, { name: 'auth', fastify: '5.x', dependencies: ['store'] });
