/**
 * The Neo4j GraphStore (neo4j-driver 6, Neo4j 5). Every API write, batch and restore is one managed
 * write transaction (`session.executeWrite`) that first raises the revision counter; every read is
 * one managed read transaction. What each transaction does lives in graph-tx.ts, the Cypher in
 * queries.ts, the mapping to properties in properties.ts and values.ts. README.md lists the
 * Neo4j features this relies on.
 *
 * Open it with `Neo4jGraphStore.open(config)`: it checks the server answers and the login works,
 * then creates the schema (idempotent) before returning.
 */
import {
  type AuditAction,
  type AuditEntry,
  type BatchOpInput,
  type CreateLinkInput,
  type CreateNodeInput,
  type GraphNode,
  type Link,
  type NodePage,
  type Position,
  type Subgraph,
  type UpdateLinkBody,
  type UpdateNodeBody,
} from '@octograph/graph-schema';
import {
  Neo4jError,
  bookmarkManager,
  error as driverErrors,
  session as sessionMode,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Session,
  type SessionMode,
} from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { AppError, ConflictError, StoreUnavailableError } from '../../errors.js';
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
import { checkExpectedRevision, locateError, parseBatchOps } from '../write-rules.js';
import { AccountsTx, AccountsWriter } from './accounts.js';
import {
  checkServer,
  closeDriver,
  createDriver,
  createSchema,
  withDeadline,
} from './connection.js';
import { AuditLog, GraphReader, GraphWriter } from './graph-tx.js';
import { PING } from './queries.js';

/**
 * Neo4j's read transactions see each committed write as soon as it commits (read committed), so a
 * read made of several queries is fenced by the revision: read before and after, and if a write
 * came in between, read again. After this many tries the last result goes out with the earlier
 * revision, which only makes a revision-keyed cache (MapView) refresh sooner.
 */
const MAX_READ_ATTEMPTS = 5;

/**
 * Once a transaction found the server out of reach, later ones do not each wait out the driver's
 * retries (up to maxTransactionRetryTime, and a request makes several): they fail at once with
 * StoreUnavailableError (503) until a quick probe, at most once per PROBE_INTERVAL_MS and given
 * PROBE_TIMEOUT_MS, finds the server answering again.
 */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether a driver error means the server is out of reach (stopped, restarting, killed, a network
 * cut) rather than that the work was wrong: ServiceUnavailable and SessionExpired once the managed
 * transaction's retries (maxTransactionRetryTime) are spent, any other error the driver calls
 * retryable, and a pool that could not hand out a connection in time.
 */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  if (
    error.code === driverErrors.SERVICE_UNAVAILABLE ||
    error.code === driverErrors.SESSION_EXPIRED
  ) {
    return true;
  }
  if (Neo4jError.isRetryable(error)) return true;
  return error.message.startsWith('Connection acquisition timed out');
}

/** What a failed transaction rejects with: our own errors as they are, Neo4j's made readable. */
function storeError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) return new StoreUnavailableError();
  if (
    error instanceof Neo4jError &&
    error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
  ) {
    // Another client wrote the same node id (or user e-mail, invitation, session token) between
    // our check and our write.
    return new ConflictError('another write stored the same id first; try again');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The GraphStore over a Neo4j 5 database. */
export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j';
  private closed = false;
  /** Set while the server is out of reach: when it was last probed, and the probe under way. */
  private outage: { probedAt: number; probe: Promise<boolean> | null } | null = null;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    // Shared by every session of this store, so a read after a write sees it even when a cluster
    // routes the two to different members (causal consistency).
    private readonly bookmarks: BookmarkManager,
  ) {}

  /** Connects, checks the login and the version, and creates the schema. */
  static async open(config: Neo4jConfig): Promise<Neo4jGraphStore> {
    const driver = createDriver(config);
    try {
      await checkServer(driver, config);
      const bookmarks = bookmarkManager();
      await createSchema(driver, config, bookmarks);
      return new Neo4jGraphStore(driver, config.database, bookmarks);
    } catch (error: unknown) {
      await closeDriver(driver);
      throw error;
    }
  }

  async revision(): Promise<number> {
    return this.read((reader) => reader.revision());
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    // An auto-commit query, not a managed transaction: a health check should answer now rather
    // than retry for as long as the driver retries transactions.
    const session = this.session(sessionMode.READ);
    try {
      await session.run(PING.text);
      return true;
    } catch {
      return false;
    } finally {
      await session.close();
    }
  }

  async getNode(id: string): Promise<GraphNode | null> {
    return this.read((reader) => reader.node(id));
  }

  async createNode(
    input: CreateNodeInput,
    context?: WriteContext,
    options: CreateNodeOptions = {},
  ): Promise<GraphNode> {
    return this.write('createNode', context, async (writer) => {
      const node = await writer.insertNode(input);
      if (options.position) await writer.savePositions([{ id: node.id, ...options.position }]);
      return node;
    });
  }

  async updateNode(id: string, patch: UpdateNodeBody, context?: WriteContext): Promise<GraphNode> {
    return this.write('updateNode', context, (writer) => writer.changeNode(id, patch));
  }

  async deleteNode(id: string, context?: WriteContext): Promise<DeleteNodeResult> {
    const { result, entry } = await this.audited(
      'deleteNode',
      context,
      (writer) => writer.removeNode(id),
      null,
    );
    return { ...result, auditId: entry.id };
  }

  async listNodes(query: NodeQuery): Promise<NodePage> {
    return (await this.readAtOneRevision((reader) => reader.listNodes(query))).value;
  }

  async getLink(id: string): Promise<Link | null> {
    return this.read((reader) => reader.link(id));
  }

  async createLink(input: CreateLinkInput, context?: WriteContext): Promise<Link> {
    return this.write('createLink', context, (writer) => writer.insertLink(input, context));
  }

  async updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link> {
    return this.write('updateLink', context, (writer) => writer.changeLink(id, patch, context));
  }

  async deleteLink(id: string, context?: WriteContext): Promise<DeleteLinkResult> {
    const { entry } = await this.audited(
      'deleteLink',
      context,
      (writer) => writer.removeLink(id),
      null,
    );
    return { auditId: entry.id };
  }

  async linksAmong(ids: readonly string[]): Promise<Link[]> {
    return this.read((reader) => reader.linksAmong(ids));
  }

  async neighbourhood(id: string, depth: number): Promise<Subgraph> {
    return (await this.readAtOneRevision((reader) => reader.neighbourhood(id, depth))).value;
  }

  async mapSubgraph(filter: MapFilter): Promise<MapSubgraph> {
    const { revision, value } = await this.readAtOneRevision((reader) => reader.mapContent(filter));
    return { revision, ...value };
  }

  async savePositions(positions: Position[], context?: WriteContext): Promise<void> {
    await this.write('savePositions', context, (writer) => writer.savePositions(positions));
  }

  async dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult> {
    // A pair already dismissed is answered without a write, so the revision stays.
    const existing = await this.read((reader) => reader.dismissal(a, b));
    if (existing) return { dismissal: existing, created: false };
    return this.write('dismissIntroduction', context, (writer) => writer.dismiss(a, b, context));
  }

  async undoDismissal(a: string, b: string, context?: WriteContext): Promise<void> {
    await this.write('undoDismissal', context, (writer) => writer.undoDismissal(a, b));
  }

  async listDismissals(): Promise<Dismissal[]> {
    return this.read((reader) => reader.dismissals());
  }

  async applyBatch(ops: BatchOpInput[], context?: WriteContext): Promise<BatchResult> {
    // Validated before the transaction begins: a malformed batch need not wait for the lock.
    const parsed = parseBatchOps(ops);
    return this.write('batch', context, async (writer, revision) => {
      const results: BatchResult['results'] = [];
      for (const [index, op] of parsed.entries()) {
        try {
          results.push({ op: op.op, id: await writer.apply(op, context) });
        } catch (error: unknown) {
          // Say which write of the batch failed; the transaction rolls back all of them.
          throw locateError(`ops[${index}]`, `ops[${index}] (${op.op})`, error);
        }
      }
      return { revision, results };
    });
  }

  async snapshot(): Promise<Snapshot> {
    const { revision, value } = await this.readAtOneRevision((reader) => reader.content());
    return { revision, ...value };
  }

  async restore(
    content: NetworkContent,
    options: RestoreOptions = {},
    context?: WriteContext,
  ): Promise<void> {
    await this.write('restore', context, async (writer, revision) => {
      // write() has already raised the revision by one for this transaction.
      checkExpectedRevision(options.expectedRevision, revision - 1);
      if (options.replace === true) await writer.deleteEverything();
      for (const [index, node] of content.nodes.entries()) {
        await writer.restoreNode(node).catch((error: unknown) => {
          throw locateError(`nodes[${index}]`, `nodes[${index}]`, error);
        });
      }
      for (const [index, link] of content.links.entries()) {
        await writer.restoreLink(link).catch((error: unknown) => {
          throw locateError(`links[${index}]`, `links[${index}]`, error);
        });
      }
      for (const [index, position] of content.positions.entries()) {
        await writer.savePositions([position]).catch((error: unknown) => {
          throw locateError(`positions[${index}]`, `positions[${index}]`, error);
        });
      }
    });
  }

  // --- accounts ---

  async createUser(user: StoredUser, context?: WriteContext): Promise<void> {
    await this.accountWrite((accounts) => accounts.createUser(user, context?.actor ?? null));
  }

  async createFirstAdmin(user: StoredUser): Promise<void> {
    await this.accountWrite((accounts) => accounts.createFirstAdmin(user));
  }

  async updateUser(
    id: string,
    change: UserChange,
    context?: WriteContext,
    options?: UpdateUserOptions,
  ): Promise<StoredUser> {
    return this.accountWrite((accounts) =>
      accounts.updateUser(id, change, context?.actor ?? null, options),
    );
  }

  async getUser(id: string): Promise<StoredUser | null> {
    return this.accountRead((accounts) => accounts.getUser(id));
  }

  async findUserByEmail(email: string): Promise<StoredUser | null> {
    return this.accountRead((accounts) => accounts.findUserByEmail(email));
  }

  async findUserByInvitation(invitationHash: string): Promise<StoredUser | null> {
    return this.accountRead((accounts) => accounts.findUserByInvitation(invitationHash));
  }

  async listUsers(): Promise<StoredUser[]> {
    return this.accountRead((accounts) => accounts.listUsers());
  }

  async hasAdmin(): Promise<boolean> {
    return this.accountRead((accounts) => accounts.hasAdmin());
  }

  async createSession(session: StoredSession): Promise<void> {
    // No lock: a session names its user, and findSession checks that user on every use.
    await this.transaction(sessionMode.WRITE, (tx) => new AccountsTx(tx).createSession(session));
  }

  async findSession(
    tokenHash: string,
    now: string,
  ): Promise<{ session: StoredSession; user: StoredUser } | null> {
    // Asked on every request, so a read; only a session found stale costs a write.
    const found = await this.accountRead((accounts) => accounts.findSession(tokenHash, now));
    if (!found) return null;
    if (!found.valid || found.user === null) {
      await this.deleteSession(tokenHash);
      return null;
    }
    return { session: found.session, user: found.user };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.transaction(sessionMode.WRITE, (tx) => new AccountsTx(tx).deleteSession(tokenHash));
  }

  async deleteSessionsOf(userId: string, keep?: string): Promise<void> {
    await this.transaction(sessionMode.WRITE, (tx) =>
      new AccountsTx(tx).deleteSessionsOf(userId, keep),
    );
  }

  // --- the audit log ---

  async listAudit(filter: AuditFilter): Promise<AuditLogPage> {
    return this.read((reader) => reader.listAudit(filter));
  }

  async getAuditEntry(id: number): Promise<AuditEntry | null> {
    return this.read((reader) => reader.auditEntry(id));
  }

  async undo(id: number, context?: WriteContext): Promise<AuditEntry> {
    const { entry } = await this.audited('undo', context, (writer) => writer.undo(id), id);
    return entry;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private session(mode: SessionMode): Session {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- neo4j-driver declares SessionConfig as a class but takes a plain object, as it documents
    return this.driver.session({
      database: this.database,
      bookmarkManager: this.bookmarks,
      defaultAccessMode: mode,
    });
  }

  /** Runs `work` in one managed transaction of this mode. */
  private async transaction<T>(
    mode: SessionMode,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    await this.checkReachable();
    const session = this.session(mode);
    try {
      return mode === sessionMode.READ
        ? await session.executeRead(work)
        : await session.executeWrite(work);
    } catch (error: unknown) {
      const failure = storeError(error);
      if (failure instanceof StoreUnavailableError) {
        this.outage ??= { probedAt: Date.now(), probe: null };
      }
      throw failure;
    } finally {
      await session.close();
    }
  }

  /**
   * While the server is known to be out of reach, throws StoreUnavailableError at once, unless a
   * probe (shared by every caller meanwhile, one per PROBE_INTERVAL_MS) finds it back.
   */
  private async checkReachable(): Promise<void> {
    const outage = this.outage;
    if (outage === null) return;
    if (outage.probe === null && Date.now() - outage.probedAt >= PROBE_INTERVAL_MS) {
      outage.probedAt = Date.now();
      outage.probe = withDeadline(this.ping(), PROBE_TIMEOUT_MS)
        .catch(() => false)
        .finally(() => {
          outage.probe = null;
        });
    }
    const reachable = outage.probe === null ? false : await outage.probe;
    if (!reachable) throw new StoreUnavailableError();
    if (this.outage === outage) this.outage = null;
  }

  /** Runs `work` in one read transaction. */
  private async read<T>(work: (reader: GraphReader) => Promise<T>): Promise<T> {
    return this.transaction(sessionMode.READ, (tx) => work(new GraphReader(tx)));
  }

  private async accountRead<T>(work: (accounts: AccountsTx) => Promise<T>): Promise<T> {
    return this.transaction(sessionMode.READ, (tx) => work(new AccountsTx(tx)));
  }

  /**
   * Runs `work` in one write transaction that first takes the accounts lock (LOCK_ACCOUNTS), not
   * the revision's, and ends with the audit entry of the account change (AuditLog.append, which
   * takes the audit counter's lock last, as graph writes do, so neither waits on the other in
   * a cycle).
   */
  private async accountWrite<T>(work: (accounts: AccountsWriter) => Promise<T>): Promise<T> {
    return this.transaction(sessionMode.WRITE, async (tx) => {
      const log = new AuditLog(tx);
      const accounts = new AccountsWriter(tx, async (action, actor, change) => {
        await log.append(null, action, actor, [change], null);
      });
      await accounts.lock();
      return work(accounts);
    });
  }

  /** Runs `work` in one read transaction, at one revision (see MAX_READ_ATTEMPTS). */
  private async readAtOneRevision<T>(
    work: (reader: GraphReader) => Promise<T>,
  ): Promise<{ revision: number; value: T }> {
    return this.read(async (reader) => {
      for (let attempt = 1; ; attempt += 1) {
        const before = await reader.revision();
        const value = await work(reader);
        const after = await reader.revision();
        if (after === before || attempt >= MAX_READ_ATTEMPTS) return { revision: before, value };
      }
    });
  }

  /** A graph write with its audit entry (see audited); answers what `work` returned. */
  private async write<T>(
    action: AuditAction,
    context: WriteContext | undefined,
    work: (writer: GraphWriter, revision: number) => Promise<T>,
  ): Promise<T> {
    return (await this.audited(action, context, work, null)).result;
  }

  /**
   * Runs `work` in one write transaction that first raises the revision (and so waits for every
   * other write to finish: see BUMP_REVISION) and last writes the audit entry of what `work`
   * changed. Any error rolls everything back, the revision and the entry too. A retried
   * transaction starts again with a new GraphWriter, so no change is noted twice.
   */
  private async audited<T>(
    action: AuditAction,
    context: WriteContext | undefined,
    work: (writer: GraphWriter, revision: number) => Promise<T>,
    undoes: number | null,
  ): Promise<{ result: T; entry: AuditEntry }> {
    return this.transaction(sessionMode.WRITE, async (tx) => {
      const writer = new GraphWriter(tx);
      const revision = await writer.bumpRevision();
      const result = await work(writer, revision);
      const entry = await writer.writeAuditEntry(revision, action, context, undoes);
      return { result, entry };
    });
  }
}
