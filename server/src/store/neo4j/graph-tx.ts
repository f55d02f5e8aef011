/**
 * The adapter's core: reads and writes inside one Neo4j transaction. It mirrors the embedded
 * store's private methods one for one (same checks, same order, same errors); write-rules.ts does
 * the validating, merging and link checking, and this file only looks things up and stores them.
 */
import {
  AUDIT_ACTIONS,
  AUDIT_PAGE_CHANGES,
  NODE_KINDS,
  isWalkThrough,
  type AuditAction,
  type AuditChange,
  type AuditEntry,
  type BatchOp,
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
  orgKindOf,
} from '@octograph/graph-schema';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import {
  AppError,
  AuditEntryNotFoundError,
  ConflictError,
  NotDismissedError,
  NotFoundError,
  UndoRefusedError,
  ValidationError,
} from '../../errors.js';
import {
  auditTargets,
  checkUnchangedSince,
  dismissalId,
  lastValues,
  nodeHasLaterLinks,
  undoChanges,
} from '../audit-rules.js';
import { decodeCursor, encodeCursor, type CursorPosition } from '../cursor.js';
import { focusOn } from '../graph-walk.js';
import type {
  AuditFilter,
  AuditLogPage,
  DeleteNodeResult,
  DismissResult,
  Dismissal,
  MapFilter,
  NetworkContent,
  NodeQuery,
  WriteContext,
} from '../graph-store.js';
import { searchKey } from '../search-key.js';
import {
  checkIntroductionPair,
  checkLinkEnds,
  isDirected,
  linkWithoutMeeting,
  newDismissal,
  newLink,
  newNode,
  orderedPair,
  patchedLink,
  patchedNode,
  storedLink,
  storedNode,
} from '../write-rules.js';
import {
  dismissalFromProperties,
  dismissalProperties,
  linkFromProperties,
  linkProperties,
  nodeFromProperties,
  nodeProperties,
} from './properties.js';
import {
  ALL_DISMISSALS,
  ALL_LINKS,
  ALL_NODES,
  ALL_POSITIONS,
  AUDIT_ENTRY_BY_ID,
  BUMP_REVISION,
  COUNT_NODES,
  CREATE_AUDIT_ENTRY,
  CREATE_DISMISSAL,
  CREATE_LINK,
  CREATE_NODE,
  DELETE_ALL_DISMISSALS,
  DELETE_DISMISSAL,
  DELETE_DISMISSALS_OF_NODE,
  DELETE_LINK,
  DELETE_ALL_NODES,
  DELETE_NODE,
  DELETE_POSITION,
  DISMISSAL,
  DISMISSALS_OF_NODE,
  FORGET_ALL_PERSONS,
  FORGET_PERSON,
  LATER_AUDIT_ENTRY,
  LINK_BY_ID,
  LINKS_AMONG,
  LINKS_OF_MEETING,
  LINKS_OF_NODE,
  LINKS_WITHIN,
  LIST_AUDIT,
  LIST_NODES,
  MAP_LINKS,
  MAP_NODES,
  MARK_UNDONE,
  NEIGHBOURS,
  NEXT_AUDIT_ID,
  NODE_BY_ID,
  NODES_BY_IDS,
  REVISION,
  SAME_LINK,
  SAVE_POSITIONS,
  UPDATE_LINK,
  UPDATE_NODE,
  type CypherQuery,
  type ParamTypes,
  type ParamsOf,
} from './queries.js';
import { asMap, numberOf, stringOrNull, toInteger, toNeoDate, type StoredDate } from './values.js';

function listOrNull(values: readonly string[] | undefined): readonly string[] | null {
  return values && values.length > 0 ? values : null;
}

function asOfParam(asOf: string | undefined): StoredDate | null {
  if (asOf === undefined) return null;
  try {
    return toNeoDate(asOf);
  } catch {
    throw new ValidationError([{ path: 'asOf', message: 'must be a date in the form YYYY-MM-DD' }]);
  }
}

function filterParams(filter: NodeFilter): ParamsOf<typeof COUNT_NODES.params> {
  const text = filter.q ? searchKey(filter.q) : '';
  return {
    kinds: listOrNull(filter.kind),
    orgKinds: listOrNull(filter.orgKind),
    statuses: listOrNull(filter.status),
    themes: listOrNull(filter.theme),
    places: listOrNull(filter.place),
    text: text === '' ? null : text,
    asOf: asOfParam(filter.asOf),
  };
}

// Record.get returns `any`; each column is narrowed here, once, from unknown.
function text(record: Neo4jRecord, key: string): string {
  const value = stringOrNull(record.get(key) as unknown, key);
  if (value === null) throw new Error(`the query returned no ${key}`);
  return value;
}

function nodeKind(record: Neo4jRecord): NodeKind {
  const kind = NODE_KINDS.find((known) => known === record.get('kind'));
  if (kind === undefined) throw new Error('the query returned a node of no known kind');
  return kind;
}

function nodeOf(record: Neo4jRecord): GraphNode {
  return nodeFromProperties(asMap(record.get('node') as unknown, 'node'));
}

function linkOf(record: Neo4jRecord): Link {
  return linkFromProperties(asMap(record.get('link') as unknown, 'link'), {
    kind: record.get('kind') as unknown,
    source: record.get('source') as unknown,
    target: record.get('target') as unknown,
  });
}

function dismissalOf(record: Neo4jRecord): Dismissal {
  return dismissalFromProperties(asMap(record.get('dismissal') as unknown, 'dismissal'));
}

/** Where a page ends: the stored sort key and id of its last node, as the query ordered them. */
function cursorAt(record: Neo4jRecord): CursorPosition {
  const properties = asMap(record.get('node') as unknown, 'node');
  const sortKey = stringOrNull(properties.sortKey, 'sortKey');
  const id = stringOrNull(properties.id, 'id');
  if (sortKey === null || id === null) throw new Error('a listed node has no sortKey or id');
  return { sortKey, id };
}

/** The saved position among a node's properties, if it has one. */
function positionIn(record: Neo4jRecord, id: string): Position | null {
  const properties = asMap(record.get('node') as unknown, 'node');
  if (properties.x === undefined || properties.x === null) return null;
  if (properties.y === undefined || properties.y === null) return null;
  return { id, x: numberOf(properties.x, 'x'), y: numberOf(properties.y, 'y') };
}

/** A position as an audit change holds it. */
type Point = { x: number; y: number };

function pointOf(position: Position | null): Point | null {
  return position ? { x: position.x, y: position.y } : null;
}

function integerOrNull(value: unknown, what: string): number | null {
  return value === undefined || value === null ? null : numberOf(value, what);
}

function auditActionOf(value: unknown): AuditAction {
  const action = AUDIT_ACTIONS.find((known) => known === value);
  if (action === undefined) throw new Error('a stored audit entry has no known action');
  return action;
}

/** An entry as the API shows it; `keep` caps the changes (a page of the log). */
function auditEntryOf(record: Neo4jRecord, keep = Number.POSITIVE_INFINITY): AuditEntry {
  const p = asMap(record.get('entry') as unknown, 'entry');
  const json = stringOrNull(p.changes, 'audit entry changes');
  const at = stringOrNull(p.at, 'audit entry at');
  if (json === null || at === null) throw new Error('a stored audit entry has no changes or time');
  // Written by writeAuditEntry from changes the adapter made and validated, as the embedded
  // store's audit rows are; not checked again.
  const changes = JSON.parse(json) as AuditChange[];
  return {
    id: numberOf(p.id, 'audit entry id'),
    revision: numberOf(p.revision, 'audit entry revision'),
    at,
    actor: stringOrNull(p.actor, 'audit entry actor'),
    action: auditActionOf(p.action),
    changes: changes.length > keep ? changes.slice(0, keep) : changes,
    changeCount: changes.length,
    undoes: integerOrNull(p.undoes, 'audit entry undoes'),
    undoneBy: integerOrNull(p.undoneBy, 'audit entry undoneBy'),
  };
}

/**
 * The day after a YYYY-MM-DD date, for an inclusive "to" filter over timestamps (as the embedded
 * store computes it).
 */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * A value as an audit entry holds it, after its JSON round trip, so that comparing it with an
 * entry's `after` (an undo's check) never trips on what JSON does not keep.
 */
function asRecorded(value: unknown): unknown {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Reads inside one transaction. */
export class GraphReader {
  constructor(private readonly tx: ManagedTransaction) {}

  /** Runs one statement with exactly the parameters it declares. */
  protected async run<P extends ParamTypes>(
    query: CypherQuery<P>,
    params: ParamsOf<P>,
  ): Promise<Neo4jRecord[]> {
    const result = await this.tx.run(query.text, params);
    return result.records;
  }

  async revision(): Promise<number> {
    const [record] = await this.run(REVISION, {});
    return record ? numberOf(record.get('revision') as unknown, 'revision') : 0;
  }

  async node(id: string): Promise<GraphNode | null> {
    const [record] = await this.run(NODE_BY_ID, { id });
    return record ? nodeOf(record) : null;
  }

  /** The nodes with these ids that exist, by id. */
  async nodes(ids: readonly string[]): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    if (ids.length === 0) return found;
    for (const record of await this.run(NODES_BY_IDS, { ids: [...new Set(ids)] })) {
      const node = nodeOf(record);
      found.set(node.id, node);
    }
    return found;
  }

  async link(id: string): Promise<Link | null> {
    const [record] = await this.run(LINK_BY_ID, { id });
    return record ? linkOf(record) : null;
  }

  async linksAmong(ids: readonly string[]): Promise<Link[]> {
    if (ids.length === 0) return [];
    return (await this.run(LINKS_AMONG, { ids: [...new Set(ids)] })).map(linkOf);
  }

  async listNodes(query: NodeQuery): Promise<NodePage> {
    const params = filterParams(query);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const records = await this.run(LIST_NODES, {
      ...params,
      afterKey: after?.sortKey ?? null,
      afterId: after?.id ?? null,
      limit: toInteger(query.limit + 1),
    });
    const page = records.slice(0, query.limit);
    const last = page.at(-1);
    const [counted] = await this.run(COUNT_NODES, params);
    return {
      items: page.map(nodeOf),
      nextCursor: records.length > query.limit && last ? encodeCursor(cursorAt(last)) : null,
      total: counted ? numberOf(counted.get('total') as unknown, 'total') : 0,
    };
  }

  /** What lies within `depth` steps; themes and places are reached but not walked through. */
  async neighbourhood(id: string, depth: number): Promise<Subgraph> {
    if (!(await this.node(id))) throw new NotFoundError('node', id);
    const reached = new Set([id]);
    let frontier = [id];
    for (let step = 0; step < depth && frontier.length > 0; step += 1) {
      const records = await this.run(NEIGHBOURS, { ids: frontier });
      frontier = [];
      for (const record of records) {
        const neighbour = text(record, 'id');
        if (reached.has(neighbour)) continue;
        reached.add(neighbour);
        if (isWalkThrough(nodeKind(record))) frontier.push(neighbour);
      }
    }
    const ids = [...reached];
    return {
      nodes: (await this.run(NODES_BY_IDS, { ids })).map(nodeOf),
      links: (await this.run(LINKS_WITHIN, { ids })).map(linkOf),
    };
  }

  /** The nodes, links and positions of a map, before the revision is attached. */
  async mapContent(filter: MapFilter): Promise<NetworkContent> {
    const params = filterParams(filter);
    const nodes = new Map<string, GraphNode>();
    const positions = new Map<string, Position>();
    const keep = (record: Neo4jRecord): GraphNode => {
      const node = nodeOf(record);
      nodes.set(node.id, node);
      const position = positionIn(record, node.id);
      if (position) positions.set(node.id, position);
      return node;
    };
    for (const record of await this.run(MAP_NODES, params)) keep(record);
    if (filter.focus !== undefined && !nodes.has(filter.focus)) {
      // The focused node stays on the map even when the filters would hide it.
      const [record] = await this.run(NODE_BY_ID, { id: filter.focus });
      if (!record) throw new NotFoundError('node', filter.focus);
      keep(record);
    }
    const linkRecords = await this.run(MAP_LINKS, {
      linkKinds: listOrNull(filter.linkKind),
      asOf: params.asOf,
    });
    let links = linkRecords
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
      nodes: kept,
      links,
      positions: kept.flatMap((node) => {
        const position = positions.get(node.id);
        return position ? [position] : [];
      }),
    };
  }

  /** The dismissal of a pair (either order), or null. */
  async dismissal(a: string, b: string): Promise<Dismissal | null> {
    const [first, second] = orderedPair(a, b);
    const [record] = await this.run(DISMISSAL, { a: first, b: second });
    return record ? dismissalOf(record) : null;
  }

  /** Every dismissal, newest first. */
  async dismissals(): Promise<Dismissal[]> {
    return (await this.run(ALL_DISMISSALS, {})).map(dismissalOf);
  }

  /** A node's saved layout position, or null (also for an unknown node). */
  async position(id: string): Promise<Point | null> {
    const [record] = await this.run(NODE_BY_ID, { id });
    return record ? pointOf(positionIn(record, id)) : null;
  }

  async auditEntry(id: number): Promise<AuditEntry | null> {
    const [record] = await this.run(AUDIT_ENTRY_BY_ID, { id: toInteger(id) });
    return record ? auditEntryOf(record) : null;
  }

  /** A page of the audit log, newest first. */
  async listAudit(filter: AuditFilter): Promise<AuditLogPage> {
    const records = await this.run(LIST_AUDIT, {
      actor: filter.user ?? null,
      node: filter.node ?? null,
      from: filter.from ?? null,
      to: filter.to === undefined ? null : dayAfter(filter.to),
      before: filter.before === undefined ? null : toInteger(filter.before),
      limit: toInteger(filter.limit + 1),
    });
    const page = records
      .slice(0, filter.limit)
      .map((record) => auditEntryOf(record, AUDIT_PAGE_CHANGES));
    return {
      items: page,
      nextCursor: records.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** The first entry after `after` whose changes touch this node or link id, if any. */
  async laterEntry(target: string, after: number): Promise<number | null> {
    const [record] = await this.run(LATER_AUDIT_ENTRY, { target, after: toInteger(after) });
    return record ? numberOf(record.get('id') as unknown, 'id') : null;
  }

  async content(): Promise<NetworkContent> {
    return {
      nodes: (await this.run(ALL_NODES, {})).map(nodeOf),
      links: (await this.run(ALL_LINKS, {})).map(linkOf),
      positions: (await this.run(ALL_POSITIONS, {})).map((record) => ({
        id: text(record, 'id'),
        x: numberOf(record.get('x') as unknown, 'x'),
        y: numberOf(record.get('y') as unknown, 'y'),
      })),
    };
  }
}

/**
 * Appends entries to the audit log inside one write transaction: graph writes (GraphWriter) and
 * account writes (accounts.ts) alike.
 */
export class AuditLog extends GraphReader {
  /**
   * Takes the next audit id and writes the entry: its transaction's last step, so the entry commits
   * with the write or not at all. NEXT_AUDIT_ID holds the audit counter's lock to commit, so ids
   * stay unique and follow commit order although account writes run alongside graph writes.
   * `revision` null is an account change, which keeps the revision the store is at (it never
   * raises it): read only once the lock is held, when every entry with a smaller id has committed,
   * so it is never below theirs.
   */
  async append(
    revision: number | null,
    action: AuditAction,
    actor: string | null,
    changes: AuditChange[],
    undoes: number | null,
  ): Promise<AuditEntry> {
    const [record] = await this.run(NEXT_AUDIT_ID, {});
    if (!record) throw new Error('the audit counter did not answer');
    const id = numberOf(record.get('id') as unknown, 'id');
    const targets = auditTargets(changes);
    const entry: AuditEntry = {
      id,
      revision: revision ?? (await this.revision()),
      at: new Date().toISOString(),
      actor,
      action,
      changes,
      changeCount: changes.length,
      undoes,
      undoneBy: null,
    };
    await this.run(CREATE_AUDIT_ENTRY, {
      props: {
        id: toInteger(id),
        revision: toInteger(entry.revision),
        at: entry.at,
        actor,
        action,
        changes: JSON.stringify(changes),
        // Not stored when empty, like the tag lists: `$node IN null` is null, so no match.
        targets: targets.length > 0 ? targets : null,
        undoes: undoes === null ? null : toInteger(undoes),
      },
    });
    return entry;
  }
}

/**
 * Writes inside one transaction, which the caller has begun by raising the revision. Every change
 * is noted in `changes`, in order, as the embedded store notes it; the caller writes them as the
 * transaction's audit entry (writeAuditEntry) before it commits.
 */
export class GraphWriter extends GraphReader {
  /** What this transaction has changed so far, for its audit entry. */
  private readonly changes: AuditChange[] = [];
  private readonly log: AuditLog;

  constructor(tx: ManagedTransaction) {
    super(tx);
    this.log = new AuditLog(tx);
  }

  /** Raises the revision; must be the transaction's first statement (see BUMP_REVISION). */
  async bumpRevision(): Promise<number> {
    const [record] = await this.run(BUMP_REVISION, {});
    if (!record) throw new Error('the revision counter did not answer');
    return numberOf(record.get('revision') as unknown, 'revision');
  }

  /**
   * Writes the audit entry of everything this transaction changed: the transaction's last step,
   * so the entry commits with the write or not at all. `undoes` marks the entry it undid.
   */
  async writeAuditEntry(
    revision: number,
    action: AuditAction,
    context: WriteContext | undefined,
    undoes: number | null,
  ): Promise<AuditEntry> {
    const entry = await this.log.append(
      revision,
      action,
      context?.actor ?? null,
      this.changes,
      undoes,
    );
    if (undoes !== null) {
      await this.run(MARK_UNDONE, { id: toInteger(undoes), undoneBy: toInteger(entry.id) });
    }
    return entry;
  }

  /**
   * Puts back every `before` value of an entry (audit-rules decides what and refuses what it
   * may not); the caller writes this transaction's entry with `undoes` set.
   */
  async undo(id: number): Promise<void> {
    const entry = await this.auditEntry(id);
    if (!entry) throw new AuditEntryNotFoundError(id);
    const reversed = undoChanges(entry);
    for (const change of lastValues(entry)) {
      const target = change.entity === 'dismissal' ? (change.after ?? change.before)?.a : change.id;
      const later = target === undefined ? null : await this.laterEntry(target, id);
      checkUnchangedSince(entry, change, asRecorded(await this.currentValue(change)), later);
    }
    try {
      for (const change of reversed) await this.putBack(entry, change);
    } catch (error: unknown) {
      if (error instanceof AppError && !(error instanceof UndoRefusedError)) {
        throw new UndoRefusedError(id, error.message);
      }
      throw error;
    }
  }

  async insertNode(input: CreateNodeInput): Promise<GraphNode> {
    return this.storeNode(newNode(input));
  }

  /** Writes a complete node whose id must be free. */
  async storeNode(node: GraphNode): Promise<GraphNode> {
    if (await this.node(node.id)) {
      throw new ConflictError(`a node with id '${node.id}' already exists`);
    }
    this.record({ entity: 'node', id: node.id, before: null, after: node });
    await this.run(CREATE_NODE[node.kind], { props: nodeProperties(node) });
    return node;
  }

  /**
   * Deletes every node with its links, position and dismissals (a restore that replaces), each
   * noted for the audit log as the embedded store notes it: links first, then per node (in
   * directory order) the dismissals it is the first of, its position, and the node.
   */
  async deleteEverything(): Promise<void> {
    for (const record of await this.run(ALL_LINKS, {})) {
      const link = linkOf(record);
      this.record({ entity: 'link', id: link.id, before: link, after: null });
    }
    const dismissals = await this.dismissals();
    for (const record of await this.run(ALL_NODES, {})) {
      const node = nodeOf(record);
      for (const dismissal of dismissals
        .filter((each) => each.a === node.id)
        .sort((x, y) => (x.b < y.b ? -1 : x.b > y.b ? 1 : 0))) {
        this.recordDismissal(dismissal, null);
      }
      const at = pointOf(positionIn(record, node.id));
      if (at) this.record({ entity: 'position', id: node.id, before: at, after: null });
      this.record({ entity: 'node', id: node.id, before: node, after: null });
    }
    await this.run(DELETE_ALL_DISMISSALS, {});
    // Users who were people on the map are no longer (the embedded store's ON DELETE SET NULL).
    await this.run(FORGET_ALL_PERSONS, {});
    await this.run(DELETE_ALL_NODES, {});
  }

  /** Validates and writes a node given as stored (restore). */
  async restoreNode(input: unknown): Promise<void> {
    await this.storeNode(storedNode(input));
  }

  async changeNode(id: string, patch: UpdateNodeBody): Promise<GraphNode> {
    const existing = await this.node(id);
    if (!existing) throw new NotFoundError('node', id);
    return this.replaceNode(existing, patchedNode(existing, patch));
  }

  /** Writes a new version of a stored node (a patch, or an undo putting one back). */
  private async replaceNode(existing: GraphNode, next: GraphNode): Promise<GraphNode> {
    await this.checkLinksAllowed(existing.id, existing, next);
    this.record({ entity: 'node', id: existing.id, before: existing, after: next });
    await this.run(UPDATE_NODE, { id: existing.id, props: nodeProperties(next) });
    return next;
  }

  async removeNode(id: string): Promise<Omit<DeleteNodeResult, 'auditId'>> {
    const existing = await this.node(id);
    if (!existing) throw new NotFoundError('node', id);
    const links = (await this.run(LINKS_OF_NODE, { id })).map(linkOf);
    // Everything the delete takes with it is noted first, so an undo (newest change first)
    // brings the node back before its links, dismissals and position.
    if (existing.kind === 'meeting') {
      for (const link of (await this.run(LINKS_OF_MEETING, { id })).map(linkOf)) {
        if (link.source === id || link.target === id) continue;
        const next = linkWithoutMeeting(link);
        this.record({ entity: 'link', id: link.id, before: link, after: next });
        await this.writeLink(next);
      }
    }
    for (const link of links) {
      this.record({ entity: 'link', id: link.id, before: link, after: null });
    }
    const dismissals = (await this.run(DISMISSALS_OF_NODE, { id })).map(dismissalOf);
    for (const dismissal of dismissals) this.recordDismissal(dismissal, null);
    const at = await this.position(id);
    if (at) this.record({ entity: 'position', id, before: at, after: null });
    this.record({ entity: 'node', id, before: existing, after: null });
    if (dismissals.length > 0) await this.run(DELETE_DISMISSALS_OF_NODE, { id });
    // A user who was this person on the map is no longer (the embedded store's ON DELETE SET
    // NULL); not a graph change, so not in the audit entry.
    await this.run(FORGET_PERSON, { id });
    await this.run(DELETE_NODE, { id });
    return { deletedLinkIds: links.map((link) => link.id) };
  }

  async insertLink(input: CreateLinkInput, context: WriteContext | undefined): Promise<Link> {
    return this.storeLink(newLink(input, context));
  }

  /** Validates and writes a link given as stored (restore). */
  async restoreLink(input: unknown): Promise<void> {
    await this.storeLink(storedLink(input));
  }

  /** Checks a complete link against what is stored and writes it. */
  async storeLink(link: Link): Promise<Link> {
    if (await this.link(link.id)) {
      throw new ConflictError(`a link with id '${link.id}' already exists`);
    }
    const ends = await this.nodes([
      link.source,
      link.target,
      ...(link.meetingId === null ? [] : [link.meetingId]),
    ]);
    checkLinkEnds(
      link,
      ends.get(link.source) ?? null,
      ends.get(link.target) ?? null,
      link.meetingId === null ? null : (ends.get(link.meetingId) ?? null),
    );
    const [same] = await this.run(SAME_LINK, {
      kind: link.kind,
      source: link.source,
      target: link.target,
      undirected: !isDirected(link),
    });
    if (same) {
      throw new ConflictError(
        `a ${link.kind} link between '${link.source}' and '${link.target}' already exists (link '${text(same, 'id')}')`,
      );
    }
    this.record({ entity: 'link', id: link.id, before: null, after: link });
    await this.run(CREATE_LINK[link.kind], {
      source: link.source,
      target: link.target,
      props: linkProperties(link),
    });
    return link;
  }

  async changeLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link> {
    const existing = await this.link(id);
    if (!existing) throw new NotFoundError('link', id);
    return this.replaceLink(existing, patchedLink(existing, patch, context));
  }

  /** Writes a new version of a stored link (a patch, or an undo putting one back). */
  private async replaceLink(existing: Link, next: Link): Promise<Link> {
    if (next.meetingId !== null && next.meetingId !== existing.meetingId) {
      await this.checkMeeting(next);
    }
    this.record({ entity: 'link', id: existing.id, before: existing, after: next });
    await this.writeLink(next);
    return next;
  }

  async removeLink(id: string): Promise<void> {
    const existing = await this.link(id);
    if (!existing) throw new NotFoundError('link', id);
    this.record({ entity: 'link', id, before: existing, after: null });
    await this.run(DELETE_LINK, { id, source: existing.source, target: existing.target });
  }

  /** Records a dismissal unless the pair already has one (see GraphStore.dismissIntroduction). */
  async dismiss(a: string, b: string, context: WriteContext | undefined): Promise<DismissResult> {
    const ends = await this.nodes([a, b]);
    checkIntroductionPair(a, b, ends.get(a) ?? null, ends.get(b) ?? null);
    const existing = await this.dismissal(a, b);
    if (existing) return { dismissal: existing, created: false };
    const dismissal = newDismissal(a, b, context);
    await this.storeDismissal(dismissal);
    return { dismissal, created: true };
  }

  /** Forgets the dismissal of a pair; NotDismissedError if there is none. */
  async undoDismissal(a: string, b: string): Promise<void> {
    const existing = await this.dismissal(a, b);
    if (!existing) throw new NotDismissedError(a, b);
    await this.forgetDismissal(existing);
  }

  /** Saves positions of existing nodes; NotFoundError for the first unknown id. */
  async savePositions(positions: readonly Position[]): Promise<void> {
    const current = new Map<string, Point | null>();
    if (positions.length > 0) {
      const ids = [...new Set(positions.map((position) => position.id))];
      for (const record of await this.run(NODES_BY_IDS, { ids })) {
        const id = stringOrNull(asMap(record.get('node') as unknown, 'node').id, 'node id');
        if (id !== null) current.set(id, pointOf(positionIn(record, id)));
      }
    }
    for (const position of positions) {
      // Throwing rolls the whole transaction back, the positions already set included.
      if (!current.has(position.id)) throw new NotFoundError('node', position.id);
      const after = { x: position.x, y: position.y };
      this.record({
        entity: 'position',
        id: position.id,
        before: current.get(position.id) ?? null,
        after,
      });
      current.set(position.id, after);
    }
    if (positions.length === 0) return;
    await this.run(SAVE_POSITIONS, {
      positions: positions.map((position) => ({ id: position.id, x: position.x, y: position.y })),
    });
  }

  /** One write of a batch; returns the id it wrote. */
  async apply(op: BatchOp, context: WriteContext | undefined): Promise<string> {
    switch (op.op) {
      case 'createNode':
        return (await this.insertNode(op.node)).id;
      case 'updateNode':
        return (await this.changeNode(op.id, op.patch)).id;
      case 'deleteNode':
        await this.removeNode(op.id);
        return op.id;
      case 'createLink':
        return (await this.insertLink(op.link, context)).id;
      case 'updateLink':
        return (await this.changeLink(op.id, op.patch, context)).id;
      case 'deleteLink':
        await this.removeLink(op.id);
        return op.id;
    }
  }

  /** Notes a change of this transaction. */
  private record(change: AuditChange): void {
    this.changes.push(change);
  }

  private recordDismissal(before: Dismissal | null, after: Dismissal | null): void {
    const pair = before ?? after;
    if (pair) this.record({ entity: 'dismissal', id: dismissalId(pair), before, after });
  }

  private async storeDismissal(dismissal: Dismissal): Promise<void> {
    this.recordDismissal(null, dismissal);
    await this.run(CREATE_DISMISSAL, { props: dismissalProperties(dismissal) });
  }

  private async forgetDismissal(dismissal: Dismissal): Promise<void> {
    this.recordDismissal(dismissal, null);
    await this.run(DELETE_DISMISSAL, { a: dismissal.a, b: dismissal.b });
  }

  /** Writes every field of an existing link. */
  private async writeLink(link: Link): Promise<void> {
    await this.run(UPDATE_LINK, {
      id: link.id,
      source: link.source,
      target: link.target,
      props: linkProperties(link),
    });
  }

  /** A link's ends and meeting must still fit it when it names a (new) meeting. */
  private async checkMeeting(link: Link): Promise<void> {
    if (link.meetingId === null) return;
    const ends = await this.nodes([link.source, link.target, link.meetingId]);
    checkLinkEnds(
      link,
      ends.get(link.source) ?? null,
      ends.get(link.target) ?? null,
      ends.get(link.meetingId) ?? null,
    );
  }

  /** A new organisation kind can break links a node already has (MEMBER_OF needs a network). */
  private async checkLinksAllowed(id: string, existing: GraphNode, next: GraphNode): Promise<void> {
    if (orgKindOf(next) === orgKindOf(existing)) return;
    const links = (await this.run(LINKS_OF_NODE, { id })).map(linkOf);
    const others = await this.nodes(
      links.flatMap((link) => [
        link.source === id ? link.target : link.source,
        ...(link.meetingId === null ? [] : [link.meetingId]),
      ]),
    );
    for (const link of links) {
      const other = others.get(link.source === id ? link.target : link.source) ?? null;
      const [source, target] = link.source === id ? [next, other] : [other, next];
      const meeting = link.meetingId === null ? null : (others.get(link.meetingId) ?? null);
      checkLinkEnds(link, source, target, meeting);
    }
  }

  /** What the store holds now of a thing an audit change is about. */
  private async currentValue(change: AuditChange): Promise<unknown> {
    switch (change.entity) {
      case 'node':
        return this.node(change.id);
      case 'link':
        return this.link(change.id);
      case 'position':
        return this.position(change.id);
      case 'dismissal': {
        const pair = change.before ?? change.after;
        return pair ? this.dismissal(pair.a, pair.b) : null;
      }
      case 'user':
        // Never reached: undoChanges (audit-rules.ts) refuses account changes first.
        return null;
    }
  }

  /** Makes the store hold `change.after` for the thing (one step of an undo), noted. */
  private async putBack(entry: AuditEntry, change: AuditChange): Promise<void> {
    switch (change.entity) {
      case 'node': {
        const current = await this.node(change.id);
        if (change.after === null) {
          const links = (await this.run(LINKS_OF_NODE, { id: change.id })).map(
            (record) => linkOf(record).id,
          );
          if (links.length > 0) nodeHasLaterLinks(entry, change, links);
          await this.removeNode(change.id);
        } else if (current === null) {
          await this.storeNode(change.after);
        } else {
          await this.replaceNode(current, change.after);
        }
        return;
      }
      case 'link': {
        const current = await this.link(change.id);
        if (change.after === null) await this.removeLink(change.id);
        else if (current === null) await this.storeLink(change.after);
        else await this.replaceLink(current, change.after);
        return;
      }
      case 'position':
        if (change.after === null) {
          this.record({ ...change, before: await this.position(change.id) });
          await this.run(DELETE_POSITION, { id: change.id });
        } else await this.savePositions([{ id: change.id, ...change.after }]);
        return;
      case 'dismissal': {
        if (change.after === null) {
          const current = change.before && (await this.dismissal(change.before.a, change.before.b));
          if (current) await this.forgetDismissal(current);
        } else {
          const { a, b } = change.after;
          const ends = await this.nodes([a, b]);
          checkIntroductionPair(a, b, ends.get(a) ?? null, ends.get(b) ?? null);
          await this.storeDismissal(change.after);
        }
        return;
      }
      case 'user':
        throw new UndoRefusedError(entry.id, 'an account change is not undone from the log');
    }
  }
}
