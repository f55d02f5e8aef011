/**
 * Backups of the embedded store (issue 22): a backup taken while ten writers run is a consistent
 * copy at the revision it names; GET/POST /api/backups and the download, for admins, audited;
 * nothing changed → no new backup; a backup folder that cannot be written is reported, never a
 * crash.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { BackupListSchema, BackUpResultSchema, ErrorBodySchema } from '@octograph/graph-schema';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../server/src/services/backups.js';
import type { DatabaseBackups } from '../../server/src/store/graph-store.js';
import { EmbeddedGraphStore } from '../../server/src/store/embedded/embedded-store.js';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const quiet = { info: () => undefined, error: () => undefined };

/**
 * An embedded store in a temp folder of its own for each test of the block that calls this; the
 * store and the folder are gone after each test.
 */
function storeInTempFolder(prefix: string): {
  dir: () => string;
  store: () => EmbeddedGraphStore;
} {
  let dir = '';
  let store: EmbeddedGraphStore | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    store = EmbeddedGraphStore.open(join(dir, 'octograph.db'));
  });
  afterEach(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    store: () => {
      if (!store) throw new Error('the store is opened before each test');
      return store;
    },
  };
}

/** A log that keeps the errors it is given, and settings for backups made by hand into `dir`. */
function manualBackups(dir: string) {
  const errors: string[] = [];
  const log = {
    info: () => undefined,
    error: (_: object, message: string) => errors.push(message),
  };
  const settings = {
    intervalHours: 0,
    dir: join(dir, 'backups'),
    keep: { daily: 7, weekly: 4, monthly: 12 },
  };
  return { errors, log, settings };
}

describe('a backup taken while ten writers run', () => {
  const temp = storeInTempFolder('octograph-backup-');

  it('is consistent: integrity ok, and its counts are those of the revision it names', async () => {
    const [dir, store] = [temp.dir(), temp.store()];
    // Enough pages that copying them a few per step spans many turns of the event loop.
    await store.applyBatch(
      Array.from({ length: 400 }, (_, index) => ({
        op: 'createNode' as const,
        node: organisation(`org-${index}`, `Group ${index}`, 'charity', {
          description: 'x'.repeat(400),
        }),
      })),
    );
    const start = await store.revision();
    const base = { nodes: 400, links: 0, audit: 1 };
    const service = new BackupService(
      store.backups,
      { intervalHours: 0, dir: join(dir, 'backups'), keep: { daily: 7, weekly: 4, monthly: 12 } },
      quiet,
      4,
    );
    let backingUp = true;
    // Each writer adds a node, then links it to a group: every write is one node or one link.
    const writer = async (w: number): Promise<number> => {
      let writes = 0;
      for (let i = 0; backingUp; i += 1) {
        await store.createNode(organisation(`w${w}-${i}`, `Writer ${w} group ${i}`));
        await store.createLink(link(`l${w}-${i}`, 'COLLABORATES_WITH', `w${w}-${i}`, 'org-0'));
        writes += 2;
        await new Promise((done) => setImmediate(done));
      }
      return writes;
    };
    const writers = Array.from({ length: 10 }, (_, w) => writer(w));
    const result = await service.backUp({ by: 'cli' });
    backingUp = false;
    const writes = (await Promise.all(writers)).reduce((sum, each) => sum + each, 0);

    expect(result.outcome).toBe('created');
    if (result.outcome !== 'created') return;
    const { backup } = result;
    // The writers really wrote while the copy was made, before and after the revision it names.
    expect(backup.revision).toBeGreaterThan(start + 10);
    expect(start + writes).toBeGreaterThan(backup.revision);
    expect(backup.check).toMatchObject({ ok: true, problem: null });

    const copy = join(dir, 'copy.db');
    await writeFile(copy, gunzipSync(await readFile(join(dir, 'backups', backup.name))));
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const revision = (
        db.prepare(`SELECT value FROM counters WHERE name = 'revision'`).get() as { value: number }
      ).value;
      expect(revision).toBe(backup.revision);
      const written = backup.revision - start;
      // Every write after `start` is one node or one link, and one audit entry.
      expect(count('nodes') - base.nodes + count('links') - base.links).toBe(written);
      expect(count('audit_entries')).toBe(base.audit + written);
      // A writer's link comes after its node, so no writer has more links than nodes.
      expect(count('links')).toBeLessThanOrEqual(count('nodes') - base.nodes);
      expect(backup.counts).toMatchObject({ nodes: count('nodes'), links: count('links') });
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('/api/backups', () => {
  let api: TestApp;

  beforeEach(async () => {
    api = await startTestApp();
  });

  afterEach(async () => {
    await api.close();
  });

  it('lists no backups at first, with the schedule and retention settings', async () => {
    const { status, body } = await api.request({ method: 'GET', url: '/api/backups', as: 'admin' });
    expect(status).toBe(200);
    expect(BackupListSchema.parse(body)).toMatchObject({
      supported: true,
      intervalHours: 24,
      keep: { daily: 7, weekly: 4, monthly: 12 },
      items: [],
      problem: null,
    });
  });

  it('backs up now, checked, and lists it with its revision and size', async () => {
    await api.app.store.createNode(organisation('org-a', 'Alpha'));
    const revision = await api.app.store.revision();
    const made = await api.request({ method: 'POST', url: '/api/backups', as: 'admin' });
    expect(made.status).toBe(200);
    const result = BackUpResultSchema.parse(made.body);
    expect(result).toMatchObject({ outcome: 'created', backup: { revision, origin: 'scheduled' } });
    const { body } = await api.request({ method: 'GET', url: '/api/backups', as: 'admin' });
    const list = BackupListSchema.parse(body);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.name).toMatch(
      new RegExp(`^octograph-\\d{8}T\\d{6}Z-r${revision}\\.db\\.gz$`),
    );
    expect(list.items[0]).toMatchObject({
      revision,
      counts: { nodes: 1, links: 0 },
      check: { ok: true, problem: null },
    });
    expect(list.items[0]?.bytes).toBeGreaterThan(100);
  });

  it('makes no new backup when nothing changed, and a new one after a write', async () => {
    await api.app.store.createNode(organisation('org-a', 'Alpha'));
    const first = BackUpResultSchema.parse(
      (await api.request({ method: 'POST', url: '/api/backups', as: 'admin' })).body,
    );
    const again = BackUpResultSchema.parse(
      (await api.request({ method: 'POST', url: '/api/backups', as: 'admin' })).body,
    );
    expect(first.outcome).toBe('created');
    expect(again).toEqual({
      outcome: 'unchanged',
      backup: first.outcome === 'created' ? first.backup : null,
    });
    await api.app.store.createNode(organisation('org-b', 'Beta'));
    // A second apart, so the two names differ in their time as well as their revision.
    const third = BackUpResultSchema.parse(
      (await api.request({ method: 'POST', url: '/api/backups', as: 'admin' })).body,
    );
    expect(third.outcome).toBe('created');
  });

  it('downloads a backup as a gzip SQLite file and audits the backup and the download', async () => {
    await api.app.store.createNode(organisation('org-a', 'Alpha'));
    const result = BackUpResultSchema.parse(
      (await api.request({ method: 'POST', url: '/api/backups', as: 'admin' })).body,
    );
    if (result.outcome !== 'created') throw new Error(`no backup: ${result.outcome}`);
    const response = await api.inject({
      method: 'GET',
      url: `/api/backups/${result.backup.name}`,
      as: 'admin',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${result.backup.name}"`,
    );
    expect(gunzipSync(response.rawPayload).subarray(0, 16).toString('latin1')).toBe(
      'SQLite format 3\u0000',
    );
    const admin = await api.user('admin');
    const audit = await api.app.store.listAudit({ limit: 10 });
    expect(
      audit.items
        .filter((entry) => entry.action === 'backUp' || entry.action === 'downloadBackup')
        .map((entry) => [entry.action, entry.actor, entry.revision]),
    ).toEqual([
      ['downloadBackup', admin.id, result.backup.revision],
      ['backUp', admin.id, result.backup.revision],
    ]);
  });

  it.each([
    ['an unknown backup', 'octograph-20250101T000000Z-r1.db.gz', 404],
    ['a path out of the folder', '..%2Foctograph.db', 400],
    ['the database itself', 'octograph.db', 400],
    ['a check file', 'octograph-20250101T000000Z-r1.db.gz.json', 400],
  ])('refuses to download %s', async (_what, name, status) => {
    const response = await api.request({
      method: 'GET',
      url: `/api/backups/${name}`,
      as: 'admin',
    });
    expect(response.status).toBe(status);
    expect(ErrorBodySchema.parse(response.body).statusCode).toBe(status);
  });
});

describe('the schedule', () => {
  it('is armed while the app runs and stopped when it closes', async () => {
    const api = await startTestApp({ env: { BACKUP_INTERVAL_HOURS: '6' } });
    const armed = await api.app.backups.list();
    expect(armed.intervalHours).toBe(6);
    // The first backup waits a minute after start-up, so starting stays quick.
    expect(Date.parse(armed.nextAt ?? '')).toBeGreaterThan(Date.now() + 50_000);
    await api.close();
    expect((await api.app.backups.list()).nextAt).toBeNull();
  });

  it('is off with BACKUP_INTERVAL_HOURS=0', async () => {
    const api = await startTestApp({ env: { BACKUP_INTERVAL_HOURS: '0' } });
    try {
      expect(await api.app.backups.list()).toMatchObject({ intervalHours: 0, nextAt: null });
    } finally {
      await api.close();
    }
  });
});

describe('a backup folder that cannot be written', () => {
  it('is reported in the answer, the list and the log, and the server goes on', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const parent = await mkdtemp(join(tmpdir(), 'octograph-no-backups-'));
    // A file where a folder should be: writing fails as it does on a read-only or missing disk
    // (file permissions would not stop the root user some test machines run as).
    await writeFile(join(parent, 'file'), 'not a folder');
    const api = await startTestApp({
      logStream,
      env: { BACKUP_DIR: join(parent, 'file', 'backups') },
    });
    try {
      await api.app.store.createNode(organisation('org-a', 'Alpha'));
      const made = BackUpResultSchema.parse(
        (await api.request({ method: 'POST', url: '/api/backups', as: 'admin' })).body,
      );
      expect(made.outcome).toBe('failed');
      expect(made.outcome === 'failed' ? made.problem.message : '').toContain('cannot be made');
      const list = BackupListSchema.parse(
        (await api.request({ method: 'GET', url: '/api/backups', as: 'admin' })).body,
      );
      expect(list.problem).toEqual(made.outcome === 'failed' ? made.problem : null);
      expect(
        lines.some((line) => line.includes('"level":50') && line.includes('backup failed')),
      ).toBe(true);
      expect((await api.request({ method: 'GET', url: '/api/health' })).status).toBe(200);
    } finally {
      await api.close();
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('a disk that fills up during a backup', () => {
  const temp = storeInTempFolder('octograph-full-');

  it('is reported in the answer, the list and the log, leaves no partial file, and the next backup works', async () => {
    const [dir, store] = [temp.dir(), temp.store()];
    await store.createNode(organisation('org-a', 'Alpha'));
    const { errors, log, settings } = manualBackups(dir);
    // The store's own port, except that the copy runs out of room: SQLite, given a page limit
    // (as a full disk would stop it), fails writing the copy with SQLITE_FULL.
    const port = store.backups;
    const full: DatabaseBackups = {
      copyTo: async (file) => {
        const copy = new Database(file);
        try {
          copy.pragma('max_page_count = 2');
          copy.exec('CREATE TABLE a (x); CREATE TABLE b (x); CREATE TABLE c (x);');
        } finally {
          copy.close();
        }
        return port.copyTo(file);
      },
      inspect: (file, options) => port.inspect(file, options),
      changeMarker: () => port.changeMarker(),
      audit: (action, actor, revision) => port.audit(action, actor, revision),
    };
    const failing = new BackupService(full, settings, log);
    const result = await failing.backUp({ by: 'schedule' });

    expect(result.outcome).toBe('failed');
    const message = result.outcome === 'failed' ? result.problem.message : '';
    expect(message).toBe(
      `the disk holding the backup folder ${settings.dir} is full (SQLITE_FULL)`,
    );
    expect((await failing.list()).problem).toEqual(
      result.outcome === 'failed' ? result.problem : null,
    );
    expect(errors).toEqual([`backup failed: ${message}`]);
    expect(await readdir(settings.dir)).toEqual([]);

    // Room again: the store still answers, and the next backup is written and checked.
    expect(await store.ping()).toBe(true);
    const next = await new BackupService(store.backups, settings, log).backUp({ by: 'schedule' });
    expect(next).toMatchObject({ outcome: 'created', backup: { check: { ok: true } } });
  });
});

describe('stopping while a backup runs', () => {
  it('stops its worker thread, reports no problem, and leaves no file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'octograph-stop-'));
    const store = EmbeddedGraphStore.open(join(dir, 'octograph.db'));
    try {
      await store.applyBatch(
        Array.from({ length: 400 }, (_, index) => ({
          op: 'createNode' as const,
          node: organisation(`org-${index}`, `Group ${index}`, 'charity', {
            description: 'x'.repeat(400),
          }),
        })),
      );
      const { errors, log, settings } = manualBackups(dir);
      // One page per step, so the copy is still going when it is stopped.
      const service = new BackupService(store.backups, settings, log, 1);
      const running = service.backUp({ by: 'schedule' });
      // The worker has started copying once its scratch file exists.
      while (!(await readdir(settings.dir).catch(() => [])).some((name) => name.endsWith('.db'))) {
        await new Promise((done) => setTimeout(done, 2));
      }
      await service.stop();

      expect(await running).toMatchObject({
        outcome: 'failed',
        problem: { message: 'the backup was stopped: the server is shutting down' },
      });
      expect(errors).toEqual([]);
      expect((await service.list()).problem).toBeNull();
      expect(await readdir(settings.dir)).toEqual([]);
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
