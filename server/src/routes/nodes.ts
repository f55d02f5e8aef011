import {
  CreateNodeBodySchema,
  CreateNodeQuerySchema,
  DeleteNodeResponseSchema,
  GraphNodeSchema,
  IdParamsSchema,
  ListNodesQuerySchema,
  NeighbourhoodQuerySchema,
  NodePageSchema,
  SearchQuerySchema,
  SearchResultsSchema,
  SubgraphSchema,
  UpdateNodeBodySchema,
} from '@octograph/graph-schema';
import { readerOf, writerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../errors.js';
import { visibleNode } from '../services/privacy.js';
import { JSON_CONTENT_TYPE } from '../json.js';
import { errorResponses } from './responses.js';

/** /api/nodes: the directory (list, search, filter, page) and node CRUD. */
const nodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/nodes',
    {
      config: { access: 'read' },
      schema: {
        summary: 'List nodes by name, with filters, text search and cursor pagination',
        tags: ['nodes'],
        querystring: ListNodesQuerySchema,
        response: { 200: NodePageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await app.store.listNodes(request.query);
      const reader = await readerOf(app, request);
      return { ...page, items: page.items.map((node) => visibleNode(node, reader)) };
    },
  );

  app.get(
    '/search',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Nodes by relevance to what was typed (the search box and the pickers)',
        description:
          'Every word must start a word of the node (its name counts most; then its description, role, tags, venue, notes) or be within a typo of one; accents and case are ignored.',
        tags: ['nodes'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResultsSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, limit, kind } = request.query;
      const found = await app.nodeSearch.search(q, limit, kind);
      const reader = await readerOf(app, request);
      return { ...found, items: found.items.map((node) => visibleNode(node, reader)) };
    },
  );

  app.post(
    '/nodes',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Create a node (at x, y on the map when given; else the server places it)',
        tags: ['nodes'],
        querystring: CreateNodeQuerySchema,
        body: CreateNodeBodySchema,
        response: { 201: GraphNodeSchema, ...errorResponses(400, 409, 413) },
      },
    },
    async (request, reply) => {
      const { x, y } = request.query;
      const position = x !== undefined && y !== undefined ? { x, y } : undefined;
      const node = await app.store.createNode(request.body, writerOf(request), { position });
      return reply.status(201).send(node);
    },
  );

  app.get(
    '/nodes/:id',
    {
      config: { access: 'read' },
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
      return visibleNode(node, await readerOf(app, request));
    },
  );

  app.patch(
    '/nodes/:id',
    {
      config: { access: 'edit' },
      schema: {
        summary:
          "Change some of a node's fields (kind names its kind, which cannot change); 409 " +
          'EDIT_CONFLICT with the current node when expectedVersion is not its updatedAt',
        tags: ['nodes'],
        params: IdParamsSchema,
        body: UpdateNodeBodySchema,
        response: { 200: GraphNodeSchema, ...errorResponses(400, 404, 409, 413) },
      },
    },
    async (request) => app.store.updateNode(request.params.id, request.body, writerOf(request)),
  );

  app.delete(
    '/nodes/:id',
    {
      config: { access: 'edit' },
      schema: {
        summary:
          'Delete a node and every link that touches it; auditId names the entry that undoes it',
        tags: ['nodes'],
        params: IdParamsSchema,
        response: { 200: DeleteNodeResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      id: request.params.id,
      ...(await app.store.deleteNode(request.params.id, writerOf(request))),
    }),
  );

  app.get(
    '/nodes/:id/neighbourhood',
    {
      config: { access: 'read' },
      schema: {
        summary: 'A node and everything within 1 to 3 steps of it',
        tags: ['nodes'],
        params: IdParamsSchema,
        querystring: NeighbourhoodQuerySchema,
        response: { 200: SubgraphSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const subgraph = await app.egoView.subgraph(
        request.params.id,
        request.query.depth,
        await readerOf(app, request),
      );
      return reply.type(JSON_CONTENT_TYPE).send(subgraph);
    },
  );
  await Promise.resolve();
};

export default nodeRoutes;
