/**
 * The audit log over the API, as a coordinator uses it: each change says who made it and what
 * was there before and after; History filters by user, node and date; Undo puts a change back and
 * says why when it cannot; account changes are logged too (never a password or its hash).
 */
import {
  AuditEntrySchema,
  AuditPageSchema,
  ErrorBodySchema,
  type AuditEntry,
} from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp, type TestCaller } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
});

afterEach(async () => {
  await api.close();
});

async function log(query = '', as: TestCaller = 'admin'): Promise<AuditEntry[]> {
  const { status, body } = await api.request({ method: 'GET', url: `/api/audit${query}`, as });
  expect(status).toBe(200);
  return AuditPageSchema.parse(body).items;
}

async function write(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const { status, body } = await api.request({ method, url, ...(payload ? { payload } : {}) });
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
}

async function undo(id: number, as: TestCaller = 'editor') {
  return api.request({ method: 'POST', url: `/api/audit/${String(id)}/undo`, as });
}

describe('the audit log', () => {
  it('records who changed what, with the values before and after', async () => {
    const editor = await api.user('editor');
    await write('POST', '/api/nodes', organisation('org-a', 'Alpha', 'charity'));
    await write('PATCH', '/api/nodes/org-a', { kind: 'organisation', description: 'Food bank' });
    const [update] = await log('?node=org-a');
    expect(update).toMatchObject({ action: 'updateNode', actor: editor.id, undoneBy: null });
    expect(update?.changes).toHaveLength(1);
    expect(update?.changes[0]).toMatchObject({
      entity: 'node',
      id: 'org-a',
      before: { name: 'Alpha', description: '' },
      after: { name: 'Alpha', description: 'Food bank' },
    });
    const { body: page } = await api.request({ method: 'GET', url: '/api/audit', as: 'admin' });
    expect(AuditPageSchema.parse(page).actors[editor.id]?.email).toBe(editor.email);
  });

  it('filters by user, node and date, and shows an editor only their own changes', async () => {
    const admin = await api.user('admin');
    const editor = await api.user('editor');
    await write('POST', '/api/nodes', organisation('org-a', 'Alpha'));
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-b', 'Beta'),
      as: 'admin',
    });
    const byAdmin = await log(`?user=${admin.id}`);
    expect(byAdmin.map((entry) => entry.actor)).not.toContain(editor.id);
    expect(byAdmin.some((entry) => entry.changes.some((change) => change.id === 'org-b'))).toBe(
      true,
    );
    expect((await log('?node=org-a')).every((entry) => entry.actor === editor.id)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await log(`?from=${today}&to=${today}&node=org-b`)).length).toBeGreaterThan(0);
    expect(await log('?to=2000-01-01')).toEqual([]);

    const own = await log('', 'editor');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((entry) => entry.actor === editor.id)).toBe(true);
    const others = await api.request({ method: 'GET', url: `/api/audit?user=${admin.id}` });
    expect(others.status).toBe(403);
  });

  it('undoes a change with a new audited change, and refuses once it is undone', async () => {
    await write('POST', '/api/nodes', organisation('org-a', 'Alpha'));
    const before = await api.request({ method: 'GET', url: '/api/nodes/org-a' });
    await write('PATCH', '/api/nodes/org-a', { kind: 'organisation', name: 'Renamed' });
    const [update] = await log('?node=org-a');
    if (!update) throw new Error('no entry');
    const undone = await undo(update.id);
    expect(undone.status).toBe(201);
    expect(AuditEntrySchema.parse(undone.body)).toMatchObject({
      action: 'undo',
      undoes: update.id,
    });
    expect((await api.request({ method: 'GET', url: '/api/nodes/org-a' })).body).toEqual(
      before.body,
    );
    const again = await undo(update.id);
    expect(again.status).toBe(409);
    expect(ErrorBodySchema.parse(again.body).message).toContain('undone already');
  });

  it('refuses to undo a change that a later change depends on, naming it, and changes nothing', async () => {
    await write('POST', '/api/nodes', organisation('org-a', 'Alpha'));
    await write('POST', '/api/nodes', organisation('org-b', 'Beta'));
    const [created] = await log('?node=org-a');
    await write('POST', '/api/links', link('ab', 'COLLABORATES_WITH', 'org-a', 'org-b'));
    const entries = await log('?node=org-a');
    const creation = entries.find((entry) => entry.action === 'createNode');
    if (!creation || !created) throw new Error('no entry');
    const revision = await api.app.store.revision();
    const refused = await undo(creation.id);
    expect(refused.status).toBe(409);
    expect(ErrorBodySchema.parse(refused.body).message).toMatch(
      /node 'Alpha' has links added afterwards \(ab\)/,
    );
    expect(await api.app.store.revision()).toBe(revision);

    await write('PATCH', '/api/nodes/org-b', { kind: 'organisation', name: 'Beta 1' });
    const [first] = await log('?node=org-b');
    await write('PATCH', '/api/nodes/org-b', { kind: 'organisation', name: 'Beta 2' });
    const [second] = await log('?node=org-b');
    if (!first || !second) throw new Error('no entry');
    const stale = await undo(first.id);
    expect(stale.status).toBe(409);
    expect(ErrorBodySchema.parse(stale.body).message).toContain(
      `node 'Beta 1' was changed again afterwards (change #${String(second.id)})`,
    );
  });

  it("lets an editor undo only their own changes (another's is 404 to them)", async () => {
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-a', 'Alpha'),
      as: 'admin',
    });
    const entry = (await log('?node=org-a')).find(({ action }) => action === 'createNode');
    if (!entry) throw new Error('no entry');
    expect((await undo(entry.id, 'editor')).status).toBe(404);
    expect((await undo(entry.id, 'admin')).status).toBe(201);
    expect(await api.app.store.getNode('org-a')).toBeNull();
  });

  it('logs account changes by whom, never a password or its hash, and does not undo them', async () => {
    const admin = await api.user('admin');
    const invited = await api.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'new@example.org', name: 'New Person', role: 'viewer' },
      as: 'admin',
    });
    expect(invited.status).toBe(201);
    const userId = (invited.body as { user: { id: string } }).user.id;
    const changed = await api.request({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      payload: { role: 'editor' },
      as: 'admin',
    });
    expect(changed.status).toBe(200);
    const accountEntries = (await log(`?user=${admin.id}`)).filter((entry) =>
      entry.changes.some((change) => change.entity === 'user' && change.id === userId),
    );
    expect(accountEntries.map((entry) => entry.action)).toEqual(['updateUser', 'createUser']);
    expect(accountEntries[0]?.changes[0]).toMatchObject({
      entity: 'user',
      before: { role: 'viewer' },
      after: { role: 'editor' },
      passwordChanged: false,
    });

    const editor = await api.user('editor');
    const password = await api.request({
      method: 'POST',
      url: '/api/session/password',
      payload: { currentPassword: editor.password, newPassword: 'a brand new secret' },
    });
    expect(password.status).toBe(204);
    const [own] = await log(`?user=${editor.id}`);
    expect(own?.changes[0]).toMatchObject({ entity: 'user', passwordChanged: true });

    const raw = await api.inject({ method: 'GET', url: '/api/audit?limit=200', as: 'admin' });
    expect(raw.body).not.toMatch(/scrypt\$|passwordHash|invitationHash|a brand new secret/);
    const refused = await undo(accountEntries[0]?.id ?? 0, 'admin');
    expect(refused.status).toBe(409);
    expect(ErrorBodySchema.parse(refused.body).message).toContain('account change');
  });
});
