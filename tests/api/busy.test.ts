/**
 * While another process holds the embedded database's write lock (a long import or seed), a
 * write is answered 503 BUSY with Retry-After instead of hanging or failing with a 500, and
 * nothing changes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ErrorBodySchema } from '@octograph/graph-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let api: TestApp;
let otherWriter: Database.Database;

beforeEach(async () => {
  api = await startTestApp();
  otherWriter = new Database(join(api.dataDir, 'octograph.db'));
});

afterEach(async () => {
  if (otherWriter.inTransaction) otherWriter.exec('ROLLBACK');
  otherWriter.close();
  await api.close();
});

describe('a write while another process holds the write lock', () => {
  it('is answered 503 BUSY with Retry-After, and stores nothing', async () => {
    const before = await api.app.store.snapshot();
    await api.user('editor'); // signed in before the other writer takes the lock
    otherWriter.exec('BEGIN IMMEDIATE');
    const { status, body, response } = await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-late', 'Late Group'),
    });
    otherWriter.exec('ROLLBACK');
    expect(status).toBe(503);
    expect(ErrorBodySchema.parse(body)).toMatchObject({ code: 'BUSY', issues: [] });
    expect(response.headers['retry-after']).toBe('2');
    expect(await api.app.store.snapshot()).toEqual(before);
  });

  it('goes through once the lock is released', async () => {
    otherWriter.exec('BEGIN IMMEDIATE');
    otherWriter.exec('ROLLBACK');
    const { status } = await api.request({
      method: 'POST',
      url: '/api/nodes',
      payload: organisation('org-on-time', 'On Time Group'),
    });
    expect(status).toBe(201);
  });
});
