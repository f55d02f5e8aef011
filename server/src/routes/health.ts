import { HealthResponseSchema } from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { APP_VERSION } from '../version.js';

/** GET /api/health: whether the server and its store answer. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'open' },
      schema: {
        summary: 'Whether the server and its store answer',
        tags: ['health'],
        response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
      },
    },
    async (_request, reply) => {
      const reachable = await app.store.ping().catch(() => false);
      const revision = reachable ? await app.store.revision() : null;
      return reply.status(reachable ? 200 : 503).send({
        status: reachable ? 'ok' : 'degraded',
        store: { kind: app.store.kind, reachable },
        revision,
        version: APP_VERSION,
      });
    },
  );
  await Promise.resolve();
};

export default healthRoutes;
