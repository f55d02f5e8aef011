/**
 * The language a user chose follows their account (issue 17): set with PATCH /api/session, shown
 * in every later session (another device), and refused when it is not one Octograph speaks. The
 * texts the server writes itself (the attendee list as CSV and as a page to print) come in the
 * reader's language: the one the page asks for, else the account's, else Accept-Language.
 */
import { SessionInfoSchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedLanguage } from '../../server/src/services/reader-language.js';
import { organisation } from '../helpers/fixtures.js';
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

describe('the attendee list in the reader’s language', () => {
  beforeEach(async () => {
    await api.app.store.applyBatch([
      { op: 'createNode', node: organisation('org-klub', 'Klub Seniora „Złota Jesień”') },
      {
        op: 'createNode',
        node: {
          kind: 'meeting',
          id: 'meet-pl',
          name: 'Śniadanie networkingowe',
          date: '2025-11-15',
          venue: 'Biblioteka',
          organiser: 'Sieć Seniorów',
        },
      },
    ]);
    const added = await api.request({
      method: 'PUT',
      url: '/api/meetings/meet-pl/attendees/org-klub',
      payload: {},
    });
    expect(added.status).toBe(201);
  });

  const pack = async (query: string, headers: Record<string, string> = {}) =>
    (
      await api.inject({
        method: 'GET',
        url: `/api/meetings/meet-pl/attendee-pack?${query}`,
        headers,
      })
    ).body;

  it('heads the CSV in Polish when the page asks for Polish', async () => {
    const csv = await pack('format=csv&lang=pl');
    expect(csv.split('\r\n')[0]).toBe('Uczestnik,Jako,Funkcja,Organizacja,E-mail,Telefon');
    expect(csv).toContain('Klub Seniora „Złota Jesień”,Organizacja');
  });

  it('writes the printable page in Polish from Accept-Language, with a Polish date', async () => {
    const html = await pack('format=html', { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.8' });
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('15 listopada 2025');
    expect(html).toContain('organizator: Sieć Seniorów');
    expect(html).toContain('<th>Uczestnik</th><th>Funkcja</th>');
    expect(html).not.toContain('Contact details appear');
  });

  it('follows the account’s language over the browser’s, and the page’s over both', async () => {
    await api.request({ method: 'PATCH', url: '/api/session', payload: { language: 'pl' } });
    const english = { 'accept-language': 'en-GB' };
    expect((await pack('format=csv', english)).split('\r\n')[0]).toMatch(/^Uczestnik,/);
    expect((await pack('format=csv&lang=en', english)).split('\r\n')[0]).toMatch(/^Name,/);
  });

  it('stays English for a browser that asks for no language Octograph speaks', async () => {
    const html = await pack('format=html', { 'accept-language': 'de-DE,fr;q=0.5' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('15 November 2025');
  });
});

describe('Accept-Language', () => {
  it.each([
    ['pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7', 'pl'],
    ['en-GB,en;q=0.9,pl;q=0.8', 'en'],
    ['de;q=1, pl;q=0.5, en;q=0.4', 'pl'],
    ['en;q=0.2, pl;q=0.9', 'pl'],
    ['pl;q=0, en', 'en'],
    ['fr', null],
  ])('"%s" → %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
  });
});
