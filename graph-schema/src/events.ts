/**
 * The change stream (GET /api/events, Server-Sent Events): one `change` event per write the store
 * committed, in revision order, saying what changed by id and kind only (never a field's value),
 * so each open map, directory, insights panel and meeting screen refetches what it shows.
 */
import { z } from 'zod';
import { AuditActionSchema } from './audit.js';

/** The data of a `change` event; its SSE `id:` is `revision`. */
export const ChangeEventSchema = z.object({
  /** The store revision the write produced. */
  revision: z.int(),
  action: AuditActionSchema,
  /** Ids of the nodes it created, changed or deleted. */
  nodes: z.array(z.string()),
  /** Ids of the links it created, changed or deleted. */
  links: z.array(z.string()),
  /** Ids of the nodes whose saved position it changed. */
  positions: z.array(z.string()),
  /**
   * False when the write changed more than the event lists (a large import): refetch everything.
   */
  complete: z.boolean(),
  /** Who made it, for signed-in readers; null for visitors and for the command line or seed. */
  by: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/**
 * The data of a `presence` event, sent to signed-in readers whenever someone opens or closes the
 * map: who (signed in) has it open on this app server, each once.
 */
export const PresenceEventSchema = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PresenceEvent = z.infer<typeof PresenceEventSchema>;

/** The SSE event names of the stream. */
export const STREAM_EVENTS = {
  /** A committed write (ChangeEventSchema). */
  change: 'change',
  /** The browser is too far behind to catch up event by event: refetch everything. */
  reload: 'reload',
  /** The session ended (signed out, disabled, expired): the stream closes. */
  signedOut: 'signedOut',
  /** Who has the map open (PresenceEventSchema); signed-in readers only. */
  presence: 'presence',
} as const;
