/** /api/users: admins invite people and manage their accounts (issue 8). */
import {
  InvitationSchema,
  InviteBodySchema,
  UserListSchema,
  UserParamsSchema,
  UserPatchSchema,
  UserSchema,
} from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writerOf } from '../plugins/auth.js';
import { publicUser } from '../store/audit-rules.js';
import { errorResponses } from './responses.js';

const tags = ['accounts'];

const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Every user, by e-mail',
        tags,
        response: { 200: UserListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: (await app.store.listUsers()).map(publicUser) }),
  );

  app.post(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Invite someone: a new user and a one-time link to choose their password',
        tags,
        body: InviteBodySchema,
        response: { 201: InvitationSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await app.accounts.invite(
            { ...request.body, personId: request.body.personId ?? null },
            writerOf(request),
          ),
        ),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        summary: "Change a user's name, role, person on the map, or disable them",
        description:
          'Disabling a user ends their sessions at once. A change that would leave no enabled admin is refused (409).',
        tags,
        params: UserParamsSchema,
        body: UserPatchSchema,
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => app.accounts.update(request.params.id, request.body, writerOf(request)),
  );

  app.post(
    '/users/:id/invitation',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'A new invitation link for a user (also how an admin resets a password)',
        tags,
        params: UserParamsSchema,
        response: { 200: InvitationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => app.accounts.reinvite(request.params.id, writerOf(request)),
  );
  await Promise.resolve();
};

export default userRoutes;
