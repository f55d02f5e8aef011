/**
 * The language a user chose follows their account (issue 17): set with PATCH /api/session, shown
 * in every later session (another device), and refused when it is not one Octograph speaks.
 */
import { SessionInfoSchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
});

afterEach(async () => {
  await api.close();
});

describe('PATCH /api/session', () => {
  it('has no language until the user chooses one', async () => {
    const session = await api.request({ method: 'GET', url: '/api/session', as: 'viewer' });
    expect(SessionInfoSchema.parse(session.body).user?.language).toBeUndefined();
  });

  it('stores the chosen language with the account, so a new sign-in elsewhere finds it', async () => {
    const changed = await api.request({
      method: 'PATCH',
      url: '/api/session',
      payload: { language: 'pl' },
      as: 'viewer',
    });
    expect(changed.status).toBe(200);
    expect(SessionInfoSchema.parse(changed.body).user?.language).toBe('pl');

    const viewer = await api.user('viewer');
    const phone = await api.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: viewer.email, password: TEST_PASSWORD },
    });
    expect(phone.statusCode).toBe(200);
    expect(SessionInfoSchema.parse(phone.json()).user?.language).toBe('pl');
  });

  it('can switch back to English', async () => {
    for (const language of ['pl', 'en'] as const) {
      await api.request({ method: 'PATCH', url: '/api/session', payload: { language } });
    }
    const session = await api.request({ method: 'GET', url: '/api/session' });
    expect(SessionInfoSchema.parse(session.body).user?.language).toBe('en');
  });

  it('refuses a language Octograph does not speak with 400 naming the field', async () => {
    const refused = await api.request({
      method: 'PATCH',
      url: '/api/session',
      payload: { language: 'de' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('language');
  });

  it('refuses a visitor who is not signed in with 401', async () => {
    const refused = await api.request({
      method: 'PATCH',
      url: '/api/session',
      payload: { language: 'pl' },
      as: 'anonymous',
    });
    expect(refused.status).toBe(401);
  });
});
