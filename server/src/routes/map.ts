import { MapQuerySchema, MapResponseSchema, type MapResponse } from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './responses.js';

/** GET /api/map: the nodes and links the map draws, filtered, focused and as of a date. */
const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/map',
    {
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
      // The body is already the serialised JSON of a MapResponse built from typed data (see
      // MapView.build); a string with a JSON content type is sent as it is, so the megabytes of
      // a large map are not serialised again on every request.
      const body = map.body as unknown as MapResponse;
      return reply
        .type('application/json; charset=utf-8')
        .header('x-revision', map.revision)
        .send(body);
    },
  );
  await Promise.resolve();
};

export default mapRoutes;
