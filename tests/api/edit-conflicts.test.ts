/**
 * No lost updates: a PATCH may say which version (`expectedVersion`, the updatedAt the editor
 * started from) it was made from, and is refused with 409 EDIT_CONFLICT and the stored value when
 * someone else saved in between. Deletes hand back the audit entry that undoes them.
 */
import {
  AuditEntrySchema,
  DeleteLinkResponseSchema,
  DeleteNodeResponseSchema,
  ErrorBodySchema,
  GraphNodeSchema,
  LinkSchema,
  type GraphNode,
  type Link,
} from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;
let choir: GraphNode;
let partnership: Link;

beforeEach(async () => {
  api = await startTestApp();
  choir = await api.app.store.createNode(organisation('choir', 'Harbour Lights Choir'));
  await api.app.store.createNode(organisation('larder', 'Devonport Larder'));
  partnership = await api.app.store.createLink(
    link('choir-larder', 'COLLABORATES_WITH', 'choir', 'larder'),
  );
});

afterEach(async () => {
  await api.close();
});

async function patch(url: string, payload: Record<string, unknown>) {
  return api.request({ method: 'PATCH', url, payload });
}

describe('PATCH /api/nodes/:id with expectedVersion', () => {
  it('saves a change made from the current version (200) with a later updatedAt', async () => {
    const { status, body } = await patch('/api/nodes/choir', {
      kind: 'organisation',
      status: 'dormant',
      expectedVersion: choir.updatedAt,
    });
    expect(status).toBe(200);
    const saved = GraphNodeSchema.parse(body);
    expect(saved).toMatchObject({ status: 'dormant' });
    expect(saved).not.toHaveProperty('expectedVersion');
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(choir.updatedAt));
  });

  it('refuses a change made from an older version with 409, the stored node and what happened', async () => {
    const other = await patch('/api/nodes/choir', { kind: 'organisation', status: 'closed' });
    const current = GraphNodeSchema.parse(other.body);
    const revision = await api.app.store.revision();

    const { status, body } = await patch('/api/nodes/choir', {
      kind: 'organisation',
      name: 'Harbour Lights',
      expectedVersion: choir.updatedAt,
    });
    expect(status).toBe(409);
    expect(ErrorBodySchema.parse(body)).toEqual({
      statusCode: 409,
      code: 'EDIT_CONFLICT',
      message: `'Harbour Lights Choir' was changed by someone else since you opened it (at ${current.updatedAt}); compare and save again`,
      issues: [],
      current,
    });
    expect(await api.app.store.revision()).toBe(revision);
    expect((await api.request({ method: 'GET', url: '/api/nodes/choir' })).body).toEqual(current);
  });

  it('saves as before without expectedVersion, even after another save', async () => {
    await patch('/api/nodes/choir', { kind: 'organisation', status: 'closed' });
    const { status, body } = await patch('/api/nodes/choir', {
      kind: 'organisation',
      name: 'Harbour Lights',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Harbour Lights', status: 'closed' });
  });

  it.each(['yesterday', '2026-12-07', 12])(
    'rejects a malformed expectedVersion (%s) with 400 naming body.expectedVersion',
    async (expectedVersion) => {
      const { status, body } = await patch('/api/nodes/choir', {
        kind: 'organisation',
        status: 'dormant',
        expectedVersion,
      });
      expect(status).toBe(400);
      const error = ErrorBodySchema.parse(body);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.issues.map((issue) => issue.path)).toEqual(['body.expectedVersion']);
    },
  );
});

describe('PATCH /api/links/:id with expectedVersion', () => {
  it('saves a change made from the current version (200)', async () => {
    const { status, body } = await patch('/api/links/choir-larder', {
      strength: 3,
      expectedVersion: partnership.updatedAt,
    });
    expect(status).toBe(200);
    const saved = LinkSchema.parse(body);
    expect(saved.strength).toBe(3);
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(partnership.updatedAt));
  });

  it('refuses a change made from an older version with 409 and the stored link', async () => {
    const other = await patch('/api/links/choir-larder', { notes: 'Shared van on Fridays' });
    const current = LinkSchema.parse(other.body);
    const { status, body } = await patch('/api/links/choir-larder', {
      strength: 1,
      expectedVersion: partnership.updatedAt,
    });
    expect(status).toBe(409);
    const error = ErrorBodySchema.parse(body);
    expect(error).toMatchObject({ code: 'EDIT_CONFLICT', current });
    expect(error.message).toContain('was changed by someone else since you opened it');
    expect((await api.request({ method: 'GET', url: '/api/links/choir-larder' })).body).toEqual(
      current,
    );
  });

  it('saves as before without expectedVersion', async () => {
    const { status } = await patch('/api/links/choir-larder', { strength: 1 });
    expect(status).toBe(200);
  });

  it('rejects a malformed expectedVersion with 400 naming body.expectedVersion', async () => {
    const { status, body } = await patch('/api/links/choir-larder', {
      strength: 1,
      expectedVersion: 'not a time',
    });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).issues.map((issue) => issue.path)).toEqual([
      'body.expectedVersion',
    ]);
  });
});

describe('POST /api/batch with a stale expectedVersion', () => {
  it('answers 409 EDIT_CONFLICT with the stored node and writes nothing', async () => {
    const other = await patch('/api/nodes/choir', { kind: 'organisation', status: 'closed' });
    const revision = await api.app.store.revision();
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/batch',
      payload: {
        ops: [
          { op: 'createNode', node: organisation('newcomer', 'Newcomer') },
          {
            op: 'updateNode',
            id: 'choir',
            patch: { kind: 'organisation', name: 'Renamed', expectedVersion: choir.updatedAt },
          },
        ],
      },
    });
    expect(status).toBe(409);
    expect(ErrorBodySchema.parse(body)).toMatchObject({
      code: 'EDIT_CONFLICT',
      current: other.body,
    });
    expect(await api.app.store.revision()).toBe(revision);
    expect(await api.app.store.getNode('newcomer')).toBeNull();
  });
});

describe('DELETE answers with the audit entry that undoes it', () => {
  it('DELETE /api/nodes/:id gives auditId; undoing it brings the node and its links back', async () => {
    const deleted = await api.request({ method: 'DELETE', url: '/api/nodes/choir' });
    expect(deleted.status).toBe(200);
    const { auditId, deletedLinkIds } = DeleteNodeResponseSchema.parse(deleted.body);
    expect(deletedLinkIds).toEqual(['choir-larder']);

    const undone = await api.request({ method: 'POST', url: `/api/audit/${auditId}/undo` });
    expect(undone.status).toBe(201);
    expect(AuditEntrySchema.parse(undone.body).undoes).toBe(auditId);
    expect((await api.request({ method: 'GET', url: '/api/nodes/choir' })).body).toEqual(choir);
    expect((await api.request({ method: 'GET', url: '/api/links/choir-larder' })).body).toEqual(
      partnership,
    );
  });

  it('DELETE /api/links/:id gives auditId; undoing it brings the link back', async () => {
    const deleted = await api.request({ method: 'DELETE', url: '/api/links/choir-larder' });
    expect(deleted.status).toBe(200);
    const { id, auditId } = DeleteLinkResponseSchema.parse(deleted.body);
    expect(id).toBe('choir-larder');

    const undone = await api.request({ method: 'POST', url: `/api/audit/${auditId}/undo` });
    expect(undone.status).toBe(201);
    expect((await api.request({ method: 'GET', url: '/api/links/choir-larder' })).body).toEqual(
      partnership,
    );
  });
});
