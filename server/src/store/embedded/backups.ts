/**
 * Backups of the embedded store (issue 22): the SQLite side of them. `EmbeddedBackups` copies the
 * live database and checks copies in a worker thread (backup-worker.ts), through a read-only
 * connection of its own, so the server's event loop never waits on SQLite for a backup;
 * `inspectDatabase` opens a copy read-only and checks it; `replaceDatabase` puts a checked copy
 * in place of the store's file for `npm run restore` (server stopped). Compression, names,
 * schedule and retention are services/backups.ts's.
 */
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DatabaseBackups, DatabaseFacts } from '../graph-store.js';
import type { BackupWorkerMessage, BackupWorkerTask } from './backup-worker.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';

/** A copy that is not a usable Octograph database, and why (one sentence). */
export class BackupCheckError extends Error {
  override name = 'BackupCheckError';
}

/**
 * Pages the worker copies per step (4 MiB): the steps no longer hold up requests (they run in the
 * worker), but a stop (the server closing) lands between two of them.
 */
const DEFAULT_PAGES_PER_STEP = 1024;

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

  copyTo(
    file: string,
    options: { pagesPerStep?: number; signal?: AbortSignal } = {},
  ): Promise<DatabaseFacts> {
    return runInWorker(
      {
        task: 'copy',
        // better-sqlite3's name of the connection: the database file it opened.
        databaseFile: this.db.name,
        file,
        pagesPerStep: options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP,
      },
      options.signal,
    );
  }

  inspect(
    file: string,
    options: { label?: string; signal?: AbortSignal } = {},
  ): Promise<DatabaseFacts> {
    return runInWorker({ task: 'inspect', file, label: options.label ?? file }, options.signal);
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
 * Copies the database in `databaseFile` into `file` (a new file) and returns what the copy holds;
 * run by the worker thread. One read transaction of a read-only connection spans the facts and
 * every step of the copy: in WAL mode it sees one snapshot, which writers on other connections
 * never change (they append to the WAL) and which the copy therefore equals, however many
 * writes land meanwhile; nor does SQLite restart the copy for them, as it would between steps
 * without a transaction.
 */
export async function copyDatabase(
  databaseFile: string,
  file: string,
  pagesPerStep: number,
): Promise<DatabaseFacts> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    // Waiting here blocks only the worker (a checkpoint or another process's recovery).
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The first read starts the transaction's snapshot: these are the facts of the copy.
    const facts = factsOf(db);
    await db.backup(file, { progress: () => pagesPerStep });
    db.exec('COMMIT');
    // The copy keeps the live file's WAL mode; a plain rollback-journal file opens read-only
    // without -wal and -shm files beside it, and compresses as one file.
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return facts;
  } finally {
    db.close();
  }
}

// Under vitest and `tsx` the server runs from its TypeScript sources, and so must the worker;
// the built server (tsup) has it as dist/backup-worker.js, next to the code that starts it.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(task: BackupWorkerTask): Worker {
  if (!FROM_SOURCE) {
    return new Worker(new URL('./backup-worker.js', import.meta.url), { workerData: task });
  }
  // Node 20 does not apply `--import tsx` to a worker's own entry file, so a two-line CommonJS
  // entry registers tsx's require hook and then loads the TypeScript worker through it.
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./backup-worker.ts', import.meta.url));
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`,
    { eval: true, workerData: task },
  );
}

/**
 * Runs one task in a worker thread of its own and resolves with its facts; rejects with the
 * worker's error (a BackupCheckError stays one; an errno or SQLite code is kept as `code`).
 * Aborting `signal` terminates the worker (its connections close with it) and rejects.
 */
function runInWorker(task: BackupWorkerTask, signal?: AbortSignal): Promise<DatabaseFacts> {
  if (signal?.aborted) return Promise.reject(stoppedError());
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    let message: BackupWorkerMessage | null = null;
    let stopped = false;
    const stop = () => {
      stopped = true;
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (posted: BackupWorkerMessage) => {
      message = posted;
    });
    worker.on('error', (error: Error) => {
      message ??= { type: 'failed', name: error.name, message: error.message, code: null };
    });
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (stopped) reject(stoppedError());
      else if (message?.type === 'done') resolve(message.facts);
      else if (message?.type === 'failed') reject(errorOf(message));
      else reject(new Error(`the backup worker stopped (exit code ${code}) without a result`));
    });
  });
}

function errorOf(message: Extract<BackupWorkerMessage, { type: 'failed' }>): Error {
  if (message.name === 'BackupCheckError') return new BackupCheckError(message.message);
  const error = new Error(message.message);
  return message.code === null ? error : Object.assign(error, { code: message.code });
}

function stoppedError(): Error {
  return Object.assign(new Error('the backup was stopped: the server is shutting down'), {
    name: 'AbortError',
  });
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
