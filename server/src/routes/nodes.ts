import {
  CreateNodeBodySchema,
  GraphNodeSchema,
  IdParamsSchema,
  IdSchema,
  ListNodesQuerySchema,
  NeighbourhoodQuerySchema,
  NodePageSchema,
  SubgraphSchema,
  UpdateNodeBodySchema,
} from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { publicNode } from '../services/visibility.js';
import { JSON_CONTENT_TYPE } from '../json.js';
import { errorResponses } from './responses.js';

const DeleteNodeResponseSchema = z.object({
  id: IdSchema,
  /** The links removed with the node. */
  deletedLinkIds: z.array(IdSchema),
});

/** /api/nodes: the directory (list, search, filter, page) and node CRUD. */
const nodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/nodes',
    {
      schema: {
        summary: 'List nodes by name, with filters, text search and cursor pagination',
        tags: ['nodes'],
        querystring: ListNodesQuerySchema,
        response: { 200: NodePageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await app.store.listNodes(request.query);
      return { ...page, items: page.items.map(publicNode) };
    },
  );

  app.post(
    '/nodes',
    {
      schema: {
        summary: 'Create a node',
        tags: ['nodes'],
        body: CreateNodeBodySchema,
        response: { 201: GraphNodeSchema, ...errorResponses(400, 409, 413) },
      },
    },
    async (request, reply) => reply.status(201).send(await app.store.createNode(request.body)),
  );

  app.get(
    '/nodes/:id',
    {
      schema: {
        summary: 'One node',
        tags: ['nodes'],
        params: IdParamsSchema,
        response: { 200: GraphNodeSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const node = await app.store.getNode(request.params.id);
      if (!node) throw new NotFoundError('node', request.params.id);
      return publicNode(node);
    },
  );

  app.patch(
    '/nodes/:id',
    {
      schema: {
        summary: "Change some of a node's fields (kind names its kind, which cannot change)",
        tags: ['nodes'],
        params: IdParamsSchema,
        body: UpdateNodeBodySchema,
        response: { 200: GraphNodeSchema, ...errorResponses(400, 404, 413) },
      },
    },
    async (request) => app.store.updateNode(request.params.id, request.body),
  );

  app.delete(
    '/nodes/:id',
    {
      schema: {
        summary: 'Delete a node and every link that touches it',
        tags: ['nodes'],
        params: IdParamsSchema,
        response: { 200: DeleteNodeResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      id: request.params.id,
      ...(await app.store.deleteNode(request.params.id)),
    }),
  );

  app.get(
    '/nodes/:id/neighbourhood',
    {
      schema: {
        summary: 'A node and everything within 1 to 3 steps of it',
        tags: ['nodes'],
        params: IdParamsSchema,
        querystring: NeighbourhoodQuerySchema,
        response: { 200: SubgraphSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const subgraph = await app.egoView.subgraph(request.params.id, request.query.depth);
      return reply.type(JSON_CONTENT_TYPE).send(subgraph);
    },
  );
  await Promise.resolve();
};

export default nodeRoutes;
