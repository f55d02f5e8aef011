/**
 * What a second review of accounts found, each as the attack or mistake it was: a forged
 * X-Forwarded-For behind a proxy, a page on another site reaching this machine (DNS rebinding),
 * a password reset that left the old password working, an admin e-mail from the environment in
 * capitals, a re-arrange nobody was recorded for, and consent shown to readers.
 */
import {
  AuditPageSchema,
  ErrorBodySchema,
  MeetingDetailsSchema,
  SessionInfoSchema,
} from '@octograph/graph-schema';
import { loadConfig } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

const apps: TestApp[] = [];

async function start(env: Record<string, string> = {}): Promise<TestApp> {
  const app = await startTestApp({ env });
  apps.push(app);
  return app;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('behind a reverse proxy (TRUST_PROXY=true)', () => {
  it('counts sign-in attempts by the address the proxy saw, whatever the caller wrote', async () => {
    const api = await start({ TRUST_PROXY: 'true', SIGN_IN_LIMIT_PER_MINUTE: '2' });
    const attempt = (forged: number) =>
      api.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'someone@example.org', password: 'a guess' },
        // The proxy appends the address it saw to what the caller sent.
        headers: { 'x-forwarded-for': `10.0.0.${String(forged)}, 203.0.113.7` },
        as: 'anonymous',
      });
    expect((await attempt(1)).statusCode).toBe(401);
    expect((await attempt(2)).statusCode).toBe(401);
    expect((await attempt(3)).statusCode).toBe(429);
  });

  it('never offers the first admin to a browser', async () => {
    const api = await start({ TRUST_PROXY: 'true' });
    const session = await api.request({ method: 'GET', url: '/api/session', as: 'anonymous' });
    expect(SessionInfoSchema.parse(session.body).setupAvailable).toBe(false);
  });
});

describe('the first admin from this machine', () => {
  it('is not offered to a page of another site that reaches 127.0.0.1 (DNS rebinding)', async () => {
    const api = await start();
    const headers = { host: 'rebind.attacker.example:3000' };
    const session = await api.request({
      method: 'GET',
      url: '/api/session',
      headers,
      as: 'anonymous',
    });
    expect(SessionInfoSchema.parse(session.body).setupAvailable).toBe(false);
    expect(
      (await api.request({ method: 'GET', url: '/api/map', headers, as: 'anonymous' })).status,
    ).toBe(401);
    const setup = await api.request({
      method: 'POST',
      url: '/api/setup',
      headers,
      // Even with the right code: the visit is not from this machine.
      payload: {
        email: 'attacker@example.org',
        name: 'Mallory',
        password: 'a long password',
        code: api.app.accounts.setupCode,
      },
      as: 'anonymous',
    });
    expect(setup.status).toBe(403);
    expect(await api.app.store.hasAdmin()).toBe(false);
    // The person at the keyboard still can.
    const local = await api.request({
      method: 'GET',
      url: '/api/session',
      headers: { host: 'localhost:3000' },
      as: 'anonymous',
    });
    expect(SessionInfoSchema.parse(local.body).setupAvailable).toBe(true);
  });

  it('from the environment is stored as the e-mail people sign in with, and needs a real password', async () => {
    const api = await start({
      OCTOGRAPH_ADMIN_EMAIL: 'Coordinator@Example.org',
      OCTOGRAPH_ADMIN_PASSWORD: TEST_PASSWORD,
    });
    const signIn = await api.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'Coordinator@Example.org', password: TEST_PASSWORD },
      as: 'anonymous',
    });
    expect(signIn.status).toBe(200);
    expect(() =>
      loadConfig({ OCTOGRAPH_ADMIN_EMAIL: 'a@example.org', OCTOGRAPH_ADMIN_PASSWORD: 'admin' }),
    ).toThrow(/OCTOGRAPH_ADMIN_PASSWORD: must be at least 10 characters/);
  });
});

describe('an admin resetting a password (a new invitation link)', () => {
  it('stops the old password and ends the sessions at once', async () => {
    const api = await start();
    const editor = await api.user('editor');
    const reset = await api.request({
      method: 'POST',
      url: `/api/users/${editor.id}/invitation`,
      as: 'admin',
    });
    expect(reset.status).toBe(200);
    expect((await api.request({ method: 'GET', url: '/api/map' })).status).toBe(401);
    const signIn = await api.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: editor.email, password: editor.password },
      as: 'anonymous',
    });
    expect(signIn.status).toBe(401);
    expect(ErrorBodySchema.parse(signIn.body).message).toBe('the e-mail or password is wrong');
  });
});

describe('a re-arrange of the map', () => {
  it('is recorded in the audit log as the editor who started it', async () => {
    const api = await start();
    const editor = await api.user('editor');
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('org-a', 'Alpha') },
      { op: 'createNode', node: organisation('org-b', 'Beta') },
      { op: 'createLink', link: link('ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    ]);
    expect((await api.request({ method: 'POST', url: '/api/layout' })).status).toBe(202);
    await expect
      .poll(async () => {
        const { body } = await api.request({ method: 'GET', url: '/api/layout' });
        return (body as { state: string }).state;
      })
      .toBe('done');
    const { body } = await api.request({ method: 'GET', url: '/api/audit' });
    const entry = AuditPageSchema.parse(body).items.find(
      ({ action }) => action === 'savePositions',
    );
    expect(entry?.actor).toBe(editor.id);
  });
});

describe('meeting details', () => {
  it('show what each person agreed to share, and who recorded it, to editors only', async () => {
    const api = await start();
    await api.app.store.applyBatch([
      {
        op: 'createNode',
        node: { kind: 'meeting', id: 'meet-1', name: 'Breakfast', date: '2026-01-10' },
      },
      { op: 'createNode', node: { kind: 'person', id: 'person-bo', name: 'Bo' } },
    ]);
    const added = await api.request({
      method: 'PUT',
      url: '/api/meetings/meet-1/attendees/person-bo',
      payload: { shareEmail: true },
    });
    expect(added.status).toBe(201);
    const asEditor = MeetingDetailsSchema.parse(
      (await api.request({ method: 'GET', url: '/api/meetings/meet-1' })).body,
    );
    expect(asEditor.attendees[0]?.consent?.shareEmail).toBe(true);
    expect(Object.values(asEditor.recorders)).toEqual(['Test editor']);
    const asViewer = MeetingDetailsSchema.parse(
      (await api.request({ method: 'GET', url: '/api/meetings/meet-1', as: 'viewer' })).body,
    );
    expect(asViewer.attendees.map((attendee) => [attendee.name, attendee.consent])).toEqual([
      ['Bo', null],
    ]);
    expect(asViewer.recorders).toEqual({});
  });
});

describe('an invitation link', () => {
  it('is accepted once even when sent twice at the same moment', async () => {
    const api = await start();
    const invited = await api.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'new@example.org', name: 'New', role: 'viewer' },
      as: 'admin',
    });
    const { token } = invited.body as { token: string };
    const accept = (password: string) =>
      api.request({
        method: 'POST',
        url: `/api/invitations/${token}`,
        payload: { password },
        as: 'anonymous',
      });
    const answers = await Promise.all([accept('first password!'), accept('second password!')]);
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 404]);
  });
});
