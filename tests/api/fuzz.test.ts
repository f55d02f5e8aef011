/**
 * Thousands of generated bad requests to every route of the API (fast-check): wrong types,
 * strings beyond their limits, unknown fields, malformed and unknown ids in paths, strings that
 * look like SQL or Cypher, invalid UTF-8, JSON nested thousands of levels deep, the wrong content
 * type, bad query parameters. Mostly from a signed-in editor with the CSRF token (so they reach
 * validation), some from an admin, a viewer and a visitor who is not signed in.
 *
 * Every answer must be a 4xx with the one error body and nothing from inside the server (a
 * stack, SQL, Cypher); afterwards the store, its revision, the users and the audit log are
 * exactly as before. The routes come from the app's own OpenAPI document, so a new route fails
 * this test until it has a generator in helpers/fuzz-routes.ts. FUZZ_SEED=<n> repeats a run.
 */
import { ErrorBodySchema, type CreateNodeInput } from '@octograph/graph-schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJECTIONS } from '../helpers/fuzz-bad-input.js';
import { ROUTE_FUZZ, type BadRequest, type FuzzWorld } from '../helpers/fuzz-routes.js';
import { startTestApp, type TestApp, type TestCaller } from '../helpers/test-app.js';

/** Generated requests per route: with ~45 routes that read input, about 7000 in all. */
const RUNS_PER_ROUTE = 150;
/** Junk requests per route that reads nothing from the request. */
const RUNS_PER_INPUTLESS_ROUTE = 20;
const SEED = Number(process.env.FUZZ_SEED ?? String(Date.now() % 2_147_483_647));

/** What would show the server's insides: a stack frame, a source path, SQL or Cypher. */
const LEAKS: readonly RegExp[] = [
  /\n\s+at /,
  /\bat \S+ \(\S+:\d+:\d+\)/,
  /node_modules|node:internal|file:\/\//,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /SQLITE_|SqliteError|sqlite3?\b/i,
  /\b(?:CREATE TABLE|INSERT INTO|UPDATE \w+ SET|DELETE FROM \w+ WHERE)\b/i,
  /\bSELECT\b[\s\S]*\bFROM\b[\s\S]*\bWHERE\b/i,
  /Neo4jError|Neo\.ClientError|\bMATCH \(\w*:\w+|\bMERGE \(|\bWHERE \w+\.\w+ ?=/,
];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let api: TestApp;
let world: FuzzWorld;

/** Everything a bad request must leave as it was. */
async function storedState(): Promise<string> {
  const store = api.app.store;
  return JSON.stringify({
    snapshot: await store.snapshot(),
    revision: await store.revision(),
    audit: await store.listAudit({ limit: 200 }),
    users: await store.listUsers(),
  });
}

/** Every route of the app, as its OpenAPI document names them (`PATCH /api/nodes/{id}`). */
async function appRoutes(): Promise<string[]> {
  await api.app.ready();
  const document = api.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    METHODS.filter((method) => method in operations).map(
      (method) => `${method.toUpperCase()} ${path}`,
    ),
  );
}

async function send(request: BadRequest, as: TestCaller) {
  return api.inject({
    as,
    method: request.method,
    url: request.url,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    ...(request.contentType === undefined
      ? {}
      : { headers: { 'content-type': request.contentType } }),
  });
}

/** What is wrong with the answer to a bad request, or null when it is a proper refusal. */
function problemWith(status: number, contentType: string, text: string): string | null {
  if (status < 400 || status >= 500) return `answered ${String(status)}`;
  if (!contentType.startsWith('application/json')) return `answered ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'answered a body that is not JSON';
  }
  const parsed = ErrorBodySchema.strict().safeParse(body);
  if (!parsed.success) return 'answered a body that is not the error body';
  if (parsed.data.statusCode !== status) {
    return `answered ${String(status)} with statusCode ${String(parsed.data.statusCode)}`;
  }
  const leak = LEAKS.find((pattern) => pattern.test(text));
  return leak ? `answered a body showing the server's insides (${String(leak)})` : null;
}

function describeRequest(request: BadRequest, as: TestCaller): string {
  const payload =
    request.payload === undefined
      ? ''
      : ` ${request.payload.length > 160 ? `${request.payload.slice(0, 160).toString()}… (${String(request.payload.length)} bytes)` : request.payload.toString()}`;
  return `as ${as}: ${request.method} ${request.url.slice(0, 200)} [${request.contentType ?? 'no content type'}]${payload}`;
}

async function createNode(body: CreateNodeInput): Promise<string> {
  const { status, body: created } = await api.request({
    method: 'POST',
    url: '/api/nodes',
    payload: body,
  });
  if (status !== 201) throw new Error(`could not create ${body.name}: ${JSON.stringify(created)}`);
  return (created as { id: string }).id;
}

beforeAll(async () => {
  // Visitors may read, so their bad reads reach validation; a small upload limit to go beyond.
  api = await startTestApp({ env: { PUBLIC_READ: 'true', IMPORT_LIMIT: '65536' } });
  await Promise.all([api.user('editor'), api.user('admin'), api.user('viewer')]);
  const organisations = [
    await createNode({
      kind: 'organisation',
      id: 'org-a',
      name: 'Riverside Food Bank',
      orgKind: 'charity',
    }),
    await createNode({
      kind: 'organisation',
      id: 'org-b',
      name: 'Town Network',
      orgKind: 'network',
    }),
    await createNode({
      kind: 'organisation',
      id: 'org-c',
      name: 'Repair Café',
      orgKind: 'community_group',
    }),
  ] as const;
  const personId = await createNode({ kind: 'person', id: 'person-ann', name: 'Ann Example' });
  const meetingId = await createNode({
    kind: 'meeting',
    id: 'meeting-1',
    name: 'Spring forum',
    date: '2024-04-01',
  });
  const link = await api.request({
    method: 'POST',
    url: '/api/links',
    payload: { kind: 'MEMBER_OF', source: organisations[0], target: organisations[1] },
  });
  const attendee = await api.request({
    method: 'PUT',
    url: `/api/meetings/${meetingId}/attendees/${personId}`,
    payload: { shareEmail: true },
  });
  const invitation = await api.request({
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    payload: { email: 'invited@octograph.test', name: 'Invited Person', role: 'editor' },
  });
  expect([link.status, attendee.status, invitation.status]).toEqual([201, 201, 201]);
  world = {
    organisations,
    personId,
    meetingId,
    linkId: (link.body as { id: string }).id,
    // Only the invited user: a request that wrongly got through must not lock a caller out and
    // hide the problems after it behind 401s.
    userIds: [(invitation.body as { user: { id: string } }).user.id],
    invitationToken: (invitation.body as { token: string }).token,
  };
}, 30_000);

afterAll(async () => {
  await api.close();
});

describe('the API under generated bad requests', () => {
  it('has leak patterns that none of the attack strings would trip by being echoed', () => {
    for (const injection of INJECTIONS) {
      expect(
        LEAKS.filter((pattern) => pattern.test(JSON.stringify({ message: injection }))),
      ).toEqual([]);
    }
  });

  it('refuses every bad request to every route with a 4xx error body and changes nothing', async () => {
    const routes = await appRoutes();
    expect(routes.length).toBeGreaterThan(40);
    // A new route must get a generator; a generator must not outlive its route.
    expect(routes.filter((route) => !(route in ROUTE_FUZZ))).toEqual([]);
    expect(Object.keys(ROUTE_FUZZ).filter((route) => !routes.includes(route))).toEqual([]);

    const before = await storedState();
    const problems = new Map<string, string>();
    let refused = 0;
    let ignored = 0;
    const inputless: string[] = [];

    for (const route of routes) {
      const fuzz = ROUTE_FUZZ[route];
      if (!fuzz) continue;
      const caller: fc.Arbitrary<TestCaller> = fc.oneof(
        { weight: 7, arbitrary: fc.constant(fuzz.caller) },
        { weight: 1, arbitrary: fc.constantFrom<TestCaller>('admin', 'viewer', 'anonymous') },
      );
      const requests = fuzz.requests(world);

      if (fuzz.readsNothing) {
        inputless.push(route);
        // Nothing in the request is read, so junk sent along must change nothing in the answer.
        const junk = fc.record({
          key: fc.stringMatching(/^[a-z]{1,10}$/),
          value: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 300 })),
        });
        await fc.assert(
          fc.asyncProperty(requests, caller, junk, async (request, as, { key, value }) => {
            ignored += 1;
            const clean = await send(request, as);
            const url = `${request.url}?${new URLSearchParams({ [key]: value }).toString()}`;
            const answer = await send({ ...request, url }, as);
            if (answer.statusCode !== clean.statusCode || answer.statusCode >= 500) {
              problems.set(
                `${route}: junk query changed ${String(clean.statusCode)} to ${String(answer.statusCode)}`,
                describeRequest({ ...request, url }, as),
              );
            }
          }),
          { numRuns: RUNS_PER_INPUTLESS_ROUTE, seed: SEED },
        );
        continue;
      }

      await fc.assert(
        fc.asyncProperty(requests, caller, async (request, as) => {
          refused += 1;
          const response = await send(request, as);
          const problem = problemWith(
            response.statusCode,
            String(response.headers['content-type'] ?? ''),
            response.body,
          );
          if (problem) {
            const key = `${route} ${problem} to ${request.why.replace(/ \d+ levels/, ' N levels')}`;
            if (!problems.has(key)) {
              problems.set(
                key,
                `${describeRequest(request, as)}\n    → ${response.body.slice(0, 300)}`,
              );
            }
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
    }

    console.log(
      `fuzz: ${String(refused)} bad requests to ${String(routes.length - inputless.length)} routes, ` +
        `${problems.size === 0 ? 'all 4xx' : `${String(problems.size)} kinds of problem`}; ` +
        `${String(ignored)} junk requests to ${String(inputless.length)} routes that read no input (seed ${String(SEED)})`,
    );
    const report = [...problems].map(([what, example]) => `${what}\n  e.g. ${example}`);
    expect(report, `FUZZ_SEED=${String(SEED)}`).toEqual([]);
    expect(await storedState()).toBe(before);
    // The editor's session survived every bad sign-out and password change.
    const session = await api.request({ method: 'GET', url: '/api/session' });
    expect(session.body).toMatchObject({ audience: 'editor' });
  }, 120_000);
});
