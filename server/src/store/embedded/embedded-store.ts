/**
 * The embedded GraphStore: one SQLite file (better-sqlite3) under DATA_DIR. WAL mode with
 * synchronous=FULL, so a write that returned survives a crash of the process or the machine;
 * foreign keys on, so deleting a node deletes its links and positions. Every write runs in one
 * IMMEDIATE transaction that also raises the revision.
 *
 * Each row keeps the whole validated node or link as JSON (`doc`, the wire format) next to the
 * columns that queries filter on; write-rules.ts derives those columns, so they never disagree.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AUDIT_PAGE_CHANGES,
  isWalkThrough,
  orgKindOf,
  type AuditAction,
  type AuditChange,
  type AuditEntry,
  type BatchOp,
  type BatchOpInput,
  type CreateLinkInput,
  type CreateNodeInput,
  type GraphNode,
  type Link,
  type NodeFilter,
  type NodeKind,
  type NodePage,
  type Position,
  type Subgraph,
  type UpdateLinkBody,
  type UpdateNodeBody,
} from '@octograph/graph-schema';
import {
  AppError,
  AuditEntryNotFoundError,
  ConflictError,
  NotDismissedError,
  NotFoundError,
  StoreBusyError,
  UndoRefusedError,
} from '../../errors.js';
import {
  auditTargets,
  checkUnchangedSince,
  dismissalId,
  lastValues,
  nodeHasLaterLinks,
  undoChanges,
} from '../audit-rules.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { focusOn } from '../graph-walk.js';
import type {
  AuditFilter,
  AuditLogPage,
  BatchResult,
  CreateNodeOptions,
  DeleteLinkResult,
  DeleteNodeResult,
  DismissResult,
  Dismissal,
  GraphStore,
  MapFilter,
  MapSubgraph,
  NetworkContent,
  NodeQuery,
  RestoreOptions,
  Snapshot,
  StoredSession,
  StoredUser,
  UpdateUserOptions,
  UserChange,
  WriteContext,
} from '../graph-store.js';
import { EmbeddedAccounts } from './accounts.js';
import { EmbeddedBackups } from './backups.js';
import { searchKey } from '../search-key.js';
import {
  checkExpectedRevision,
  checkIntroductionPair,
  checkLinkEnds,
  isDirected,
  linkWithoutMeeting,
  newDismissal,
  newLink,
  locateError,
  newNode,
  nodeIndexFields,
  orderedPair,
  parseBatchOps,
  patchedLink,
  patchedNode,
  storedLink,
  storedNode,
} from '../write-rules.js';
import { migrate } from './migrations.js';

/** Filter parameters as SQL sees them: JSON arrays for lists, null for "no filter". */
interface FilterParams {
  kinds: string | null;
  orgKinds: string | null;
  statuses: string | null;
  themes: string | null;
  places: string | null;
  text: string | null;
  asOf: string | null;
}

// The node filter of the directory and the map. Every value is a bound parameter; a list filter
// is a JSON array read with json_each, and null switches that filter off.
const NODE_FILTER = `
  (@kinds IS NULL OR n.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@orgKinds IS NULL OR n.org_kind IN (SELECT value FROM json_each(@orgKinds)))
  AND (@statuses IS NULL OR n.status IN (SELECT value FROM json_each(@statuses)))
  AND (@themes IS NULL OR EXISTS (
    SELECT 1 FROM links t WHERE t.source_id = n.id AND t.kind = 'FOCUSES_ON'
      AND t.target_id IN (SELECT value FROM json_each(@themes))))
  AND (@places IS NULL OR EXISTS (
    SELECT 1 FROM links p WHERE p.source_id = n.id AND p.kind = 'BASED_IN'
      AND p.target_id IN (SELECT value FROM json_each(@places))))
  AND (@text IS NULL OR instr(n.search_text, @text) > 0)
  AND (@asOf IS NULL OR ((n.live_from IS NULL OR n.live_from <= @asOf)
    AND (n.live_until IS NULL OR n.live_until > @asOf)))`;

const SQL = {
  revision: `SELECT value FROM counters WHERE name = 'revision'`,
  bumpRevision: `UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value`,
  nodeById: `SELECT doc FROM nodes WHERE id = ?`,
  insertNode: `INSERT INTO nodes (id, kind, sort_key, org_kind, status, live_from, live_until, search_text, doc)
    VALUES (@id, @kind, @sortKey, @orgKind, @status, @liveFrom, @liveUntil, @searchText, @doc)`,
  updateNode: `UPDATE nodes SET sort_key = @sortKey, org_kind = @orgKind, status = @status,
    live_from = @liveFrom, live_until = @liveUntil, search_text = @searchText, doc = @doc WHERE id = @id`,
  deleteNode: `DELETE FROM nodes WHERE id = ?`,
  linksOfNode: `SELECT doc FROM links WHERE source_id = @id OR target_id = @id`,
  listNodes: `SELECT n.doc, n.sort_key AS sortKey, n.id FROM nodes n WHERE ${NODE_FILTER}
    AND (@afterKey IS NULL OR n.sort_key > @afterKey OR (n.sort_key = @afterKey AND n.id > @afterId))
    ORDER BY n.sort_key, n.id LIMIT @limit`,
  countNodes: `SELECT count(*) AS total FROM nodes n WHERE ${NODE_FILTER}`,
  mapNodes: `SELECT n.doc, p.x, p.y FROM nodes n LEFT JOIN positions p ON p.node_id = n.id WHERE ${NODE_FILTER}`,
  mapLinks: `SELECT doc FROM links
    WHERE (@linkKinds IS NULL OR kind IN (SELECT value FROM json_each(@linkKinds)))
      AND (@asOf IS NULL OR (since <= @asOf AND (until IS NULL OR until > @asOf)))`,
  positionOf: `SELECT x, y FROM positions WHERE node_id = ?`,
  linkById: `SELECT doc FROM links WHERE id = ?`,
  sameLink: `SELECT id FROM links WHERE kind = @kind
    AND ((source_id = @source AND target_id = @target)
      OR (@undirected = 1 AND source_id = @target AND target_id = @source)) LIMIT 1`,
  insertLink: `INSERT INTO links (id, kind, source_id, target_id, meeting_id, since, until, doc)
    VALUES (@id, @kind, @source, @target, @meetingId, @since, @until, @doc)`,
  updateLink: `UPDATE links SET meeting_id = @meetingId, since = @since, until = @until, doc = @doc
    WHERE id = @id`,
  deleteLink: `DELETE FROM links WHERE id = ?`,
  neighboursOf: `SELECT l.target_id AS id, n.kind FROM links l JOIN nodes n ON n.id = l.target_id
      WHERE l.source_id IN (SELECT value FROM json_each(@ids))
    UNION ALL
    SELECT l.source_id AS id, n.kind FROM links l JOIN nodes n ON n.id = l.source_id
      WHERE l.target_id IN (SELECT value FROM json_each(@ids))`,
  nodesByIds: `SELECT doc FROM nodes WHERE id IN (SELECT value FROM json_each(?))`,
  // Every link has at least one end a walk goes through (themes and places never link to each
  // other), so links among the reached nodes are looked up from those ends only: a popular
  // theme's thousands of links are never scanned. The id lists are materialised once and the
  // two halves are disjoint, so no sort is needed to merge them.
  linksWithin: `WITH reached(id) AS MATERIALIZED (SELECT value FROM json_each(@reached)),
      walked(id) AS MATERIALIZED (SELECT value FROM json_each(@walked))
    SELECT l.doc FROM walked w JOIN links l ON l.source_id = w.id
      WHERE l.target_id IN reached
    UNION ALL
    SELECT l.doc FROM walked w JOIN links l ON l.target_id = w.id
      WHERE l.source_id IN reached AND l.source_id NOT IN walked`,
  linksAmong: `WITH among(id) AS MATERIALIZED (SELECT DISTINCT value FROM json_each(?))
    SELECT l.doc FROM among a JOIN links l ON l.source_id = a.id WHERE l.target_id IN among
    ORDER BY l.id`,
  upsertPosition: `INSERT INTO positions (node_id, x, y) VALUES (@id, @x, @y)
    ON CONFLICT (node_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
  nodeExists: `SELECT 1 AS found FROM nodes WHERE id = ?`,
  allNodes: `SELECT doc FROM nodes ORDER BY sort_key, id`,
  allLinks: `SELECT doc FROM links ORDER BY id`,
  allPositions: `SELECT node_id AS id, x, y FROM positions ORDER BY node_id`,
  unplacedCount: `SELECT COUNT(*) AS count FROM nodes
    WHERE NOT EXISTS (SELECT 1 FROM positions WHERE positions.node_id = nodes.id)`,
  dismissal: `SELECT a_id AS a, b_id AS b, dismissed_at AS dismissedAt, dismissed_by AS dismissedBy
    FROM dismissals WHERE a_id = ? AND b_id = ?`,
  insertDismissal: `INSERT INTO dismissals (a_id, b_id, dismissed_at, dismissed_by)
    VALUES (@a, @b, @dismissedAt, @dismissedBy)`,
  deleteDismissal: `DELETE FROM dismissals WHERE a_id = ? AND b_id = ?`,
  allDismissals: `SELECT a_id AS a, b_id AS b, dismissed_at AS dismissedAt, dismissed_by AS dismissedBy
    FROM dismissals ORDER BY dismissed_at DESC, a_id, b_id`,
  ping: `SELECT 1 AS ok`,
  dismissalsOf: `SELECT a_id AS a, b_id AS b, dismissed_at AS dismissedAt, dismissed_by AS dismissedBy
    FROM dismissals WHERE a_id = @id OR b_id = @id`,
  linksOfMeeting: `SELECT doc FROM links WHERE meeting_id = ?`,
  deletePosition: `DELETE FROM positions WHERE node_id = ?`,
  insertAudit: `INSERT INTO audit_entries (revision, at, actor, action, changes, undoes)
    VALUES (@revision, @at, @actor, @action, @changes, @undoes) RETURNING id`,
  insertAuditTarget: `INSERT OR IGNORE INTO audit_targets (entry_id, target_id) VALUES (?, ?)`,
  markUndone: `UPDATE audit_entries SET undone_by = ? WHERE id = ?`,
  auditById: `SELECT * FROM audit_entries WHERE id = ?`,
  listAudit: `SELECT * FROM audit_entries e
    WHERE (@actor IS NULL OR e.actor = @actor)
      AND (@node IS NULL OR EXISTS (
        SELECT 1 FROM audit_targets t WHERE t.target_id = @node AND t.entry_id = e.id))
      AND (@from IS NULL OR e.at >= @from)
      AND (@to IS NULL OR e.at < @to)
      AND (@before IS NULL OR e.id < @before)
    ORDER BY e.id DESC LIMIT @limit`,
  laterEntry: `SELECT min(entry_id) AS id FROM audit_targets WHERE target_id = ? AND entry_id > ?`,
  deleteAllLinks: `DELETE FROM links`,
  deleteAllNodes: `DELETE FROM nodes`,
} as const;

interface DocRow {
  doc: string;
}

interface AuditRow {
  id: number;
  revision: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  changes: string;
  undoes: number | null;
  undone_by: number | null;
}

/** An audit row as the API shows it; `keep` caps the changes (a page of the log). */
function auditEntryOf(row: AuditRow, keep = Number.POSITIVE_INFINITY): AuditEntry {
  const changes = JSON.parse(row.changes) as AuditChange[];
  return {
    id: row.id,
    revision: row.revision,
    at: row.at,
    actor: row.actor,
    action: row.action,
    changes: changes.length > keep ? changes.slice(0, keep) : changes,
    changeCount: changes.length,
    undoes: row.undoes,
    undoneBy: row.undone_by,
  };
}

/** The day after a YYYY-MM-DD date, for an inclusive "to" filter over timestamps. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

// Rows hold only what write-rules.ts validated, so reading them back needs no second check.
function nodeOf(row: DocRow): GraphNode {
  return JSON.parse(row.doc) as GraphNode;
}
function linkOf(row: DocRow): Link {
  return JSON.parse(row.doc) as Link;
}

function listOrNull(values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? JSON.stringify(values) : null;
}

function filterParams(filter: NodeFilter): FilterParams {
  const text = filter.q ? searchKey(filter.q) : '';
  return {
    kinds: listOrNull(filter.kind),
    orgKinds: listOrNull(filter.orgKind),
    statuses: listOrNull(filter.status),
    themes: listOrNull(filter.theme),
    places: listOrNull(filter.place),
    text: text === '' ? null : text,
    asOf: filter.asOf ?? null,
  };
}

function nodeRow(node: GraphNode): Record<string, string | null> {
  return { id: node.id, kind: node.kind, ...nodeIndexFields(node), doc: JSON.stringify(node) };
}

function linkRow(link: Link): Record<string, string | null> {
  return {
    id: link.id,
    kind: link.kind,
    source: link.source,
    target: link.target,
    meetingId: link.meetingId,
    since: link.since,
    until: link.until,
    doc: JSON.stringify(link),
  };
}

/**
 * The app's error for what SQLite reported: another writer that stored the same id first is a
 * conflict; a database locked by another process for longer than the busy timeout is "busy".
 */
function storeError(error: unknown): Error {
  if (error instanceof Database.SqliteError) {
    if (
      error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      error.code === 'SQLITE_CONSTRAINT_UNIQUE'
    ) {
      return new ConflictError('another write stored the same id or link first; try again');
    }
    if (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED')) {
      return new StoreBusyError();
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * How long a write waits for another connection's write lock before it is answered 503 BUSY.
 * better-sqlite3 waits synchronously, holding up the event loop, so it is kept short.
 */
const LOCK_WAIT_MS = 1000;

/** The GraphStore over one SQLite file. Open it with `EmbeddedGraphStore.open(file)`. */
export class EmbeddedGraphStore implements GraphStore {
  readonly kind = 'embedded';
  /** Online copies of this database (issue 22). */
  readonly backups: EmbeddedBackups;
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };
  private readonly accounts: EmbeddedAccounts;
  private closed = false;
  /** What the write in progress has changed so far, for its audit entry (null between writes). */
  private changes: AuditChange[] | null = null;

  private constructor(
    private readonly db: Database.Database,
    /** The database file, for a worker thread that opens a connection of its own (imports). */
    readonly file: string,
  ) {
    const entries = Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)] as const);
    this.statements = Object.fromEntries(entries) as {
      [K in keyof typeof SQL]: Database.Statement;
    };
    this.backups = new EmbeddedBackups(db);
    this.accounts = new EmbeddedAccounts(db, (action, actor, change) => {
      this.auditAccount(action, actor, change);
    });
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(file: string): EmbeddedGraphStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // First, so that everything below waits for another process (the seed CLI, a second
      // server) holding the write lock instead of failing at once. Kept short: better-sqlite3
      // waits synchronously, and a request that cannot write soon is better answered 503.
      db.pragma(`busy_timeout = ${String(LOCK_WAIT_MS)}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new EmbeddedGraphStore(db, file);
    } catch (error: unknown) {
      db.close();
      throw error;
    }
  }

  revision(): Promise<number> {
    return Promise.resolve(this.currentRevision());
  }

  ping(): Promise<boolean> {
    return Promise.resolve(this.statements.ping.get() !== undefined);
  }

  getNode(id: string): Promise<GraphNode | null> {
    return Promise.resolve(this.findNode(id));
  }

  createNode(
    input: CreateNodeInput,
    context?: WriteContext,
    options: CreateNodeOptions = {},
  ): Promise<GraphNode> {
    return this.write('createNode', context, () => {
      const node = this.insertNode(input);
      if (options.position) this.placeNode({ id: node.id, ...options.position });
      return node;
    });
  }

  updateNode(id: string, patch: UpdateNodeBody, context?: WriteContext): Promise<GraphNode> {
    return this.write('updateNode', context, () => this.changeNode(id, patch));
  }

  deleteNode(id: string, context?: WriteContext): Promise<DeleteNodeResult> {
    return this.writeWithEntry('deleteNode', context, () => this.removeNode(id)).then(
      ({ result, entry }) => ({ ...result, auditId: entry.id }),
    );
  }

  listNodes(query: NodeQuery): Promise<NodePage> {
    const params = filterParams(query);
    return this.read(() => {
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const rows = this.statements.listNodes.all({
        ...params,
        afterKey: after?.sortKey ?? null,
        afterId: after?.id ?? null,
        limit: query.limit + 1,
      }) as (DocRow & { sortKey: string; id: string })[];
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const { total } = this.statements.countNodes.get(params) as { total: number };
      return {
        items: page.map(nodeOf),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
        total,
      };
    });
  }

  getLink(id: string): Promise<Link | null> {
    return Promise.resolve(this.findLink(id));
  }

  createLink(input: CreateLinkInput, context?: WriteContext): Promise<Link> {
    return this.write('createLink', context, () => this.insertLink(input, context));
  }

  updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link> {
    return this.write('updateLink', context, () => this.changeLink(id, patch, context));
  }

  deleteLink(id: string, context?: WriteContext): Promise<DeleteLinkResult> {
    return this.writeWithEntry('deleteLink', context, () => {
      this.removeLink(id);
    }).then(({ entry }) => ({ auditId: entry.id }));
  }

  linksAmong(ids: readonly string[]): Promise<Link[]> {
    return this.read(() =>
      (this.statements.linksAmong.all(JSON.stringify(ids)) as DocRow[]).map(linkOf),
    );
  }

  neighbourhood(id: string, depth: number): Promise<Subgraph> {
    return this.read(() => {
      const start = this.findNode(id);
      if (!start) throw new NotFoundError('node', id);
      const reached = new Map<string, NodeKind>([[id, start.kind]]);
      let frontier = [id];
      for (let step = 0; step < depth && frontier.length > 0; step += 1) {
        const found = this.statements.neighboursOf.all({ ids: JSON.stringify(frontier) }) as {
          id: string;
          kind: NodeKind;
        }[];
        frontier = [];
        for (const neighbour of found) {
          if (reached.has(neighbour.id)) continue;
          reached.set(neighbour.id, neighbour.kind);
          if (isWalkThrough(neighbour.kind)) frontier.push(neighbour.id);
        }
      }
      const walked = [...reached].filter(([, kind]) => isWalkThrough(kind)).map(([node]) => node);
      return {
        nodes: (
          this.statements.nodesByIds.all(JSON.stringify([...reached.keys()])) as DocRow[]
        ).map(nodeOf),
        links: (
          this.statements.linksWithin.all({
            walked: JSON.stringify(walked),
            reached: JSON.stringify([...reached.keys()]),
          }) as DocRow[]
        ).map(linkOf),
      };
    });
  }

  mapSubgraph(filter: MapFilter): Promise<MapSubgraph> {
    const params = filterParams(filter);
    return this.read(() => {
      const nodes = new Map<string, GraphNode>();
      const positions = new Map<string, Position>();
      const rows = this.statements.mapNodes.all(params) as (DocRow & {
        x: number | null;
        y: number | null;
      })[];
      for (const row of rows) {
        const node = nodeOf(row);
        nodes.set(node.id, node);
        if (row.x !== null && row.y !== null)
          positions.set(node.id, { id: node.id, x: row.x, y: row.y });
      }
      if (filter.focus !== undefined && !nodes.has(filter.focus)) {
        // The focused node stays on the map even when the filters would hide it.
        const focus = this.findNode(filter.focus);
        if (!focus) throw new NotFoundError('node', filter.focus);
        nodes.set(focus.id, focus);
        const at = this.statements.positionOf.get(focus.id) as { x: number; y: number } | undefined;
        if (at) positions.set(focus.id, { id: focus.id, ...at });
      }
      const linkRows = this.statements.mapLinks.all({
        linkKinds: listOrNull(filter.linkKind),
        asOf: params.asOf,
      }) as DocRow[];
      let links = linkRows
        .map(linkOf)
        .filter((link) => nodes.has(link.source) && nodes.has(link.target));
      let kept = [...nodes.values()];
      if (filter.focus !== undefined) {
        ({ nodes: kept, links } = focusOn(
          filter.focus,
          filter.depth ?? 1,
          nodes,
          links,
          filter.walk,
        ));
      }
      return {
        revision: this.currentRevision(),
        nodes: kept,
        links,
        positions: kept.flatMap((node) => {
          const position = positions.get(node.id);
          return position ? [position] : [];
        }),
      };
    });
  }

  savePositions(positions: Position[], context?: WriteContext): Promise<void> {
    return this.write('savePositions', context, () => {
      for (const position of positions) this.placeNode(position);
    });
  }

  async dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult> {
    // A pair already dismissed is answered without a write, so the revision stays.
    const existing = await this.read(() => {
      checkIntroductionPair(a, b, this.findNode(a), this.findNode(b));
      return this.findDismissal(a, b);
    });
    if (existing) return { dismissal: existing, created: false };
    return this.write('dismissIntroduction', context, () => {
      checkIntroductionPair(a, b, this.findNode(a), this.findNode(b));
      const raced = this.findDismissal(a, b);
      if (raced) return { dismissal: raced, created: false };
      const dismissal = newDismissal(a, b, context);
      this.storeDismissal(dismissal);
      return { dismissal, created: true };
    });
  }

  undoDismissal(a: string, b: string, context?: WriteContext): Promise<void> {
    return this.write('undoDismissal', context, () => {
      const existing = this.findDismissal(a, b);
      if (!existing) throw new NotDismissedError(a, b);
      this.forgetDismissal(existing);
    });
  }

  listDismissals(): Promise<Dismissal[]> {
    return this.read(() => this.statements.allDismissals.all() as Dismissal[]);
  }

  applyBatch(ops: BatchOpInput[], context?: WriteContext): Promise<BatchResult> {
    return this.write('batch', context, () => {
      const results: BatchResult['results'] = [];
      for (const [index, op] of parseBatchOps(ops).entries()) {
        try {
          results.push({ op: op.op, id: this.applyOne(op, context) });
        } catch (error: unknown) {
          // Say which write of the batch failed; the transaction rolls back all of them.
          throw locateError(`ops[${index}]`, `ops[${index}] (${op.op})`, error);
        }
      }
      // write() raises the revision by one when this returns.
      return { revision: this.currentRevision() + 1, results };
    });
  }

  /**
   * A batch and the positions of what it adds, in one transaction and one audit entry (an
   * import: after a crash either all of it is there, placed, or none of it). `expectedRevision`
   * is the revision the batch was planned against: if another write came first, nothing is
   * written (ConflictError). `place` is given the batch's results and answers the positions to
   * save. Not part of the GraphStore port: the import worker calls it on its own connection.
   */
  applyBatchPlaced(
    ops: BatchOpInput[],
    expectedRevision: number,
    place: (result: BatchResult) => Position[],
    context?: WriteContext,
  ): Promise<BatchResult> {
    return this.write('batch', context, () => {
      const current = this.currentRevision();
      if (current !== expectedRevision) {
        throw new ConflictError(
          `the network changed while the import was read (revision ${String(expectedRevision)}, now ${String(current)}); preview the files again`,
        );
      }
      const results: BatchResult['results'] = [];
      for (const [index, op] of parseBatchOps(ops).entries()) {
        try {
          results.push({ op: op.op, id: this.applyOne(op, context) });
        } catch (error: unknown) {
          throw locateError(`ops[${index}]`, `ops[${index}] (${op.op})`, error);
        }
      }
      const result = { revision: current + 1, results };
      for (const position of place(result)) this.placeNode(position);
      return result;
    });
  }

  /**
   * Whether a write waits (LOCK_WAIT_MS) for another connection's write lock or is refused at
   * once (503 BUSY). The import runner turns waiting off while its worker writes an import, which
   * takes seconds: a write meanwhile would hold up the event loop for the whole wait and fail.
   */
  waitForWriteLock(wait: boolean): void {
    this.db.pragma(`busy_timeout = ${String(wait ? LOCK_WAIT_MS : 0)}`);
  }

  /** How many nodes have no saved position (one indexed query; the import worker places them). */
  unplacedCount(): number {
    return (this.statements.unplacedCount.get() as { count: number }).count;
  }

  snapshot(): Promise<Snapshot> {
    return this.read(() => ({
      revision: this.currentRevision(),
      nodes: (this.statements.allNodes.all() as DocRow[]).map(nodeOf),
      links: (this.statements.allLinks.all() as DocRow[]).map(linkOf),
      positions: this.statements.allPositions.all() as Position[],
    }));
  }

  restore(
    content: NetworkContent,
    options: RestoreOptions = {},
    context?: WriteContext,
  ): Promise<void> {
    return this.write('restore', context, () => {
      checkExpectedRevision(options.expectedRevision, this.currentRevision());
      if (options.replace === true) {
        // Recorded one by one for the audit log (links first: a link's meeting reference would
        // otherwise hold its meeting back), then deleted in two statements.
        for (const row of this.statements.allLinks.all() as DocRow[]) {
          this.record({ entity: 'link', id: linkOf(row).id, before: linkOf(row), after: null });
        }
        for (const row of this.statements.allNodes.all() as DocRow[]) {
          const node = nodeOf(row);
          for (const dismissal of this.statements.dismissalsOf.all({
            id: node.id,
          }) as Dismissal[]) {
            if (dismissal.a === node.id) this.recordDismissal(dismissal, null);
          }
          const at = this.positionOf(node.id);
          if (at) this.record({ entity: 'position', id: node.id, before: at, after: null });
          this.record({ entity: 'node', id: node.id, before: node, after: null });
        }
        this.statements.deleteAllLinks.run();
        this.statements.deleteAllNodes.run();
      }
      const each = <T>(name: string, items: readonly T[], work: (item: T) => void): void => {
        items.forEach((item, index) => {
          try {
            work(item);
          } catch (error: unknown) {
            throw locateError(`${name}[${index}]`, `${name}[${index}]`, error);
          }
        });
      };
      each('nodes', content.nodes, (input) => {
        this.storeNode(storedNode(input));
      });
      each('links', content.links, (input) => {
        this.storeLink(storedLink(input));
      });
      each('positions', content.positions, (position) => {
        this.placeNode(position);
      });
    });
  }

  // --- accounts ---

  createUser(user: StoredUser, context?: WriteContext): Promise<void> {
    return this.run(() => {
      this.accounts.createUser(user, context?.actor ?? null);
    });
  }

  createFirstAdmin(user: StoredUser): Promise<void> {
    return this.run(() => {
      this.accounts.createFirstAdmin(user);
    });
  }

  updateUser(
    id: string,
    change: UserChange,
    context?: WriteContext,
    options?: UpdateUserOptions,
  ): Promise<StoredUser> {
    return this.run(() => this.accounts.updateUser(id, change, context?.actor ?? null, options));
  }

  getUser(id: string): Promise<StoredUser | null> {
    return this.run(() => this.accounts.getUser(id));
  }

  findUserByEmail(email: string): Promise<StoredUser | null> {
    return this.run(() => this.accounts.findUserByEmail(email));
  }

  findUserByInvitation(invitationHash: string): Promise<StoredUser | null> {
    return this.run(() => this.accounts.findUserByInvitation(invitationHash));
  }

  listUsers(): Promise<StoredUser[]> {
    return this.run(() => this.accounts.listUsers());
  }

  hasAdmin(): Promise<boolean> {
    return this.run(() => this.accounts.hasAdmin());
  }

  createSession(session: StoredSession): Promise<void> {
    return this.run(() => {
      this.accounts.createSession(session);
    });
  }

  findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ session: StoredSession; user: StoredUser } | null> {
    return this.run(() => this.accounts.findSession(tokenHash, now));
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run(() => {
      this.accounts.deleteSession(tokenHash);
    });
  }

  deleteSessionsOf(userId: string, keep?: string): Promise<void> {
    return this.run(() => {
      this.accounts.deleteSessionsOf(userId, keep);
    });
  }

  // --- the audit log ---

  listAudit(filter: AuditFilter): Promise<AuditLogPage> {
    return this.read(() => {
      const rows = this.statements.listAudit.all({
        actor: filter.user ?? null,
        node: filter.node ?? null,
        from: filter.from ?? null,
        to: filter.to === undefined ? null : dayAfter(filter.to),
        before: filter.before ?? null,
        limit: filter.limit + 1,
      }) as AuditRow[];
      const page = rows.slice(0, filter.limit);
      return {
        items: page.map((row) => auditEntryOf(row, AUDIT_PAGE_CHANGES)),
        nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
      };
    });
  }

  getAuditEntry(id: number): Promise<AuditEntry | null> {
    return this.read(() => this.findAuditEntry(id));
  }

  undo(id: number, context?: WriteContext): Promise<AuditEntry> {
    return this.run(() =>
      this.audited(
        'undo',
        context,
        () => {
          const entry = this.findAuditEntry(id);
          if (!entry) throw new AuditEntryNotFoundError(id);
          const reversed = undoChanges(entry);
          for (const change of lastValues(entry)) {
            const later = this.statements.laterEntry.get(
              change.entity === 'dismissal' ? (change.after ?? change.before)?.a : change.id,
              id,
            ) as { id: number | null };
            checkUnchangedSince(entry, change, this.currentValue(change), later.id);
          }
          try {
            for (const change of reversed) this.putBack(entry, change);
          } catch (error: unknown) {
            if (error instanceof AppError && !(error instanceof UndoRefusedError)) {
              throw new UndoRefusedError(id, error.message);
            }
            throw error;
          }
        },
        id,
      ),
    ).then(({ entry }) => entry);
  }

  /** SQLite's own consistency check of the file: 'ok', or what is wrong. */
  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  // --- the synchronous core; every public write wraps one of these in a transaction ---

  private currentRevision(): number {
    return (this.statements.revision.get() as { value: number }).value;
  }

  /**
   * Runs `work`, raises the revision and writes the audit entry of everything `work` changed, in
   * one IMMEDIATE transaction: the write and its entry exist together or not at all.
   */
  private write<T>(
    action: AuditAction,
    context: WriteContext | undefined,
    work: () => T,
  ): Promise<T> {
    return this.run(() => this.audited(action, context, work, null).result);
  }

  /** A write (as `write`) answering its audit entry too (a delete hands back its undo handle). */
  private writeWithEntry<T>(
    action: AuditAction,
    context: WriteContext | undefined,
    work: () => T,
  ): Promise<{ result: T; entry: AuditEntry }> {
    return this.run(() => this.audited(action, context, work, null));
  }

  private audited<T>(
    action: AuditAction,
    context: WriteContext | undefined,
    work: () => T,
    undoes: number | null,
  ): { result: T; entry: AuditEntry } {
    return this.db
      .transaction(() => {
        this.changes = [];
        try {
          const result = work();
          const { value: revision } = this.statements.bumpRevision.get() as { value: number };
          const changes = this.changes;
          const row = {
            revision,
            at: new Date().toISOString(),
            actor: context?.actor ?? null,
            action,
            changes: JSON.stringify(changes),
            undoes,
          };
          const { id } = this.statements.insertAudit.get(row) as { id: number };
          for (const target of auditTargets(changes)) {
            this.statements.insertAuditTarget.run(id, target);
          }
          if (undoes !== null) this.statements.markUndone.run(id, undoes);
          const entry: AuditEntry = {
            ...row,
            id,
            changes,
            changeCount: changes.length,
            undoneBy: null,
          };
          return { result, entry };
        } finally {
          this.changes = null;
        }
      })
      .immediate();
  }

  /** Runs synchronous database work, turning SQLite's errors into the app's. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error: unknown) {
      return Promise.reject(storeError(error));
    }
  }

  /** The audit entry of an account change: the revision stays (accounts/accounts.ts). */
  private auditAccount(action: AuditAction, actor: string | null, change: AuditChange): void {
    const { id } = this.statements.insertAudit.get({
      revision: this.currentRevision(),
      at: new Date().toISOString(),
      actor,
      action,
      changes: JSON.stringify([change]),
      undoes: null,
    }) as { id: number };
    for (const target of auditTargets([change])) this.statements.insertAuditTarget.run(id, target);
  }

  /** Notes a change of the write in progress. */
  private record(change: AuditChange): void {
    this.changes?.push(change);
  }

  private recordDismissal(before: Dismissal | null, after: Dismissal | null): void {
    const pair = before ?? after;
    if (pair) this.record({ entity: 'dismissal', id: dismissalId(pair), before, after });
  }

  private positionOf(id: string): { x: number; y: number } | null {
    const at = this.statements.positionOf.get(id) as { x: number; y: number } | undefined;
    return at ? { x: at.x, y: at.y } : null;
  }

  /** Saves one position of an existing node. */
  private placeNode(position: Position): void {
    if (!this.statements.nodeExists.get(position.id)) throw new NotFoundError('node', position.id);
    this.record({
      entity: 'position',
      id: position.id,
      before: this.positionOf(position.id),
      after: { x: position.x, y: position.y },
    });
    this.statements.upsertPosition.run(position);
  }

  private storeDismissal(dismissal: Dismissal): void {
    this.recordDismissal(null, dismissal);
    this.statements.insertDismissal.run(dismissal);
  }

  private forgetDismissal(dismissal: Dismissal): void {
    this.recordDismissal(dismissal, null);
    this.statements.deleteDismissal.run(dismissal.a, dismissal.b);
  }

  private findAuditEntry(id: number): AuditEntry | null {
    const row = this.statements.auditById.get(id) as AuditRow | undefined;
    return row ? auditEntryOf(row) : null;
  }

  /** What the store holds now of a thing an audit change is about. */
  private currentValue(change: AuditChange): unknown {
    switch (change.entity) {
      case 'node':
        return this.findNode(change.id);
      case 'link':
        return this.findLink(change.id);
      case 'position':
        return this.positionOf(change.id);
      case 'dismissal': {
        const pair = change.before ?? change.after;
        return pair ? this.findDismissal(pair.a, pair.b) : null;
      }
      case 'user':
        // Never reached: undoChanges (audit-rules.ts) refuses account changes first.
        return null;
    }
  }

  /** Makes the store hold `change.after` for the thing (one step of an undo), recorded. */
  private putBack(entry: AuditEntry, change: AuditChange): void {
    switch (change.entity) {
      case 'node': {
        const current = this.findNode(change.id);
        if (change.after === null) {
          const links = (this.statements.linksOfNode.all({ id: change.id }) as DocRow[]).map(
            (row) => linkOf(row).id,
          );
          if (links.length > 0) nodeHasLaterLinks(entry, change, links);
          this.removeNode(change.id);
        } else if (current === null) {
          this.storeNode(change.after);
        } else {
          this.replaceNode(current, change.after);
        }
        return;
      }
      case 'link': {
        const current = this.findLink(change.id);
        if (change.after === null) this.removeLink(change.id);
        else if (current === null) this.storeLink(change.after);
        else this.replaceLink(current, change.after);
        return;
      }
      case 'position':
        if (change.after === null) {
          this.record({ ...change, before: this.positionOf(change.id) });
          this.statements.deletePosition.run(change.id);
        } else this.placeNode({ id: change.id, ...change.after });
        return;
      case 'dismissal': {
        if (change.after === null) {
          const current = change.before && this.findDismissal(change.before.a, change.before.b);
          if (current) this.forgetDismissal(current);
        } else {
          const { a, b } = change.after;
          checkIntroductionPair(a, b, this.findNode(a), this.findNode(b));
          this.storeDismissal(change.after);
        }
        return;
      }
      case 'user':
        throw new UndoRefusedError(entry.id, 'an account change is not undone from the log');
    }
  }

  /** Runs `work` against one consistent view of the database. */
  private read<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(this.db.transaction(work).deferred());
    } catch (error: unknown) {
      return Promise.reject(storeError(error));
    }
  }

  private applyOne(op: BatchOp, context: WriteContext | undefined): string {
    switch (op.op) {
      case 'createNode':
        return this.insertNode(op.node).id;
      case 'updateNode':
        return this.changeNode(op.id, op.patch).id;
      case 'deleteNode':
        this.removeNode(op.id);
        return op.id;
      case 'createLink':
        return this.insertLink(op.link, context).id;
      case 'updateLink':
        return this.changeLink(op.id, op.patch, context).id;
      case 'deleteLink':
        this.removeLink(op.id);
        return op.id;
    }
  }

  private findNode(id: string): GraphNode | null {
    const row = this.statements.nodeById.get(id) as DocRow | undefined;
    return row ? nodeOf(row) : null;
  }

  private findDismissal(a: string, b: string): Dismissal | null {
    return (this.statements.dismissal.get(...orderedPair(a, b)) as Dismissal | undefined) ?? null;
  }

  private findLink(id: string): Link | null {
    const row = this.statements.linkById.get(id) as DocRow | undefined;
    return row ? linkOf(row) : null;
  }

  private insertNode(input: CreateNodeInput): GraphNode {
    return this.storeNode(newNode(input));
  }

  /** Writes a complete node whose id must be new. */
  private storeNode(node: GraphNode): GraphNode {
    if (this.findNode(node.id))
      throw new ConflictError(`a node with id '${node.id}' already exists`);
    this.record({ entity: 'node', id: node.id, before: null, after: node });
    this.statements.insertNode.run(nodeRow(node));
    return node;
  }

  private changeNode(id: string, patch: UpdateNodeBody): GraphNode {
    const existing = this.findNode(id);
    if (!existing) throw new NotFoundError('node', id);
    return this.replaceNode(existing, patchedNode(existing, patch));
  }

  /** Writes a new version of a stored node (a patch, or an undo putting one back). */
  private replaceNode(existing: GraphNode, next: GraphNode): GraphNode {
    this.checkLinksAllowed(existing.id, existing, next);
    this.record({ entity: 'node', id: existing.id, before: existing, after: next });
    this.statements.updateNode.run(nodeRow(next));
    return next;
  }

  /** A new organisation kind can break links a node already has (MEMBER_OF needs a network). */
  private checkLinksAllowed(id: string, existing: GraphNode, next: GraphNode): void {
    if (orgKindOf(next) === orgKindOf(existing)) return;
    for (const row of this.statements.linksOfNode.all({ id }) as DocRow[]) {
      const link = linkOf(row);
      const other = this.findNode(link.source === id ? link.target : link.source);
      const [source, target] = link.source === id ? [next, other] : [other, next];
      checkLinkEnds(link, source, target, link.meetingId ? this.findNode(link.meetingId) : null);
    }
  }

  private removeNode(id: string): Omit<DeleteNodeResult, 'auditId'> {
    const existing = this.findNode(id);
    if (!existing) throw new NotFoundError('node', id);
    const links = (this.statements.linksOfNode.all({ id }) as DocRow[]).map(linkOf);
    const deletedLinkIds = links.map((link) => link.id);
    // Everything the delete takes with it is recorded first, so an undo (newest change first)
    // brings the node back before its links, dismissals and position.
    if (existing.kind === 'meeting') {
      for (const link of (this.statements.linksOfMeeting.all(id) as DocRow[]).map(linkOf)) {
        if (link.source === id || link.target === id) continue;
        const next = linkWithoutMeeting(link);
        this.record({ entity: 'link', id: link.id, before: link, after: next });
        this.statements.updateLink.run(linkRow(next));
      }
    }
    for (const link of links)
      this.record({ entity: 'link', id: link.id, before: link, after: null });
    for (const dismissal of this.statements.dismissalsOf.all({ id }) as Dismissal[]) {
      this.recordDismissal(dismissal, null);
    }
    const at = this.positionOf(id);
    if (at) this.record({ entity: 'position', id, before: at, after: null });
    this.record({ entity: 'node', id, before: existing, after: null });
    this.statements.deleteNode.run(id);
    return { deletedLinkIds };
  }

  private insertLink(input: CreateLinkInput, context: WriteContext | undefined): Link {
    return this.storeLink(newLink(input, context));
  }

  /** Checks a complete link against what is stored and writes it. */
  private storeLink(link: Link): Link {
    if (this.findLink(link.id))
      throw new ConflictError(`a link with id '${link.id}' already exists`);
    checkLinkEnds(
      link,
      this.findNode(link.source),
      this.findNode(link.target),
      link.meetingId ? this.findNode(link.meetingId) : null,
    );
    const same = this.statements.sameLink.get({
      kind: link.kind,
      source: link.source,
      target: link.target,
      undirected: isDirected(link) ? 0 : 1,
    }) as { id: string } | undefined;
    if (same) {
      throw new ConflictError(
        `a ${link.kind} link between '${link.source}' and '${link.target}' already exists (link '${same.id}')`,
      );
    }
    this.record({ entity: 'link', id: link.id, before: null, after: link });
    this.statements.insertLink.run(linkRow(link));
    return link;
  }

  private changeLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Link {
    const existing = this.findLink(id);
    if (!existing) throw new NotFoundError('link', id);
    return this.replaceLink(existing, patchedLink(existing, patch, context));
  }

  /** Writes a new version of a stored link (a patch, or an undo putting one back). */
  private replaceLink(existing: Link, next: Link): Link {
    if (next.meetingId !== null && next.meetingId !== existing.meetingId) {
      checkLinkEnds(
        next,
        this.findNode(next.source),
        this.findNode(next.target),
        this.findNode(next.meetingId),
      );
    }
    this.record({ entity: 'link', id: existing.id, before: existing, after: next });
    this.statements.updateLink.run(linkRow(next));
    return next;
  }

  private removeLink(id: string): void {
    const existing = this.findLink(id);
    if (!existing) throw new NotFoundError('link', id);
    this.record({ entity: 'link', id, before: existing, after: null });
    this.statements.deleteLink.run(id);
  }
}
