/**
 * A full disk (issue 15): a write the embedded store cannot fit is answered 507 STORAGE_FULL
 * with a message, nothing of it is stored, and writes work again once there is room. The disk is
 * "full" by SQLite's own limit: `PRAGMA max_page_count` on the app's connection (a per-connection
 * setting, so it is set on the connection the store writes with), which fails a write that needs
 * a new page exactly as a full disk does (SQLITE_FULL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ErrorBodySchema } from '@octograph/graph-schema';
import { buildApp, loadConfig } from '@octograph/server';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedGraphStore } from '../../server/src/store/embedded/embedded-store.js';
import { organisation } from '../helpers/fixtures.js';
import { TEST_PASSWORD } from '../helpers/test-app.js';

let dataDir: string;
let store: EmbeddedGraphStore;
let app: FastifyInstance;
let headers: Record<string, string>;

/** The store's one connection (a private field: this test is its only reader). */
function connectionOf(embedded: EmbeddedGraphStore): Database.Database {
  return (embedded as unknown as { db: Database.Database }).db;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'octograph-full-'));
  store = EmbeddedGraphStore.open(join(dataDir, 'octograph.db'));
  app = await buildApp({
    config: loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      CLIENT_DIR: join(dataDir, 'no-client'),
      RATE_LIMIT_PER_MINUTE: '0',
    }),
    store,
  });
  await app.accounts.ensureAdmin('admin@octograph.test', 'Admin', TEST_PASSWORD);
  const opened = await app.accounts.signIn('admin@octograph.test', TEST_PASSWORD);
  headers = {
    cookie: `octograph_session=${opened.token}`,
    'x-csrf-token': opened.session.csrfToken,
  };
});

afterEach(async () => {
  await app.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Makes the database as full as it is now: any write that needs a new page fails. */
function fillTheDisk(): void {
  const db = connectionOf(store);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.pragma(`max_page_count = ${String(pages)}`);
}

function create(id: string) {
  return app.inject({
    method: 'POST',
    url: '/api/nodes',
    headers,
    payload: organisation(id, `Group ${id}`, 'charity', { description: 'x'.repeat(9_000) }),
  });
}

describe('a write when the disk is full', () => {
  it('is answered 507 STORAGE_FULL with a message, and stores nothing', async () => {
    const before = await store.snapshot();
    fillTheDisk();
    const response = await create('org-too-much');
    expect(response.statusCode, response.body).toBe(507);
    const body = ErrorBodySchema.parse(response.json());
    expect(body).toMatchObject({ statusCode: 507, code: 'STORAGE_FULL', issues: [] });
    expect(body.message).toContain('disk is full');
    expect(await store.getNode('org-too-much')).toBeNull();
    expect(await store.snapshot()).toEqual(before);
  });

  it('works again once there is room', async () => {
    fillTheDisk();
    expect((await create('org-first-try')).statusCode).toBe(507);
    connectionOf(store).pragma('max_page_count = 1073741823');
    expect((await create('org-second-try')).statusCode).toBe(201);
    expect((await store.getNode('org-second-try'))?.name).toBe('Group org-second-try');
  });
});
