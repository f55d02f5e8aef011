import { MapQuerySchema, MapResponseSchema } from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JSON_CONTENT_TYPE } from '../json.js';
import { errorResponses } from './responses.js';

/** GET /api/map: the nodes and links the map draws, filtered, focused and as of a date. */
const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/map',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Nodes and links for the map, with positions',
        description:
          'Filters combine with AND; a list filter keeps any of its values. `focus` keeps what lies within `depth` steps of that node. `asOf` shows the network as it was on that date.',
        tags: ['map'],
        querystring: MapQuerySchema,
        response: { 200: MapResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const map = await app.mapView.json(request.query);
      return reply.type(JSON_CONTENT_TYPE).header('x-revision', map.revision).send(map.body);
    },
  );
  await Promise.resolve();
};

export default mapRoutes;
