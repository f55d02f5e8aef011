/**
 * The first admin cannot be claimed remotely (issue 15): the browser's set-up needs the one-time
 * code the server prints in its log on start, besides a visit from this machine; and a visit
 * that carries any header a proxy, CDN or tunnel adds is never "from this machine".
 */
import { PassThrough } from 'node:stream';
import { ErrorBodySchema, SessionInfoSchema } from '@octograph/graph-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';

const started: TestApp[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.close()));
});

/** An app over an empty store, and the messages of its log at warn level and above. */
async function start(env: Record<string, string> = {}): Promise<{ api: TestApp; log: string[] }> {
  const stream = new PassThrough();
  const log: string[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') log.push((JSON.parse(line) as { msg: string }).msg);
    }
  });
  const api = await startTestApp({ env: { LOG_LEVEL: 'warn', ...env }, logStream: stream });
  started.push(api);
  return { api, log };
}

/** The code a person reads in the log line, or null. */
function codeIn(log: readonly string[]): string | null {
  for (const message of log) {
    const match = /set-up code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(message);
    if (match?.[1]) return match[1];
  }
  return null;
}

const BODY = { email: 'first@octograph.test', name: 'First', password: TEST_PASSWORD };

function setUp(api: TestApp, payload: object, headers: Record<string, string> = {}) {
  return api.request({ method: 'POST', url: '/api/setup', payload, headers, as: 'anonymous' });
}

describe('the set-up code', () => {
  it('is printed in the log on start, and a second start prints another', async () => {
    const first = codeIn((await start()).log);
    const second = codeIn((await start()).log);
    expect(first).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
  });

  it('is not printed when an admin exists', async () => {
    const { log } = await start({
      OCTOGRAPH_ADMIN_EMAIL: 'admin@octograph.test',
      OCTOGRAPH_ADMIN_PASSWORD: TEST_PASSWORD,
    });
    expect(codeIn(log)).toBeNull();
  });

  it('is required: none is a 400 naming it, a wrong one a 403, and nothing is created', async () => {
    const { api } = await start();
    const missing = await setUp(api, BODY);
    expect(missing.status).toBe(400);
    expect(ErrorBodySchema.parse(missing.body).issues.map((issue) => issue.path)).toEqual([
      'body.code',
    ]);
    const wrong = await setUp(api, { ...BODY, code: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(403);
    expect(ErrorBodySchema.parse(wrong.body).message).toContain("the server's log");
    expect(await api.app.store.hasAdmin()).toBe(false);
  });

  it('from the log, typed in small letters without dashes, creates the admin', async () => {
    const { api, log } = await start();
    const code = codeIn(log) ?? '';
    const created = await setUp(api, { ...BODY, code: code.toLowerCase().replace(/-/g, ' ') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(SessionInfoSchema.parse(created.body).audience).toBe('admin');
    expect(await api.app.store.hasAdmin()).toBe(true);
  });
});

describe('a visit through a proxy', () => {
  it.each([
    ['via', '1.1 proxy.example'],
    ['x-forwarded-host', 'map.example.org'],
    ['x-forwarded-proto', 'https'],
    ['cf-connecting-ip', '203.0.113.9'],
    ['true-client-ip', '203.0.113.9'],
    ['x-client-ip', '203.0.113.9'],
    ['x-forwarded-for', '203.0.113.9'],
    ['forwarded', 'for=203.0.113.9'],
    ['x-real-ip', '203.0.113.9'],
  ])('with %s is not offered the set-up, even with the code', async (header, value) => {
    const { api, log } = await start();
    const session = await api.request({
      method: 'GET',
      url: '/api/session',
      headers: { [header]: value },
      as: 'anonymous',
    });
    expect(SessionInfoSchema.parse(session.body).setupAvailable).toBe(false);
    const refused = await setUp(api, { ...BODY, code: codeIn(log) ?? '' }, { [header]: value });
    expect(refused.status).toBe(403);
    expect(await api.app.store.hasAdmin()).toBe(false);
    // The control: the same visit without the header is offered it.
    const local = await api.request({ method: 'GET', url: '/api/session', as: 'anonymous' });
    expect(SessionInfoSchema.parse(local.body).setupAvailable).toBe(true);
  });
});
