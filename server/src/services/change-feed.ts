/**
 * What the change stream (routes/events.ts) sends: the writes the store committed, read back from
 * the store itself, so a write through any app server on the same database reaches the browsers
 * of every other one. One poller per process, whatever the number of open streams: while anyone
 * listens, it asks the store for its revision every POLL_MS and, when it moved, reads the audit
 * entries of the new revisions once and hands them to every listener.
 */
import type { AuditEntry, ChangeEvent } from '@octograph/graph-schema';
import type { GraphStore } from '../store/graph-store.js';

/** How often the store's revision is read while streams are open. */
export const POLL_MS = 250;
/** A browser further behind than this many revisions is told to reload rather than catch up. */
export const MAX_CATCH_UP = 500;
/** Audit entries read per page while catching up. */
const PAGE = 200;

/** What a listener receives: the changes in revision order, or "reload everything". */
export type FeedMessage =
  { type: 'change'; event: ChangeEvent } | { type: 'reload'; revision: number };

export type FeedListener = (message: FeedMessage) => void;

/** Account names by user id, as the events name who made a change (a few hundred at most). */
const names = new Map<string, string>();
const NAMES_KEPT = 1000;

/** The name of the user behind an entry; null for the command line, the seed or a user gone. */
async function actorOf(store: GraphStore, actor: string | null): Promise<ChangeEvent['by']> {
  if (actor === null) return null;
  let name = names.get(actor);
  if (name === undefined) {
    const user = await store.getUser(actor).catch(() => null);
    if (!user) return null;
    name = user.name;
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(actor, name);
  }
  return { id: actor, name };
}

/** An audit entry as an event: the ids it touched, by kind, and who made it. */
export function toChangeEvent(entry: AuditEntry, by: ChangeEvent['by'] = null): ChangeEvent {
  const ids = (entity: AuditEntry['changes'][number]['entity']) => [
    ...new Set(entry.changes.filter((change) => change.entity === entity).map((c) => c.id)),
  ];
  return {
    revision: entry.revision,
    action: entry.action,
    nodes: ids('node'),
    links: ids('link'),
    positions: ids('position'),
    complete: entry.changes.length >= entry.changeCount,
    by,
  };
}

/**
 * The graph writes after revision `after` up to `upTo`, oldest first; null when there are more
 * than MAX_CATCH_UP of them. Entries that changed no revision (account changes, backups) are
 * left out.
 */
export async function changesBetween(
  store: GraphStore,
  after: number,
  upTo: number,
): Promise<ChangeEvent[] | null> {
  if (upTo - after > MAX_CATCH_UP) return null;
  const events: ChangeEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await store.listAudit({
      limit: PAGE,
      ...(before === undefined ? {} : { before }),
    });
    let older = false;
    for (const entry of page.items) {
      if (entry.revision <= after) {
        older = true;
        break;
      }
      if (entry.revision <= upTo)
        events.push(toChangeEvent(entry, await actorOf(store, entry.actor)));
    }
    if (older || page.nextCursor === null) break;
    before = page.nextCursor;
  }
  // Newest first from the log; one event per revision, oldest first on the stream.
  const byRevision = new Map(events.map((event) => [event.revision, event]));
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/** The process's one poller of the store, shared by every open stream. */
export class ChangeFeed {
  private readonly listeners = new Set<FeedListener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: number | null = null;
  private polling = false;

  constructor(private readonly store: GraphStore) {}

  /** How many streams listen now. */
  get size(): number {
    return this.listeners.size;
  }

  /** The store's revision now: where a new stream starts. */
  revision(): Promise<number> {
    return this.store.revision();
  }

  /**
   * Listens to every write after revision `seen` (which the caller has had, or caught up to);
   * returns the function that stops listening.
   */
  subscribe(listener: FeedListener, seen: number): () => void {
    this.last = this.last === null ? seen : Math.min(this.last, seen);
    this.listeners.add(listener);
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Stops polling (the app is closing). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.last = null;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.listeners.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll().finally(() => {
        this.schedule();
      });
    }, POLL_MS);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const now = await this.store.revision();
      const last = this.last ?? now;
      if (now <= last) return;
      const events = await changesBetween(this.store, last, now);
      const messages: FeedMessage[] =
        events === null
          ? [{ type: 'reload', revision: now }]
          : events.map((event) => ({ type: 'change', event }));
      // Only once they are out: a store that fails half-way is asked again from `last`.
      this.last = now;
      for (const listener of this.listeners) {
        for (const message of messages) listener(message);
      }
    } catch {
      // The store did not answer (a Neo4j restarting): try again at the next tick, from the
      // revision last seen, so nothing is skipped.
    } finally {
      this.polling = false;
    }
  }
}
