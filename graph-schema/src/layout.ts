/**
 * Bodies of the layout API: saving node positions (a node dragged on the map) and the
 * re-arrange job that lays the whole map out again on the server.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/** At most this many positions in one save (a dragged selection, never a whole map). */
export const MAX_POSITIONS_PER_SAVE = 5000;

/**
 * Map coordinates are layout units (see the server's layout service), a few thousand at most on
 * the biggest maps; the bound keeps absurd values out without limiting anyone.
 */
export const MAX_COORDINATE = 1_000_000;

/**
 * A map coordinate. zod's number already refuses NaN and ±Infinity (JSON can carry 1e999, which
 * parses to Infinity).
 */
export const CoordinateSchema = z
  .number({ error: 'must be a number' })
  .min(-MAX_COORDINATE, `must be between -${MAX_COORDINATE} and ${MAX_COORDINATE}`)
  .max(MAX_COORDINATE, `must be between -${MAX_COORDINATE} and ${MAX_COORDINATE}`);

/** One node's new spot on the map. */
export const NodePositionSchema = z.strictObject({
  /** The node's id. */
  id: IdSchema,
  x: CoordinateSchema,
  y: CoordinateSchema,
});
export type NodePosition = z.infer<typeof NodePositionSchema>;

/** PUT /api/positions: new spots for some nodes, saved all together or not at all. */
export const SavePositionsBodySchema = z.strictObject({
  positions: z
    .array(NodePositionSchema)
    .min(1, 'must hold at least one position')
    .max(MAX_POSITIONS_PER_SAVE, `must hold at most ${MAX_POSITIONS_PER_SAVE} positions`)
    .superRefine((positions, context) => {
      const seen = new Set<string>();
      positions.forEach((position, index) => {
        if (seen.has(position.id)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `repeats '${position.id}': give each node one position`,
          });
        }
        seen.add(position.id);
      });
    }),
});
export type SavePositionsBody = z.infer<typeof SavePositionsBodySchema>;

/** The answer to PUT /api/positions. */
export const SavePositionsResponseSchema = z.object({
  /** How many positions were saved. */
  saved: z.int(),
  /** The store revision after the save. */
  revision: z.int(),
});
export type SavePositionsResponse = z.infer<typeof SavePositionsResponseSchema>;

/** Where a re-arrange stands: none yet, under way, finished and saved, or failed. */
export const LAYOUT_JOB_STATES = ['idle', 'running', 'done', 'failed'] as const;
export type LayoutJobState = (typeof LAYOUT_JOB_STATES)[number];

/** GET /api/layout (and the answer to POST /api/layout): the latest re-arrange of the map. */
export const LayoutJobSchema = z.object({
  state: z.enum(LAYOUT_JOB_STATES),
  /** Share of the work done, 0 to 1 (1 once done). */
  progress: z.number().min(0).max(1),
  /** How many nodes it lays out; null before the network is read. */
  nodes: z.int().nullable(),
  /** When it started; null while idle. */
  startedAt: TimestampSchema.nullable(),
  /** When it finished or failed; null while idle or running. */
  finishedAt: TimestampSchema.nullable(),
  /** Why it failed, in words; null otherwise. */
  error: z.string().nullable(),
});
export type LayoutJob = z.infer<typeof LayoutJobSchema>;
