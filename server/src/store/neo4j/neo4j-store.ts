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
  session as sessionMode,
  type BookmarkManager,
  type Driver,
  type Session,
  type SessionMode,
} from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { AppError, ConflictError } from '../../errors.js';
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
import { checkExpectedRevision, locateError, parseBatchOps } from '../write-rules.js';
import { checkServer, closeDriver, createDriver, createSchema } from './connection.js';
import { GraphReader, GraphWriter } from './graph-tx.js';
import { PING } from './queries.js';

/**
 * Neo4j's read transactions see each committed write as soon as it commits (read committed), so a
 * read made of several queries is fenced by the revision: read before and after, and if a write
 * came in between, read again. After this many tries the last result goes out with the earlier
 * revision, which only makes a revision-keyed cache (MapView) refresh sooner.
 */
const MAX_READ_ATTEMPTS = 5;

/** What a failed transaction rejects with: our own errors as they are, Neo4j's made readable. */
function storeError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (
    error instanceof Neo4jError &&
    error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
  ) {
    // Another client wrote the same node id between our check and our write.
    return new ConflictError('another write stored the same id first; try again');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The GraphStore over a Neo4j 5 database. */
export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j';
  private closed = false;

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

  async createNode(input: CreateNodeInput): Promise<GraphNode> {
    return this.write((writer) => writer.insertNode(input));
  }

  async updateNode(id: string, patch: UpdateNodeBody): Promise<GraphNode> {
    return this.write((writer) => writer.changeNode(id, patch));
  }

  async deleteNode(id: string): Promise<DeleteNodeResult> {
    return this.write((writer) => writer.removeNode(id));
  }

  async listNodes(query: NodeQuery): Promise<NodePage> {
    return (await this.readAtOneRevision((reader) => reader.listNodes(query))).value;
  }

  async getLink(id: string): Promise<Link | null> {
    return this.read((reader) => reader.link(id));
  }

  async createLink(input: CreateLinkInput, context?: WriteContext): Promise<Link> {
    return this.write((writer) => writer.insertLink(input, context));
  }

  async updateLink(id: string, patch: UpdateLinkBody, context?: WriteContext): Promise<Link> {
    return this.write((writer) => writer.changeLink(id, patch, context));
  }

  async deleteLink(id: string): Promise<void> {
    await this.write((writer) => writer.removeLink(id));
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

  async savePositions(positions: Position[]): Promise<void> {
    await this.write((writer) => writer.savePositions(positions));
  }

  async dismissIntroduction(a: string, b: string, context?: WriteContext): Promise<DismissResult> {
    // A pair already dismissed is answered without a write, so the revision stays.
    const existing = await this.read((reader) => reader.dismissal(a, b));
    if (existing) return { dismissal: existing, created: false };
    return this.write((writer) => writer.dismiss(a, b, context));
  }

  async undoDismissal(a: string, b: string): Promise<void> {
    await this.write((writer) => writer.undoDismissal(a, b));
  }

  async listDismissals(): Promise<Dismissal[]> {
    return this.read((reader) => reader.dismissals());
  }

  async applyBatch(ops: BatchOpInput[], context?: WriteContext): Promise<BatchResult> {
    // Validated before the transaction begins: a malformed batch need not wait for the lock.
    const parsed = parseBatchOps(ops);
    return this.write(async (writer, revision) => {
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

  async restore(content: NetworkContent, options: RestoreOptions = {}): Promise<void> {
    await this.write(async (writer, revision) => {
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

  /** Runs `work` in one read transaction. */
  private async read<T>(work: (reader: GraphReader) => Promise<T>): Promise<T> {
    const session = this.session(sessionMode.READ);
    try {
      return await session.executeRead((tx) => work(new GraphReader(tx)));
    } catch (error: unknown) {
      throw storeError(error);
    } finally {
      await session.close();
    }
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

  /**
   * Runs `work` in one write transaction that first raises the revision (and so waits for every
   * other write to finish: see BUMP_REVISION). Any error rolls everything back, the revision too.
   */
  private async write<T>(work: (writer: GraphWriter, revision: number) => Promise<T>): Promise<T> {
    const session = this.session(sessionMode.WRITE);
    try {
      return await session.executeWrite(async (tx) => {
        const writer = new GraphWriter(tx);
        const revision = await writer.bumpRevision();
        return work(writer, revision);
      });
    } catch (error: unknown) {
      throw storeError(error);
    } finally {
      await session.close();
    }
  }
}
