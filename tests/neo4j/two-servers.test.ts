/**
 * Two app processes over one Neo4j database, as behind a load balancer: a session opened on one
 * works on the other; a write through one is in the other's map, neighbourhood, insights,
 * directory and search at its very next request (their read models are keyed by the revision
 * read from Neo4j, not by anything the process counted); an invitation accepted on both at the
 * same moment is accepted once. Rate limits are per process (README, "Several app servers").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startServerProcess, type ServerProcess } from '../helpers/app-process.js';
import { freshTestStoreEnv } from '../helpers/neo4j.js';

const credentials = { email: 'admin@octograph.test', password: 'an admin password for the test' };

let one: ServerProcess | undefined;
let two: ServerProcess | undefined;
const folders: string[] = [];

/** A request to a server, with its JSON answer. */
async function call(
  server: ServerProcess,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function servers(): [ServerProcess, ServerProcess] {
  if (one === undefined || two === undefined) throw new Error('the servers did not start');
  return [one, two];
}

const idsOf = (body: unknown, key: 'nodes' | 'items'): string[] =>
  ((body as Record<string, { id: string }[]>)[key] ?? []).map((item) => item.id);

beforeAll(async () => {
  await freshTestStoreEnv();
  for (let index = 0; index < 2; index += 1) {
    folders.push(await mkdtemp(join(tmpdir(), 'octograph-two-servers-')));
  }
  // Each has its own DATA_DIR (nothing of the store is in it) and the same Neo4j.
  one = await startServerProcess({ dataDir: folders[0] ?? '', admin: credentials });
  two = await startServerProcess({ dataDir: folders[1] ?? '', admin: credentials });
}, 120_000);

afterAll(async () => {
  await one?.kill('SIGTERM');
  await two?.kill('SIGTERM');
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('two app servers over one Neo4j', () => {
  it('shares sessions: signed in on one, the same cookie and CSRF token write through the other', async () => {
    const [a, b] = servers();
    const admin = await signIn(a.baseUrl, credentials);
    const session = await call(b, 'GET', '/api/session', admin);
    expect(session.status).toBe(200);
    expect((session.body as { user: { email: string } | null }).user?.email).toBe(
      credentials.email,
    );
    const created = await call(b, 'POST', '/api/nodes', admin, {
      kind: 'theme',
      id: 'theme-shared',
      name: 'Shared sessions',
    });
    expect(created.status).toBe(201);
    // Signing out on the first ends the session on the second too.
    expect((await call(a, 'DELETE', '/api/session', admin)).status).toBeLessThan(300);
    expect((await call(b, 'GET', '/api/session', admin)).body).toMatchObject({ user: null });
  });

  it('shows a write through one in the other’s map, neighbourhood, insights, directory and search at its next request', async () => {
    const [a, b] = servers();
    const admin = await signIn(a.baseUrl, credentials);
    const hub = { kind: 'organisation', id: 'hub', name: 'Harbour Hub', orgKind: 'charity' };
    expect((await call(a, 'POST', '/api/nodes', admin, hub)).status).toBe(201);

    // The second server builds (and caches) every read model once, before the write.
    const reads = {
      map: '/api/map',
      neighbourhood: '/api/nodes/hub/neighbourhood?depth=2',
      notConnected: '/api/insights/notConnected',
      directory: '/api/nodes?kind=organisation&limit=100',
      search: '/api/search?q=lantern',
    };
    const before = await call(b, 'GET', reads.map, admin);
    expect(idsOf(before.body, 'nodes')).not.toContain('lantern');
    for (const path of Object.values(reads))
      expect((await call(b, 'GET', path, admin)).status).toBe(200);

    // A new organisation linked to the hub, written through the first server.
    const lantern = {
      kind: 'organisation',
      id: 'lantern',
      name: 'Lantern Project',
      orgKind: 'charity',
    };
    const loner = { kind: 'organisation', id: 'loner', name: 'Lonely Larder', orgKind: 'charity' };
    expect((await call(a, 'POST', '/api/nodes', admin, lantern)).status).toBe(201);
    expect((await call(a, 'POST', '/api/nodes', admin, loner)).status).toBe(201);
    const link = { kind: 'COLLABORATES_WITH', source: 'hub', target: 'lantern' };
    expect((await call(a, 'POST', '/api/links', admin, link)).status).toBe(201);

    // The very next request to the second server sees all of it.
    const map = await call(b, 'GET', reads.map, admin);
    expect(idsOf(map.body, 'nodes')).toEqual(expect.arrayContaining(['hub', 'lantern', 'loner']));
    expect(idsOf((await call(b, 'GET', reads.neighbourhood, admin)).body, 'nodes')).toContain(
      'lantern',
    );
    const notConnected = idsOf((await call(b, 'GET', reads.notConnected, admin)).body, 'items');
    expect(notConnected).toContain('loner');
    expect(notConnected).not.toContain('lantern');
    expect(idsOf((await call(b, 'GET', reads.directory, admin)).body, 'items')).toEqual(
      expect.arrayContaining(['hub', 'lantern', 'loner']),
    );
    expect(idsOf((await call(b, 'GET', reads.search, admin)).body, 'items')).toContain('lantern');

    console.log(
      'two servers: a node and link written through one were in the map, neighbourhood, insights, directory and search of the other at its next request',
    );
    // And a delete through the second is gone from the first's map at once.
    expect((await call(b, 'DELETE', '/api/nodes/loner', admin)).status).toBeLessThan(300);
    expect(idsOf((await call(a, 'GET', reads.map, admin)).body, 'nodes')).not.toContain('loner');
  });

  it('accepts an invitation sent to both servers at the same moment once', async () => {
    const [a, b] = servers();
    const admin = await signIn(a.baseUrl, credentials);
    const invited = await call(a, 'POST', '/api/users', admin, {
      email: 'twice@octograph.test',
      name: 'Twice',
      role: 'editor',
    });
    expect(invited.status).toBe(201);
    const { token } = invited.body as { token: string };
    const passwords = ['the first password given', 'the second password given'] as const;
    const answers = await Promise.all(
      [a, b].map((server, index) =>
        call(server, 'POST', `/api/invitations/${token}`, {}, { password: passwords[index] }),
      ),
    );
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 404]);
    const winner = passwords[answers.findIndex(({ status }) => status === 200)] ?? '';
    const loser = passwords.find((password) => password !== winner) ?? '';
    console.log(
      `two servers: one invitation accepted on both at once answered ${answers.map(({ status }) => String(status)).join(' and ')}`,
    );
    // Only the accepted password signs in, on either server.
    for (const server of [a, b]) {
      const signInWith = (password: string) =>
        call(server, 'POST', '/api/session', {}, { email: 'twice@octograph.test', password });
      expect((await signInWith(winner)).status).toBe(200);
      expect((await signInWith(loser)).status).toBe(401);
    }
  });
});
