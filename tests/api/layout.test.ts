/**
 * A stable map: positions saved by hand (PUT /api/positions), new nodes given a saved spot as
 * they are written (next to their neighbours, or on the ring of unconnected nodes) without moving
 * anything else, and the re-arrange (POST/GET /api/layout) that lays the whole map out again in a
 * worker thread while the server keeps answering.
 */
import {
  ErrorBodySchema,
  LayoutJobSchema,
  MapResponseSchema,
  SavePositionsResponseSchema,
  type BatchOpInput,
  type LayoutJob,
} from '@octograph/graph-schema';
import { demoNetwork, syntheticNetwork } from '@octograph/seed';
import { buildApp, computeLayout, loadConfig, seedStore } from '@octograph/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** The layout's node spacing (server/src/services/layout.ts SPACING). */
const SPACING = 40;

interface Spot {
  x: number;
  y: number;
}

let api: TestApp;

afterEach(async () => {
  await api.close();
});

/** Every node's position as GET /api/map (with this query) gives it. */
async function positions(query = ''): Promise<Map<string, Spot>> {
  const { status, body } = await api.request({ method: 'GET', url: `/api/map${query}` });
  expect(status).toBe(200);
  return new Map(MapResponseSchema.parse(body).nodes.map((node) => [node.id, node]));
}

function spotOf(map: Map<string, Spot>, id: string): Spot {
  const spot = map.get(id);
  if (!spot) throw new Error(`${id} is not on the map`);
  return { x: spot.x, y: spot.y };
}

function distance(a: Spot, b: Spot): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The nodes whose position differs between two maps (among those on both). */
function moved(before: Map<string, Spot>, after: Map<string, Spot>): string[] {
  return [...before]
    .filter(([id, spot]) => {
      const now = after.get(id);
      return now !== undefined && (now.x !== spot.x || now.y !== spot.y);
    })
    .map(([id]) => id)
    .sort();
}

async function send(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await api.request({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return response;
}

async function layoutJob(): Promise<LayoutJob> {
  const { status, body } = await api.request({ method: 'GET', url: '/api/layout' });
  expect(status).toBe(200);
  return LayoutJobSchema.parse(body);
}

/** Waits (polling GET /api/layout) until the re-arrange is no longer running. */
async function settledJob(): Promise<LayoutJob> {
  await expect
    .poll(async () => (await layoutJob()).state, { timeout: 120_000, interval: 100 })
    .not.toBe('running');
  return layoutJob();
}

describe('PUT /api/positions', () => {
  beforeEach(async () => {
    api = await startTestApp();
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('a', 'A') },
      { op: 'createNode', node: organisation('b', 'B') },
      { op: 'createLink', link: link('ab', 'COLLABORATES_WITH', 'a', 'b') },
    ]);
  });

  it('saves positions, which the map then shows', async () => {
    const before = await positions();
    const { status, body } = await send('PUT', '/api/positions', {
      positions: [{ id: 'a', x: 1234.5, y: -678.25 }],
    });
    expect(status).toBe(200);
    expect(SavePositionsResponseSchema.parse(body)).toMatchObject({ saved: 1 });
    const after = await positions();
    expect(spotOf(after, 'a')).toMatchObject({ x: 1234.5, y: -678.25 });
    expect(spotOf(after, 'b')).toEqual(spotOf(before, 'b'));
  });

  it('answers 404 naming an unknown node, and saves none of the positions', async () => {
    const before = await positions();
    const { status, body } = await send('PUT', '/api/positions', {
      positions: [
        { id: 'a', x: 5, y: 5 },
        { id: 'nobody', x: 6, y: 6 },
      ],
    });
    expect(status).toBe(404);
    expect(ErrorBodySchema.parse(body)).toMatchObject({
      code: 'NOT_FOUND',
      message: "no node with id 'nobody'",
    });
    expect(await positions()).toEqual(before);
  });

  it.each([
    ['no positions', 'body.positions', { positions: [] }],
    ['a missing x', 'body.positions[0].x', { positions: [{ id: 'a', y: 1 }] }],
    ['a text y', 'body.positions[0].y', { positions: [{ id: 'a', x: 1, y: '2' }] }],
    [
      'a coordinate out of range',
      'body.positions[0].x',
      { positions: [{ id: 'a', x: 1e9, y: 0 }] },
    ],
    ['a bad id', 'body.positions[0].id', { positions: [{ id: '../a', x: 1, y: 1 }] }],
    [
      'the same node twice',
      'body.positions[1].id',
      {
        positions: [
          { id: 'a', x: 1, y: 1 },
          { id: 'a', x: 2, y: 2 },
        ],
      },
    ],
    ['an unknown field', 'body.positions[0].z', { positions: [{ id: 'a', x: 1, y: 1, z: 3 }] }],
    [
      'too many positions',
      'body.positions',
      { positions: Array.from({ length: 5001 }, (_, i) => ({ id: `n${i}`, x: 0, y: 0 })) },
    ],
  ])('rejects %s with 400 naming %s', async (_case, path, payload) => {
    const before = await positions();
    const { status, body } = await send('PUT', '/api/positions', payload);
    expect(status).toBe(400);
    const error = ErrorBodySchema.parse(body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(await positions()).toEqual(before);
  });

  it('rejects a coordinate too big for a number (1e999 reads as Infinity) with 400', async () => {
    const { status, body } = await api.request({
      method: 'PUT',
      url: '/api/positions',
      headers: { 'content-type': 'application/json' },
      payload: '{"positions":[{"id":"a","x":1e999,"y":0}]}',
    });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).issues).toMatchObject([{ path: 'body.positions[0].x' }]);
  });
});

describe('placing new nodes', () => {
  // c1 — c2 — c3 along a line, each with links; u1 and u2 have none (they are on the ring).
  beforeEach(async () => {
    api = await startTestApp();
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('c1', 'Chain One') },
      { op: 'createNode', node: organisation('c2', 'Chain Two', 'network') },
      { op: 'createNode', node: organisation('c3', 'Chain Three') },
      { op: 'createLink', link: link('c1c2', 'COLLABORATES_WITH', 'c1', 'c2') },
      { op: 'createLink', link: link('c2c3', 'COLLABORATES_WITH', 'c2', 'c3') },
    ]);
    await api.app.store.savePositions([
      { id: 'c1', x: 0, y: 0 },
      { id: 'c2', x: 200, y: 0 },
      { id: 'c3', x: 400, y: 0 },
    ]);
    for (const id of ['u1', 'u2']) {
      expect((await send('POST', '/api/nodes', organisation(id, `Unlinked ${id}`))).status).toBe(
        201,
      );
    }
  });

  it('puts a new node linked to another one next to it', async () => {
    await send('POST', '/api/nodes', organisation('n', 'Newcomer'));
    await send('POST', '/api/links', link('nc3', 'COLLABORATES_WITH', 'n', 'c3'));
    const map = await positions();
    expect(distance(spotOf(map, 'n'), spotOf(map, 'c3'))).toBeLessThanOrEqual(SPACING * 2);
  });

  it('puts a node written together with its link (one batch) next to its neighbour', async () => {
    const { status } = await send('POST', '/api/batch', {
      ops: [
        { op: 'createNode', node: organisation('n', 'Newcomer') },
        { op: 'createLink', link: link('nc1', 'COLLABORATES_WITH', 'n', 'c1') },
      ],
    });
    expect(status).toBe(200);
    const map = await positions();
    expect(distance(spotOf(map, 'n'), spotOf(map, 'c1'))).toBeLessThanOrEqual(SPACING * 2);
  });

  it('gives an unconnected new node a free spot on the ring outside the map', async () => {
    const map = await positions();
    const u1 = spotOf(map, 'u1');
    // The linked part spans c1 to c3, centred on c2; the ring lies well outside it.
    expect(distance(u1, spotOf(map, 'c2'))).toBeGreaterThan(200 + SPACING * 2);
    for (const [id, spot] of map) {
      if (id !== 'u1') expect(distance(u1, spot)).toBeGreaterThanOrEqual(SPACING * 0.75);
    }
  });

  it.each([
    ['between two nodes that have links', 'c1', 'c3', []],
    ["to an unconnected node (its first link: it moves next to c2's)", 'u1', 'c2', ['u1']],
    ['between two unconnected nodes (the second joins the first)', 'u1', 'u2', ['u2']],
  ])('adding a link %s moves no other node', async (_case, source, target, expectedMoves) => {
    const before = await positions();
    const { status } = await send(
      'POST',
      '/api/links',
      link('new-link', 'COLLABORATES_WITH', source, target),
    );
    expect(status).toBe(201);
    const after = await positions();
    expect(moved(before, after)).toEqual(expectedMoves);
    expect(distance(spotOf(after, source), spotOf(after, target))).toBeLessThanOrEqual(
      expectedMoves.length > 0 ? SPACING * 2 : Infinity,
    );
  });

  it('moves no other unconnected node when one of them gets its first link', async () => {
    for (const id of ['u3', 'u4', 'u5']) {
      await send('POST', '/api/nodes', organisation(id, `Unlinked ${id}`));
    }
    const before = await positions();
    await send('POST', '/api/links', link('u3c1', 'COLLABORATES_WITH', 'u3', 'c1'));
    await send('POST', '/api/nodes', organisation('u6', 'Unlinked u6'));
    const after = await positions();
    expect(moved(before, after)).toEqual(['u3']);
  });

  it('creates a node exactly at the spot asked for (?x=&y=), moving no other node', async () => {
    const before = await positions();
    const { status } = await send('POST', '/api/nodes?x=150.5&y=-30', organisation('n', 'Here'));
    expect(status).toBe(201);
    const after = await positions();
    expect(spotOf(after, 'n')).toEqual({ x: 150.5, y: -30 });
    expect(moved(before, after)).toEqual([]);
    const { positions: saved } = await api.app.store.snapshot();
    expect(saved.find((position) => position.id === 'n')).toEqual({ id: 'n', x: 150.5, y: -30 });
  });

  it('takes coordinates as JavaScript writes numbers (many decimals, an exponent)', async () => {
    const { status } = await send(
      'POST',
      '/api/nodes?x=312.847656251234&y=1e-7',
      organisation('n', 'Exact'),
    );
    expect(status).toBe(201);
    expect(spotOf(await positions(), 'n')).toEqual({ x: 312.847656251234, y: 1e-7 });
  });

  it('leaves a node created at a spot where it is when it gets its first link', async () => {
    await send('POST', '/api/nodes?x=300&y=60', organisation('n', 'Placed'));
    const before = await positions();
    expect(
      (await send('POST', '/api/links', link('nc1', 'COLLABORATES_WITH', 'n', 'c1'))).status,
    ).toBe(201);
    const after = await positions();
    expect(spotOf(after, 'n')).toEqual({ x: 300, y: 60 });
    expect(moved(before, after)).toEqual([]);
  });

  it('leaves a node dragged off the ring into the map where it is when it gets its first link', async () => {
    const ring = spotOf(await positions(), 'u1');
    expect(
      (await send('PUT', '/api/positions', { positions: [{ id: 'u1', x: 100, y: 50 }] })).status,
    ).toBe(200);
    const before = await positions();
    expect(spotOf(before, 'u1')).not.toEqual(ring);
    await send('POST', '/api/links', link('u1c3', 'COLLABORATES_WITH', 'u1', 'c3'));
    const after = await positions();
    expect(moved(before, after)).toEqual([]);
    expect(spotOf(after, 'u1')).toEqual({ x: 100, y: 50 });
  });

  it('still brings a ring node next to a node placed in the map when they are linked', async () => {
    await send('POST', '/api/nodes?x=300&y=60', organisation('n', 'Placed'));
    const before = await positions();
    await send('POST', '/api/links', link('u1n', 'COLLABORATES_WITH', 'u1', 'n'));
    const after = await positions();
    expect(moved(before, after)).toEqual(['u1']);
    expect(distance(spotOf(after, 'u1'), { x: 300, y: 60 })).toBeLessThanOrEqual(SPACING * 2);
  });

  it.each([
    ['only x', '?x=10', 'query.y'],
    ['only y', '?y=10', 'query.x'],
    ['x that is no number', '?x=ten&y=10', 'query.x'],
    ['x in hexadecimal', '?x=0x10&y=10', 'query.x'],
    ['x written as 1e999 (Infinity)', '?x=1e999&y=10', 'query.x'],
    ['y beyond the map bounds', '?x=10&y=2000000', 'query.y'],
  ])('refuses %s with 400 naming the field, and creates nothing', async (_case, query, field) => {
    const { status, body } = await send('POST', `/api/nodes${query}`, organisation('n', 'Nowhere'));
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).issues.map((issue) => issue.path)).toEqual([field]);
    expect(await api.app.store.getNode('n')).toBeNull();
  });

  it('gives a new node the same position with and without filters and after a restart', async () => {
    await send('POST', '/api/nodes', organisation('n', 'Newcomer', 'company'));
    await send('POST', '/api/links', link('nc2', 'MEMBER_OF', 'n', 'c2'));
    const everything = spotOf(await positions(), 'n');
    expect(spotOf(await positions('?orgKind=company'), 'n')).toEqual(everything);
    expect(spotOf(await positions('?focus=n&depth=1'), 'n')).toEqual(everything);
    expect(spotOf(await positions('?linkKind=MEMBER_OF'), 'n')).toEqual(everything);

    await api.app.close();
    const restarted = await buildApp({
      config: loadConfig({ DATA_DIR: api.dataDir, LOG_LEVEL: 'silent' }),
    });
    try {
      const response = await restarted.inject({ method: 'GET', url: '/api/map' });
      const node = MapResponseSchema.parse(JSON.parse(response.body)).nodes.find(
        (candidate) => candidate.id === 'n',
      );
      expect(node).toMatchObject(everything);
    } finally {
      await restarted.close();
    }
  });
});

// A layout runs for seconds on a busy machine.
describe('POST /api/layout (re-arrange)', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    api = await startTestApp();
  });

  it('says idle before any re-arrange', async () => {
    expect(await layoutJob()).toMatchObject({ state: 'idle', progress: 0, startedAt: null });
  });

  it('lays the whole map out again, saving what computeLayout gives for the network', async () => {
    await seedStore(api.app.store, demoNetwork());
    // Scramble the map first, so the re-arrange has something to undo.
    const snapshot = await api.app.store.snapshot();
    await api.app.store.savePositions(
      snapshot.nodes.map((node, index) => ({ id: node.id, x: index, y: -index })),
    );

    const { status, body } = await send('POST', '/api/layout');
    expect(status).toBe(202);
    expect(LayoutJobSchema.parse(body)).toMatchObject({ state: 'running', finishedAt: null });
    const job = await settledJob();
    expect(job).toMatchObject({ state: 'done', progress: 1, nodes: snapshot.nodes.length });
    expect(Date.parse(job.finishedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(job.startedAt ?? ''),
    );

    const expected = computeLayout(
      snapshot.nodes.map((node) => node.id),
      snapshot.links,
    );
    const map = await positions();
    expect(map.size).toBe(expected.length);
    for (const position of expected) {
      expect(spotOf(map, position.id)).toMatchObject({ x: position.x, y: position.y });
    }
  });

  describe('on a bigger network', () => {
    // Over 2,000 nodes: a layout long enough (seconds) to do other things while it runs.
    beforeEach(async () => {
      const network = syntheticNetwork({ organisations: 2100, people: 200, links: 6000, seed: 5 });
      const ops: BatchOpInput[] = [
        ...network.nodes.map((node) => ({ op: 'createNode' as const, node })),
        ...network.links.map((link) => ({ op: 'createLink' as const, link })),
      ];
      await api.app.store.applyBatch(ops);
    }, 60_000);

    it('keeps answering other requests while it runs', async () => {
      expect((await send('POST', '/api/layout')).status).toBe(202);
      const health = await api.request({ method: 'GET', url: '/api/health' });
      expect(health.status).toBe(200);
      const map = await api.request({ method: 'GET', url: '/api/map?kind=theme' });
      expect(map.status).toBe(200);
      // Both answered before the layout finished: it does not hold up the event loop.
      expect((await layoutJob()).state).toBe('running');
      expect((await settledJob()).state).toBe('done');
    });

    it('answers a second re-arrange while one runs with 409, saying why', async () => {
      expect((await send('POST', '/api/layout')).status).toBe(202);
      const { status, body } = await send('POST', '/api/layout');
      expect(status).toBe(409);
      expect(ErrorBodySchema.parse(body)).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already being re-arranged/) as unknown,
      });
      expect((await settledJob()).state).toBe('done');
      expect((await send('POST', '/api/layout')).status).toBe(202);
      expect((await settledJob()).state).toBe('done');
    });

    it('places nodes added while it ran next to their neighbours and skips deleted ones', async () => {
      const snapshot = await api.app.store.snapshot();
      const [doomed, partner] = snapshot.nodes.filter((node) => node.kind === 'organisation');
      if (!doomed || !partner) throw new Error('the network has too few organisations');

      expect((await send('POST', '/api/layout')).status).toBe(202);
      await send('POST', '/api/nodes', organisation('late', 'Late Arrival'));
      await send('POST', '/api/links', link('late-link', 'COLLABORATES_WITH', 'late', partner.id));
      expect((await send('DELETE', `/api/nodes/${doomed.id}`)).status).toBe(200);
      // The writes above happened while the layout ran, or this test would prove nothing.
      expect((await layoutJob()).state).toBe('running');

      expect((await settledJob()).state).toBe('done');
      const map = await positions();
      expect(map.has(doomed.id)).toBe(false);
      expect(map.size).toBe(snapshot.nodes.length);
      expect(distance(spotOf(map, 'late'), spotOf(map, partner.id))).toBeLessThanOrEqual(
        SPACING * 2,
      );
    });
  });
});

describe('the layout API in OpenAPI', () => {
  beforeEach(async () => {
    api = await startTestApp();
  });

  it('documents PUT /api/positions and GET/POST /api/layout with their answers', async () => {
    const { status, body } = await api.request({ method: 'GET', url: '/docs/json' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      paths: {
        '/api/positions': { put: { responses: { 200: {}, 400: {}, 404: {} } } },
        '/api/layout': {
          get: { responses: { 200: {} } },
          post: { responses: { 202: {}, 409: {} } },
        },
      },
    });
  });
});
