/**
 * GET /api/search as the search box and the pickers use it: the node meant comes first, accents
 * and case do not matter, a typo is forgiven, a write is found at once, and a reader who may not
 * see a contact detail never receives it.
 */
import { SearchResultsSchema, type SearchResults } from '@octograph/graph-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp, type TestCaller } from '../helpers/test-app.js';

let api: TestApp;

beforeAll(async () => {
  api = await startTestApp({ env: { PUBLIC_READ: 'true' } });
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('food-bank', 'Harbourside Food Bank') },
    {
      op: 'createNode',
      node: organisation('kitchen', 'Amber Kitchen Collective', 'community_group', {
        description: 'We cook food with neighbours every Friday.',
      }),
    },
    {
      op: 'createNode',
      node: organisation('zlota', 'Klub Seniora „Złota Jesień”', 'informal_group'),
    },
    { op: 'createNode', node: organisation('shed', "Harbourside Men's Shed", 'community_group') },
    { op: 'createNode', node: { kind: 'theme', id: 'food', name: 'Food' } },
    {
      op: 'createNode',
      node: {
        kind: 'person',
        id: 'ola',
        name: 'Ola Nowak',
        role: 'Coordinator',
        email: { value: 'ola.private@example.org', visibility: 'private' },
      },
    },
  ]);
});

afterAll(async () => {
  await api.close();
});

async function search(query: string, as?: TestCaller): Promise<SearchResults> {
  const response = await api.request({ method: 'GET', url: `/api/search?${query}`, as });
  expect(response.status).toBe(200);
  return SearchResultsSchema.parse(response.body);
}

const names = (results: SearchResults) => results.items.map((node) => node.name);

describe('GET /api/search', () => {
  it.each([
    ['q=food', 'Food'],
    ['q=food%20bank', 'Harbourside Food Bank'],
    ['q=zlota%20jesien', 'Klub Seniora „Złota Jesień”'],
    ['q=ZŁOTA', 'Klub Seniora „Złota Jesień”'],
    ['q=men', "Harbourside Men's Shed"],
    ['q=harbursde', 'Harbourside Food Bank'],
    ['q=coordinator', 'Ola Nowak'],
  ])('finds %s first: %s', async (query, first) => {
    expect(names(await search(query))[0]).toBe(first);
  });

  it('ranks a match in the name before one in the description', async () => {
    const found = names(await search('q=food&kind=organisation'));
    expect(found).toEqual(['Harbourside Food Bank', 'Amber Kitchen Collective']);
  });

  it('finds a node written a moment ago', async () => {
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('lantern', 'Lantern Repair Café'),
    });
    expect(names(await search('q=repair%20cafe'))).toEqual(['Lantern Repair Café']);
  });

  it('finds nothing for words that match no node', async () => {
    expect(await search('q=zzzqqq')).toEqual({ items: [], total: 0 });
  });

  it('never sends a contact detail to a reader who may not see it', async () => {
    for (const as of ['viewer', 'anonymous'] as const) {
      const { status, response } = await api.request({
        method: 'GET',
        url: '/api/search?q=ola',
        as,
      });
      expect(status).toBe(200);
      expect(response.payload).toContain('Ola Nowak');
      expect(response.payload).not.toContain('ola.private@example.org');
    }
    // The positive control: an editor sees it.
    const editor = await api.request({ method: 'GET', url: '/api/search?q=ola' });
    expect(editor.response.payload).toContain('ola.private@example.org');
  });

  it.each([
    ['', 'query.q'],
    ['q=%20%20', 'query.q'],
    ['q=a&limit=0', 'query.limit'],
    ['q=a&kind=planet', 'query.kind'],
  ])('refuses %s naming %s', async (query, path) => {
    const response = await api.request({ method: 'GET', url: `/api/search?${query}` });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      issues: [{ path: expect.stringMatching(new RegExp(`^${path}`)) as unknown }],
    });
  });
});
