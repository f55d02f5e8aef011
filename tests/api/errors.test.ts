/**
 * Every error case of the API: the status, the one error body shape, and that a rejected request
 * changes nothing that was stored.
 */
import { Writable } from 'node:stream';
import { ErrorBodySchema, type ErrorBody } from '@octograph/graph-schema';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

async function snapshotOfStore(): Promise<unknown> {
  return api.app.store.snapshot();
}

async function expectError(options: InjectOptions, status: number): Promise<ErrorBody> {
  const before = await snapshotOfStore();
  const { status: actual, body } = await api.request(options);
  expect(actual).toBe(status);
  const parsed = ErrorBodySchema.strict().parse(body);
  expect(parsed.statusCode).toBe(status);
  expect(await snapshotOfStore()).toEqual(before);
  return parsed;
}

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('org-food', 'Riverside Food Bank') },
    { op: 'createNode', node: organisation('org-net', 'Town Network', 'network') },
    { op: 'createNode', node: { kind: 'person', id: 'person-ann', name: 'Ann Example' } },
    { op: 'createLink', link: link('link-1', 'MEMBER_OF', 'org-food', 'org-net') },
  ]);
});

afterEach(async () => {
  await api.close();
});

describe('API errors', () => {
  it('answers malformed JSON with 400 BAD_JSON', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/nodes',
        payload: '{"kind": "organisation",',
        headers: { 'content-type': 'application/json' },
      },
      400,
    );
    expect(error.code).toBe('BAD_JSON');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('answers an empty JSON body with 400 BAD_JSON', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: '',
        headers: { 'content-type': 'application/json' },
      },
      400,
    );
    expect(error.code).toBe('BAD_JSON');
  });

  it('lists each bad field of a schema violation with its path', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/nodes',
        payload: {
          kind: 'organisation',
          name: '',
          orgKind: 'club',
          website: 'ftp://x.example',
          colour: 'red',
        },
      },
      400,
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'body.colour',
      'body.name',
      'body.orgKind',
      'body.website',
    ]);
    expect(error.message).toContain('body.name');
  });

  it('names a bad query parameter', async () => {
    const error = await expectError({ method: 'GET', url: '/api/nodes?limit=0&kind=planet' }, 400);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'query.kind[0]',
      'query.limit',
    ]);
  });

  it.each([
    [
      'a self-link',
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-self', 'COLLABORATES_WITH', 'org-food', 'org-food'),
      },
      'body.target',
    ],
    [
      'a change that puts until before the stored since',
      { method: 'PATCH', url: '/api/links/link-1', payload: { until: '2020-01-01' } },
      'body.until',
    ],
    [
      'a change of kind',
      { method: 'PATCH', url: '/api/nodes/org-food', payload: { kind: 'person', role: 'x' } },
      'body.kind',
    ],
    [
      'a cursor this server never gave out',
      { method: 'GET', url: '/api/nodes?cursor=bm9wZQ' },
      'query.cursor',
    ],
  ] as [string, InjectOptions, string][])(
    'names where %s was in the request',
    async (_what, options, path) => {
      const error = await expectError(options, 400);
      expect(error.issues.map((issue) => issue.path)).toEqual([path]);
      expect(error.message).toContain(path);
    },
  );

  it('names a bad path parameter', async () => {
    const error = await expectError({ method: 'GET', url: '/api/nodes/has%20space' }, 400);
    expect(error.issues.map((issue) => issue.path)).toEqual(['params.id']);
  });

  it('answers an id longer than any valid id with 400 naming params.id', async () => {
    const error = await expectError({ method: 'GET', url: `/api/nodes/${'a'.repeat(300)}` }, 400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([
      { path: 'params.id', message: 'must be at most 100 characters' },
    ]);
  });

  it('answers an address with broken URL encoding with 400', async () => {
    const error = await expectError({ method: 'GET', url: '/api/nodes/%E0%A4%A' }, 400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/URL encoding/);
  });

  it.each([
    ['GET', '/api/nodes/org-missing', 'org-missing'],
    ['PATCH', '/api/nodes/org-missing', 'org-missing'],
    ['DELETE', '/api/nodes/org-missing', 'org-missing'],
    ['GET', '/api/links/link-missing', 'link-missing'],
    ['PATCH', '/api/links/link-missing', 'link-missing'],
    ['DELETE', '/api/links/link-missing', 'link-missing'],
    ['GET', '/api/nodes/org-missing/neighbourhood', 'org-missing'],
    ['GET', '/api/map?focus=org-missing', 'org-missing'],
  ] as const)('answers %s %s with 404 naming the id', async (method, url, id) => {
    const payload =
      method === 'PATCH'
        ? url.includes('links')
          ? { notes: 'x' }
          : { kind: 'organisation', name: 'x' }
        : undefined;
    const error = await expectError({ method, url, ...(payload ? { payload } : {}) }, 404);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(`'${id}'`);
  });

  it('answers a link to an unknown node with 404 naming it', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-2', 'COLLABORATES_WITH', 'org-food', 'org-ghost'),
      },
      404,
    );
    expect(error.message).toContain("'org-ghost'");
  });

  it('answers a link between kinds the schema forbids with 400 naming both kinds', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-2', 'COLLABORATES_WITH', 'org-food', 'person-ann'),
      },
      400,
    );
    expect(error.code).toBe('LINK_NOT_ALLOWED');
    expect(error.message).toContain('organisation (charity)');
    expect(error.message).toContain('person');
  });

  it('answers MEMBER_OF to an organisation that is not a network with 400', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-2', 'MEMBER_OF', 'org-net', 'org-food'),
      },
      400,
    );
    expect(error.code).toBe('LINK_NOT_ALLOWED');
    expect(error.message).toContain('organisation (network)');
    expect(error.message).toContain('organisation (charity)');
  });

  it('answers a duplicate node id with 409', async () => {
    const error = await expectError(
      { method: 'POST', url: '/api/nodes', payload: organisation('org-food', 'Another Food Bank') },
      409,
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain("'org-food'");
  });

  it('answers a duplicate link id with 409', async () => {
    await api.request({ method: 'POST', url: '/api/nodes', payload: organisation('org-b', 'B') });
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-1', 'COLLABORATES_WITH', 'org-food', 'org-b'),
      },
      409,
    );
    expect(error.message).toContain("'link-1'");
  });

  it('answers the same link twice with 409 naming the existing link', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/links',
        payload: link('link-2', 'MEMBER_OF', 'org-food', 'org-net'),
      },
      409,
    );
    expect(error.message).toContain("'link-1'");
  });

  it('answers a body over the limit with 413', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/nodes',
        payload: { ...organisation('org-big', 'Big'), description: 'x'.repeat(1_100_000) },
      },
      413,
    );
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with 404 naming it', async () => {
    const error = await expectError({ method: 'GET', url: '/api/organisations?x=1' }, 404);
    expect(error.message).toBe('no route GET /api/organisations');
  });

  it('rolls back a whole batch when one write fails, naming the write', async () => {
    const error = await expectError(
      {
        method: 'POST',
        url: '/api/batch',
        payload: {
          ops: [
            { op: 'createNode', node: organisation('org-new', 'New Group', 'community_group') },
            {
              op: 'createLink',
              link: link('link-new', 'COLLABORATES_WITH', 'org-new', 'org-food'),
            },
            { op: 'createLink', link: link('link-bad', 'WORKS_AT', 'org-new', 'org-food') },
          ],
        },
      },
      400,
    );
    expect(error.message).toMatch(/^ops\[2\] \(createLink\)/);
  });

  it('answers anything unexpected with a generic 500 and logs it', async () => {
    await api.close();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    api = await startTestApp({ logStream });
    await api.user('editor'); // signed in while the database is still there
    // The database going away under a running server is the unexpected case here.
    await api.app.store.close();
    const { status, body } = await api.request({ method: 'GET', url: '/api/nodes/org-food' });
    expect(status).toBe(500);
    expect(ErrorBodySchema.strict().parse(body)).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'something went wrong on the server; it has been logged',
      issues: [],
    });
    const logged = lines.join('');
    expect(logged).toContain('unexpected error');
    expect(logged).toContain('/api/nodes/org-food');
    expect(logged).toContain('database connection is not open');
  });
});
