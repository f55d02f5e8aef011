import {
  LayoutJobSchema,
  SavePositionsBodySchema,
  SavePositionsResponseSchema,
} from '@octograph/graph-schema';
import { writerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LayoutJob } from '../services/layout-job.js';
import { errorResponses } from './responses.js';

/**
 * PUT /api/positions (nodes moved by hand) and /api/layout (re-arrange the whole map in a
 * worker thread, and follow its progress).
 */
const layoutRoutes: FastifyPluginAsyncZod = async (app) => {
  const job = new LayoutJob(app.store, app.log);
  app.addHook('onClose', async () => {
    await job.close();
  });

  app.put(
    '/positions',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Save where some nodes are on the map (all or none)',
        description:
          'Positions are in layout units, as GET /api/map gives them. An unknown node id is a 404 naming it, and then nothing is saved.',
        tags: ['layout'],
        body: SavePositionsBodySchema,
        response: { 200: SavePositionsResponseSchema, ...errorResponses(400, 404, 413) },
      },
    },
    async (request) => {
      await app.store.savePositions(request.body.positions, writerOf(request));
      return { saved: request.body.positions.length, revision: await app.store.revision() };
    },
  );

  app.post(
    '/layout',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Re-arrange the whole map (runs in the background)',
        description:
          'Lays every node out again with ForceAtlas2, off the request thread, and saves all positions in one write when done. Follow it with GET /api/layout. 409 while one is running.',
        tags: ['layout'],
        response: { 202: LayoutJobSchema, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      return reply.status(202).send(job.start(writerOf(request)));
    },
  );

  app.get(
    '/layout',
    {
      config: { access: 'read' },
      schema: {
        summary: 'How the latest re-arrange of the map stands',
        tags: ['layout'],
        response: { 200: LayoutJobSchema },
      },
    },
    async () => Promise.resolve(job.current()),
  );
  await Promise.resolve();
};

export default layoutRoutes;
