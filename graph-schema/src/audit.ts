/**
 * The audit log (issue 8): every write to the graph records who, when, what, and the before and
 * after values of everything it changed, in the same store transaction as the write. Admins list
 * it; an editor can undo an entry, which is a new audited write restoring the before values.
 */
import { z } from 'zod';
import { wholeNumberParam } from './api.js';
import { DateSchema, IdSchema } from './common.js';
import { UserSchema } from './accounts.js';
import { LinkSchema } from './links.js';
import { GraphNodeSchema } from './nodes.js';

/** What an entry did, in the words of the store's write methods. */
export const AUDIT_ACTIONS = [
  'createNode',
  'updateNode',
  'deleteNode',
  'createLink',
  'updateLink',
  'deleteLink',
  'batch',
  'savePositions',
  'dismissIntroduction',
  'undoDismissal',
  'restore',
  'undo',
  'createUser',
  'updateUser',
  'backUp',
  'downloadBackup',
] as const;

/** Actions on accounts, not the graph: they raise no revision and are never undone. */
export const ACCOUNT_ACTIONS: readonly AuditAction[] = ['createUser', 'updateUser'];
/**
 * An admin's "Back up now" and download of a backup (issue 22): recorded with no changes, the
 * backup's revision as the entry's, never undone.
 */
export const BACKUP_ACTIONS: readonly AuditAction[] = ['backUp', 'downloadBackup'];
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

const PointSchema = z.object({ x: z.number(), y: z.number() });
const DismissalStateSchema = z.object({
  a: z.string(),
  b: z.string(),
  dismissedAt: z.string(),
  dismissedBy: z.string().nullable(),
});

/**
 * One thing a write changed: a node, a link, a saved position or a dismissed introduction, as it
 * was before (null: it did not exist) and after (null: it was removed). `id` is the node or link
 * id, the node id for a position, and "a|b" for a dismissal.
 */
export const AuditChangeSchema = z.discriminatedUnion('entity', [
  z.object({
    entity: z.literal('node'),
    id: z.string(),
    before: GraphNodeSchema.nullable(),
    after: GraphNodeSchema.nullable(),
  }),
  z.object({
    entity: z.literal('link'),
    id: z.string(),
    before: LinkSchema.nullable(),
    after: LinkSchema.nullable(),
  }),
  z.object({
    entity: z.literal('position'),
    id: z.string(),
    before: PointSchema.nullable(),
    after: PointSchema.nullable(),
  }),
  z.object({
    entity: z.literal('dismissal'),
    id: z.string(),
    before: DismissalStateSchema.nullable(),
    after: DismissalStateSchema.nullable(),
  }),
  z.object({
    entity: z.literal('user'),
    /** The user's id. */
    id: z.string(),
    before: UserSchema.nullable(),
    after: UserSchema.nullable(),
    /** Whether the password changed (never the password or its hash). */
    passwordChanged: z.boolean(),
  }),
]);
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** The actor of the demo network's seeding (also its links' `createdBy`). */
export const SEED_ACTOR = 'seed';

/** How many changes of each entry a page of the log carries. */
export const AUDIT_PAGE_CHANGES = 20;

/** One audited write. */
export const AuditEntrySchema = z.object({
  /** Increases with every entry. */
  id: z.int(),
  /** The store revision this write produced (for an account change: the revision it saw). */
  revision: z.int(),
  /** When (ISO date-time). */
  at: z.string(),
  /** The user id of who wrote; SEED_ACTOR for the demo seed; null for the command line. */
  actor: z.string().nullable(),
  action: AuditActionSchema,
  /**
   * What the write changed, in the order it changed it. A page of the log carries the first
   * AUDIT_PAGE_CHANGES of each entry; GET /api/audit/:id carries them all.
   */
  changes: z.array(AuditChangeSchema),
  /** How many changes the entry has in all. */
  changeCount: z.int(),
  /** For an undo: the entry it undid. */
  undoes: z.int().nullable(),
  /** The later entry that undid this one, if any. */
  undoneBy: z.int().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** GET /api/audit: filters (all optional) and paging, newest first. */
export const AuditQuerySchema = z.strictObject({
  /** Only entries written by this user id. */
  user: z.string().min(1).max(100, 'must be at most 100 characters').optional(),
  /** Only entries that changed this node (or a link or position of it). */
  node: IdSchema.optional(),
  /** Only entries on or after this date (YYYY-MM-DD). */
  from: DateSchema.optional(),
  /** Only entries on or before this date (YYYY-MM-DD). */
  to: DateSchema.optional(),
  limit: wholeNumberParam(
    z
      .int('must be a whole number')
      .min(1, 'must be between 1 and 200')
      .max(200, 'must be between 1 and 200')
      .default(50),
  ),
  /** The `nextCursor` of the previous page: entries older than this id. */
  before: wholeNumberParam(z.int('must be a whole number').min(1, 'must be at least 1').optional()),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** A page of the audit log, with the names of the users it mentions. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: z.int().nullable(),
  /** Display names of the actors on this page, by user id. */
  actors: z.record(z.string(), z.object({ name: z.string(), email: z.string() })),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** `{id}` of an audit entry. */
export const AuditParamsSchema = z.object({
  id: wholeNumberParam(z.int('must be a whole number').min(1, 'must be at least 1')),
});
