/**
 * /api/session, /api/setup and /api/invitations: signing in and out, the first admin, changing
 * one's password, and accepting an invitation (issue 8). Sign-in and set-up have their own tight
 * rate limit per address (SIGN_IN_LIMIT_PER_MINUTE), kept even when the global limit is off.
 */
import {
  AcceptInvitationBodySchema,
  ChangePasswordBodySchema,
  InvitationInfoSchema,
  InvitationParamsSchema,
  SessionInfoSchema,
  SessionPatchSchema,
  SetupBodySchema,
  SignInBodySchema,
  type SessionInfo,
} from '@octograph/graph-schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ForbiddenError } from '../errors.js';
import {
  anonymousMayRead,
  clearSessionCookie,
  isLocalVisit,
  setSessionCookie,
  SESSION_COOKIE,
  type Viewer,
} from '../plugins/auth.js';
import type { NewSession } from '../services/accounts.js';
import { publicUser } from '../store/audit-rules.js';
import { errorResponses } from './responses.js';

const tags = ['accounts'];

/** What GET /api/session says about a caller. */
async function sessionInfo(
  app: FastifyInstance,
  request: FastifyRequest,
  viewer: Viewer,
): Promise<SessionInfo> {
  const setupAvailable = isLocalVisit(request) && !(await app.store.hasAdmin());
  return {
    user: viewer.user ? publicUser(viewer.user) : null,
    audience: viewer.audience,
    csrfToken: viewer.session?.csrfToken ?? null,
    publicRead: viewer.user === null ? await anonymousMayRead(app, request) : true,
    setupAvailable,
  };
}

/** Sets the cookie of a new session and answers with the session. */
async function signedIn(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  opened: NewSession,
): Promise<SessionInfo> {
  setSessionCookie(request, reply, opened);
  return sessionInfo(app, request, {
    audience: opened.user.role,
    user: opened.user,
    session: opened.session,
  });
}

const accountRoutes: FastifyPluginAsyncZod<{ signInLimitPerMinute: number }> = async (
  app,
  options,
) => {
  const tightLimit = { max: options.signInLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/session',
    {
      config: { access: 'open' },
      schema: {
        summary: 'Who is signed in, the CSRF token for writes, and what sign-in offers',
        tags,
        response: { 200: SessionInfoSchema },
      },
    },
    async (request) => sessionInfo(app, request, request.viewer),
  );

  app.post(
    '/session',
    {
      config: { access: 'open', rateLimit: tightLimit },
      schema: {
        summary: 'Sign in with e-mail and password (sets an HttpOnly session cookie)',
        tags,
        body: SignInBodySchema,
        response: { 200: SessionInfoSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const opened = await app.accounts.signIn(request.body.email, request.body.password);
      return signedIn(app, request, reply, opened);
    },
  );

  app.delete(
    '/session',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Sign out',
        tags,
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined) await app.accounts.signOut(token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/session',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Change your own settings: the language Octograph speaks to you',
        tags,
        body: SessionPatchSchema,
        response: { 200: SessionInfoSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { user, session } = request.viewer;
      if (!user || !session) throw new ForbiddenError('sign in first');
      const updated = await app.accounts.setLanguage(user, request.body.language);
      return sessionInfo(app, request, { ...request.viewer, user: updated });
    },
  );

  app.post(
    '/session/password',
    {
      config: { access: 'signedIn', rateLimit: tightLimit },
      schema: {
        summary: 'Change your password (your other sessions end)',
        tags,
        body: ChangePasswordBodySchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = request.viewer;
      if (!user || !session) throw new ForbiddenError('sign in first');
      await app.accounts.changePassword(
        user,
        session,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/setup',
    {
      config: { access: 'open', rateLimit: tightLimit },
      schema: {
        summary: 'Create the first admin: only from this machine, only while no admin exists',
        description:
          '`code` is the one-time set-up code the server printed in its log when it started (403 when it is wrong).',
        tags,
        body: SetupBodySchema,
        response: { 201: SessionInfoSchema, ...errorResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      if (!isLocalVisit(request)) {
        throw new ForbiddenError(
          'the first admin can only be created from the machine Octograph runs on (or with npm run create-admin)',
        );
      }
      const { email, name, password, code } = request.body;
      const opened = await app.accounts.setUp(email, name, password, code);
      return reply.status(201).send(await signedIn(app, request, reply, opened));
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: 'open', rateLimit: tightLimit },
      schema: {
        summary: 'Whom an invitation link is for',
        tags,
        params: InvitationParamsSchema,
        response: { 200: InvitationInfoSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const user = await app.accounts.invited(request.params.token);
      return { email: user.email, name: user.name };
    },
  );

  app.post(
    '/invitations/:token',
    {
      config: { access: 'open', rateLimit: tightLimit },
      schema: {
        summary: 'Accept an invitation by choosing a password (signs in)',
        tags,
        params: InvitationParamsSchema,
        body: AcceptInvitationBodySchema,
        response: { 200: SessionInfoSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const opened = await app.accounts.acceptInvitation(
        request.params.token,
        request.body.password,
      );
      return signedIn(app, request, reply, opened);
    },
  );
  await Promise.resolve();
};

export default accountRoutes;
