/**
 * The OpenAPI page at /docs (issue 15): malformed paths to its files are a 404 that logs
 * nothing, never a 500; its index.html never redirects to itself; and DOCS=false turns it off.
 * The paths are sent over a real socket exactly as written (as `curl --path-as-is` does):
 * inject() would resolve the dots before the server saw them.
 */
import { request as httpRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import { ErrorBodySchema } from '@octograph/graph-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

interface RawResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** GET `path` over HTTP as written, without following redirects. */
async function rawGet(app: TestApp, path: string): Promise<RawResponse> {
  const address = app.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: address.port, path, method: 'GET' },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** An app listening on a free port whose error-level log lines are collected. */
async function listeningApp(env: Record<string, string> = {}): Promise<{ errors: string[] }> {
  const log = new PassThrough();
  const errors: string[] = [];
  log.on('data', (line: Buffer) => errors.push(line.toString('utf8')));
  api = await startTestApp({ env, logStream: log });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  return { errors };
}

const TRAVERSALS = [
  '/docs/static/%2e%2e/%2e%2e/%2e%2e/package.json',
  '/docs/static/../../package.json',
  '/docs/static/.%2e/.%2e/package.json',
  '/docs/static/%2e%2e',
  '/docs/static/%00',
  '/docs/static/..%5c..%5cpackage.json',
  '/docs/static/%E0%A4%A',
];

describe('GET /docs/static/…', () => {
  it.each(TRAVERSALS)('answers %s with a 404 body and logs no error', async (path) => {
    const { errors } = await listeningApp();
    if (!api) throw new Error('no app');
    const response = await rawGet(api, path);
    expect(response.status === 404 || response.status === 400, response.body).toBe(true);
    const body = ErrorBodySchema.parse(JSON.parse(response.body));
    expect(body.statusCode).toBe(response.status);
    expect(response.body).not.toContain('"name": "@octograph');
    expect(errors).toEqual([]);
  });

  it('still serves the page’s own files', async () => {
    await listeningApp();
    if (!api) throw new Error('no app');
    const css = await rawGet(api, '/docs/static/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.body).toContain('.swagger-ui');
  });

  it.each([
    '/docs/static/index.html?url=https://evil.example/spec.json',
    '/docs/static/index.html',
  ])('redirects %s to /docs/ once', async (path) => {
    await listeningApp();
    if (!api) throw new Error('no app');
    const first = await rawGet(api, path);
    expect([first.status, first.location]).toEqual([302, '/docs/']);
    const next = await rawGet(api, first.location ?? '');
    expect(next.status).toBe(200);
    expect(next.body).toContain('swagger');
  });
});

describe('DOCS=false', () => {
  it('serves no OpenAPI page, description or file', async () => {
    await listeningApp({ DOCS: 'false' });
    if (!api) throw new Error('no app');
    for (const path of ['/docs', '/docs/', '/docs/json', '/docs/static/swagger-ui.css']) {
      const response = await rawGet(api, path);
      expect([path, response.status]).toEqual([path, 404]);
    }
    // The API itself is unchanged.
    expect((await rawGet(api, '/api/health')).status).toBe(200);
  });

  it('is refused unless true or false', async () => {
    await expect(startTestApp({ env: { DOCS: 'off' } })).rejects.toThrow(
      'DOCS: must be true or false',
    );
  });
});
