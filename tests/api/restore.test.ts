/**
 * Restoring a backup (issue 22, services/restore.ts, what `npm run restore` runs): the store
 * comes back equal, table by table, to what was backed up (nodes, links, positions, users,
 * sessions, audit entries, dismissals, the revision), with the replaced store saved aside and
 * restorable too; a truncated, damaged, foreign or newer-schema file is refused with the reason
 * and changes nothing; a store still open elsewhere is not replaced.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { demoNetwork } from '@octograph/seed';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seeding.js';
import { AccountService } from '../../server/src/services/accounts.js';
import { BackupService } from '../../server/src/services/backups.js';
import { restoreBackup } from '../../server/src/services/restore.js';
import { EmbeddedGraphStore } from '../../server/src/store/embedded/embedded-store.js';
import { TEST_PASSWORD } from '../helpers/test-app.js';

const quiet = { info: () => undefined, error: () => undefined };

let dir: string;
let databaseFile: string;
let backupDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'octograph-restore-'));
  databaseFile = join(dir, 'octograph.db');
  backupDir = join(dir, 'backups');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every row of every table, in a fixed order: the store's whole content. */
function contentOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** A store with the demo network, two users, a session and a dismissal; backed up. */
async function backedUpStore(): Promise<{ backup: string; revision: number }> {
  const store = EmbeddedGraphStore.open(databaseFile);
  try {
    await seedStore(store, demoNetwork());
    const accounts = new AccountService(store, 30);
    await accounts.ensureAdmin('admin@octograph.test', 'Ada Admin', TEST_PASSWORD);
    await accounts.invite(
      { email: 'ed@octograph.test', name: 'Ed Editor', role: 'editor', personId: null },
      { actor: null },
    );
    await accounts.signIn('admin@octograph.test', TEST_PASSWORD);
    const organisations = (await store.snapshot()).nodes.filter(
      (node) => node.kind === 'organisation',
    );
    await store.dismissIntroduction(organisations[0]?.id ?? '', organisations[1]?.id ?? '');
    const service = new BackupService(
      store.backups,
      { intervalHours: 0, dir: backupDir, keep: { daily: 7, weekly: 4, monthly: 12 } },
      quiet,
    );
    const result = await service.backUp({ by: 'cli' });
    if (result.outcome !== 'created') throw new Error(`no backup: ${result.outcome}`);
    return { backup: join(backupDir, result.backup.name), revision: result.backup.revision };
  } finally {
    await store.close();
  }
}

describe('restoreBackup', () => {
  it('brings back every row of every table, and saves the replaced store aside', async () => {
    const { backup, revision } = await backedUpStore();
    const before = contentOf(databaseFile);
    expect(before.nodes?.length).toBeGreaterThan(20);
    expect(before.positions?.length).toBeGreaterThan(20);
    expect(before.users).toHaveLength(2);
    expect(before.sessions).toHaveLength(1);
    expect(before.dismissals).toHaveLength(1);

    // Later changes that the restore takes back.
    const store = EmbeddedGraphStore.open(databaseFile);
    const doomed = (await store.snapshot()).nodes[0]?.id ?? '';
    await store.deleteNode(doomed);
    await new AccountService(store, 30).invite(
      { email: 'late@octograph.test', name: 'Late', role: 'viewer', personId: null },
      { actor: null },
    );
    await store.close();
    const changed = contentOf(databaseFile);
    expect(changed).not.toEqual(before);

    const outcome = await restoreBackup({ file: backup, databaseFile, backupDir });
    expect(outcome.restored.revision).toBe(revision);
    expect(contentOf(databaseFile)).toEqual(before);

    // The store it replaced is a backup like any other: restoring it brings the changes back.
    const setAside = outcome.setAside?.path ?? '';
    expect(setAside).toMatch(/before-restore-\d{8}T\d{6}Z-r\d+\.db\.gz$/);
    await restoreBackup({ file: setAside, databaseFile, backupDir });
    expect(contentOf(databaseFile)).toEqual(changed);
    // And the store opens as the server opens it.
    const reopened = EmbeddedGraphStore.open(databaseFile);
    expect(await reopened.getNode(doomed)).toBeNull();
    await reopened.close();
  });

  describe('refuses, changing nothing,', () => {
    const cases: [string, (backup: Buffer) => Buffer, RegExp][] = [
      [
        'a truncated file',
        (backup) => backup.subarray(0, Math.floor(backup.length / 2)),
        /truncated or not a compressed backup/,
      ],
      [
        'a file that is not a backup at all',
        () => Buffer.from('name,kind\nAlpha,charity\n'),
        /not an Octograph backup|cannot be opened/,
      ],
      [
        'a damaged database',
        (backup) => {
          const bytes = gunzipSync(backup);
          // Garbage over the pages after the first two (the header and the schema).
          bytes.fill(0xa5, 8192, bytes.length - 4096);
          return gzipSync(bytes);
        },
        /damaged|not an Octograph backup/,
      ],
    ];

    it.each(cases)('%s', async (_what, spoil, reason) => {
      const { backup } = await backedUpStore();
      const spoilt = join(dir, 'spoilt.db.gz');
      await writeFile(spoilt, spoil(await readFile(backup)));
      const before = await sha256(databaseFile);
      const files = await readdir(backupDir);
      await expect(restoreBackup({ file: spoilt, databaseFile, backupDir })).rejects.toThrow(
        reason,
      );
      await expect(restoreBackup({ file: spoilt, databaseFile, backupDir })).rejects.toThrow(
        /nothing was changed$/,
      );
      expect(await sha256(databaseFile)).toBe(before);
      expect(await readdir(backupDir)).toEqual(files);
      expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it('a database of another program', async () => {
      await backedUpStore();
      const foreign = join(dir, 'foreign.db');
      const db = new Database(foreign);
      db.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Alpha')`);
      db.close();
      const before = await sha256(databaseFile);
      await expect(restoreBackup({ file: foreign, databaseFile, backupDir })).rejects.toThrow(
        /not Octograph's \(no schema_migrations, nodes, links, positions, counters, users table\)/,
      );
      expect(await sha256(databaseFile)).toBe(before);
    });

    it('a backup from a newer Octograph', async () => {
      const { backup } = await backedUpStore();
      const newer = join(dir, 'newer.db');
      await writeFile(newer, gunzipSync(await readFile(backup)));
      const db = new Database(newer);
      db.prepare(
        `INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, 'later', '2030-01-01')`,
      ).run();
      db.close();
      await writeFile(`${newer}.gz`, gzipSync(await readFile(newer)));
      const before = await sha256(databaseFile);
      await expect(restoreBackup({ file: `${newer}.gz`, databaseFile, backupDir })).rejects.toThrow(
        /comes from a newer Octograph \(schema version 99; this one knows up to \d+\)/,
      );
      expect(await sha256(databaseFile)).toBe(before);
    });

    it('while the store is open (the server still running)', async () => {
      const { backup } = await backedUpStore();
      const running = EmbeddedGraphStore.open(databaseFile);
      try {
        await running.revision();
        await expect(restoreBackup({ file: backup, databaseFile, backupDir })).rejects.toThrow(
          /is in use \(is the server still running\? stop it first\); nothing was changed/,
        );
        expect(await readdir(backupDir)).toHaveLength(2); // the backup and its check
      } finally {
        await running.close();
      }
    });
  });
});
