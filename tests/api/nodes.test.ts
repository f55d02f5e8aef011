import { GraphNodeSchema, NodePageSchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
});

afterEach(async () => {
  await api.close();
});

describe('POST /api/nodes', () => {
  it('creates an organisation with defaults and answers 201 with the stored node', async () => {
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: { kind: 'organisation', name: 'Riverside Food Bank', orgKind: 'charity' },
    });
    expect(status).toBe(201);
    const node = GraphNodeSchema.parse(body);
    expect(node).toMatchObject({
      kind: 'organisation',
      name: 'Riverside Food Bank',
      status: 'active',
      values: [],
    });
    expect(node.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await api.request({ method: 'GET', url: `/api/nodes/${node.id}` });
    expect(stored.body).toEqual(body);
  });

  it('keeps a person’s contact details with their visibility', async () => {
    const payload = {
      kind: 'person',
      id: 'person-ann',
      name: 'Ann Example',
      role: 'Coordinator',
      email: { value: 'ann@example.org', visibility: 'attendees' },
    };
    const { status, body } = await api.request({ method: 'POST', url: '/api/nodes', payload });
    expect(status).toBe(201);
    expect(body).toMatchObject({ ...payload, phone: null });
  });
});

describe('PATCH /api/nodes/:id', () => {
  it('changes only the fields sent', async () => {
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-a', 'Alpha', 'charity', { description: 'Food' }),
    });
    const { status, body } = await api.request({
      method: 'PATCH',
      url: '/api/nodes/org-a',
      payload: { kind: 'organisation', status: 'dormant' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'org-a',
      name: 'Alpha',
      description: 'Food',
      status: 'dormant',
    });
  });
});

describe('DELETE /api/nodes/:id', () => {
  it('deletes the node with its links and says which links went', async () => {
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('org-a', 'Alpha') },
      { op: 'createNode', node: organisation('org-b', 'Beta') },
      { op: 'createLink', link: link('link-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    ]);
    const { status, body } = await api.request({ method: 'DELETE', url: '/api/nodes/org-a' });
    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'org-a',
      deletedLinkIds: ['link-ab'],
      auditId: expect.any(Number) as unknown,
    });
    expect((await api.request({ method: 'GET', url: '/api/links/link-ab' })).status).toBe(404);
    expect((await api.request({ method: 'GET', url: '/api/nodes/org-b' })).status).toBe(200);
  });
});

describe('GET /api/nodes', () => {
  beforeEach(async () => {
    await api.app.store.applyBatch([
      { op: 'createNode', node: { kind: 'theme', id: 'theme-food', name: 'Food' } },
      { op: 'createNode', node: { kind: 'place', id: 'place-bilgoraj', name: 'Biłgoraj' } },
      {
        op: 'createNode',
        node: organisation('org-klub', 'Klub Seniora Złota Jesień', 'community_group'),
      },
      {
        op: 'createNode',
        node: organisation('org-pantry', 'Community Pantry', 'social_enterprise', {
          status: 'dormant',
        }),
      },
      { op: 'createNode', node: organisation('org-alpha', 'alpha Trust', 'charity') },
      { op: 'createLink', link: link('l1', 'FOCUSES_ON', 'org-pantry', 'theme-food') },
      { op: 'createLink', link: link('l2', 'BASED_IN', 'org-klub', 'place-bilgoraj') },
    ]);
  });

  it('lists nodes sorted by name, ignoring case', async () => {
    const { body } = await api.request({ method: 'GET', url: '/api/nodes?kind=organisation' });
    const page = NodePageSchema.parse(body);
    expect(page.items.map((node) => node.name)).toEqual([
      'alpha Trust',
      'Community Pantry',
      'Klub Seniora Złota Jesień',
    ]);
    expect(page.total).toBe(3);
  });

  it.each(['0x10', '1e1', ' 5', '5&limit=6'])(
    'rejects limit=%s as not a whole number',
    async (limit) => {
      const { status, body } = await api.request({
        method: 'GET',
        url: `/api/nodes?limit=${limit}`,
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({
        issues: [{ path: 'query.limit', message: 'must be a whole number' }],
      });
    },
  );

  it('finds a node by text without accents', async () => {
    const { body } = await api.request({ method: 'GET', url: '/api/nodes?q=zlota%20jesien' });
    expect(NodePageSchema.parse(body).items.map((node) => node.id)).toEqual(['org-klub']);
  });

  it.each([
    ['theme=theme-food', ['org-pantry']],
    ['place=place-bilgoraj', ['org-klub']],
    ['status=dormant', ['org-pantry']],
    ['orgKind=charity,community_group', ['org-alpha', 'org-klub']],
    ['kind=theme&kind=place', ['place-bilgoraj', 'theme-food']],
  ])('filters by %s', async (query, ids) => {
    const { body } = await api.request({ method: 'GET', url: `/api/nodes?${query}` });
    expect(
      NodePageSchema.parse(body)
        .items.map((node) => node.id)
        .sort(),
    ).toEqual(ids);
  });

  it('pages with a cursor until every node was seen once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/nodes?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = NodePageSchema.parse((await api.request({ method: 'GET', url })).body);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((node) => node.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([
      'org-alpha',
      'org-klub',
      'org-pantry',
      'place-bilgoraj',
      'theme-food',
    ]);
  });
});

describe('GET /api/nodes/:id/neighbourhood', () => {
  it('returns the node and what lies within the asked depth', async () => {
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('a', 'A') },
      { op: 'createNode', node: organisation('b', 'B') },
      { op: 'createNode', node: organisation('c', 'C') },
      { op: 'createLink', link: link('ab', 'COLLABORATES_WITH', 'a', 'b') },
      { op: 'createLink', link: link('bc', 'COLLABORATES_WITH', 'c', 'b') },
    ]);
    const one = await api.request({ method: 'GET', url: '/api/nodes/a/neighbourhood' });
    const two = await api.request({ method: 'GET', url: '/api/nodes/a/neighbourhood?depth=2' });
    const ids = (body: unknown): string[] =>
      (body as { nodes: { id: string }[] }).nodes.map((node) => node.id).sort();
    expect(ids(one.body)).toEqual(['a', 'b']);
    expect(ids(two.body)).toEqual(['a', 'b', 'c']);
    expect((two.body as { links: unknown[] }).links).toHaveLength(2);
  });
});

describe('contact details', () => {
  beforeEach(async () => {
    await api.app.store.applyBatch([
      {
        op: 'createNode',
        node: {
          kind: 'person',
          id: 'person-ann',
          name: 'Ann Example',
          email: { value: 'ann@example.org', visibility: 'private' },
          phone: { value: '+44 7700 900123', visibility: 'public' },
        },
      },
      {
        op: 'createNode',
        node: {
          kind: 'person',
          id: 'person-bo',
          name: 'Bo Example',
          email: { value: 'bo@example.org', visibility: 'attendees' },
        },
      },
      { op: 'createNode', node: organisation('org-a', 'Alpha') },
      { op: 'createLink', link: link('w1', 'WORKS_AT', 'person-ann', 'org-a') },
    ]);
  });

  it.each([
    ['/api/nodes/person-ann', (body: unknown) => body],
    ['/api/nodes?kind=person', (body: unknown) => (body as { items: unknown[] }).items[0]],
    [
      '/api/nodes/org-a/neighbourhood',
      (body: unknown) =>
        (body as { nodes: { id: string }[] }).nodes.find((node) => node.id === 'person-ann'),
    ],
  ])('leave %s only where their owner made them public (for a viewer)', async (url, pick) => {
    const { body } = await api.request({ method: 'GET', url, as: 'viewer' });
    expect(pick(body)).toMatchObject({
      id: 'person-ann',
      email: null,
      phone: { value: '+44 7700 900123', visibility: 'public' },
    });
    expect(JSON.stringify(body)).not.toContain('ann@example.org');
  });

  it('are not shown to a viewer at the attendees level either', async () => {
    const { body } = await api.request({
      method: 'GET',
      url: '/api/nodes/person-bo',
      as: 'viewer',
    });
    expect(body).toMatchObject({ email: null, phone: null });
  });

  it('are all shown to an editor, who keeps the map', async () => {
    const { body } = await api.request({ method: 'GET', url: '/api/nodes/person-ann' });
    expect(body).toMatchObject({
      email: { value: 'ann@example.org', visibility: 'private' },
      phone: { value: '+44 7700 900123', visibility: 'public' },
    });
  });
});
