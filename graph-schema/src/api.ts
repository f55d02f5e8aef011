/**
 * Request and response bodies of the HTTP API. Routes, the client and the tests all use these.
 */
import { z } from 'zod';
import { DateSchema, IdSchema } from './common.js';
import { CoordinateSchema } from './layout.js';
import {
  FOCUS_WALKS,
  LinkKindSchema,
  NodeKindSchema,
  NodeStatusSchema,
  OrganisationKindSchema,
} from './kinds.js';
import { CreateLinkBodySchema, LinkSchema, UpdateLinkBodySchema } from './links.js';
import { CreateNodeBodySchema, GraphNodeSchema, UpdateNodeBodySchema } from './nodes.js';

/** Accepts `a,b`, a repeated query key, or nothing, and yields a de-duplicated list. */
function listParam<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((value: unknown) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) =>
      typeof part === 'string'
        ? part
            .split(',')
            .map((piece) => piece.trim())
            .filter(Boolean)
        : [part],
    );
    return parts.length === 0 ? undefined : [...new Set(parts)];
  }, z.array(item).max(100, 'must list at most 100 values').optional());
}

/**
 * A whole number from a query string: digits only, so `0x10`, `1e2` or ` 7` are refused rather
 * than read as numbers; an empty value (`?limit=`) means the same as leaving it out.
 */
export function wholeNumberParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value: unknown) => {
    if (value === '') return undefined;
    return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  }, schema);
}

/**
 * A coordinate from a query string, as JavaScript writes a number (`-120.5`, `312.84765625`,
 * `1e-7`), so `0x10`, ` 7` or `Infinity` are refused rather than read as numbers, and `1e999`
 * fails the bounds; an empty value means the same as leaving it out.
 */
function coordinateParam() {
  return z.preprocess((value: unknown) => {
    if (value === '') return undefined;
    return typeof value === 'string' && /^-?\d{1,16}(\.\d{1,30})?(e[-+]?\d{1,3})?$/.test(value)
      ? Number(value)
      : value;
  }, CoordinateSchema.optional());
}

/**
 * POST /api/nodes: where to put the new node on the map, both or neither. With them its saved
 * position is exactly (x, y); without them the server places it (next to its neighbours, or on
 * the ring of unconnected nodes).
 */
export const CreateNodeQuerySchema = z
  .object({ x: coordinateParam(), y: coordinateParam() })
  .superRefine((query, ctx) => {
    if ((query.x === undefined) !== (query.y === undefined)) {
      const missing = query.x === undefined ? 'x' : 'y';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `is required with ${missing === 'x' ? 'y' : 'x'} (give both or neither)`,
      });
    }
  });
export type CreateNodeQuery = z.infer<typeof CreateNodeQuerySchema>;

/** The answer to DELETE /api/nodes/:id. */
export const DeleteNodeResponseSchema = z.object({
  id: IdSchema,
  /** The links removed with the node. */
  deletedLinkIds: z.array(IdSchema),
  /** The audit entry of this delete: POST /api/audit/:auditId/undo brings it all back. */
  auditId: z.int(),
});
export type DeleteNodeResponse = z.infer<typeof DeleteNodeResponseSchema>;

/** The answer to DELETE /api/links/:id. */
export const DeleteLinkResponseSchema = z.object({
  id: IdSchema,
  /** The audit entry of this delete: POST /api/audit/:auditId/undo brings the link back. */
  auditId: z.int(),
});
export type DeleteLinkResponse = z.infer<typeof DeleteLinkResponseSchema>;

/** `:id` in a path. */
export const IdParamsSchema = z.object({ id: IdSchema });
export type IdParams = z.infer<typeof IdParamsSchema>;

/** Filters shared by the node list (directory) and the map, so both count the same things. */
export const NodeFilterSchema = z.object({
  /** Node kinds to keep. */
  kind: listParam(NodeKindSchema),
  /** Organisation kinds to keep (only organisations pass). */
  orgKind: listParam(OrganisationKindSchema),
  /** Theme ids: keep nodes that focus on any of them (FOCUSES_ON). */
  theme: listParam(IdSchema),
  /** Place ids: keep nodes based in any of them (BASED_IN). */
  place: listParam(IdSchema),
  /** Statuses to keep (only organisations and projects have one). */
  status: listParam(NodeStatusSchema),
  /** Text to find in names and descriptions (case and accents ignored). */
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  /** Show the network as it was on this date. */
  asOf: DateSchema.optional(),
});
export type NodeFilter = z.infer<typeof NodeFilterSchema>;

/** GET /api/nodes: filters plus cursor pagination. Results are sorted by name. */
export const ListNodesQuerySchema = NodeFilterSchema.extend({
  limit: wholeNumberParam(
    z
      .int('must be a whole number')
      .min(1, 'must be between 1 and 500')
      .max(500, 'must be between 1 and 500')
      .default(50),
  ),
  /** `nextCursor` from the previous page. */
  cursor: z.string().max(500).optional(),
});
export type ListNodesQuery = z.infer<typeof ListNodesQuerySchema>;

/** One page of nodes. */
export const NodePageSchema = z.object({
  items: z.array(GraphNodeSchema),
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many nodes match the filters in all. */
  total: z.int(),
});
export type NodePage = z.infer<typeof NodePageSchema>;

/** GET /api/search: what was typed, the most to return, and the kinds of node to look among. */
export const SearchQuerySchema = z.object({
  /** What was typed: words, each matched as the start of a word, allowing a typo. */
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  kind: listParam(NodeKindSchema),
  limit: wholeNumberParam(
    z
      .int('must be a whole number')
      .min(1, 'must be between 1 and 50')
      .max(50, 'must be between 1 and 50')
      .default(8),
  ),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** The best matches, best first, and how many match in all. */
export const SearchResultsSchema = z.object({
  items: z.array(GraphNodeSchema),
  total: z.int(),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;

/** Neighbourhood depth: 1 to 3 steps. */
export const DepthSchema = z
  .int('must be 1, 2 or 3')
  .min(1, 'must be 1, 2 or 3')
  .max(3, 'must be 1, 2 or 3');

/** GET /api/nodes/:id/neighbourhood. */
export const NeighbourhoodQuerySchema = z.object({
  depth: wholeNumberParam(DepthSchema.default(1)),
});

/** A node and what lies within N steps of it. */
export const SubgraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  links: z.array(LinkSchema),
});
export type Subgraph = z.infer<typeof SubgraphSchema>;

/** GET /api/map: node filters, link kinds, and an optional focus with depth. */
export const MapQuerySchema = NodeFilterSchema.extend({
  /** Link kinds to keep. */
  linkKind: listParam(LinkKindSchema),
  /** Show only what lies within `depth` steps of this node. */
  focus: IdSchema.optional(),
  /** Steps out from `focus` (1 when left out); only with `focus`. */
  depth: wholeNumberParam(DepthSchema.optional()),
  /**
   * Which links a focus steps along: `work` (collaboration, membership, partnership, staff,
   * funding) or `all` (also meetings, themes and places; the default, as before).
   */
  walk: z.enum(FOCUS_WALKS).optional(),
}).superRefine((query, ctx) => {
  if (query.depth !== undefined && query.focus === undefined) {
    ctx.addIssue({ code: 'custom', path: ['depth'], message: 'needs a focus node (focus=…)' });
  }
  if (query.walk !== undefined && query.focus === undefined) {
    ctx.addIssue({ code: 'custom', path: ['walk'], message: 'needs a focus node (focus=…)' });
  }
});
export type MapQuery = z.infer<typeof MapQuerySchema>;

/** A node as the map draws it. */
export const MapNodeSchema = z.object({
  id: IdSchema,
  kind: NodeKindSchema,
  name: z.string(),
  orgKind: OrganisationKindSchema.nullable(),
  status: NodeStatusSchema.nullable(),
  /** When it appears on the timeline (see lifetimeOf). */
  from: DateSchema.nullable(),
  until: DateSchema.nullable(),
  /** Number of links it has on this map. */
  degree: z.int(),
  /** Saved layout position, or a position near its neighbours for a new node. */
  x: z.number(),
  y: z.number(),
});
export type MapNode = z.infer<typeof MapNodeSchema>;

/** A link as the map draws it. */
export const MapLinkSchema = z.object({
  id: IdSchema,
  kind: LinkKindSchema,
  source: IdSchema,
  target: IdSchema,
  since: DateSchema,
  until: DateSchema.nullable(),
  strength: z.int(),
  /** The meeting where the link formed, if any. */
  meetingId: IdSchema.nullable(),
});
export type MapLink = z.infer<typeof MapLinkSchema>;

/** The response of GET /api/map. */
export const MapResponseSchema = z.object({
  /** The store revision this map was read at. */
  revision: z.int(),
  nodes: z.array(MapNodeSchema),
  links: z.array(MapLinkSchema),
});
export type MapResponse = z.infer<typeof MapResponseSchema>;

/** A saved layout position. */
export const PositionSchema = z.object({
  id: IdSchema,
  x: z.number(),
  y: z.number(),
});
export type Position = z.infer<typeof PositionSchema>;

/** The kinds of write a batch may hold. */
export const BATCH_OPS = [
  'createNode',
  'updateNode',
  'deleteNode',
  'createLink',
  'updateLink',
  'deleteLink',
] as const;
export type BatchOpName = (typeof BATCH_OPS)[number];

/** One write in a batch. Later writes may refer to nodes created earlier in the same batch. */
export const BatchOpSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('createNode'), node: CreateNodeBodySchema }),
  z.strictObject({ op: z.literal('updateNode'), id: IdSchema, patch: UpdateNodeBodySchema }),
  z.strictObject({ op: z.literal('deleteNode'), id: IdSchema }),
  z.strictObject({ op: z.literal('createLink'), link: CreateLinkBodySchema }),
  z.strictObject({ op: z.literal('updateLink'), id: IdSchema, patch: UpdateLinkBodySchema }),
  z.strictObject({ op: z.literal('deleteLink'), id: IdSchema }),
]);
export type BatchOp = z.infer<typeof BatchOpSchema>;

/** POST /api/batch: writes applied all together or not at all. */
export const BatchBodySchema = z.strictObject({
  ops: z
    .array(BatchOpSchema)
    .min(1, 'must hold at least one write')
    .max(5000, 'must hold at most 5000 writes'),
});
export type BatchBody = z.infer<typeof BatchBodySchema>;

/** What each write of a batch did, in order. */
export const BatchResponseSchema = z.object({
  revision: z.int(),
  results: z.array(z.object({ op: z.enum(BATCH_OPS), id: IdSchema })),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** GET /api/health. */
export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.object({
    kind: z.enum(['embedded', 'neo4j']),
    reachable: z.boolean(),
  }),
  revision: z.int().nullable(),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** A batch write before defaults are applied (for typed callers such as the seed). */
export type BatchOpInput = z.input<typeof BatchOpSchema>;
