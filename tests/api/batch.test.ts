import { BatchResponseSchema } from '@octograph/graph-schema';
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

describe('POST /api/batch', () => {
  it('applies writes in order, letting later writes use nodes made earlier', async () => {
    const before = await api.app.store.revision();
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/batch',
      payload: {
        ops: [
          { op: 'createNode', node: organisation('org-a', 'Alpha') },
          { op: 'createNode', node: organisation('org-b', 'Beta') },
          { op: 'createLink', link: link('link-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
          { op: 'updateNode', id: 'org-b', patch: { kind: 'organisation', status: 'dormant' } },
        ],
      },
    });
    expect(status).toBe(200);
    const result = BatchResponseSchema.parse(body);
    expect(result.results).toEqual([
      { op: 'createNode', id: 'org-a' },
      { op: 'createNode', id: 'org-b' },
      { op: 'createLink', id: 'link-ab' },
      { op: 'updateNode', id: 'org-b' },
    ]);
    expect(result.revision).toBe(before + 1);
    // Then one more write saves the new nodes' positions (server/src/services/placing-store.ts).
    expect(await api.app.store.revision()).toBe(before + 2);
    expect((await api.request({ method: 'GET', url: '/api/nodes/org-b' })).body).toMatchObject({
      status: 'dormant',
    });
  });

  it('rejects an empty batch', async () => {
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/batch',
      payload: { ops: [] },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ issues: [{ path: 'body.ops' }] });
  });
});
