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
  isWalkThrough,
  orgKindOf,
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
import { ConflictError, NotDismissedError, NotFoundError, StoreBusyError } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { focusOn } from '../graph-walk.js';
import type {
  BatchResult,
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
  WriteContext,
} from '../graph-store.js';
import { searchKey } from '../search-key.js';
import {
  checkExpectedRevision,
  checkIntroductionPair,
  checkLinkEnds,
  isDirected,
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
  forgetMeeting: `UPDATE links SET meeting_id = NULL, doc = json_set(doc, '$.meetingId', json('null'))
    WHERE meeting_id = ?`,
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
  dismissal: `SELECT a_id AS a, b_id AS b, dismissed_at AS dismissedAt, dismissed_by AS dismissedBy
    FROM dismissals WHERE a_id = ? AND b_id = ?`,
  insertDismissal: `INSERT INTO dismissals (a_id, b_id, dismissed_at, dismissed_by)
    VALUES (@a, @b, @dismissedAt, @dismissedBy)`,
  deleteDismissal: `DELETE FROM dismissals WHERE a_id = ? AND b_id = ?`,
  allDismissals: `SELECT a_id AS a, b_id AS b, dismissed_at AS dismissedAt, dismissed_by AS dismissedBy
    FROM dismissals ORDER BY dismissed_at DESC, a_id, b_id`,
  ping: `SELECT 1 AS ok`,
  deleteAllLinks: `DELETE FROM links`,
  deleteAllNodes: `DELETE FROM nodes`,
} as const;

interface DocRow {
  doc: string;
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

/** The GraphStore over one SQLite file. Open it with `EmbeddedGraphStore.open(file)`. */
export class EmbeddedGraphStore implements GraphStore {
  readonly kind = 'embedded';
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };
  private closed = false;

  private constructor(private readonly db: Database.Database) {
    const entries = Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)] as const);
    this.statements = Object.fromEntries(entries) as {
      [K in keyof typeof SQL]: Database.Statement;
    };
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(file: string): EmbeddedGraphStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // First, so that everything below waits for another process (the seed CLI, a second
      // server) holding the write lock instead of failing at once. Kept short: better-sqlite3
      // waits synchronously, and a request that cannot write soon is better answered 503.
      db.pragma('busy_timeout = 1000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new EmbeddedGraphStore(db);
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

  createNode(input: CreateNodeInput): Promise<GraphNode> {
    return this.write(() => this.insertNode(input));
  }

  updateNode(id: string, patch: UpdateNodeBody): Promise<GraphNode> {
    return this.write(() => this.changeNode(id, patch));
  }

  deleteNode(id: string): Promise<DeleteNodeResult> {
    return this.write(() => this.removeNode(id));
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
    return this.write(() => this.insertLink(input, context));
  }

  updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link> {
    return this.write(() => this.changeLink(id, patch, context));
  }

  deleteLink(id: string): Promise<void> {
    return this.write(() => {
      this.removeLink(id);
    });
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
        ({ nodes: kept, links } = focusOn(filter.focus, filter.depth ?? 1, nodes, links));
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

  savePositions(positions: Position[]): Promise<void> {
    return this.write(() => {
      for (const position of positions) {
        if (!this.statements.nodeExists.get(position.id))
          throw new NotFoundError('node', position.id);
        this.statements.upsertPosition.run(position);
      }
    });
  }

  async dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult> {
    // A pair already dismissed is answered without a write, so the revision stays.
    const existing = await this.read(() => {
      checkIntroductionPair(a, b, this.findNode(a), this.findNode(b));
      return this.findDismissal(a, b);
    });
    if (existing) return { dismissal: existing, created: false };
    return this.write(() => {
      checkIntroductionPair(a, b, this.findNode(a), this.findNode(b));
      const raced = this.findDismissal(a, b);
      if (raced) return { dismissal: raced, created: false };
      const dismissal = newDismissal(a, b, context);
      this.statements.insertDismissal.run(dismissal);
      return { dismissal, created: true };
    });
  }

  undoDismissal(a: string, b: string): Promise<void> {
    return this.write(() => {
      if (this.statements.deleteDismissal.run(...orderedPair(a, b)).changes === 0) {
        throw new NotDismissedError(a, b);
      }
    });
  }

  listDismissals(): Promise<Dismissal[]> {
    return this.read(() => this.statements.allDismissals.all() as Dismissal[]);
  }

  applyBatch(ops: BatchOpInput[], context?: WriteContext): Promise<BatchResult> {
    return this.write(() => {
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

  snapshot(): Promise<Snapshot> {
    return this.read(() => ({
      revision: this.currentRevision(),
      nodes: (this.statements.allNodes.all() as DocRow[]).map(nodeOf),
      links: (this.statements.allLinks.all() as DocRow[]).map(linkOf),
      positions: this.statements.allPositions.all() as Position[],
    }));
  }

  restore(content: NetworkContent, options: RestoreOptions = {}): Promise<void> {
    return this.write(() => {
      checkExpectedRevision(options.expectedRevision, this.currentRevision());
      if (options.replace === true) {
        // Links first: a link's meeting reference would otherwise hold its meeting back.
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
        if (!this.statements.nodeExists.get(position.id))
          throw new NotFoundError('node', position.id);
        this.statements.upsertPosition.run(position);
      });
    });
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

  /** Runs `work` and raises the revision in one IMMEDIATE transaction. */
  private write<T>(work: () => T): Promise<T> {
    try {
      const run = this.db.transaction(() => {
        const result = work();
        this.statements.bumpRevision.run();
        return result;
      });
      return Promise.resolve(run.immediate());
    } catch (error: unknown) {
      return Promise.reject(storeError(error));
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
    this.statements.insertNode.run(nodeRow(node));
    return node;
  }

  private changeNode(id: string, patch: UpdateNodeBody): GraphNode {
    const existing = this.findNode(id);
    if (!existing) throw new NotFoundError('node', id);
    const next = patchedNode(existing, patch);
    if (orgKindOf(next) !== orgKindOf(existing)) {
      // A new organisation kind can break links it already has (MEMBER_OF needs a network).
      for (const row of this.statements.linksOfNode.all({ id }) as DocRow[]) {
        const link = linkOf(row);
        const other = this.findNode(link.source === id ? link.target : link.source);
        const [source, target] = link.source === id ? [next, other] : [other, next];
        checkLinkEnds(link, source, target, link.meetingId ? this.findNode(link.meetingId) : null);
      }
    }
    this.statements.updateNode.run(nodeRow(next));
    return next;
  }

  private removeNode(id: string): DeleteNodeResult {
    const existing = this.findNode(id);
    if (!existing) throw new NotFoundError('node', id);
    const deletedLinkIds = (this.statements.linksOfNode.all({ id }) as DocRow[]).map(
      (row) => linkOf(row).id,
    );
    if (existing.kind === 'meeting') this.statements.forgetMeeting.run(id);
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
    this.statements.insertLink.run(linkRow(link));
    return link;
  }

  private changeLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Link {
    const existing = this.findLink(id);
    if (!existing) throw new NotFoundError('link', id);
    const next = patchedLink(existing, patch, context);
    if (next.meetingId !== null && next.meetingId !== existing.meetingId) {
      checkLinkEnds(
        next,
        this.findNode(next.source),
        this.findNode(next.target),
        this.findNode(next.meetingId),
      );
    }
    this.statements.updateLink.run(linkRow(next));
    return next;
  }

  private removeLink(id: string): void {
    if (this.statements.deleteLink.run(id).changes === 0) throw new NotFoundError('link', id);
  }
}
