import { MapResponseSchema, type MapResponse } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

async function map(query = ''): Promise<MapResponse> {
  const { status, body } = await api.request({ method: 'GET', url: `/api/map${query}` });
  expect(status).toBe(200);
  return MapResponseSchema.parse(body);
}

const ids = (response: MapResponse): string[] => response.nodes.map((node) => node.id).sort();

// a — b — c — d in a line, e alone; a and b are charities, c is a network, d a company founded later.
beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('a', 'A', 'charity', { since: '2019-01-01' }) },
    { op: 'createNode', node: organisation('b', 'B', 'charity', { since: '2019-01-01' }) },
    { op: 'createNode', node: organisation('c', 'C', 'network', { since: '2019-01-01' }) },
    { op: 'createLink', link: link('ab', 'COLLABORATES_WITH', 'a', 'b', { since: '2020-01-01' }) },
    { op: 'createLink', link: link('bc', 'MEMBER_OF', 'b', 'c', { since: '2021-01-01' }) },
  ]);
  await api.app.store.savePositions([
    { id: 'a', x: 0, y: 0 },
    { id: 'b', x: 100, y: 0 },
    { id: 'c', x: 200, y: 0 },
  ]);
  // Written once a, b and c have their spots, so the new nodes are placed among them.
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('d', 'D', 'company', { since: '2023-01-01' }) },
    { op: 'createNode', node: organisation('e', 'E', 'charity', { status: 'closed' }) },
    { op: 'createLink', link: link('cd', 'FUNDS', 'c', 'd', { since: '2023-06-01' }) },
  ]);
});

afterEach(async () => {
  await api.close();
});

describe('GET /api/map', () => {
  it('returns every node with its degree and every link', async () => {
    const response = await map();
    expect(ids(response)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(response.links.map((l) => l.id).sort()).toEqual(['ab', 'bc', 'cd']);
    expect(Object.fromEntries(response.nodes.map((node) => [node.id, node.degree]))).toEqual({
      a: 1,
      b: 2,
      c: 2,
      d: 1,
      e: 0,
    });
  });

  it('uses saved positions and places a new node near its neighbour', async () => {
    const nodes = new Map((await map()).nodes.map((node) => [node.id, node]));
    expect(nodes.get('b')).toMatchObject({ x: 100, y: 0 });
    const d = nodes.get('d');
    expect(d).toBeDefined();
    expect(Math.hypot((d?.x ?? 0) - 200, d?.y ?? 0)).toBeLessThanOrEqual(60);
    const e = nodes.get('e');
    // An unconnected node goes onto the ring outside the map, not on top of anyone.
    expect(Math.hypot((e?.x ?? 0) - 100, e?.y ?? 0)).toBeGreaterThan(150);
  });

  it.each([
    ['?orgKind=charity', ['a', 'b', 'e'], ['ab']],
    ['?status=closed', ['e'], []],
    ['?linkKind=MEMBER_OF,FUNDS', ['a', 'b', 'c', 'd', 'e'], ['bc', 'cd']],
    ['?asOf=2020-06-01', ['a', 'b', 'c', 'e'], ['ab']],
    ['?focus=a&depth=1', ['a', 'b'], ['ab']],
    ['?focus=a&depth=2', ['a', 'b', 'c'], ['ab', 'bc']],
    ['?focus=a&depth=3', ['a', 'b', 'c', 'd'], ['ab', 'bc', 'cd']],
    ['?focus=d&orgKind=charity', ['d'], []],
  ])('filters %s', async (query, nodeIds, linkIds) => {
    const response = await map(query);
    expect(ids(response)).toEqual(nodeIds);
    expect(response.links.map((l) => l.id).sort()).toEqual(linkIds);
  });

  it('steps along working links only with walk=work, not through a meeting to its attendees', async () => {
    // a and e both attended one meeting: with every link walked, a step from a reaches the
    // meeting and the next reaches e; walking working links, e is not two steps from a.
    await api.app.store.applyBatch([
      {
        op: 'createNode',
        node: { kind: 'meeting', id: 'm', name: 'Breakfast', date: '2024-05-01' },
      },
      { op: 'createLink', link: link('am', 'ATTENDED', 'a', 'm') },
      { op: 'createLink', link: link('em', 'ATTENDED', 'e', 'm') },
    ]);
    expect(ids(await map('?focus=a&depth=2'))).toEqual(['a', 'b', 'c', 'e', 'm']);
    const working = await map('?focus=a&depth=2&walk=work');
    expect(ids(working)).toEqual(['a', 'b', 'c']);
    expect(working.links.map((l) => l.id).sort()).toEqual(['ab', 'bc']);
  });

  it('shows a write on the next request', async () => {
    const before = await map();
    await api.request({
      method: 'POST',
      url: '/api/links',
      payload: link('ae', 'COLLABORATES_WITH', 'a', 'e'),
    });
    const after = await map();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.links.map((l) => l.id)).toContain('ae');
    expect(after.nodes.find((node) => node.id === 'e')?.degree).toBe(1);
  });

  it.each([
    ['?depth=2', 'query.depth', 'needs a focus node (focus=…)'],
    ['?focus=a&depth=0x2', 'query.depth', 'must be 1, 2 or 3'],
    ['?walk=work', 'query.walk', 'needs a focus node (focus=…)'],
  ])('rejects %s naming %s', async (query, path, message) => {
    const { status, body } = await api.request({ method: 'GET', url: `/api/map${query}` });
    expect(status).toBe(400);
    expect(body).toMatchObject({ issues: [{ path, message }] });
  });

  it('rejects a depth outside 1 to 3', async () => {
    const { status, body } = await api.request({ method: 'GET', url: '/api/map?focus=a&depth=4' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ issues: [{ path: 'query.depth' }] });
  });
});
