/**
 * GET /api/insights and its findings over the real app: the answers match the schemas, pages
 * cut the lists, the findings are computed once per revision and again after a write, and a bad
 * `for` gets a clear 404 or 400; a suggestion can be dismissed (and the dismissal undone) or
 * accepted, which links the pair.
 */
import {
  BridgesPageSchema,
  BrokersPageSchema,
  CommunitiesPageSchema,
  DismissedIntroductionSchema,
  DismissedIntroductionsPageSchema,
  ErrorBodySchema,
  InsightsSummarySchema,
  IntroductionsPageSchema,
  IslandsPageSchema,
  LinkSchema,
  NotConnectedPageSchema,
  SiloedThemesPageSchema,
} from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
  // Alpha–Bravo–Charlie in a line (Bravo the broker), Echo–Foxtrot an island, Delta and Golf
  // alone; Alpha, Delta and Golf all work on care.
  await api.app.store.applyBatch([
    ...[
      ['org-a', 'Alpha'],
      ['org-b', 'Bravo'],
      ['org-c', 'Charlie'],
      ['org-d', 'Delta'],
      ['org-e', 'Echo'],
      ['org-f', 'Foxtrot'],
      ['org-g', 'Golf'],
    ].map(([id = '', name = '']) => ({ op: 'createNode' as const, node: organisation(id, name) })),
    { op: 'createNode', node: { kind: 'theme', id: 'theme-care', name: 'Care' } },
    { op: 'createLink', link: link('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    { op: 'createLink', link: link('l-bc', 'COLLABORATES_WITH', 'org-b', 'org-c') },
    { op: 'createLink', link: link('l-ef', 'COLLABORATES_WITH', 'org-e', 'org-f') },
    ...['org-a', 'org-d', 'org-g'].map((org) => ({
      op: 'createLink' as const,
      link: link(`l-${org}-care`, 'FOCUSES_ON', org, 'theme-care'),
    })),
  ]);
});

afterEach(async () => {
  await api.close();
});

async function get(url: string): Promise<{ status: number; body: unknown }> {
  return api.request({ method: 'GET', url });
}

describe('GET /api/insights', () => {
  it('counts the items of every finding at the current revision', async () => {
    const { status, body } = await get('/api/insights');
    expect(status).toBe(200);
    const summary = InsightsSummarySchema.parse(body);
    expect(summary.revision).toBe(await api.app.store.revision());
    expect(summary.counts).toMatchObject({
      notConnected: 2,
      islands: 1,
      brokers: 1,
      siloedThemes: 1,
      communities: 2,
    });
    expect(summary.brokersApproximate).toBe(false);
  });

  it('answers every finding with its schema', async () => {
    const notConnected = NotConnectedPageSchema.parse(
      (await get('/api/insights/notConnected')).body,
    );
    expect(notConnected.items.map((item) => item.name)).toEqual(['Delta', 'Golf']);
    const islands = IslandsPageSchema.parse((await get('/api/insights/islands')).body);
    expect(islands.items.map((island) => island.members.map((member) => member.id))).toEqual([
      ['org-e', 'org-f'],
    ]);
    const bridges = BridgesPageSchema.parse((await get('/api/insights/bridges')).body);
    // Each says what hangs on it; of two equal sides, the one holding the smaller id stays.
    expect(bridges.items.map((item) => [item.type, item.id, item.cutOffIds])).toEqual([
      ['organisation', 'org-b', ['org-c']],
      ['link', 'l-ab', ['org-a']],
      ['link', 'l-bc', ['org-c']],
      ['link', 'l-ef', ['org-f']],
    ]);
    const brokers = BrokersPageSchema.parse((await get('/api/insights/brokers')).body);
    expect(brokers.items.map((item) => [item.id, item.betweenness])).toEqual([['org-b', 1]]);
    expect(brokers).toMatchObject({ approximate: false, sampleSize: null });
    const silos = SiloedThemesPageSchema.parse((await get('/api/insights/siloedThemes')).body);
    expect(silos.items.map((item) => [item.id, item.organisations, item.links])).toEqual([
      ['theme-care', 3, 0],
    ]);
    const introductions = IntroductionsPageSchema.parse(
      (await get('/api/insights/introductions')).body,
    );
    expect(introductions.for).toBeNull();
    expect(introductions.items.map((item) => [item.a.id, item.b.id])).toEqual([
      ['org-a', 'org-c'],
      ['org-a', 'org-d'],
      ['org-a', 'org-g'],
      ['org-d', 'org-g'],
    ]);
    const communities = CommunitiesPageSchema.parse((await get('/api/insights/communities')).body);
    expect(communities.items.map((item) => item.size)).toEqual([3, 2]);
  });

  it('pages through a finding with limit and offset', async () => {
    const { status, body } = await get('/api/insights/introductions?limit=2&offset=1');
    expect(status).toBe(200);
    const page = IntroductionsPageSchema.parse(body);
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items.map((item) => item.b.id)).toEqual(['org-d', 'org-g']);
    const bad = await get('/api/insights/notConnected?limit=0');
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).issues.map((issue) => issue.path)).toEqual([
      'query.limit',
    ]);
  });

  it('computes the findings once per revision and again after a write', async () => {
    // The app's start-up check reads a snapshot of its own when it gets ready; count after it.
    await api.app.ready();
    const store = api.app.store;
    const snapshot = store.snapshot.bind(store);
    let snapshots = 0;
    store.snapshot = async () => {
      snapshots += 1;
      return snapshot();
    };
    const before = NotConnectedPageSchema.parse((await get('/api/insights/notConnected')).body);
    await get('/api/insights');
    await get('/api/insights/brokers');
    expect(snapshots).toBe(1);

    const created = await api.request({
      method: 'POST',
      url: '/api/links',
      payload: { kind: 'COLLABORATES_WITH', source: 'org-d', target: 'org-c' },
    });
    expect(created.status).toBe(201);
    const after = NotConnectedPageSchema.parse((await get('/api/insights/notConnected')).body);
    expect(snapshots).toBe(2);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.items.map((item) => item.name)).toEqual(['Golf']);
  });
});

describe('GET /api/insights/introductions?for=ID', () => {
  it('suggests introductions for one organisation', async () => {
    const { status, body } = await get('/api/insights/introductions?for=org-d');
    expect(status).toBe(200);
    const page = IntroductionsPageSchema.parse(body);
    expect(page.for).toBe('org-d');
    expect(page.items.map((item) => [item.a.id, item.b.id, item.reasons[0]?.type])).toEqual([
      ['org-a', 'org-d', 'sharedThemes'],
      ['org-d', 'org-g', 'sharedThemes'],
    ]);
  });

  it('answers 404 naming an unknown id', async () => {
    const { status, body } = await get('/api/insights/introductions?for=org-zzz');
    expect(status).toBe(404);
    expect(ErrorBodySchema.parse(body).message).toContain('org-zzz');
  });

  it('answers 400 for a node that is not an organisation', async () => {
    const { status, body } = await get('/api/insights/introductions?for=theme-care');
    expect(status).toBe(400);
    const error = ErrorBodySchema.parse(body);
    expect(error.issues.map((issue) => issue.path)).toEqual(['query.for']);
    expect(error.message).toContain('theme');
  });
});

/** The pairs suggested, each as "smaller id–larger id". */
async function suggestedPairs(query = ''): Promise<string[]> {
  const page = IntroductionsPageSchema.parse(
    (await get(`/api/insights/introductions${query}`)).body,
  );
  return page.items.map((item) => [item.a.id, item.b.id].sort().join('–'));
}

async function post(url: string, payload: object): Promise<{ status: number; body: unknown }> {
  return api.request({ method: 'POST', url, payload });
}

describe('dismissing a suggested introduction', () => {
  it('is never suggested again, network-wide or for either organisation, until undone', async () => {
    expect(await suggestedPairs()).toContain('org-a–org-d');
    const { status, body } = await post('/api/insights/introductions/dismissals', {
      a: 'org-d',
      b: 'org-a',
    });
    expect(status).toBe(201);
    const dismissal = DismissedIntroductionSchema.parse(body);
    // Recorded as dismissed by the signed-in editor who asked.
    expect([dismissal.a.name, dismissal.b.name, dismissal.dismissedBy]).toEqual([
      'Alpha',
      'Delta',
      (await api.user('editor')).id,
    ]);
    expect(await suggestedPairs()).not.toContain('org-a–org-d');
    expect(await suggestedPairs('?for=org-d')).toEqual(['org-d–org-g']);
    expect(await suggestedPairs('?for=org-a')).not.toContain('org-a–org-d');
    const listed = DismissedIntroductionsPageSchema.parse(
      (await get('/api/insights/introductions/dismissals')).body,
    );
    expect(listed.items).toEqual([dismissal]);

    const again = await post('/api/insights/introductions/dismissals', { a: 'org-a', b: 'org-d' });
    expect([again.status, again.body]).toEqual([200, dismissal]);

    const undo = await api.request({
      method: 'DELETE',
      url: '/api/insights/introductions/dismissals/org-a/org-d',
    });
    expect(undo.status).toBe(204);
    expect(await suggestedPairs('?for=org-d')).toEqual(['org-a–org-d', 'org-d–org-g']);
    const undoAgain = await api.request({
      method: 'DELETE',
      url: '/api/insights/introductions/dismissals/org-d/org-a',
    });
    expect(undoAgain.status).toBe(404);
    expect(ErrorBodySchema.parse(undoAgain.body).message).toContain("'org-d' and 'org-a'");
  });

  it.each([
    { what: 'an unknown id', pair: { a: 'org-a', b: 'org-zzz' }, status: 404, says: 'org-zzz' },
    {
      what: 'a theme',
      pair: { a: 'org-a', b: 'theme-care' },
      status: 400,
      says: 'body.b',
    },
    {
      what: 'the same organisation twice',
      pair: { a: 'org-a', b: 'org-a' },
      status: 400,
      says: 'body.b',
    },
    { what: 'a missing end', pair: { a: 'org-a' }, status: 400, says: 'body.b' },
    {
      what: 'an unknown field',
      pair: { a: 'org-a', b: 'org-d', why: 'x' },
      status: 400,
      says: 'why',
    },
  ])('refuses $what with $status and stores nothing', async ({ pair, status, says }) => {
    const revision = await api.app.store.revision();
    const answer = await post('/api/insights/introductions/dismissals', pair);
    expect(answer.status).toBe(status);
    const error = ErrorBodySchema.parse(answer.body);
    expect(JSON.stringify(error)).toContain(says);
    expect(await api.app.store.listDismissals()).toEqual([]);
    expect(await api.app.store.revision()).toBe(revision);
  });
});

describe('accepting a suggested introduction', () => {
  it('links the pair, which is then neither suggested nor unconnected', async () => {
    const { status, body } = await post('/api/insights/introductions/accept', {
      a: 'org-d',
      b: 'org-a',
      notes: 'Met at the winter fair',
    });
    expect(status).toBe(201);
    const created = LinkSchema.parse(body);
    expect(created).toMatchObject({
      kind: 'COLLABORATES_WITH',
      source: 'org-d',
      target: 'org-a',
      notes: 'Met at the winter fair',
    });
    expect(await api.app.store.getLink(created.id)).toEqual(created);
    // Alpha is now Delta's collaborator: no longer suggested, and Bravo, Alpha's partner, is.
    expect(await suggestedPairs('?for=org-d')).toEqual(['org-b–org-d', 'org-d–org-g']);
    const notConnected = NotConnectedPageSchema.parse(
      (await get('/api/insights/notConnected')).body,
    );
    expect(notConnected.items.map((item) => item.name)).toEqual(['Golf']);
  });

  it('refuses a pair that already collaborates (409), a theme (400) and an unknown id (404), adding no link', async () => {
    const before = (await api.app.store.snapshot()).links.length;
    for (const [pair, status] of [
      [{ a: 'org-b', b: 'org-a' }, 409],
      [{ a: 'org-a', b: 'theme-care' }, 400],
      [{ a: 'org-zzz', b: 'org-a' }, 404],
    ] as const) {
      const answer = await post('/api/insights/introductions/accept', pair);
      expect(answer.status, JSON.stringify(pair)).toBe(status);
      ErrorBodySchema.parse(answer.body);
    }
    expect((await api.app.store.snapshot()).links).toHaveLength(before);
  });
});

describe('OpenAPI', () => {
  it('documents every insights route with its response schema', async () => {
    const { body } = await get('/docs/json');
    const paths = (body as { paths: Record<string, { get?: { responses?: object } }> }).paths;
    for (const finding of [
      '',
      '/notConnected',
      '/islands',
      '/bridges',
      '/brokers',
      '/siloedThemes',
      '/introductions',
      '/introductions/dismissals',
      '/communities',
    ]) {
      expect(
        Object.keys(paths[`/api/insights${finding}`]?.get?.responses ?? {}),
        finding,
      ).toContain('200');
    }
  });

  it('documents accepting, dismissing and undoing a dismissal', async () => {
    const { body } = await get('/docs/json');
    const paths = (body as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(Object.keys(paths['/api/insights/introductions/accept'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/insights/introductions/dismissals'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(Object.keys(paths['/api/insights/introductions/dismissals/{a}/{b}'] ?? {})).toEqual([
      'delete',
    ]);
  });
});
