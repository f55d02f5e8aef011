/**
 * The storage port. Routes and services talk to a GraphStore only; the adapters in embedded/ and
 * neo4j/ implement it, and tests/contract/ is the one description of how every adapter behaves.
 *
 * Every write is one transaction: it happens entirely or not at all, and raises the revision.
 * Writes validate against graph-schema (including link endpoint rules) and throw the errors in
 * ../errors.ts (NotFoundError, ConflictError, ValidationError, LinkNotAllowedError).
 */
import type {
  AuditEntry,
  AuditQuery,
  BatchOpInput,
  BatchOpName,
  CreateLinkInput,
  CreateNodeInput,
  FocusWalk,
  GraphNode,
  Language,
  Link,
  LinkKind,
  NodeFilter,
  NodePage,
  Position,
  Role,
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
  /** Which links the focus steps along: the working ones, or all (the default). */
  walk?: FocusWalk | undefined;
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

/** Who is writing: a user id, recorded on links (`createdBy`) and in the audit log. */
export interface WriteContext {
  actor?: string | null;
}

/**
 * An account as stored. The store never sees a password, only its scrypt hash
 * (services/passwords.ts), and never an invitation or session token, only its SHA-256.
 */
export interface StoredUser {
  id: string;
  /** Lower case; unique. */
  email: string;
  name: string;
  role: Role;
  /** Null while an invitation is pending. */
  passwordHash: string | null;
  personId: string | null;
  disabled: boolean;
  createdAt: string;
  /** SHA-256 of the invitation token while the invitation is pending, else null. */
  invitationHash: string | null;
  /** When the pending invitation stops working. */
  invitationExpiresAt: string | null;
  /** The language the user chose; null: the browser's. */
  language: Language | null;
}

/** What an admin (or the user themself) may change on an account. */
/** A condition on a user change, checked in its transaction. */
export interface UpdateUserOptions {
  /**
   * Change the user only while this is still their pending invitation: of two acceptances of one
   * invitation racing on two app servers, the second finds it gone (UserNotFoundError).
   */
  ifInvitationHash?: string;
}

export type UserChange = Partial<
  Pick<
    StoredUser,
    | 'name'
    | 'role'
    | 'passwordHash'
    | 'personId'
    | 'disabled'
    | 'invitationHash'
    | 'invitationExpiresAt'
    | 'language'
  >
>;

/** A signed-in session as stored. */
export interface StoredSession {
  /** SHA-256 of the cookie's token. */
  tokenHash: string;
  userId: string;
  /** Sent back in `x-csrf-token` on writes. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A page of the audit log, newest first. */
export interface AuditLogPage {
  items: AuditEntry[];
  nextCursor: number | null;
}

/** The filters and paging of the audit log (see graph-schema's AuditQuery). */
export type AuditFilter = AuditQuery;

/** What one write of a batch did. */
export interface BatchResult {
  revision: number;
  results: { op: BatchOpName; id: string }[];
}

/** How a node's removal went: the links removed with it, and the audit entry that undoes it. */
export interface DeleteNodeResult {
  deletedLinkIds: string[];
  /** The id of the delete's audit entry (`undo(auditId)` brings the node and its links back). */
  auditId: number;
}

/** How a link's removal went. */
export interface DeleteLinkResult {
  /** The id of the delete's audit entry (`undo(auditId)` brings the link back). */
  auditId: number;
}

/** Options of createNode. */
export interface CreateNodeOptions {
  /**
   * Where the new node goes on the map: saved with the node in the same write (and the same
   * audit entry), so it never has a moment without a position.
   */
  position?: { x: number; y: number } | undefined;
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

/** What a database file holds, counted in it (a backup, or the live store at one moment). */
export interface DatabaseFacts {
  /** The schema version (the newest migration applied). */
  schemaVersion: number;
  revision: number;
  /**
   * The newest audit entry's id but for backups' own (0: none): account changes raise no
   * revision, but add an entry, so a backup is due after one.
   */
  lastAuditId: number;
  nodes: number;
  links: number;
  positions: number;
  users: number;
  auditEntries: number;
}

/**
 * Online copies of the whole database (issue 22), for the adapters that have one file to copy:
 * the embedded store. services/backups.ts schedules, compresses, checks and prunes them.
 */
export interface DatabaseBackups {
  /**
   * Copies the database into `file` (a new file) while requests go on, away from the event loop
   * (the embedded store: in a worker thread, `pagesPerStep` pages at a time). Resolves with the
   * facts of the revision the copy holds, which the copy must equal. Aborting `signal` stops the
   * copy and rejects.
   */
  copyTo(
    file: string,
    options?: { pagesPerStep?: number; signal?: AbortSignal },
  ): Promise<DatabaseFacts>;
  /**
   * Opens a copy read-only and checks it, away from the event loop: SQLite's integrity_check,
   * that it is an Octograph database, and a schema version this code knows. Resolves with what
   * it holds; rejects with a BackupCheckError saying why not, naming the file as `label` (the
   * backup a scratch copy was made from). Aborting `signal` stops the check and rejects.
   */
  inspect(file: string, options?: { label?: string; signal?: AbortSignal }): Promise<DatabaseFacts>;
  /** The live store's revision and newest audit entry: a backup is needed when they moved. */
  changeMarker(): Promise<{ revision: number; lastAuditId: number }>;
  /** Records an admin's backup or download in the audit log (revision unchanged, no changes). */
  audit(action: 'backUp' | 'downloadBackup', actor: string | null, revision: number): Promise<void>;
}

/** The storage port every adapter implements. */
export interface GraphStore {
  /** Which adapter this is. */
  readonly kind: StoreKind;
  /** Copies of the database file (the embedded store); absent: backed up another way (Neo4j). */
  readonly backups?: DatabaseBackups | undefined;

  /** The current revision: a number that increases on every write. */
  revision(): Promise<number>;
  /** Whether the database answers (for /api/health). */
  ping(): Promise<boolean>;

  /** A node by id, or null. */
  getNode(id: string): Promise<GraphNode | null>;
  /** Creates a node; ConflictError if the id is taken. Missing id → a new UUID. */
  createNode(
    input: CreateNodeInput,
    context?: WriteContext,
    options?: CreateNodeOptions,
  ): Promise<GraphNode>;
  /**
   * Changes some fields of a node; NotFoundError if absent, ValidationError if kind differs,
   * EditConflictError (with the stored node) if `patch.expectedVersion` is given and is not its
   * updatedAt. updatedAt always moves forward, even within one millisecond.
   */
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
  /**
   * Changes some fields of a link; its kind and ends never change. EditConflictError (with the
   * stored link) if `patch.expectedVersion` is given and is not its updatedAt.
   */
  updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link>;
  /** Deletes a link; NotFoundError if absent. */
  deleteLink(id: string, context?: WriteContext): Promise<DeleteLinkResult>;

  /** Every link whose two ends are both among these nodes (unknown ids are ignored). */
  linksAmong(ids: readonly string[]): Promise<Link[]>;

  /** A node and everything within `depth` steps of it (links in both directions). */
  neighbourhood(id: string, depth: number): Promise<Subgraph>;
  /** The subgraph the map shows for these filters. */
  mapSubgraph(filter: MapFilter): Promise<MapSubgraph>;
  /** Saves layout positions of existing nodes (unknown ids: NotFoundError). */
  savePositions(positions: Position[], context?: WriteContext): Promise<void>;

  /**
   * Records that two organisations should not be suggested to each other again (either order).
   * NotFoundError for an unknown id, ValidationError when a node is not an organisation or both
   * ids are the same. Dismissing a pair already dismissed changes nothing (`created: false`).
   */
  dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult>;
  /** Forgets a dismissal (either order); NotDismissedError when the pair was not dismissed. */
  undoDismissal(a: string, b: string, context?: WriteContext): Promise<void>;
  /** Every dismissal, newest first. */
  listDismissals(): Promise<Dismissal[]>;

  // --- accounts (issue 8): users and sessions live in the same database as the graph ---

  /**
   * Creates a user; ConflictError when the e-mail is taken. Account writes enter the audit log
   * (action createUser/updateUser, the revision unchanged, never undone) in the same transaction.
   */
  createUser(user: StoredUser, context?: WriteContext): Promise<void>;
  /**
   * Creates the first admin, only while no admin exists (checked in the same transaction, so two
   * racing set-ups cannot both win); ConflictError otherwise.
   */
  createFirstAdmin(user: StoredUser): Promise<void>;
  /**
   * Changes a user; NotFoundError when absent. Refuses (ConflictError) a change that would leave
   * no enabled admin with a password. Disabling a user or changing their password hash ends all
   * their sessions in the same transaction.
   */
  updateUser(
    id: string,
    change: UserChange,
    context?: WriteContext,
    options?: UpdateUserOptions,
  ): Promise<StoredUser>;
  getUser(id: string): Promise<StoredUser | null>;
  findUserByEmail(email: string): Promise<StoredUser | null>;
  findUserByInvitation(invitationHash: string): Promise<StoredUser | null>;
  /** Every user, by e-mail. */
  listUsers(): Promise<StoredUser[]>;
  /** Whether an enabled admin with a password exists. */
  hasAdmin(): Promise<boolean>;

  createSession(session: StoredSession): Promise<void>;
  /** The session and its user, or null when unknown or expired (an expired one is deleted). */
  findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ session: StoredSession; user: StoredUser } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user except `keep` (the one changing their password). */
  deleteSessionsOf(userId: string, keep?: string): Promise<void>;

  // --- the audit log (issue 8): one entry per graph write, written in the write's transaction ---

  /** Entries passing the filters, newest first. */
  listAudit(filter: AuditFilter): Promise<AuditLogPage>;
  getAuditEntry(id: number): Promise<AuditEntry | null>;
  /**
   * Undoes an entry: one new audited write (action `undo`) that puts back every `before` value.
   * NotFoundError for an unknown entry; UndoRefusedError (409, with the reason) when it was undone
   * already, when it is a restore, or when something it changed was changed again later (the
   * current value differs from its `after`, or a node it created now has other links).
   */
  undo(id: number, context?: WriteContext): Promise<AuditEntry>;

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
  restore(content: NetworkContent, options?: RestoreOptions, context?: WriteContext): Promise<void>;
  /** Releases the database. */
  close(): Promise<void>;
}
