import { LinkSchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('org-a', 'Alpha') },
    { op: 'createNode', node: organisation('org-b', 'Beta') },
    {
      op: 'createNode',
      node: { kind: 'meeting', id: 'meet-1', name: 'Networking breakfast', date: '2025-10-25' },
    },
  ]);
});

afterEach(async () => {
  await api.close();
});

describe('POST /api/links', () => {
  it('creates a link from a meeting with defaults', async () => {
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/links',
      payload: {
        kind: 'COLLABORATES_WITH',
        source: 'org-a',
        target: 'org-b',
        meetingId: 'meet-1',
        collaborationType: 'referral',
      },
    });
    expect(status).toBe(201);
    const created = LinkSchema.parse(body);
    expect(created).toMatchObject({
      strength: 2,
      until: null,
      meetingId: 'meet-1',
      collaborationType: 'referral',
    });
    expect(created.since).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('PATCH /api/links/:id and DELETE', () => {
  it('ends a link and then deletes it', async () => {
    const created = LinkSchema.parse(
      (
        await api.request({
          method: 'POST',
          url: '/api/links',
          payload: {
            kind: 'COLLABORATES_WITH',
            source: 'org-a',
            target: 'org-b',
            since: '2020-01-01',
          },
        })
      ).body,
    );
    const patched = await api.request({
      method: 'PATCH',
      url: `/api/links/${created.id}`,
      payload: { until: '2024-06-30', strength: 3 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: created.id,
      until: '2024-06-30',
      strength: 3,
      since: '2020-01-01',
    });
    const deleted = await api.request({ method: 'DELETE', url: `/api/links/${created.id}` });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: created.id, auditId: expect.any(Number) as unknown });
    expect((await api.request({ method: 'GET', url: `/api/links/${created.id}` })).status).toBe(
      404,
    );
  });

  it('refuses to change the ends of a link', async () => {
    const created = LinkSchema.parse(
      (
        await api.request({
          method: 'POST',
          url: '/api/links',
          payload: { kind: 'COLLABORATES_WITH', source: 'org-a', target: 'org-b' },
        })
      ).body,
    );
    const { status, body } = await api.request({
      method: 'PATCH',
      url: `/api/links/${created.id}`,
      payload: { target: 'org-a' },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      issues: [{ path: 'body.target', message: 'is not a known field' }],
    });
  });
});
