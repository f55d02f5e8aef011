/**
 * Reaching Neo4j: the driver and its timeouts, the start-up check that turns "cannot connect" and
 * "wrong password" into one readable line, and the schema created at every start-up.
 */
import {
  Neo4jError,
  auth,
  driver as createNeo4jDriver,
  routing,
  type BookmarkManager,
  type Driver,
} from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { APP_VERSION } from '../../version.js';
import { CREATE_REVISION_COUNTER, INDEX_NAMES, SCHEMA } from './queries.js';

/** How long opening a TCP (and TLS) connection may take. */
const CONNECTION_TIMEOUT_MS = 5_000;
/** How long a query may wait for a connection from the pool, connecting included. */
const CONNECTION_ACQUISITION_TIMEOUT_MS = 10_000;
/**
 * How long the driver keeps retrying a transaction after transient errors. Its back-off (1, 2, 4 s
 * …) may start one more wait just before this runs out, so a request meeting a stopped server is
 * answered 503 after at most about twice this: 5 s keeps that near 10 s (at 10 s, answers took up
 * to 25 s on a busy 2-core machine). Lock waits are not retries and do not count.
 */
const MAX_TRANSACTION_RETRY_TIME_MS = 5_000;
/**
 * The start-up check gives up after this long whatever the driver does (a firewall that drops
 * packets, a TLS handshake that never ends), so an unreachable server fails the start within 30 s.
 */
const STARTUP_DEADLINE_MS = 20_000;

// neo4j-driver declares its option bags (Config, SessionConfig, QueryConfig) as classes, yet takes
// and documents plain objects: `driver.session({ database })`. The disables below say so.

/**
 * What a schema statement that lost a race with another server's identical one fails with. Only
 * the "equivalent rule" code: with IF NOT EXISTS, IndexAlreadyExists or ConstraintAlreadyExists
 * mean a different rule holds that name, and the store must not start as if its own existed.
 */
const ALREADY_EXISTS: ReadonlySet<string> = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
]);

/** A driver for the configured server, with timeouts short enough to fail fast. */
export function createDriver(config: Neo4jConfig): Driver {
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a plain options object, as the driver documents
    return createNeo4jDriver(config.uri, auth.basic(config.user, config.password), {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      connectionAcquisitionTimeout: CONNECTION_ACQUISITION_TIMEOUT_MS,
      maxTransactionRetryTime: MAX_TRANSACTION_RETRY_TIME_MS,
      userAgent: `octograph/${APP_VERSION}`,
    });
  } catch (error: unknown) {
    throw new Error(
      `NEO4J_URI ${displayUri(config.uri)} is not an address the Neo4j driver accepts: ${reasonOf(error)}`,
      { cause: error },
    );
  }
}

/**
 * Connects, logs in and checks the server is Neo4j 5 or later. Rejects with an Error whose message
 * is one line: the server could not be reached, authentication failed, or the version is too old.
 */
export async function checkServer(driver: Driver, config: Neo4jConfig): Promise<void> {
  let agent: string | undefined;
  try {
    const info = await withDeadline(
      driver.getServerInfo({ database: config.database }),
      STARTUP_DEADLINE_MS,
    );
    agent = info.agent;
  } catch (error: unknown) {
    throw new Error(connectFailure(error, config), { cause: error });
  }
  const major = /^Neo4j\/(\d+)\./.exec(agent ?? '')?.[1];
  // Neo4j 5 syntax throughout (EXISTS subqueries, CREATE ... IF NOT EXISTS ... REQUIRE); newer
  // releases are numbered by year (Neo4j/2025.x).
  if (major !== undefined && Number(major) < 5) {
    throw new Error(
      `the server at ${displayUri(config.uri)} runs ${agent ?? 'an unknown version'}; Octograph needs Neo4j 5 or later`,
    );
  }
}

/** Creates the constraints and indexes (each IF NOT EXISTS), then the revision counter. */
export async function createSchema(
  driver: Driver,
  config: Pick<Neo4jConfig, 'uri' | 'database'>,
  bookmarkManager: BookmarkManager,
): Promise<void> {
  // Schema statements and data cannot share a transaction, so each runs on its own; the counter
  // comes last, once its uniqueness constraint exists. Those whose index is there already are
  // skipped: one SHOW instead of a round trip each (a restart, every test's fresh app).
  const existing = await indexNames(driver, config, bookmarkManager);
  const statements = [
    ...Object.entries(SCHEMA).filter(([name]) => !existing.has(name)),
    ['revision counter', CREATE_REVISION_COUNTER],
  ] as const;
  for (const [name, statement] of statements) {
    try {
      await driver.executeQuery(
        statement.text,
        {},
        // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a plain options object, as the driver documents
        { database: config.database, routing: routing.WRITE, bookmarkManager },
      );
    } catch (error: unknown) {
      // Two servers starting at once can race to create the same index; the loser's error says
      // it exists, which is all we wanted.
      if (ALREADY_EXISTS.has(codeOf(error) ?? '')) continue;
      if (codeOf(error) === 'Neo.ClientError.Database.DatabaseNotFound') {
        throw new Error(
          `the Neo4j server at ${displayUri(config.uri)} has no database '${config.database}' (NEO4J_DATABASE)`,
          { cause: error },
        );
      }
      throw new Error(
        `could not prepare the Neo4j database '${config.database}' at ${displayUri(config.uri)} (${name}): ${reasonOf(error)}`,
        { cause: error },
      );
    }
  }
}

/** The names of the indexes (and so of the constraints) the database has; empty if unknown. */
async function indexNames(
  driver: Driver,
  config: Pick<Neo4jConfig, 'database'>,
  bookmarkManager: BookmarkManager,
): Promise<Set<string>> {
  try {
    const { records } = await driver.executeQuery(
      INDEX_NAMES.text,
      {},
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a plain options object, as the driver documents
      { database: config.database, routing: routing.READ, bookmarkManager },
    );
    return new Set(records.map((record) => String(record.get('name'))));
  } catch {
    // Then every statement runs, and reports what is wrong (no such database, say) itself.
    return new Set();
  }
}

/** Closes a driver without waiting long for a connection attempt that may never end. */
export async function closeDriver(driver: Driver): Promise<void> {
  await withDeadline(driver.close(), 2_000).catch(() => undefined);
}

/** The one-line message for a failed connection. */
function connectFailure(error: unknown, config: Neo4jConfig): string {
  const uri = displayUri(config.uri);
  const code = securityCodeIn(error);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return `authentication failed for user '${config.user}' at ${uri} (check NEO4J_USER and NEO4J_PASSWORD)`;
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `authentication failed for user '${config.user}' at ${uri}: too many failed attempts, the server refuses logins for a while`;
  }
  if (code !== undefined) {
    return `the Neo4j server at ${uri} refused user '${config.user}': ${reasonOf(error)}`;
  }
  if (error instanceof DeadlineError) {
    return `the Neo4j server at ${uri} could not be reached: no answer within ${STARTUP_DEADLINE_MS / 1000} s`;
  }
  // Something listens but never speaks Bolt: the driver's own timeout, worded with pool details.
  if (reasonOf(error).startsWith('Connection acquisition timed out')) {
    return `the Neo4j server at ${uri} could not be reached: no answer within ${CONNECTION_ACQUISITION_TIMEOUT_MS / 1000} s`;
  }
  return `the Neo4j server at ${uri} could not be reached: ${reasonOf(error)}`;
}

/** A Neo4j security error code anywhere in the error's cause chain. */
function securityCodeIn(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = codeOf(current);
    if (code?.startsWith('Neo.ClientError.Security.') === true) return code;
  }
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Neo4jError ? error.code : undefined;
}

/**
 * The most specific reason in an error, on one line: the driver wraps "connect ECONNREFUSED ..."
 * in a paragraph of advice, either as a cause or after "Caused by:".
 */
export function reasonOf(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  const causedBy = message.lastIndexOf('Caused by:');
  const reason = causedBy === -1 ? message : message.slice(causedBy + 'Caused by:'.length);
  return reason.replace(/\s+/g, ' ').trim();
}

/** The URI without any user name or password in it, for messages. */
function displayUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** `work`, or a DeadlineError once `ms` have passed. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new DeadlineError(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
