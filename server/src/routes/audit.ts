/**
 * /api/audit: the log of every write to the graph (issue 8). Admins list and undo all of it,
 * with filters; an editor lists and undoes their own changes. An undo is a new audited write
 * that restores the before values, refused (409) with the reason when later changes depend on it.
 */
import {
  AuditEntrySchema,
  AuditPageSchema,
  AuditParamsSchema,
  AuditQuerySchema,
  roleAtLeast,
} from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntryNotFoundError, ForbiddenError } from '../errors.js';
import { writerOf } from '../plugins/auth.js';
import { errorResponses } from './responses.js';

const tags = ['audit'];

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'The audit log, newest first: who changed what, when, before and after',
        description:
          'Filters: `user` (a user id), `node` (entries that changed this node, its links or its position), `from`/`to` (dates, inclusive). Admins see every entry; an editor sees their own (`user` is then always themself).',
        tags,
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { audience, user } = request.viewer;
      const query = { ...request.query };
      if (!roleAtLeast(audience, 'admin')) {
        if (query.user !== undefined && query.user !== user?.id) {
          throw new ForbiddenError("only admins may list other users' changes");
        }
        query.user = user?.id ?? '';
      }
      const page = await app.store.listAudit(query);
      const actorIds = new Set(page.items.flatMap((entry) => (entry.actor ? [entry.actor] : [])));
      const actors: Record<string, { name: string; email: string }> = {};
      for (const id of actorIds) {
        const actor = await app.store.getUser(id);
        if (actor) actors[id] = { name: actor.name, email: actor.email };
      }
      return { ...page, actors };
    },
  );

  app.get(
    '/audit/:id',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'One audit entry with all its changes',
        tags,
        params: AuditParamsSchema,
        response: { 200: AuditEntrySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const entry = await app.store.getAuditEntry(request.params.id);
      const { audience, user } = request.viewer;
      if (!entry || (!roleAtLeast(audience, 'admin') && entry.actor !== user?.id)) {
        throw new AuditEntryNotFoundError(request.params.id);
      }
      return entry;
    },
  );

  app.post(
    '/audit/:id/undo',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Undo a change: a new audited write restoring its before values',
        description:
          'Admins undo any change, editors their own (another’s is 404 to them). Refused (409) with the reason when the change was undone already or when something it changed has changed again since.',
        tags,
        params: AuditParamsSchema,
        response: { 201: AuditEntrySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { audience, user } = request.viewer;
      if (!roleAtLeast(audience, 'admin')) {
        // An editor undoes their own changes (the ones History lists for them); admins any.
        const entry = await app.store.getAuditEntry(request.params.id);
        if (!entry || entry.actor !== user?.id) {
          throw new AuditEntryNotFoundError(request.params.id);
        }
      }
      return reply.status(201).send(await app.store.undo(request.params.id, writerOf(request)));
    },
  );
  await Promise.resolve();
};

export default auditRoutes;
