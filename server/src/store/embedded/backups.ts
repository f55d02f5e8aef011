/**
 * Backups of the embedded store (issue 22): the SQLite side of them. `EmbeddedBackups` copies the
 * live database with SQLite's online backup API, a few pages per step so that no request waits
 * more than a step; `inspectDatabase` opens a copy read-only and checks it; `replaceDatabase`
 * puts a checked copy in place of the store's file for `npm run restore` (server stopped).
 * Compression, names, schedule and retention are services/backups.ts's.
 */
import { rename, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { DatabaseBackups, DatabaseFacts } from '../graph-store.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';

/** A copy that is not a usable Octograph database, and why (one sentence). */
export class BackupCheckError extends Error {
  override name = 'BackupCheckError';
}

/**
 * Pages copied per step: 64 pages of 4 KiB take a millisecond or two, so a request arriving
 * mid-backup waits about that long. Once per backup it waits longer: the last step commits the
 * copy and switches its journal mode, each with an fsync, which better-sqlite3 makes in this
 * thread (tens of ms on a slow disk; bench/src/backup-blocking.ts measures it).
 */
const DEFAULT_PAGES_PER_STEP = 64;
const MAX_PAGES_PER_STEP = 1 << 20;

/** The tables every Octograph database has since schema version 4. */
const OCTOGRAPH_TABLES = ['schema_migrations', 'nodes', 'links', 'positions', 'counters', 'users'];

const FACTS_SQL = `SELECT
  (SELECT max(version) FROM schema_migrations) AS schemaVersion,
  (SELECT value FROM counters WHERE name = 'revision') AS revision,
  (SELECT coalesce(max(id), 0) FROM audit_entries
    WHERE action NOT IN ('backUp', 'downloadBackup')) AS lastAuditId,
  (SELECT count(*) FROM nodes) AS nodes,
  (SELECT count(*) FROM links) AS links,
  (SELECT count(*) FROM positions) AS positions,
  (SELECT count(*) FROM users) AS users,
  (SELECT count(*) FROM audit_entries) AS auditEntries`;

function factsOf(db: Database.Database): DatabaseFacts {
  return db.prepare<[], DatabaseFacts>(FACTS_SQL).get() as DatabaseFacts;
}

/** The backups port of one open embedded database. */
export class EmbeddedBackups implements DatabaseBackups {
  constructor(private readonly db: Database.Database) {}

  async copyTo(file: string, options: { pagesPerStep?: number } = {}): Promise<DatabaseFacts> {
    let pages = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
    let remaining = Number.POSITIVE_INFINITY;
    await this.db.backup(file, {
      progress: (progress) => {
        // Writers adding pages as fast as the steps copy them would keep a backup going for
        // ever: a step that did not shorten what is left doubles the next one.
        if (progress.remainingPages >= remaining) pages = Math.min(pages * 2, MAX_PAGES_PER_STEP);
        remaining = progress.remainingPages;
        return pages;
      },
    });
    // Read straight after the last step, before any other callback runs: writes through this
    // connection are synchronous, and SQLite brought the copy up to date with every write made
    // through it during the backup (a write by another process restarts the backup instead). So
    // these are the live store's facts at the moment the copy was complete.
    const facts = factsOf(this.db);
    // The copy keeps the live file's WAL mode; a plain rollback-journal file opens read-only
    // without -wal and -shm files beside it, and compresses as one file.
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return facts;
  }

  inspect(file: string, label?: string): Promise<DatabaseFacts> {
    try {
      return Promise.resolve(inspectDatabase(file, label));
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  changeMarker(): Promise<{ revision: number; lastAuditId: number }> {
    const { revision, lastAuditId } = factsOf(this.db);
    return Promise.resolve({ revision, lastAuditId });
  }

  audit(
    action: 'backUp' | 'downloadBackup',
    actor: string | null,
    revision: number,
  ): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO audit_entries (revision, at, actor, action, changes, undoes)
         VALUES (?, ?, ?, ?, '[]', NULL)`,
      )
      .run(revision, new Date().toISOString(), actor, action);
    return Promise.resolve();
  }
}

/**
 * Opens a database file read-only and checks it: a SQLite file, integrity_check "ok", the
 * tables of Octograph, a schema version this code knows. Returns what it holds; throws a
 * BackupCheckError with the reason otherwise, naming the file as `label`. Never writes to it.
 */
export function inspectDatabase(file: string, label = file): DatabaseFacts {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error: unknown) {
    throw new BackupCheckError(`${label} cannot be opened as a database (${messageOf(error)})`, {
      cause: error,
    });
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
        (row) => row.integrity_check,
      );
    } catch (error: unknown) {
      throw new BackupCheckError(
        `${label} is not an Octograph backup: it is not a SQLite database, or it is damaged (${messageOf(error)})`,
        { cause: error },
      );
    }
    if (problems.join() !== 'ok') {
      throw new BackupCheckError(
        `${label} is damaged: SQLite's integrity check found ${problems.slice(0, 3).join('; ')}`,
      );
    }
    const tables = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((row) => row.name),
    );
    const missing = OCTOGRAPH_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new BackupCheckError(
        `${label} is a SQLite database but not Octograph's (no ${missing.join(', ')} table)`,
      );
    }
    const { version } = db
      .prepare<[], { version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      )
      .get() ?? { version: null };
    if (version === null || version < 4) {
      throw new BackupCheckError(
        `${label} is from an Octograph too old to restore here (schema version ${version ?? 'none'})`,
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new BackupCheckError(
        `${label} comes from a newer Octograph (schema version ${version}; this one knows up to ${LATEST_SCHEMA_VERSION}); upgrade Octograph before restoring it`,
      );
    }
    return factsOf(db);
  } finally {
    db.close();
  }
}

/**
 * Puts a checked copy in place of the store's database file (server stopped). First the current
 * store is copied, whole and consistent, to `saveAsideTo` and handed to `whenSetAside` (which
 * keeps it somewhere safe, or throws to stop here with nothing changed); then the copy replaces
 * the file by a rename (a crash leaves either the old file or the new one), and stale -wal and
 * -shm files of the old one are removed first so SQLite cannot replay them onto the new one.
 */
export async function replaceDatabase(options: {
  databaseFile: string;
  /** A copy that passed inspectDatabase, on the same file system as databaseFile. */
  checkedCopy: string;
  /** Where the current store is copied first (an uncompressed database file). */
  saveAsideTo: string;
  whenSetAside: (facts: DatabaseFacts) => Promise<void>;
}): Promise<void> {
  const { databaseFile, checkedCopy, saveAsideTo } = options;
  let current: Database.Database | null;
  try {
    current = new Database(databaseFile, { fileMustExist: true });
  } catch {
    // No store yet: nothing to set aside.
    current = null;
  }
  if (current !== null) {
    try {
      // A server still running has the file open. In WAL mode only an exclusive locking mode
      // takes a lock that an open connection elsewhere refuses; it is then held until close,
      // so no server can open the store while it is being replaced.
      current.pragma('busy_timeout = 0');
      let facts: DatabaseFacts;
      try {
        current.pragma('locking_mode = EXCLUSIVE');
        current.exec('BEGIN EXCLUSIVE; COMMIT;');
        await current.backup(saveAsideTo);
        facts = factsOf(current);
      } catch (error: unknown) {
        const busy =
          error instanceof Database.SqliteError &&
          (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED'));
        throw new Error(
          busy
            ? `the store in ${databaseFile} is in use (is the server still running? stop it first)`
            : `the current store ${databaseFile} cannot be copied aside (${messageOf(error)}); if it is damaged, move it (and its -wal file) out of the data folder yourself and restore again`,
          { cause: error },
        );
      }
      const saved = new Database(saveAsideTo);
      try {
        saved.pragma('journal_mode = DELETE');
      } finally {
        saved.close();
      }
      await options.whenSetAside(facts);
    } finally {
      // Closing the last connection checkpoints the WAL into the file and removes it.
      current.close();
    }
  }
  await rm(`${databaseFile}-wal`, { force: true });
  await rm(`${databaseFile}-shm`, { force: true });
  await rename(checkedCopy, databaseFile);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
