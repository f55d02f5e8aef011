import {
  CreateLinkBodySchema,
  DeleteLinkResponseSchema,
  IdParamsSchema,
  LinkSchema,
  UpdateLinkBodySchema,
} from '@octograph/graph-schema';
import { readerOf, writerOf } from '../plugins/auth.js';
import { visibleLink } from '../services/privacy.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../errors.js';
import { errorResponses } from './responses.js';

/** /api/links: link CRUD. A link's kind and ends are fixed once it exists. */
const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/links',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Create a link (since defaults to today, strength to 2)',
        tags: ['links'],
        body: CreateLinkBodySchema,
        response: { 201: LinkSchema, ...errorResponses(400, 404, 409, 413) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await app.store.createLink(request.body, writerOf(request))),
  );

  app.get(
    '/links/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'One link',
        description:
          'For callers who are not editors, `consent` (an attendee’s decision and who recorded it) and `createdBy` are null.',
        tags: ['links'],
        params: IdParamsSchema,
        response: { 200: LinkSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const link = await app.store.getLink(request.params.id);
      if (!link) throw new NotFoundError('link', request.params.id);
      return visibleLink(link, await readerOf(app, request));
    },
  );

  app.patch(
    '/links/:id',
    {
      config: { access: 'edit' },
      schema: {
        summary:
          "Change some of a link's fields; 409 EDIT_CONFLICT with the current link when " +
          'expectedVersion is not its updatedAt',
        tags: ['links'],
        params: IdParamsSchema,
        body: UpdateLinkBodySchema,
        response: { 200: LinkSchema, ...errorResponses(400, 404, 409, 413) },
      },
    },
    async (request) => app.store.updateLink(request.params.id, request.body, writerOf(request)),
  );

  app.delete(
    '/links/:id',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Delete a link; auditId names the entry that undoes it',
        tags: ['links'],
        params: IdParamsSchema,
        response: { 200: DeleteLinkResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      id: request.params.id,
      ...(await app.store.deleteLink(request.params.id, writerOf(request))),
    }),
  );
  await Promise.resolve();
};

export default linkRoutes;
