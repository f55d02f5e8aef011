import { BatchBodySchema, BatchResponseSchema } from '@octograph/graph-schema';
import { writerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './responses.js';

/** POST /api/batch: several writes applied together or not at all. */
const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/batch',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Apply writes in order, all or nothing',
        description: 'Later writes may refer to nodes created earlier in the same batch.',
        tags: ['batch'],
        body: BatchBodySchema,
        response: { 200: BatchResponseSchema, ...errorResponses(400, 404, 409, 413) },
      },
    },
    async (request) => app.store.applyBatch(request.body.ops, writerOf(request)),
  );
  await Promise.resolve();
};

export default batchRoutes;
