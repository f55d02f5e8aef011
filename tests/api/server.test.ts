/** Health, the OpenAPI page, the built client with its SPA fallback, and data surviving a restart. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HealthResponseSchema } from '@octograph/graph-schema';
import { buildApp, loadConfig } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';
import { organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('GET /api/health', () => {
  it('reports the embedded store as reachable', async () => {
    api = await startTestApp();
    const { status, body } = await api.request({ method: 'GET', url: '/api/health' });
    expect(status).toBe(200);
    expect(HealthResponseSchema.parse(body)).toMatchObject({
      status: 'ok',
      store: { kind: 'embedded', reachable: true },
    });
  });
});

describe('GET /docs', () => {
  it('serves an OpenAPI document generated from the zod schemas', async () => {
    api = await startTestApp();
    const { status, body } = await api.request({ method: 'GET', url: '/docs/json' });
    expect(status).toBe(200);
    const document = body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/nodes',
        '/api/nodes/{id}',
        '/api/links',
        '/api/map',
        '/api/batch',
        '/api/health',
      ]),
    );
    const ui = await api.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('the built client', () => {
  it('is served at / and its pages fall back to index.html', async () => {
    api = await startTestApp();
    const clientDir = join(api.dataDir, 'client');
    await mkdir(join(clientDir, 'assets'), { recursive: true });
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Octograph</title>');
    await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log(1)');
    await api.app.close();
    const config = loadConfig({
      DATA_DIR: api.dataDir,
      LOG_LEVEL: 'silent',
      CLIENT_DIR: clientDir,
    });
    const app = await buildApp({ config });
    try {
      expect((await app.inject({ method: 'GET', url: '/' })).body).toContain(
        '<title>Octograph</title>',
      );
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe(
        'console.log(1)',
      );
      const page = await app.inject({
        method: 'GET',
        url: '/directory?kind=charity',
        headers: { accept: 'text/html' },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Octograph</title>');
      const missingAsset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
      expect(missingAsset.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('restarting', () => {
  it('keeps every change', async () => {
    api = await startTestApp();
    await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-keep', 'Keeper'),
    });
    await api.request({
      method: 'PATCH',
      url: '/api/nodes/org-keep',
      payload: { kind: 'organisation', status: 'dormant' },
    });
    const revision = await api.app.store.revision();
    await api.app.close();
    const app = await buildApp({
      config: loadConfig({ DATA_DIR: api.dataDir, LOG_LEVEL: 'silent' }),
    });
    try {
      const node = await app.inject({ method: 'GET', url: '/api/nodes/org-keep' });
      expect(JSON.parse(node.body)).toMatchObject({ name: 'Keeper', status: 'dormant' });
      expect(await app.store.revision()).toBe(revision);
    } finally {
      await app.close();
    }
  });
});
