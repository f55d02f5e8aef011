/**
 * The adapter's core: reads and writes inside one Neo4j transaction. It mirrors the embedded
 * store's private methods one for one (same checks, same order, same errors); write-rules.ts does
 * the validating, merging and link checking, and this file only looks things up and stores them.
 */
import {
  NODE_KINDS,
  isWalkThrough,
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
import { ConflictError, NotDismissedError, NotFoundError, ValidationError } from '../../errors.js';
import { decodeCursor, encodeCursor, type CursorPosition } from '../cursor.js';
import { focusOn } from '../graph-walk.js';
import type {
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
  BUMP_REVISION,
  COUNT_NODES,
  CREATE_DISMISSAL,
  CREATE_LINK,
  CREATE_NODE,
  DELETE_ALL_DISMISSALS,
  DELETE_DISMISSAL,
  DELETE_DISMISSALS_OF_NODE,
  DELETE_LINK,
  DELETE_ALL_NODES,
  DELETE_NODE,
  DISMISSAL,
  FORGET_MEETING,
  LINK_BY_ID,
  LINKS_AMONG,
  LINKS_OF_NODE,
  LINKS_WITHIN,
  LIST_NODES,
  MAP_LINKS,
  MAP_NODES,
  NEIGHBOURS,
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
      ({ nodes: kept, links } = focusOn(filter.focus, filter.depth ?? 1, nodes, links));
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

/** Writes inside one transaction, which the caller has begun by raising the revision. */
export class GraphWriter extends GraphReader {
  /** Raises the revision; must be the transaction's first statement (see BUMP_REVISION). */
  async bumpRevision(): Promise<number> {
    const [record] = await this.run(BUMP_REVISION, {});
    if (!record) throw new Error('the revision counter did not answer');
    return numberOf(record.get('revision') as unknown, 'revision');
  }

  async insertNode(input: CreateNodeInput): Promise<GraphNode> {
    return this.storeNode(newNode(input));
  }

  /** Writes a complete node whose id must be free. */
  async storeNode(node: GraphNode): Promise<GraphNode> {
    if (await this.node(node.id)) {
      throw new ConflictError(`a node with id '${node.id}' already exists`);
    }
    await this.run(CREATE_NODE[node.kind], { props: nodeProperties(node) });
    return node;
  }

  /** Deletes every node with its links and position (a restore that replaces). */
  async deleteEverything(): Promise<void> {
    await this.run(DELETE_ALL_DISMISSALS, {});
    await this.run(DELETE_ALL_NODES, {});
  }

  /** Validates and writes a node given as stored (restore). */
  async restoreNode(input: unknown): Promise<void> {
    await this.storeNode(storedNode(input));
  }

  async changeNode(id: string, patch: UpdateNodeBody): Promise<GraphNode> {
    const existing = await this.node(id);
    if (!existing) throw new NotFoundError('node', id);
    const next = patchedNode(existing, patch);
    if (orgKindOf(next) !== orgKindOf(existing)) {
      // A new organisation kind can break links it already has (MEMBER_OF needs a network).
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
    await this.run(UPDATE_NODE, { id, props: nodeProperties(next) });
    return next;
  }

  async removeNode(id: string): Promise<DeleteNodeResult> {
    const existing = await this.node(id);
    if (!existing) throw new NotFoundError('node', id);
    const deletedLinkIds = (await this.run(LINKS_OF_NODE, { id })).map(
      (record) => linkOf(record).id,
    );
    if (existing.kind === 'meeting') await this.run(FORGET_MEETING, { id });
    if (existing.kind === 'organisation') await this.run(DELETE_DISMISSALS_OF_NODE, { id });
    await this.run(DELETE_NODE, { id });
    return { deletedLinkIds };
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
    const next = patchedLink(existing, patch, context);
    if (next.meetingId !== null && next.meetingId !== existing.meetingId) {
      const ends = await this.nodes([next.source, next.target, next.meetingId]);
      checkLinkEnds(
        next,
        ends.get(next.source) ?? null,
        ends.get(next.target) ?? null,
        ends.get(next.meetingId) ?? null,
      );
    }
    await this.run(UPDATE_LINK, {
      id,
      source: next.source,
      target: next.target,
      props: linkProperties(next),
    });
    return next;
  }

  async removeLink(id: string): Promise<void> {
    const existing = await this.link(id);
    if (!existing) throw new NotFoundError('link', id);
    await this.run(DELETE_LINK, { id, source: existing.source, target: existing.target });
  }

  /** Records a dismissal unless the pair already has one (see GraphStore.dismissIntroduction). */
  async dismiss(a: string, b: string, context: WriteContext | undefined): Promise<DismissResult> {
    const ends = await this.nodes([a, b]);
    checkIntroductionPair(a, b, ends.get(a) ?? null, ends.get(b) ?? null);
    const existing = await this.dismissal(a, b);
    if (existing) return { dismissal: existing, created: false };
    const dismissal = newDismissal(a, b, context);
    await this.run(CREATE_DISMISSAL, { props: dismissalProperties(dismissal) });
    return { dismissal, created: true };
  }

  /** Forgets the dismissal of a pair; NotDismissedError if there is none. */
  async undoDismissal(a: string, b: string): Promise<void> {
    const [first, second] = orderedPair(a, b);
    const [record] = await this.run(DELETE_DISMISSAL, { a: first, b: second });
    if (!record || numberOf(record.get('deleted') as unknown, 'deleted') === 0) {
      throw new NotDismissedError(a, b);
    }
  }

  /** Saves positions of existing nodes; NotFoundError for the first unknown id. */
  async savePositions(positions: readonly Position[]): Promise<void> {
    const records = await this.run(SAVE_POSITIONS, {
      positions: positions.map((position) => ({ id: position.id, x: position.x, y: position.y })),
    });
    const found = new Set(records.map((record) => text(record, 'id')));
    const missing = positions.find((position) => !found.has(position.id));
    // Throwing rolls the whole transaction back, the positions already set included.
    if (missing) throw new NotFoundError('node', missing.id);
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
}
