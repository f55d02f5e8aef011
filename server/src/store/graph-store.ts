/**
 * The storage port. Routes and services talk to a GraphStore only; the adapters in embedded/ and
 * neo4j/ implement it, and tests/contract/ is the one description of how every adapter behaves.
 *
 * Every write is one transaction: it happens entirely or not at all, and raises the revision.
 * Writes validate against graph-schema (including link endpoint rules) and throw the errors in
 * ../errors.ts (NotFoundError, ConflictError, ValidationError, LinkNotAllowedError).
 */
import type {
  BatchOpInput,
  BatchOpName,
  CreateLinkInput,
  CreateNodeInput,
  GraphNode,
  Link,
  LinkKind,
  NodeFilter,
  NodePage,
  Position,
  Subgraph,
  UpdateLinkBody,
  UpdateNodeBody,
} from '@octograph/graph-schema';

/** Which adapter a store is. */
export type StoreKind = 'embedded' | 'neo4j';

/** Filters and pagination for listing nodes. */
export interface NodeQuery extends NodeFilter {
  /** Page size, 1 to 500. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/** What the map shows: node filters, link kinds and an optional focus. */
export interface MapFilter extends NodeFilter {
  /** Link kinds to keep; all when absent. */
  linkKind?: LinkKind[] | undefined;
  /** Keep only what lies within `depth` steps of this node (the node itself always stays). */
  focus?: string | undefined;
  /** Steps out from the focus, 1 or more. */
  depth?: number | undefined;
}

/** The nodes and links that pass a map filter, with saved positions where there are any. */
export interface MapSubgraph {
  revision: number;
  nodes: GraphNode[];
  links: Link[];
  /** Saved positions of the returned nodes that have one. */
  positions: Position[];
}

/** Nodes, links and positions as stored. */
export interface NetworkContent {
  nodes: GraphNode[];
  links: Link[];
  positions: Position[];
}

/** How a restore treats what the store already holds. */
export interface RestoreOptions {
  /** Delete every node, link and position first (in the same transaction). */
  replace?: boolean;
  /**
   * Refuse with a ConflictError unless the store is still at this revision when the restore
   * starts: what the caller read (and maybe saved as a backup) is then exactly what is replaced.
   */
  expectedRevision?: number;
}

/** Everything in the store, for analytics and export. */
export interface Snapshot extends NetworkContent {
  revision: number;
}

/** Who is writing, recorded on links (`createdBy`). */
export interface WriteContext {
  actor?: string | null;
}

/** What one write of a batch did. */
export interface BatchResult {
  revision: number;
  results: { op: BatchOpName; id: string }[];
}

/** How a node's removal went: the links removed with it. */
export interface DeleteNodeResult {
  deletedLinkIds: string[];
}

/**
 * A suggested introduction someone dismissed: the two organisations (the smaller id first), when
 * and by whom. Insights never suggest the pair again. Deleting either organisation deletes it.
 */
export interface Dismissal {
  a: string;
  b: string;
  dismissedAt: string;
  dismissedBy: string | null;
}

/** What dismissing did: the stored dismissal, and whether this call created it. */
export interface DismissResult {
  dismissal: Dismissal;
  created: boolean;
}

/** The storage port every adapter implements. */
export interface GraphStore {
  /** Which adapter this is. */
  readonly kind: StoreKind;

  /** The current revision: a number that increases on every write. */
  revision(): Promise<number>;
  /** Whether the database answers (for /api/health). */
  ping(): Promise<boolean>;

  /** A node by id, or null. */
  getNode(id: string): Promise<GraphNode | null>;
  /** Creates a node; ConflictError if the id is taken. Missing id → a new UUID. */
  createNode(input: CreateNodeInput, context?: WriteContext): Promise<GraphNode>;
  /** Changes some fields of a node; NotFoundError if absent, ValidationError if kind differs. */
  updateNode(id: string, patch: UpdateNodeBody, context?: WriteContext): Promise<GraphNode>;
  /** Deletes a node and every link that touches it; NotFoundError if absent. */
  deleteNode(id: string, context?: WriteContext): Promise<DeleteNodeResult>;
  /** Nodes passing the filters, sorted by name (then id), one page at a time. */
  listNodes(query: NodeQuery): Promise<NodePage>;

  /** A link by id, or null. */
  getLink(id: string): Promise<Link | null>;
  /**
   * Creates a link. NotFoundError if an end or the meeting is absent, LinkNotAllowedError if the
   * link kind may not join these nodes, ConflictError if the id is taken or the same link exists.
   */
  createLink(input: CreateLinkInput, context?: WriteContext): Promise<Link>;
  /** Changes some fields of a link; its kind and ends never change. */
  updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link>;
  /** Deletes a link; NotFoundError if absent. */
  deleteLink(id: string, context?: WriteContext): Promise<void>;

  /** Every link whose two ends are both among these nodes (unknown ids are ignored). */
  linksAmong(ids: readonly string[]): Promise<Link[]>;

  /** A node and everything within `depth` steps of it (links in both directions). */
  neighbourhood(id: string, depth: number): Promise<Subgraph>;
  /** The subgraph the map shows for these filters. */
  mapSubgraph(filter: MapFilter): Promise<MapSubgraph>;
  /** Saves layout positions of existing nodes (unknown ids: NotFoundError). */
  savePositions(positions: Position[]): Promise<void>;

  /**
   * Records that two organisations should not be suggested to each other again (either order).
   * NotFoundError for an unknown id, ValidationError when a node is not an organisation or both
   * ids are the same. Dismissing a pair already dismissed changes nothing (`created: false`).
   */
  dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult>;
  /** Forgets a dismissal (either order); NotDismissedError when the pair was not dismissed. */
  undoDismissal(a: string, b: string): Promise<void>;
  /** Every dismissal, newest first. */
  listDismissals(): Promise<Dismissal[]>;

  /** Applies writes in order, all or nothing. */
  applyBatch(ops: BatchOpInput[], context?: WriteContext): Promise<BatchResult>;
  /** Every node, link and position. */
  snapshot(): Promise<Snapshot>;
  /**
   * Writes stored nodes, links and positions exactly as they are (ids, timestamps, createdBy),
   * all or nothing: how an export is imported, losslessly, into another store. Every node and
   * link is validated and the link rules apply; an id that already exists is a ConflictError.
   * With `replace`, everything the store held is deleted first, in the same transaction.
   */
  restore(content: NetworkContent, options?: RestoreOptions): Promise<void>;
  /** Releases the database. */
  close(): Promise<void>;
}
