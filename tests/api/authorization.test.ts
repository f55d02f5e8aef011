/**
 * Who may call what (issue 8). ROUTES is the access table, written by hand from the issue:
 * anyone may sign in and look at their session; anonymous visitors (only with PUBLIC_READ=true)
 * and viewers read the map; editors write the graph and meetings and use the audit log; admins
 * manage users and backups. The first test checks that the table names exactly the app's routes, so a new
 * route without a row fails. Then every row is called by an admin, an editor, a viewer and an
 * anonymous visitor, with PUBLIC_READ off and on, with a request that succeeds for a caller who
 * may make it: those get that success, the others exactly 401 (anonymous) or 403 (too weak) with
 * the one error body, and nothing is written. After the table: CSRF, disabled users, signing
 * out, the first admin, the sign-in rate limit, password changes, invitations and cookie flags.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorBodySchema, SessionInfoSchema, type Role } from '@octograph/graph-schema';
import type { HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { multipart } from '../helpers/multipart.js';
import { testStoreIsNeo4j } from '../helpers/neo4j.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

/** Who may call a route, in the words. */
type Access =
  /** anyone, signed in or not */
  | 'open'
  /** any signed-in user; anonymous visitors only with PUBLIC_READ=true */
  | 'read'
  /** any signed-in user */
  | 'signedIn'
  /** editors and admins */
  | 'edit'
  /** admins */
  | 'admin';

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['admin', 'editor', 'viewer', 'anonymous'];

/** Whether a caller may call a route of this access. */
function mayCall(access: Access, caller: Caller, publicRead: boolean): boolean {
  switch (access) {
    case 'open':
      return true;
    case 'read':
      return caller !== 'anonymous' || publicRead;
    case 'signedIn':
      return caller !== 'anonymous';
    case 'edit':
      return caller === 'editor' || caller === 'admin';
    case 'admin':
      return caller === 'admin';
  }
}

/** A request that succeeds, with `success`, for a caller allowed to make it. */
interface Prepared {
  request: InjectOptions & { method: HTTPMethods; url: string };
  success: number;
  /**
   * Send it from a new session of a new user of the caller's role: signing out and changing a
   * password end sessions, which must not be the shared sessions the other rows use.
   */
  freshSession?: true;
}

interface Row {
  method: HTTPMethods;
  /** The route as registered, e.g. /api/nodes/:id. */
  route: string;
  access: Access;
  /** Writes what the request needs (straight to the store) and builds it. */
  prepare: (context: PrepareContext) => Prepared | Promise<Prepared>;
}

interface PrepareContext {
  api: TestApp;
  caller: Caller;
  /** The caller's user id when they may write; otherwise the editor's (audit entries). */
  writerId: string;
}

/** Ids that no earlier request used. */
let serial = 0;
function fresh(prefix: string): string {
  serial += 1;
  return `${prefix}-${String(serial)}`;
}

async function newOrganisation(api: TestApp): Promise<string> {
  const id = fresh('org-new');
  await api.app.store.createNode(organisation(id, `New group ${id}`));
  return id;
}

async function newAuditEntry(context: PrepareContext): Promise<number> {
  const id = fresh('org-audited');
  await context.api.app.store.createNode(organisation(id, `Audited ${id}`), {
    actor: context.writerId,
  });
  const [entry] = (await context.api.app.store.listAudit({ node: id, limit: 1 })).items;
  if (!entry) throw new Error(`no audit entry for ${id}`);
  return entry.id;
}

async function invitationToken(api: TestApp): Promise<string> {
  const email = `${fresh('invited')}@octograph.test`;
  const invitation = await api.app.accounts.invite({
    email,
    name: 'Invited',
    role: 'viewer',
    personId: null,
  });
  return invitation.token;
}

async function layoutIdle(api: TestApp): Promise<void> {
  const admin = await api.user('admin');
  // The job runs in a worker; a new one cannot start (409) until the last has finished.
  for (;;) {
    const job = await api.app.inject({ method: 'GET', url: '/api/layout', headers: admin.headers });
    if (job.json<{ state: string }>().state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The seeded graph every row reads. */
const MEETING = 'meet-1';
const PERSON = 'person-1';

const ROUTES: readonly Row[] = [
  // Accounts: open, except signing out and changing one's password.
  {
    method: 'GET',
    route: '/api/health',
    access: 'open',
    prepare: () => ({ request: { method: 'GET', url: '/api/health' }, success: 200 }),
  },
  {
    method: 'GET',
    route: '/api/session',
    access: 'open',
    prepare: () => ({ request: { method: 'GET', url: '/api/session' }, success: 200 }),
  },
  {
    method: 'POST',
    route: '/api/session',
    access: 'open',
    prepare: async ({ api }) => {
      const token = await invitationToken(api);
      const user = await api.app.accounts.acceptInvitation(token, TEST_PASSWORD);
      return {
        request: {
          method: 'POST',
          url: '/api/session',
          payload: { email: user.user.email, password: TEST_PASSWORD },
        },
        success: 200,
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/session',
    access: 'signedIn',
    prepare: () => ({
      request: { method: 'DELETE', url: '/api/session' },
      success: 204,
      freshSession: true,
    }),
  },
  {
    method: 'PATCH',
    route: '/api/session',
    access: 'signedIn',
    prepare: () => ({
      request: { method: 'PATCH', url: '/api/session', payload: { language: 'pl' } },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/session/password',
    access: 'signedIn',
    prepare: () => ({
      request: {
        method: 'POST',
        url: '/api/session/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
      },
      success: 204,
      freshSession: true,
    }),
  },
  {
    method: 'POST',
    route: '/api/setup',
    access: 'open',
    // An admin exists, so the only answer left is 409 (the first admin is tested below).
    prepare: ({ api }) => ({
      request: {
        method: 'POST',
        url: '/api/setup',
        payload: {
          email: `${fresh('setup')}@octograph.test`,
          name: 'Sam',
          password: TEST_PASSWORD,
          code: api.app.accounts.setupCode,
        },
      },
      success: 409,
    }),
  },
  {
    method: 'GET',
    route: '/api/invitations/:token',
    access: 'open',
    prepare: async ({ api }) => ({
      request: { method: 'GET', url: `/api/invitations/${await invitationToken(api)}` },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/invitations/:token',
    access: 'open',
    prepare: async ({ api }) => ({
      request: {
        method: 'POST',
        url: `/api/invitations/${await invitationToken(api)}`,
        payload: { password: TEST_PASSWORD },
      },
      success: 200,
    }),
  },
  // Users: admins only.
  {
    method: 'GET',
    route: '/api/users',
    access: 'admin',
    prepare: () => ({ request: { method: 'GET', url: '/api/users' }, success: 200 }),
  },
  {
    method: 'POST',
    route: '/api/users',
    access: 'admin',
    prepare: () => ({
      request: {
        method: 'POST',
        url: '/api/users',
        payload: { email: `${fresh('new-user')}@octograph.test`, name: 'New', role: 'editor' },
      },
      success: 201,
    }),
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    access: 'admin',
    prepare: async ({ api }) => {
      const { user } = await api.app.accounts.invite({
        email: `${fresh('patched')}@octograph.test`,
        name: 'Before',
        role: 'viewer',
        personId: null,
      });
      return {
        request: { method: 'PATCH', url: `/api/users/${user.id}`, payload: { role: 'editor' } },
        success: 200,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/users/:id/invitation',
    access: 'admin',
    prepare: async ({ api }) => {
      const { user } = await api.app.accounts.invite({
        email: `${fresh('reinvited')}@octograph.test`,
        name: 'Again',
        role: 'viewer',
        personId: null,
      });
      return {
        request: { method: 'POST', url: `/api/users/${user.id}/invitation` },
        success: 200,
      };
    },
  },
  // The change stream: whoever may read the map (follow=false: what was missed, then the end).
  {
    method: 'GET',
    route: '/api/events',
    access: 'read',
    prepare: () => ({
      request: {
        method: 'GET',
        url: '/api/events?follow=false',
        headers: { 'last-event-id': '0' },
      },
      success: 200,
    }),
  },
  // The audit log: editors (their own changes) and admins.
  {
    method: 'GET',
    route: '/api/audit',
    access: 'edit',
    prepare: () => ({ request: { method: 'GET', url: '/api/audit' }, success: 200 }),
  },
  {
    method: 'GET',
    route: '/api/audit/:id',
    access: 'edit',
    prepare: async (context) => ({
      request: { method: 'GET', url: `/api/audit/${String(await newAuditEntry(context))}` },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/audit/:id/undo',
    access: 'edit',
    prepare: async (context) => ({
      request: { method: 'POST', url: `/api/audit/${String(await newAuditEntry(context))}/undo` },
      success: 201,
    }),
  },
  // The graph: read by readers, written by editors.
  {
    method: 'GET',
    route: '/api/nodes',
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url: '/api/nodes?q=alpha' }, success: 200 }),
  },
  {
    method: 'POST',
    route: '/api/nodes',
    access: 'edit',
    prepare: () => ({
      request: { method: 'POST', url: '/api/nodes', payload: organisation(fresh('org'), 'Posted') },
      success: 201,
    }),
  },
  {
    method: 'GET',
    route: '/api/nodes/:id',
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url: '/api/nodes/org-a' }, success: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/nodes/:id',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: {
        method: 'PATCH',
        url: `/api/nodes/${await newOrganisation(api)}`,
        payload: { kind: 'organisation', description: 'Changed' },
      },
      success: 200,
    }),
  },
  {
    method: 'DELETE',
    route: '/api/nodes/:id',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: { method: 'DELETE', url: `/api/nodes/${await newOrganisation(api)}` },
      success: 200,
    }),
  },
  {
    method: 'GET',
    route: '/api/nodes/:id/neighbourhood',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: '/api/nodes/org-a/neighbourhood?depth=2' },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/links',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: {
        method: 'POST',
        url: '/api/links',
        payload: link(fresh('link'), 'FUNDS', await newOrganisation(api), 'org-a'),
      },
      success: 201,
    }),
  },
  {
    method: 'GET',
    route: '/api/links/:id',
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url: '/api/links/link-ab' }, success: 200 }),
  },
  {
    method: 'PATCH',
    route: '/api/links/:id',
    access: 'edit',
    prepare: async ({ api }) => {
      const id = fresh('link');
      await api.app.store.createLink(link(id, 'FUNDS', await newOrganisation(api), 'org-a'));
      return {
        request: { method: 'PATCH', url: `/api/links/${id}`, payload: { strength: 3 } },
        success: 200,
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/links/:id',
    access: 'edit',
    prepare: async ({ api }) => {
      const id = fresh('link');
      await api.app.store.createLink(link(id, 'FUNDS', await newOrganisation(api), 'org-a'));
      return { request: { method: 'DELETE', url: `/api/links/${id}` }, success: 200 };
    },
  },
  {
    method: 'GET',
    route: '/api/map',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: '/api/map?focus=org-a&depth=1' },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/batch',
    access: 'edit',
    prepare: () => ({
      request: {
        method: 'POST',
        url: '/api/batch',
        payload: { ops: [{ op: 'createNode', node: organisation(fresh('org'), 'Batched') }] },
      },
      success: 200,
    }),
  },
  {
    method: 'PUT',
    route: '/api/positions',
    access: 'edit',
    prepare: () => ({
      request: {
        method: 'PUT',
        url: '/api/positions',
        payload: { positions: [{ id: 'org-a', x: serial, y: 1 }] },
      },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/layout',
    access: 'edit',
    prepare: async ({ api }) => {
      await layoutIdle(api);
      return { request: { method: 'POST', url: '/api/layout' }, success: 202 };
    },
  },
  {
    method: 'GET',
    route: '/api/layout',
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url: '/api/layout' }, success: 200 }),
  },
  // Insights: read; accepting and dismissing introductions are writes.
  ...[
    '/api/insights',
    '/api/insights/notConnected',
    '/api/insights/islands',
    '/api/insights/bridges',
    '/api/insights/brokers',
    '/api/insights/siloedThemes',
    '/api/insights/introductions',
    '/api/insights/introductions/dismissals',
    '/api/insights/communities',
  ].map((url): Row => ({
    method: 'GET',
    route: url,
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url }, success: 200 }),
  })),
  {
    method: 'POST',
    route: '/api/insights/introductions/accept',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: {
        method: 'POST',
        url: '/api/insights/introductions/accept',
        payload: { a: await newOrganisation(api), b: await newOrganisation(api) },
      },
      success: 201,
    }),
  },
  {
    method: 'POST',
    route: '/api/insights/introductions/dismissals',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: {
        method: 'POST',
        url: '/api/insights/introductions/dismissals',
        payload: { a: await newOrganisation(api), b: await newOrganisation(api) },
      },
      success: 201,
    }),
  },
  {
    method: 'DELETE',
    route: '/api/insights/introductions/dismissals/:a/:b',
    access: 'edit',
    prepare: async ({ api }) => {
      const [a, b] = [await newOrganisation(api), await newOrganisation(api)];
      await api.app.store.dismissIntroduction(a, b);
      return {
        request: { method: 'DELETE', url: `/api/insights/introductions/dismissals/${a}/${b}` },
        success: 204,
      };
    },
  },
  // Meetings: read; attendees and links formed there are writes.
  {
    method: 'GET',
    route: '/api/meetings',
    access: 'read',
    prepare: () => ({ request: { method: 'GET', url: '/api/meetings' }, success: 200 }),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: `/api/meetings/${MEETING}` },
      success: 200,
    }),
  },
  {
    method: 'PUT',
    route: '/api/meetings/:id/attendees/:nodeId',
    access: 'edit',
    prepare: async ({ api }) => ({
      request: {
        method: 'PUT',
        url: `/api/meetings/${MEETING}/attendees/${await newOrganisation(api)}`,
        payload: {},
      },
      success: 201,
    }),
  },
  {
    method: 'DELETE',
    route: '/api/meetings/:id/attendees/:nodeId',
    access: 'edit',
    prepare: async ({ api }) => {
      const id = await newOrganisation(api);
      await api.app.store.createLink(link(fresh('attended'), 'ATTENDED', id, MEETING));
      return {
        request: { method: 'DELETE', url: `/api/meetings/${MEETING}/attendees/${id}` },
        success: 204,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/meetings/:id/links',
    access: 'edit',
    prepare: async ({ api }) => {
      const [a, b] = [await newOrganisation(api), await newOrganisation(api)];
      for (const id of [a, b]) {
        await api.app.store.createLink(link(fresh('attended'), 'ATTENDED', id, MEETING));
      }
      return {
        request: {
          method: 'POST',
          url: `/api/meetings/${MEETING}/links`,
          payload: { links: [{ source: a, target: b }] },
        },
        success: 201,
      };
    },
  },
  {
    method: 'GET',
    route: '/api/meetings/:id/suggestions',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: `/api/meetings/${MEETING}/suggestions` },
      success: 200,
    }),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id/attendee-pack',
    // Editors, and the meeting's own attendees (a viewer linked to an attendee; tested below):
    // this table's viewer is linked to no one.
    access: 'edit',
    prepare: () => ({
      request: { method: 'GET', url: `/api/meetings/${MEETING}/attendee-pack?format=csv` },
      success: 200,
    }),
  },
  {
    method: 'GET',
    route: '/api/search',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: '/api/search?q=alpha' },
      success: 200,
    }),
  },
  {
    method: 'GET',
    route: '/api/similar-nodes',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: '/api/similar-nodes?name=Alpha%20Larder' },
      success: 200,
    }),
  },
  // Import and export.
  {
    method: 'GET',
    route: '/api/export',
    access: 'read',
    prepare: () => ({
      request: { method: 'GET', url: '/api/export?format=csv' },
      success: 200,
    }),
  },
  {
    method: 'POST',
    route: '/api/import/preview',
    access: 'edit',
    prepare: () => {
      const body = multipart([{ name: 'elements.csv', bytes: 'Label,Type\nPreviewed,Charity\n' }]);
      return {
        request: { method: 'POST', url: '/api/import/preview', ...body },
        success: 200,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/import/apply',
    access: 'edit',
    prepare: async ({ api }) => {
      const body = multipart(
        [{ name: 'elements.csv', bytes: `Label,Type\n${fresh('Imported')},Charity\n` }],
        { expectedRevision: String(await api.app.store.revision()) },
      );
      return { request: { method: 'POST', url: '/api/import/apply', ...body }, success: 200 };
    },
  },
  // Backups (issue 22): admins only; they hold every account and contact detail.
  {
    method: 'GET',
    route: '/api/backups',
    access: 'admin',
    prepare: () => ({ request: { method: 'GET', url: '/api/backups' }, success: 200 }),
  },
  {
    method: 'POST',
    route: '/api/backups',
    access: 'admin',
    prepare: () => ({ request: { method: 'POST', url: '/api/backups' }, success: 200 }),
  },
  {
    method: 'GET',
    route: '/api/backups/:name',
    access: 'admin',
    prepare: async ({ api }) => {
      // Over Neo4j nothing is backed up here (neo4j-admin does that): an admin is told 404.
      if (testStoreIsNeo4j()) {
        const missing = 'octograph-20260101T000000Z-r1.db.gz';
        return { request: { method: 'GET', url: `/api/backups/${missing}` }, success: 404 };
      }
      const result = await api.app.backups.backUp({ by: 'cli' });
      if (result.outcome === 'failed') throw new Error(result.problem.message);
      return {
        request: { method: 'GET', url: `/api/backups/${result.backup.name}` },
        success: 200,
      };
    },
  },
];

/** Seeds the little graph the rows read. */
async function seedGraph(api: TestApp): Promise<void> {
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('org-a', 'Alpha Larder') },
    { op: 'createNode', node: organisation('org-b', 'Beta Hub', 'network') },
    { op: 'createNode', node: { kind: 'person', id: PERSON, name: 'Pat Person' } },
    {
      op: 'createNode',
      node: { kind: 'meeting', id: MEETING, name: 'Breakfast', date: '2024-05-10' },
    },
    { op: 'createLink', link: link('link-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    { op: 'createLink', link: link('link-pa', 'ATTENDED', PERSON, MEETING) },
  ]);
}

/** What a refused request must leave as it was: the graph, the users, the audit log. */
async function stateOf(api: TestApp): Promise<unknown> {
  const { store } = api.app;
  return {
    revision: await store.revision(),
    users: await store.listUsers(),
    lastAudit: (await store.listAudit({ limit: 1 })).items[0]?.id ?? null,
    dismissals: await store.listDismissals(),
  };
}

/** Headers of a new session of a new user of this role. */
async function freshSessionHeaders(api: TestApp, role: Role): Promise<Record<string, string>> {
  const email = `${fresh(role)}@octograph.test`;
  if (role === 'admin') {
    await api.app.accounts.ensureAdmin(email, 'Fresh admin', TEST_PASSWORD);
  } else {
    const { token } = await api.app.accounts.invite({ email, name: 'Fresh', role, personId: null });
    await api.app.accounts.acceptInvitation(token, TEST_PASSWORD);
  }
  const opened = await api.app.accounts.signIn(email, TEST_PASSWORD);
  return cookieHeaders(opened.token, opened.session.csrfToken);
}

function cookieHeaders(token: string, csrfToken?: string): Record<string, string> {
  return {
    cookie: `octograph_session=${token}`,
    ...(csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken }),
  };
}

async function send(
  api: TestApp,
  caller: Caller,
  prepared: Prepared,
): Promise<LightMyRequestResponse> {
  if (prepared.freshSession && caller !== 'anonymous') {
    const headers = await freshSessionHeaders(api, caller);
    return api.app.inject({
      ...prepared.request,
      headers: { ...headers, ...prepared.request.headers },
    });
  }
  return api.inject({ ...prepared.request, as: caller });
}

function expectError(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(ErrorBodySchema.parse(response.json())).toMatchObject({ statusCode: status, code });
}

/** The app's /api routes, from its OpenAPI document, as "METHOD /api/path/:param". */
function registeredRoutes(api: TestApp): string[] {
  const document = api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    )
    .sort();
}

describe('the access table', () => {
  it('has exactly one row for every route the app serves', async () => {
    const api = await startTestApp();
    try {
      await api.app.ready();
      const rows = ROUTES.map((row) => `${row.method} ${row.route}`).sort();
      expect(new Set(rows).size).toBe(rows.length);
      expect(rows).toEqual(registeredRoutes(api));
      for (const row of ROUTES) {
        expect(api.app.hasRoute({ method: row.method, url: row.route }), row.route).toBe(true);
      }
    } finally {
      await api.close();
    }
  });
});

describe.each([
  ['off', false],
  ['on', true],
])('with PUBLIC_READ %s', (_label, publicRead) => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { PUBLIC_READ: String(publicRead) } });
    await seedGraph(api);
    // An admin exists, so a visit from this machine is an ordinary anonymous visit.
    await api.user('admin');
  });

  afterAll(async () => {
    await api.close();
  });

  /** Prepares a row's request for a caller (audit entries are the caller's own when they write). */
  async function prepare(row: Row, caller: Caller): Promise<Prepared> {
    const writer = await api.user(caller === 'admin' || caller === 'editor' ? caller : 'editor');
    return row.prepare({ api, caller, writerId: writer.id });
  }

  describe.each(ROUTES)('$method $route ($access)', (row) => {
    it.each(CALLERS)('answers the %s as the table says', async (caller) => {
      const prepared = await prepare(row, caller);
      const before = await stateOf(api);
      const response = await send(api, caller, prepared);
      if (mayCall(row.access, caller, publicRead)) {
        expect(response.statusCode, response.body).toBe(prepared.success);
        return;
      }
      if (caller === 'anonymous') expectError(response, 401, 'UNAUTHENTICATED');
      else expectError(response, 403, 'FORBIDDEN');
      expect(await stateOf(api)).toEqual(before);
    });
  });

  // Fastify answers HEAD for every GET route; it must pass the same checks.
  it.each(CALLERS)('answers HEAD from the %s as it answers GET, with no body', async (caller) => {
    for (const row of ROUTES.filter((item) => item.method === 'GET')) {
      const get = await prepare(row, caller);
      const response = await send(api, caller, {
        ...get,
        request: { ...get.request, method: 'HEAD' },
      });
      const refusal = caller === 'anonymous' ? 401 : 403;
      const expected = mayCall(row.access, caller, publicRead) ? get.success : refusal;
      expect(response.statusCode, `HEAD ${row.route}`).toBe(expected);
      expect(response.body, `HEAD ${row.route}`).toBe('');
    }
  });
});

describe('accounts and sessions', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await seedGraph(api);
    await api.user('admin');
  });

  afterAll(async () => {
    await api.close();
  });

  /** A new editor's e-mail and the headers of one session. */
  async function newEditor(): Promise<{
    id: string;
    email: string;
    headers: Record<string, string>;
  }> {
    const email = `${fresh('editor')}@octograph.test`;
    const { user, token } = await api.app.accounts.invite({
      email,
      name: 'Ed',
      role: 'editor',
      personId: null,
    });
    const opened = await api.app.accounts.acceptInvitation(token, TEST_PASSWORD);
    return { id: user.id, email, headers: cookieHeaders(opened.token, opened.session.csrfToken) };
  }

  async function signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return api.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  }

  function createNode(headers: Record<string, string>): Promise<LightMyRequestResponse> {
    return api.app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers,
      payload: organisation(fresh('org'), 'Written'),
    });
  }

  async function audienceOf(headers: Record<string, string>): Promise<string> {
    const response = await api.app.inject({ method: 'GET', url: '/api/session', headers });
    return SessionInfoSchema.parse(response.json()).audience;
  }

  it.each([
    ['without the x-csrf-token header', undefined],
    ['with a wrong x-csrf-token', 'not-the-token'],
  ])('refuses a write with a valid cookie %s (403 CSRF), writing nothing', async (_what, csrf) => {
    const editor = await newEditor();
    const cookie = { cookie: editor.headers.cookie ?? '' };
    const headers = csrf === undefined ? cookie : { ...cookie, 'x-csrf-token': csrf };
    const before = await stateOf(api);
    expectError(await createNode(headers), 403, 'CSRF');
    expectError(
      await api.app.inject({ method: 'DELETE', url: '/api/session', headers }),
      403,
      'CSRF',
    );
    expect(await stateOf(api)).toEqual(before);
    // The control: the same session with its token writes, and it was not signed out.
    expect((await createNode(editor.headers)).statusCode).toBe(201);
  });

  it("ends a disabled user's session at once, and they cannot sign in again", async () => {
    const editor = await newEditor();
    expect((await createNode(editor.headers)).statusCode).toBe(201);
    const disabled = await api.request({
      method: 'PATCH',
      url: `/api/users/${editor.id}`,
      payload: { disabled: true },
      as: 'admin',
    });
    expect(disabled.status).toBe(200);
    const before = await stateOf(api);
    expectError(await createNode(editor.headers), 401, 'UNAUTHENTICATED');
    expect(await audienceOf(editor.headers)).toBe('anonymous');
    expectError(await signIn(editor.email, TEST_PASSWORD), 401, 'UNAUTHENTICATED');
    expect(await stateOf(api)).toEqual(before);
  });

  it("applies a change of role to the user's open session at once", async () => {
    const editor = await newEditor();
    const demoted = await api.request({
      method: 'PATCH',
      url: `/api/users/${editor.id}`,
      payload: { role: 'viewer' },
      as: 'admin',
    });
    expect(demoted.status).toBe(200);
    const before = await stateOf(api);
    expectError(await createNode(editor.headers), 403, 'FORBIDDEN');
    expect(await stateOf(api)).toEqual(before);
    expect(await audienceOf(editor.headers)).toBe('viewer');
  });

  it('ends the session when its user signs out', async () => {
    const editor = await newEditor();
    const out = await api.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: editor.headers,
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^octograph_session=;/);
    expect(await audienceOf(editor.headers)).toBe('anonymous');
    expectError(await createNode(editor.headers), 401, 'UNAUTHENTICATED');
  });

  it('changes a password: the old one stops working, other sessions end, this one stays', async () => {
    const editor = await newEditor();
    const other = await signIn(editor.email, TEST_PASSWORD);
    const otherCookie = String(other.headers['set-cookie']).split(';')[0] ?? '';
    expect(await audienceOf({ cookie: otherCookie })).toBe('editor');

    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: editor.headers,
      payload: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expectError(wrong, 400, 'VALIDATION_FAILED');
    const changed = await api.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: editor.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);

    expectError(await signIn(editor.email, TEST_PASSWORD), 401, 'UNAUTHENTICATED');
    expect((await signIn(editor.email, 'a brand new passphrase')).statusCode).toBe(200);
    expect(await audienceOf({ cookie: otherCookie })).toBe('anonymous');
    expect(await audienceOf(editor.headers)).toBe('editor');
    // This session keeps its CSRF token too.
    expect((await createNode(editor.headers)).statusCode).toBe(201);
  });

  it('lets an invitation link be used once; a used, expired or unknown link is 404', async () => {
    const invited = await api.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: `${fresh('guest')}@octograph.test`, name: 'Guest', role: 'viewer' },
      as: 'admin',
    });
    expect(invited.status).toBe(201);
    const { token, user } = invited.body as { token: string; user: { email: string } };
    const url = `/api/invitations/${token}`;

    const info = await api.app.inject({ method: 'GET', url });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email: user.email, name: 'Guest' });
    const accepted = await api.app.inject({
      method: 'POST',
      url,
      payload: { password: TEST_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(SessionInfoSchema.parse(accepted.json()).audience).toBe('viewer');

    expectError(await api.app.inject({ method: 'GET', url }), 404, 'NOT_FOUND');
    expectError(
      await api.app.inject({ method: 'POST', url, payload: { password: 'someone else entirely' } }),
      404,
      'NOT_FOUND',
    );
    // The first password still signs in: the second acceptance changed nothing.
    expect((await signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);

    const unknown = `/api/invitations/${'x'.repeat(43)}`;
    expectError(await api.app.inject({ method: 'GET', url: unknown }), 404, 'NOT_FOUND');

    const late = await api.app.accounts.invite({
      email: `${fresh('late')}@octograph.test`,
      name: 'Late',
      role: 'viewer',
      personId: null,
    });
    await api.app.store.updateUser(late.user.id, {
      invitationExpiresAt: '2020-01-01T00:00:00.000Z',
    });
    const lateUrl = `/api/invitations/${late.token}`;
    expectError(await api.app.inject({ method: 'GET', url: lateUrl }), 404, 'NOT_FOUND');
    expectError(
      await api.app.inject({ method: 'POST', url: lateUrl, payload: { password: TEST_PASSWORD } }),
      404,
      'NOT_FOUND',
    );
    expectError(await signIn(late.user.email, TEST_PASSWORD), 401, 'UNAUTHENTICATED');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, and not Secure over plain http', async () => {
    const editor = await newEditor();
    const response = await signIn(editor.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    const attributes = cookie.split(';').map((part) => part.trim());
    expect(attributes[0]).toMatch(/^octograph_session=[A-Za-z0-9_-]{20,}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes).not.toContain('Secure');
  });

  it('does not trust x-forwarded-proto from a client (no trustProxy): still not Secure', async () => {
    const editor = await newEditor();
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: editor.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).not.toMatch(/;\s*Secure/);
  });

  it('sets the cookie Secure when the connection is TLS', async () => {
    const editor = await newEditor();
    await api.app.ready();
    // Fastify's request.protocol is 'https' when the socket is a TLS socket (`encrypted`); inject
    // cannot say so, so a plain server marks its sockets as TLS would and hands requests to the
    // app's router, as Fastify's serverFactory does.
    const server = createServer((request, response) => {
      Object.defineProperty(request.socket, 'encrypted', { value: true, configurable: true });
      api.app.routing(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${String(port)}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: editor.email, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const attributes = (response.headers.get('set-cookie') ?? '')
        .split(';')
        .map((part) => part.trim());
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure']),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('before the first admin exists', () => {
  let api: TestApp;
  const REMOTE = '203.0.113.9';
  const setupBody = { email: 'first@octograph.test', name: 'First', password: TEST_PASSWORD };

  beforeAll(async () => {
    api = await startTestApp();
    await seedGraph(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('lets a visit from this machine read, but not write, and no remote visit do either', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/map' })).statusCode).toBe(200);
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/map', remoteAddress: REMOTE }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await api.app.inject({
        method: 'GET',
        url: '/api/map',
        headers: { 'x-forwarded-for': REMOTE },
      }),
      401,
      'UNAUTHENTICATED',
    );
    const before = await stateOf(api);
    expectError(
      await api.app.inject({
        method: 'POST',
        url: '/api/nodes',
        payload: organisation('org-local', 'Local'),
      }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await stateOf(api)).toEqual(before);
  });

  it('creates the first admin only from this machine, and only once', async () => {
    const offered = async (remoteAddress?: string): Promise<boolean> => {
      const response = await api.app.inject({
        method: 'GET',
        url: '/api/session',
        ...(remoteAddress ? { remoteAddress } : {}),
      });
      return SessionInfoSchema.parse(response.json()).setupAvailable;
    };
    expect(await offered(REMOTE)).toBe(false);
    expect(await offered()).toBe(true);

    for (const request of [{ remoteAddress: REMOTE }, { headers: { 'x-forwarded-for': REMOTE } }]) {
      const refused = await api.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...setupBody, code: api.app.accounts.setupCode },
        ...request,
      });
      expectError(refused, 403, 'FORBIDDEN');
      expect(await api.app.store.hasAdmin()).toBe(false);
    }

    const wrongCode = await api.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...setupBody, code: 'AAAA-BBBB-CCCC' },
    });
    expectError(wrongCode, 403, 'FORBIDDEN');
    expect(await api.app.store.hasAdmin()).toBe(false);

    const created = await api.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...setupBody, code: api.app.accounts.setupCode },
    });
    expect(created.statusCode).toBe(201);
    expect(SessionInfoSchema.parse(created.json()).audience).toBe('admin');
    expect(String(created.headers['set-cookie'])).toMatch(/^octograph_session=/);
    expect(await api.app.store.hasAdmin()).toBe(true);
    expect(await offered()).toBe(false);

    const users = await api.app.store.listUsers();
    const again = await api.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...setupBody, email: 'second@octograph.test', code: api.app.accounts.setupCode },
    });
    expectError(again, 409, 'CONFLICT');
    expect(await api.app.store.listUsers()).toEqual(users);

    // With an admin, a local visit that is not signed in is an ordinary anonymous one.
    expectError(await api.app.inject({ method: 'GET', url: '/api/map' }), 401, 'UNAUTHENTICATED');
  });
});

describe('the sign-in rate limit', () => {
  it('answers the fourth sign-in within a minute with 429 when SIGN_IN_LIMIT_PER_MINUTE=3', async () => {
    const api = await startTestApp({ env: { SIGN_IN_LIMIT_PER_MINUTE: '3' } });
    try {
      const admin = await api.user('admin');
      const attempt = (password: string): Promise<LightMyRequestResponse> =>
        api.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: admin.email, password },
        });
      for (let count = 1; count <= 3; count += 1) {
        expectError(await attempt(`wrong guess ${String(count)}`), 401, 'UNAUTHENTICATED');
      }
      // Even the right password waits now.
      expectError(await attempt(TEST_PASSWORD), 429, 'RATE_LIMITED');
    } finally {
      await api.close();
    }
  });
});
