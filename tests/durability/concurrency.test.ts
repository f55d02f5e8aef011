/**
 * Twenty editors, each signed in as themself, write at once to the built server over HTTP:
 * creating organisations and links and changing descriptions. Every write the server
 * acknowledged (2xx) is there afterwards, nothing is lost or stored twice, and the audit log
 * agrees: the revisions of its graph entries strictly increase (account entries keep the revision
 * they saw), it holds one entry per acknowledged write with that editor as the actor, and one
 * createUser entry per editor with the admin who invited them as the actor. Then the same with the server killed (SIGKILL) in the middle and
 * started again over the same data folder: a write that got no answer may or may not be there,
 * but completely (the data and its audit entry) or not at all. The `neo4j` project runs both over
 * Neo4j (the killed app's writes must then be in Neo4j when a new app process opens it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNT_ACTIONS } from '@octograph/graph-schema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  signIn,
  startAppProcess,
  startServerProcess,
  type AppProcess,
  type ServerProcess,
} from '../helpers/app-process.js';
import {
  neo4jLauncherMissing,
  startNeo4jProcess,
  type Neo4jProcess,
} from '../helpers/neo4j-process.js';
import { freshTestStoreEnv, testStoreIsNeo4j } from '../helpers/neo4j.js';

const WRITERS = 20;
/**
 * How long the editors write when nobody kills the server; longer over Neo4j, where fewer writes
 * land per second, so the SIGKILL below still comes well inside it on a busy machine.
 */
const WRITE_FOR_MS = testStoreIsNeo4j() ? 10_000 : 5_000;
/**
 * The server is killed once this many writes are acknowledged (well inside WRITE_FOR_MS). Over
 * Neo4j a write is a few network round trips and an fsync on another process, so fewer land in
 * WRITE_FOR_MS on a busy 2-core machine (about 90 rather than several hundred).
 */
const KILL_AFTER_ACKNOWLEDGED = testStoreIsNeo4j() ? 40 : 150;
const PASSWORD = 'twenty editors at once';
/** The writes a writer makes, as the audit log names them. */
const WRITE_ACTIONS = new Set(['createNode', 'createLink', 'updateNode']);
/** Account changes (inviting an editor, accepting): they raise no revision. */
const ACCOUNT_ACTION_NAMES = new Set<string>(ACCOUNT_ACTIONS);

interface Editor {
  index: number;
  userId: string;
  headers: Record<string, string>;
}

/**
 * How the server answered a write: 2xx, another status, no answer at all, or 503 with Retry-After
 * (its database was out of reach: the write may or may not have been saved, as with no answer).
 */
type Outcome = 'acknowledged' | 'refused' | 'unanswered' | 'unavailable';

/** One write an editor sent: what, on which node or link, and how the server answered. */
interface Write {
  writer: Editor;
  action: 'createNode' | 'createLink' | 'updateNode';
  /** The node or link id (chosen by the writer, so a write without an answer can be found). */
  id: string;
  /** createNode: the name; updateNode: the new description. */
  value: string;
  outcome: Outcome;
  status: number | null;
  /** How long the request took, in ms. */
  ms: number;
  /** Its Retry-After header, if any. */
  retryAfter: string | null;
}

interface AuditEntry {
  id: number;
  revision: number;
  actor: string | null;
  action: string;
  changes: { entity: string; id: string; after: { description?: string; name?: string } | null }[];
}

let app: AppProcess | undefined;
let server: ServerProcess | undefined;
let dataDir: string | undefined;
/** A Neo4j of the test's own, and its folder (the Neo4j kill test). */
let ownNeo4j: Neo4jProcess | undefined;
let neo4jDir: string | undefined;

afterEach(async () => {
  await server?.kill('SIGTERM');
  server = undefined;
  await ownNeo4j?.kill('SIGTERM');
  ownNeo4j = undefined;
  if (neo4jDir) await rm(neo4jDir, { recursive: true, force: true });
  neo4jDir = undefined;
  await app?.stop();
  app = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function call(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: unknown; response: Response }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    response,
  };
}

/** Twenty editors invited by the admin, each having accepted their invitation (signed in). */
async function inviteEditors(baseUrl: string, admin: Record<string, string>): Promise<Editor[]> {
  const editors: Editor[] = [];
  for (let index = 0; index < WRITERS; index += 1) {
    const invited = await call(baseUrl, 'POST', '/api/users', admin, {
      email: `writer-${String(index)}@octograph.test`,
      name: `Writer ${String(index)}`,
      role: 'editor',
    });
    expect(invited.status).toBe(201);
    const { token, user } = invited.body as { token: string; user: { id: string } };
    const accepted = await call(
      baseUrl,
      'POST',
      `/api/invitations/${token}`,
      {},
      { password: PASSWORD },
    );
    expect(accepted.status).toBe(200);
    const cookie = (accepted.response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = accepted.body as { csrfToken: string };
    editors.push({ index, userId: user.id, headers: { cookie, 'x-csrf-token': csrfToken } });
  }
  return editors;
}

/**
 * One editor writing one request at a time until `stop()` says so or the server stops
 * answering: a new organisation, a link between two of theirs, or a new description on one.
 */
async function writeUntil(baseUrl: string, editor: Editor, stop: () => boolean, writes: Write[]) {
  const prefix = `w${String(editor.index)}`;
  const nodes: string[] = [];
  const linked = new Set<string>();
  for (let step = 0; !stop(); step += 1) {
    const [first, second] = [nodes[step % Math.max(nodes.length, 1)], nodes.at(-1)];
    const pair = first !== undefined && second !== undefined ? `${first}|${second}` : '';
    let write: Omit<Write, 'outcome' | 'status' | 'ms' | 'retryAfter'>;
    let request: { method: string; path: string; body: unknown };
    if (nodes.length < 2 || step % 3 === 0) {
      const id = `${prefix}-n${String(step)}`;
      write = {
        writer: editor,
        action: 'createNode',
        id,
        value: `Writer ${String(editor.index)} group ${String(step)}`,
      };
      request = {
        method: 'POST',
        path: '/api/nodes',
        body: {
          kind: 'organisation',
          id,
          name: write.value,
          orgKind: 'charity',
          description: 'v0',
        },
      };
    } else if (step % 3 === 1 && first !== second && !linked.has(pair)) {
      const id = `${prefix}-l${String(step)}`;
      linked.add(pair);
      write = { writer: editor, action: 'createLink', id, value: pair };
      request = {
        method: 'POST',
        path: '/api/links',
        body: { id, kind: 'COLLABORATES_WITH', source: first, target: second },
      };
    } else {
      const id = nodes[(step * 7) % nodes.length] ?? '';
      write = { writer: editor, action: 'updateNode', id, value: `v${String(step)}` };
      request = {
        method: 'PATCH',
        path: `/api/nodes/${id}`,
        body: { kind: 'organisation', description: write.value },
      };
    }
    const started = performance.now();
    try {
      const { status, response } = await call(
        baseUrl,
        request.method,
        request.path,
        editor.headers,
        request.body,
      );
      const retryAfter = response.headers.get('retry-after');
      const outcome: Outcome =
        status >= 200 && status < 300
          ? 'acknowledged'
          : status === 503 && retryAfter !== null
            ? 'unavailable'
            : 'refused';
      writes.push({ ...write, outcome, status, ms: performance.now() - started, retryAfter });
      if (outcome === 'acknowledged' && write.action === 'createNode') nodes.push(write.id);
      // As a browser would: wait as long as Retry-After says before the next write.
      if (outcome === 'unavailable') await sleep(Number(retryAfter) * 1000);
    } catch {
      // No answer: the server is gone. The write may or may not have been committed.
      const ms = performance.now() - started;
      writes.push({ ...write, outcome: 'unanswered', status: null, ms, retryAfter: null });
      return;
    }
  }
}

/** Every node the server holds, by id (all pages). */
async function allNodes(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<Map<string, { id: string; name: string; description?: string }>> {
  const nodes = new Map<string, { id: string; name: string; description?: string }>();
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await call(baseUrl, 'GET', `/api/nodes?limit=500${query}`, headers);
    expect(page.status).toBe(200);
    const body = page.body as {
      items: { id: string; name: string; description?: string }[];
      nextCursor: string | null;
    };
    for (const node of body.items) nodes.set(node.id, node);
    cursor = body.nextCursor;
  } while (cursor !== null);
  return nodes;
}

/** The id of the user these headers sign in. */
async function signedInUserId(baseUrl: string, headers: Record<string, string>): Promise<string> {
  const session = await call(baseUrl, 'GET', '/api/session', headers);
  expect(session.status).toBe(200);
  const { user } = session.body as { user: { id: string } | null };
  if (user === null) throw new Error('these headers sign nobody in');
  return user.id;
}

/** The whole audit log, oldest first, as the admin reads it. */
async function auditLog(baseUrl: string, headers: Record<string, string>): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let before: number | null = null;
  do {
    const query: string = before === null ? '' : `&before=${String(before)}`;
    const page = await call(baseUrl, 'GET', `/api/audit?limit=200${query}`, headers);
    expect(page.status).toBe(200);
    const body = page.body as { items: AuditEntry[]; nextCursor: number | null };
    entries.push(...body.items);
    before = body.nextCursor;
  } while (before !== null);
  return entries.reverse();
}

/** The audit entries that record `write`: its writer, its action, its node or link. */
function entriesOf(write: Write, log: readonly AuditEntry[]): AuditEntry[] {
  return log.filter(
    (entry) =>
      entry.actor === write.writer.userId &&
      entry.action === write.action &&
      entry.changes.some(
        (change) =>
          change.id === write.id &&
          (write.action !== 'updateNode' || change.after?.description === write.value),
      ),
  );
}

/** Whether the store holds what `write` wrote (for an update: the node's description now). */
async function landed(
  baseUrl: string,
  headers: Record<string, string>,
  nodes: ReadonlyMap<string, { name: string; description?: string }>,
  write: Write,
): Promise<boolean> {
  switch (write.action) {
    case 'createNode':
      return nodes.get(write.id)?.name === write.value;
    case 'createLink':
      return (await call(baseUrl, 'GET', `/api/links/${write.id}`, headers)).status === 200;
    case 'updateNode':
      return nodes.get(write.id)?.description === write.value;
  }
}

/** Checks everything the writes left, after the run (and after a restart, if killed). */
async function checkWrites(
  baseUrl: string,
  admin: Record<string, string>,
  editors: readonly Editor[],
  writes: Write[],
) {
  const nodes = await allNodes(baseUrl, admin);
  const log = await auditLog(baseUrl, admin);
  const problems: string[] = [];

  // Ids strictly increase along the whole log, and no revision goes back; the revisions of graph
  // entries strictly increase (an account entry keeps the revision the store was at).
  log.forEach((entry, index) => {
    const previous = log[index - 1];
    if (previous && !(entry.id > previous.id && entry.revision >= previous.revision)) {
      problems.push(
        `entry #${String(entry.id)} (revision ${String(entry.revision)}) follows #${String(previous.id)} (revision ${String(previous.revision)})`,
      );
    }
  });
  const graphLog = log.filter((entry) => !ACCOUNT_ACTION_NAMES.has(entry.action));
  graphLog.forEach((entry, index) => {
    const previous = graphLog[index - 1];
    if (previous && !(entry.revision > previous.revision)) {
      problems.push(
        `entry #${String(entry.id)} has revision ${String(entry.revision)} after ${String(previous.revision)}`,
      );
    }
  });

  // Each editor's account was created once, by the admin who invited them.
  const adminId = await signedInUserId(baseUrl, admin);
  for (const editor of editors) {
    const creators = log
      .filter(
        (entry) =>
          entry.action === 'createUser' &&
          entry.changes.some((change) => change.entity === 'user' && change.id === editor.userId),
      )
      .map((entry) => entry.actor);
    if (creators.length !== 1 || creators[0] !== adminId) {
      problems.push(
        `writer ${String(editor.index)}'s account has createUser entries by ${JSON.stringify(creators)}, not one by the admin ${adminId}`,
      );
    }
  }

  // Each name created once is there exactly once (acknowledged) or at most once (unanswered).
  const names = new Map<string, number>();
  for (const node of nodes.values()) names.set(node.name, (names.get(node.name) ?? 0) + 1);
  for (const write of writes.filter((one) => one.action === 'createNode')) {
    const count = names.get(write.value) ?? 0;
    if (count > 1 || (write.outcome === 'acknowledged' && count !== 1)) {
      problems.push(`${write.value} (${write.outcome}) is there ${String(count)} times`);
    }
  }

  // The latest acknowledged description of each node is the one it has, unless a later write
  // got no answer (then that one may have landed instead).
  const latest = new Map<string, Write>();
  for (const write of writes) {
    if (write.action === 'updateNode' && write.outcome !== 'refused') latest.set(write.id, write);
  }

  let unansweredLanded = 0;
  for (const write of writes) {
    const entries = entriesOf(write, log);
    const there = await landed(baseUrl, admin, nodes, write);
    const what = `${write.action} ${write.id} ${write.value} by writer ${String(write.writer.index)} (${write.outcome})`;
    if (write.outcome === 'acknowledged') {
      const superseded = write.action === 'updateNode' && latest.get(write.id) !== write;
      if (!there && !superseded) problems.push(`${what} is missing`);
      if (entries.length !== 1)
        problems.push(`${what} has ${String(entries.length)} audit entries`);
    } else if (write.outcome === 'unanswered' || write.outcome === 'unavailable') {
      // Completely or not at all: the data and its audit entry together (an update a later
      // acknowledged one replaced can only be checked by its entry).
      const superseded = write.action === 'updateNode' && latest.get(write.id) !== write;
      if ((!superseded && there !== (entries.length === 1)) || entries.length > 1) {
        problems.push(`${what}: stored ${String(there)}, ${String(entries.length)} audit entries`);
      }
      if (there) unansweredLanded += 1;
    }
  }

  // No audit entry without a write behind it: one per acknowledged write, per writer.
  const writers = new Map(writes.map((write) => [write.writer.userId, write.writer.index]));
  for (const [userId, index] of writers) {
    const logged = log.filter(
      (entry) => entry.actor === userId && WRITE_ACTIONS.has(entry.action),
    ).length;
    const mine = writes.filter((write) => write.writer.userId === userId);
    const acknowledged = mine.filter((write) => write.outcome === 'acknowledged').length;
    const unanswered = mine.filter(
      (write) => write.outcome === 'unanswered' || write.outcome === 'unavailable',
    ).length;
    if (logged < acknowledged || logged > acknowledged + unanswered) {
      problems.push(
        `writer ${String(index)} has ${String(logged)} audit entries for ${String(acknowledged)} acknowledged writes`,
      );
    }
  }
  return { problems, unansweredLanded };
}

function tally(writes: readonly Write[], outcome: Outcome): number {
  return writes.filter((write) => write.outcome === outcome).length;
}

describe('twenty editors writing at once', () => {
  it('keeps every acknowledged write, once, with one audit entry each', async () => {
    app = await startAppProcess();
    const admin = await signIn(app.baseUrl, app.admin);
    const editors = await inviteEditors(app.baseUrl, admin);
    const writes: Write[] = [];
    const until = Date.now() + WRITE_FOR_MS;
    const baseUrl = app.baseUrl;
    await Promise.all(
      editors.map((editor) => writeUntil(baseUrl, editor, () => Date.now() >= until, writes)),
    );

    const refused = writes.filter((write) => write.outcome === 'refused');
    expect(refused.map((write) => `${write.action} ${write.id}: ${String(write.status)}`)).toEqual(
      [],
    );
    expect(tally(writes, 'unanswered')).toBe(0);
    expect(new Set(writes.map((write) => write.writer.index)).size).toBe(WRITERS);
    const { problems } = await checkWrites(baseUrl, admin, editors, writes);
    console.log(
      `concurrency: ${String(tally(writes, 'acknowledged'))} acknowledged writes by ${String(WRITERS)} editors`,
    );
    expect(problems).toEqual([]);
  });

  it('keeps every acknowledged write through a SIGKILL, and the rest completely or not at all', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-concurrency-'));
    const credentials = {
      email: 'admin@octograph.test',
      password: 'an admin password for the test',
    };
    await freshTestStoreEnv(); // the `neo4j` project: the server's Neo4j, emptied
    server = await startServerProcess({ dataDir, admin: credentials });
    const first = server;
    const editors = await inviteEditors(first.baseUrl, await signIn(first.baseUrl, credentials));
    const writes: Write[] = [];
    const until = Date.now() + WRITE_FOR_MS;
    let killing: Promise<void> | undefined;
    const stop = () => {
      if (!killing && tally(writes, 'acknowledged') >= KILL_AFTER_ACKNOWLEDGED) {
        killing = first.kill('SIGKILL');
      }
      return Date.now() >= until;
    };
    await Promise.all(editors.map((editor) => writeUntil(first.baseUrl, editor, stop, writes)));
    await killing;
    expect(killing, 'the server was killed before the editors stopped').toBeDefined();

    server = await startServerProcess({ dataDir, admin: credentials });
    const admin = await signIn(server.baseUrl, credentials);
    expect(tally(writes, 'refused')).toBe(0);
    const { problems, unansweredLanded } = await checkWrites(
      server.baseUrl,
      admin,
      editors,
      writes,
    );
    console.log(
      `concurrency after SIGKILL: ${String(tally(writes, 'acknowledged'))} acknowledged writes all kept; ` +
        `${String(tally(writes, 'unanswered'))} got no answer, ${String(unansweredLanded)} of them were committed`,
    );
    expect(problems).toEqual([]);
  });
});

/**
 * The longest a request may wait while Neo4j is gone: the driver retries a transaction for 5 s
 * (maxTransactionRetryTime; its back-off may overrun that to about 10 s) and waits at most 10 s for
 * a connection (connectionAcquisitionTimeout) (connection.ts).
 */
const OUTAGE_ANSWER_MS = 20_000;
/** Writes acknowledged after Neo4j is back before the editors stop: the app reconnected. */
const ACKNOWLEDGED_AFTER_RESTART = 40;

describe.skipIf(!testStoreIsNeo4j())('twenty editors while Neo4j itself is killed', () => {
  it('keeps every acknowledged write with its entry; meanwhile 503 with Retry-After, never 500; the app reconnects by itself', async () => {
    const missing = neo4jLauncherMissing();
    if (missing !== null) throw new Error(missing);
    neo4jDir = await mkdtemp(join(tmpdir(), 'octograph-neo4j-kill-'));
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-concurrency-'));
    const port = await freePort();
    const password = 'a neo4j password for the kill test';
    const own = { dataDir: neo4jDir, port, password };
    ownNeo4j = await startNeo4jProcess(own);
    const credentials = {
      email: 'admin@octograph.test',
      password: 'an admin password for the test',
    };
    server = await startServerProcess({
      dataDir,
      admin: credentials,
      env: { NEO4J_URI: ownNeo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    });
    const app = server;
    const admin = await signIn(app.baseUrl, credentials);
    const editors = await inviteEditors(app.baseUrl, admin);

    const writes: Write[] = [];
    let outage: Promise<void> | undefined;
    let backAt: number | undefined; // writes.length when Neo4j was ready again
    const deadline = Date.now() + 150_000;
    const stop = () => {
      if (!outage && tally(writes, 'acknowledged') >= KILL_AFTER_ACKNOWLEDGED) {
        outage = (async () => {
          await ownNeo4j?.kill('SIGKILL');
          ownNeo4j = await startNeo4jProcess(own);
          backAt = writes.length;
        })();
      }
      const after = backAt === undefined ? [] : writes.slice(backAt);
      return (
        after.filter((write) => write.outcome === 'acknowledged').length >=
          ACKNOWLEDGED_AFTER_RESTART || Date.now() >= deadline
      );
    };
    await Promise.all(editors.map((editor) => writeUntil(app.baseUrl, editor, stop, writes)));
    await outage;
    const refused = writes.filter(
      (write) => write.outcome !== 'acknowledged' && write.outcome !== 'unavailable',
    );
    expect(
      refused.map((write) => `${write.action} ${write.id}: ${String(write.status)}`),
      'every write was acknowledged or answered 503 with Retry-After',
    ).toEqual([]);
    const unavailable = writes.filter((write) => write.outcome === 'unavailable');
    expect(
      unavailable.length,
      'writes sent while Neo4j was down were answered 503',
    ).toBeGreaterThan(0);
    const slowest = Math.max(...writes.map((write) => write.ms));
    const slowestFive = [...writes]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((write) => `${write.action} ${String(write.status)} ${String(Math.round(write.ms))} ms`);
    expect(
      slowest,
      `no request waited longer than the driver allows: ${slowestFive.join(', ')}`,
    ).toBeLessThan(OUTAGE_ANSWER_MS);
    const afterRestart = writes
      .slice(backAt ?? writes.length)
      .filter((write) => write.outcome === 'acknowledged').length;
    expect(afterRestart, 'writes acknowledged after Neo4j came back').toBeGreaterThanOrEqual(
      ACKNOWLEDGED_AFTER_RESTART,
    );

    // The same app process, never restarted, now reads everything back from the new Neo4j.
    const { problems, unansweredLanded } = await checkWrites(app.baseUrl, admin, editors, writes);
    console.log(
      `neo4j SIGKILL: ${String(tally(writes, 'acknowledged'))} acknowledged writes all kept with their audit entries ` +
        `(${String(afterRestart)} after Neo4j restarted, through the same app process); ` +
        `${String(unavailable.length)} answered 503 with Retry-After ${unavailable[0]?.retryAfter ?? ''} s while it was down ` +
        `(${String(unansweredLanded)} of them had been committed), none 500; slowest answer ${String(Math.round(slowest))} ms`,
    );
    expect(problems).toEqual([]);
  }, 240_000);
});
