/**
 * Hardening: security headers and the Content-Security-Policy (the client's, the OpenAPI page's,
 * the printable attendee page's), the API rate limit, CORS only when configured, and error
 * bodies that never carry a stack trace or a database query.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorBodySchema } from '@octograph/graph-schema';
import {
  buildApp,
  EmbeddedGraphStore,
  databaseFile,
  loadConfig,
  type GraphStore,
} from '@octograph/server';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Cytoscape's one inline rule (its renderer adds it to the page), allowed by its hash. */
const CYTOSCAPE_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/** The client's policy, written out: a change to it must be a change to this test. */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${CYTOSCAPE_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join(';');

/** A stand-in for the built client, so that `/` and the page fallback are served. */
const INDEX_HTML = '<!doctype html><html><head><title>Octograph</title></head><body></body></html>';

let clientDir: string;
const apps: TestApp[] = [];

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'octograph-client-'));
  await writeFile(join(clientDir, 'index.html'), INDEX_HTML);
});

afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A test app serving the stand-in client, with these extra environment variables. */
async function start(env: Record<string, string> = {}): Promise<TestApp> {
  const app = await startTestApp({ env: { CLIENT_DIR: clientDir, ...env } });
  apps.push(app);
  return app;
}

function get(
  api: TestApp,
  url: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return api.inject({ method: 'GET', url, headers });
}

/** The sources of one directive of a CSP header. */
function sourcesOf(policy: string, directive: string): string[] {
  const entry = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return entry?.slice(1) ?? [];
}

describe('security headers', () => {
  it.each([
    ['the client at /', '/', {}],
    ['a client page served by the fallback', '/meetings/meet-1', { accept: 'text/html' }],
    ['the API', '/api/map', {}],
    ['an API error', '/api/nodes/no-such-node', {}],
    ['an unknown API route', '/api/no-such-route', {}],
  ])('sends the strict policy and the other headers with %s', async (_what, url, headers) => {
    const api = await start();
    const response = await get(api, url, headers);
    expect(response.headers['content-security-policy']).toBe(APP_CSP);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('gives the OpenAPI page its own policy, which allows its inline styles and nothing else more', async () => {
    const api = await start();
    const page = await get(api, '/docs');
    expect(page.statusCode).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).not.toBe(APP_CSP);
    expect(sourcesOf(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(sourcesOf(policy, 'script-src')).toEqual(["'self'"]);
    expect(sourcesOf(policy, 'frame-ancestors')).toEqual(["'none'"]);
    const spec = await get(api, '/docs/json');
    expect(spec.headers['content-security-policy']).toBe(policy);
  });

  it("allows the printable attendee page's own inline style, by its hash, and no other", async () => {
    const api = await start();
    await api.app.store.applyBatch([
      {
        op: 'createNode',
        node: { kind: 'meeting', id: 'meet-1', name: 'Breakfast', date: '2024-05-10' },
      },
      { op: 'createNode', node: organisation('org-a', 'Alpha Larder') },
    ]);
    expect(
      (
        await api.request({
          method: 'PUT',
          url: '/api/meetings/meet-1/attendees/org-a',
          payload: {},
        })
      ).status,
    ).toBe(201);

    const page = await get(api, '/api/meetings/meet-1/attendee-pack?format=html');
    expect(page.statusCode).toBe(200);
    const styles = [...page.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256')
      .update(styles[0] ?? '')
      .digest('base64')}'`;
    const policy = String(page.headers['content-security-policy']);
    expect(sourcesOf(policy, 'style-src')).toEqual(["'self'", CYTOSCAPE_STYLE_HASH, hash]);
    // Everything else is the client's policy.
    expect(policy.replace(` ${hash}`, '')).toBe(APP_CSP);

    // The JSON pack gets the client's policy, without the page's hash.
    const json = await get(api, '/api/meetings/meet-1/attendee-pack');
    expect(json.headers['content-security-policy']).toBe(APP_CSP);
  });
});

describe('the rate limit', () => {
  it('answers 429 RATE_LIMITED with retry-after once an address goes over RATE_LIMIT_PER_MINUTE', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let sent = 1; sent <= 3; sent += 1) {
      const response = await get(api, '/api/map');
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(3 - sent));
    }
    const limited = await get(api, '/api/nodes');
    expect(limited.statusCode).toBe(429);
    const body = ErrorBodySchema.strict().parse(limited.json());
    expect(body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', issues: [] });
    expect(body.message).toMatch(
      /^too many requests from this address; try again in \d+ (seconds?|minutes?)$/,
    );
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The limited answer still carries the security headers.
    expect(limited.headers['content-security-policy']).toBe(APP_CSP);
  });

  it('counts each address on its own', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '1' });
    const from = (remoteAddress: string) =>
      api.inject({ method: 'GET', url: '/api/map', remoteAddress });
    expect((await from('192.0.2.1')).statusCode).toBe(200);
    expect((await from('192.0.2.1')).statusCode).toBe(429);
    expect((await from('192.0.2.2')).statusCode).toBe(200);
  });

  it('never limits the health check, the client or the OpenAPI page', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '1' });
    for (const url of ['/api/health', '/', '/docs', '/api/health', '/', '/docs']) {
      const response = await get(api, url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['x-ratelimit-limit'], url).toBeUndefined();
    }
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let sent = 0; sent < 5; sent += 1) {
      const response = await get(api, '/api/map');
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it.each(['600', '0'])(
    'limits sign-in tighter than the rest (RATE_LIMIT_PER_MINUTE=%s)',
    async (perMinute) => {
      const api = await start({ RATE_LIMIT_PER_MINUTE: perMinute, SIGN_IN_LIMIT_PER_MINUTE: '2' });
      const signIn = () =>
        api.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: 'someone@example.org', password: 'a guess' },
          as: 'anonymous',
        });
      expect((await signIn()).statusCode).toBe(401);
      expect((await signIn()).statusCode).toBe(401);
      const limited = await signIn();
      expect(limited.statusCode).toBe(429);
      expect(ErrorBodySchema.parse(limited.json()).code).toBe('RATE_LIMITED');
      // Other routes keep the global limit (or none).
      expect((await get(api, '/api/map')).statusCode).toBe(200);
    },
  );

  it('allows 600 requests a minute and no other origin unless configured', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 600, corsOrigins: [] });
  });

  it.each(['-1', '1.5', 'many'])('refuses RATE_LIMIT_PER_MINUTE=%s at start-up', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: value })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});

describe('CORS', () => {
  const preflight = (api: TestApp, origin: string) =>
    api.app.inject({
      method: 'OPTIONS',
      url: '/api/nodes/org-a',
      headers: { origin, 'access-control-request-method': 'PUT' },
    });

  it('sends no CORS headers when CORS_ORIGIN is not set', async () => {
    const api = await start();
    const response = await get(api, '/api/map', { origin: 'https://map.example.org' });
    expect(response.statusCode).toBe(200);
    const corsHeaders = Object.keys(response.headers).filter((name) =>
      name.startsWith('access-control-'),
    );
    expect(corsHeaders).toEqual([]);
    const options = await preflight(api, 'https://map.example.org');
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
    expect(options.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('allows exactly the configured origins', async () => {
    const api = await start({ CORS_ORIGIN: 'https://map.example.org, https://admin.example.org' });
    for (const origin of ['https://map.example.org', 'https://admin.example.org']) {
      const response = await get(api, '/api/map', { origin });
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      const options = await preflight(api, origin);
      expect(options.statusCode).toBe(204);
      expect(options.headers['access-control-allow-origin']).toBe(origin);
      expect(String(options.headers['access-control-allow-methods'])).toContain('PUT');
    }
    for (const origin of ['https://elsewhere.example', 'http://map.example.org']) {
      const response = await get(api, '/api/map', { origin });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect((await preflight(api, origin)).headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it.each(['map.example.org', 'https://map.example.org/', 'https://map.example.org/app', '*'])(
    'refuses CORS_ORIGIN=%s at start-up',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGIN: value })).toThrow(/CORS_ORIGIN/);
    },
  );
});

describe('error bodies', () => {
  /** What a database driver's error says: the failed statement, quoted, and a stack. */
  const DRIVER_ERROR_TEXT = [
    'SqliteError: no such column: secret in SELECT id, data FROM nodes WHERE id = ?',
    'Neo4jError: Invalid input: MATCH (n:Node {id: $id}) RETURN n',
  ].join('\n');

  let store: GraphStore | undefined;
  let app: FastifyInstance | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    await app?.close();
    await store?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    app = undefined;
    store = undefined;
    dataDir = undefined;
  });

  it('never carry a stack trace, SQL or Cypher from an internal error', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-api-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const realStore = EmbeddedGraphStore.open(databaseFile(config));
    store = realStore;
    // A store whose reads fail the way a driver fails: the query text in the message.
    const failing: GraphStore = new Proxy(realStore, {
      get(target, property) {
        if (property === 'getNode') return () => Promise.reject(new Error(DRIVER_ERROR_TEXT));
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => method.apply(target, args);
      },
    });
    app = await buildApp({ config, store: failing });

    const response = await app.inject({ method: 'GET', url: '/api/nodes/org-a' });
    expect(response.statusCode).toBe(500);
    expect(ErrorBodySchema.strict().parse(response.json())).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'something went wrong on the server; it has been logged',
      issues: [],
    });
    for (const leak of ['SELECT', 'FROM nodes', 'MATCH', 'RETURN', 'Error:', '    at ', '.ts:']) {
      expect(response.body).not.toContain(leak);
    }
  });

  it.each([
    ['bad JSON', { method: 'POST', url: '/api/nodes', payload: '{"kind":' }],
    ['a body over the limit', { method: 'POST', url: '/api/nodes', payload: 'x'.repeat(2048) }],
    ['a bad field', { method: 'POST', url: '/api/nodes', payload: '{"kind":"planet"}' }],
    ['an unknown node', { method: 'GET', url: '/api/nodes/no-such-node' }],
    ['a malformed address', { method: 'GET', url: '/api/nodes/%E0%A4%A' }],
  ] as const)('never carry a stack trace for %s', async (_what, request) => {
    const api = await start({ BODY_LIMIT: '1024' });
    const response = await api.app.inject({
      ...request,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    ErrorBodySchema.strict().parse(response.json());
    expect(response.body).not.toMatch(/\n\s+at |"stack"|\.ts:\d/);
  });
});
