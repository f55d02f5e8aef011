/**
 * GET /api/insights and one route per finding: what the network's shape says, in plain words,
 * cached per store revision (insights/insights-view.ts).
 */
import {
  AcceptIntroductionBodySchema,
  BridgesPageSchema,
  BrokersPageSchema,
  CommunitiesPageSchema,
  DismissedIntroductionSchema,
  DismissedIntroductionsPageSchema,
  InsightPageQuerySchema,
  InsightsSummarySchema,
  IntroductionsPageSchema,
  IntroductionsQuerySchema,
  IntroductionPairSchema,
  IslandsPageSchema,
  LinkSchema,
  NotConnectedPageSchema,
  roleAtLeast,
  SiloedThemesPageSchema,
} from '@octograph/graph-schema';
import { writerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../insights/insights-view.js';
import { errorResponses } from './responses.js';

const tags = ['insights'];
const paging =
  '`limit` (1 to 500, default 50) and `offset` (default 0) page through the items; `total` counts them all.';

const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const view = app.insightsView;

  app.get(
    '/insights',
    {
      config: { access: 'read' },
      schema: {
        summary: 'How many items each insight finding has',
        description:
          'Computed on the first request after a write and kept until the next one. `brokersApproximate` says whether betweenness was estimated from a sample (large networks).',
        tags,
        response: { 200: InsightsSummarySchema, ...errorResponses(400) },
      },
    },
    async () => view.summary(),
  );

  app.get(
    '/insights/notConnected',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Organisations and projects with no collaboration, partnership or membership link',
        description: paging,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: NotConnectedPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return pageOf(insights.revision, insights.notConnected, request.query);
    },
  );

  app.get(
    '/insights/islands',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Groups linked to each other but cut off from the main network',
        description: paging,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: IslandsPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return pageOf(insights.revision, insights.islands, request.query);
    },
  );

  app.get(
    '/insights/bridges',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Organisations and links whose removal would cut part of the network off',
        description: `Articulation points (\`type: organisation\`) and bridges (\`type: link\`), the ones cutting most off first. ${paging}`,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: BridgesPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return pageOf(insights.revision, insights.bridges, request.query);
    },
  );

  app.get(
    '/insights/brokers',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Organisations most often on the shortest paths between others',
        description: `Ranked by betweenness centrality; \`approximate\` is true when it was estimated from \`sampleSize\` sources. ${paging}`,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: BrokersPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return {
        ...pageOf(insights.revision, insights.brokers, request.query),
        approximate: insights.brokersApproximate,
        sampleSize: insights.brokersSampleSize,
      };
    },
  );

  app.get(
    '/insights/siloedThemes',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Themes many organisations work on with few links among them',
        description: paging,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: SiloedThemesPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return pageOf(insights.revision, insights.siloedThemes, request.query);
    },
  );

  app.get(
    '/insights/introductions',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Organisations not yet linked that might want to meet, with the reasons',
        description: `The best pairs of the whole network, or with \`for\` every suggestion for that organisation (404 for an unknown id, 400 for a node that is not an organisation). ${paging}`,
        tags,
        querystring: IntroductionsQuerySchema,
        response: { 200: IntroductionsPageSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { for: id, ...query } = request.query;
      if (id === undefined) {
        const insights = await view.current();
        return { ...pageOf(insights.revision, insights.introductions, query), for: null };
      }
      const { revision, items } = await view.introductionsFor(id);
      return { ...pageOf(revision, items, query), for: id };
    },
  );

  app.post(
    '/insights/introductions/accept',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Accept a suggested introduction: link the two organisations',
        description:
          'Creates a COLLABORATES_WITH link from `a` to `b`, since today, with the optional `notes`. 404 for an unknown id, 400 when either is not an organisation, 409 when they already collaborate.',
        tags,
        body: AcceptIntroductionBodySchema,
        response: { 201: LinkSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await view.accept(request.body, writerOf(request))),
  );

  app.post(
    '/insights/introductions/dismissals',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Dismiss a suggested introduction: never suggest the pair again',
        description:
          'Either order. 201 with the dismissal, or 200 with the existing one when the pair was already dismissed. 404 for an unknown id, 400 when either is not an organisation.',
        tags,
        body: IntroductionPairSchema,
        response: {
          200: DismissedIntroductionSchema,
          201: DismissedIntroductionSchema,
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { dismissal, created } = await app.store.dismissIntroduction(
        request.body.a,
        request.body.b,
        writerOf(request),
      );
      return reply.status(created ? 201 : 200).send(await view.named(dismissal));
    },
  );

  app.get(
    '/insights/introductions/dismissals',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Dismissed introductions, newest first',
        description: paging,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: DismissedIntroductionsPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await view.dismissed(request.query);
      if (roleAtLeast(request.viewer.audience, 'editor')) return page;
      // Which user dismissed a suggestion is for editors (privacy.ts).
      return { ...page, items: page.items.map((item) => ({ ...item, dismissedBy: null })) };
    },
  );

  app.delete(
    '/insights/introductions/dismissals/:a/:b',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Undo a dismissal: the pair may be suggested again',
        description: 'Either order. 404 when the pair has not been dismissed.',
        tags,
        params: IntroductionPairSchema,
        response: { 204: z.null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await app.store.undoDismissal(request.params.a, request.params.b, writerOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/insights/communities',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Louvain communities of the collaboration network',
        description: `Largest first; \`modularity\` says how clearly the network divides. ${paging}`,
        tags,
        querystring: InsightPageQuerySchema,
        response: { 200: CommunitiesPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const insights = await view.current();
      return {
        ...pageOf(insights.revision, insights.communities, request.query),
        modularity: insights.modularity,
      };
    },
  );
  await Promise.resolve();
};

export default insightsRoutes;
