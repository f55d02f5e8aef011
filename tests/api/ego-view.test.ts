/**
 * GET /api/nodes/:id/neighbourhood answers from a read model kept per revision (EgoView). It
 * must answer exactly what the store's own neighbourhood query answers, as a public viewer may
 * see it: checked here for every node of the demo network at depths 1 to 3, and after writes.
 */
import { SubgraphSchema, type Subgraph } from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';
import { seedStore, visibleSubgraph, type Reader } from '@octograph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeAll(async () => {
  api = await startTestApp();
  await seedStore(api.app.store, demoNetwork());
});

afterAll(async () => {
  await api.close();
});

function sorted(subgraph: Subgraph): Subgraph {
  return {
    nodes: [...subgraph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...subgraph.links].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A signed-in viewer without a person on the map: public and network details. */
const VIEWER: Reader = { audience: 'viewer', personId: null, coAttendees: new Set() };

async function overHttp(id: string, depth: number): Promise<Subgraph> {
  const { status, body } = await api.request({
    method: 'GET',
    url: `/api/nodes/${id}/neighbourhood?depth=${depth}`,
    as: 'viewer',
  });
  expect(status).toBe(200);
  return sorted(SubgraphSchema.parse(body));
}

async function fromStore(id: string, depth: number): Promise<Subgraph> {
  return sorted(visibleSubgraph(await api.app.store.neighbourhood(id, depth), VIEWER));
}

describe('GET /api/nodes/:id/neighbourhood', () => {
  it.each([1, 2, 3])(
    'answers what the store answers for every node of the demo network at depth %i',
    async (depth) => {
      const ids = demoNetwork().nodes.map((node) => node.id ?? '');
      expect(ids.length).toBeGreaterThan(150);
      for (const id of ids) {
        expect(await overHttp(id, depth), `${id} at depth ${depth}`).toEqual(
          await fromStore(id, depth),
        );
      }
    },
    // 199 nodes × 2 reads each: a few seconds, more on a busy machine.
    30_000,
  );

  it('sees a write at once: a new group and its link', async () => {
    const [someone] = demoNetwork().nodes.filter((node) => node.kind === 'organisation');
    const anchor = someone?.id ?? '';
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-brand-new', 'Brand New Group'),
    });
    await api.request({
      method: 'POST',
      url: '/api/links',
      payload: link('link-brand-new', 'COLLABORATES_WITH', 'org-brand-new', anchor),
    });
    const subgraph = await overHttp('org-brand-new', 1);
    expect(subgraph.nodes.map((node) => node.id).sort()).toEqual([anchor, 'org-brand-new'].sort());
    expect(subgraph.links.map((item) => item.id)).toEqual(['link-brand-new']);
    expect(subgraph).toEqual(await fromStore('org-brand-new', 1));
  });

  it('answers a node deleted since with 404', async () => {
    await api.request({ method: 'DELETE', url: '/api/nodes/org-brand-new' });
    const { status } = await api.request({
      method: 'GET',
      url: '/api/nodes/org-brand-new/neighbourhood',
    });
    expect(status).toBe(404);
  });
});
