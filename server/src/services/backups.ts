/**
 * Scheduled, checked backups of the embedded store (issue 22). Every BACKUP_INTERVAL_HOURS the
 * store's DatabaseBackups port copies the database online, away from the event loop (a worker
 * thread); the copy is compressed into BACKUP_DIR as `octograph-<UTC time>-r<revision>.db.gz`,
 * decompressed again and checked (integrity, schema, and every count equal to the revision the
 * copy was taken at), and the check is written beside it (`<name>.json`). A backup is skipped when neither the revision
 * nor the audit log moved since the last good one. Retention (backup-retention.ts) then deletes
 * what is no longer kept. Any failure (a folder that cannot be written, a full disk, a failed
 * check) is logged as an error and kept as `problem` for the admin page; none ever throws out of
 * the schedule. Stopping (the server closing) stops a copy or check in progress.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  BACKUP_FILE_PATTERN,
  BackupCheckSchema,
  type Backup,
  type BackupCheck,
  type BackupList,
  type BackupProblem,
  type BackUpResult,
} from '@octograph/graph-schema';
import { z } from 'zod';
import type { BackupSettings } from '../config.js';
import type { DatabaseBackups, DatabaseFacts } from '../store/graph-store.js';
import { backupsToKeep } from './backup-retention.js';

/** Where log lines go (Fastify's logger, or the command line's). */
export interface BackupLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Who asked for a backup: the schedule, an admin (audited), or the command line. */
export type BackupTrigger =
  { by: 'schedule' } | { by: 'admin'; actor: string | null } | { by: 'cli' };

/** The first scheduled backup waits this long after start-up, so starting stays quick. */
const START_DELAY_MS = 60_000;
/** setTimeout's longest wait; longer intervals are waited in parts. */
const MAX_TIMER_MS = 2_147_483_647;
const HOUR_MS = 3_600_000;

const FactsSchema = z.object({
  schemaVersion: z.int(),
  revision: z.int(),
  lastAuditId: z.int(),
  nodes: z.int(),
  links: z.int(),
  positions: z.int(),
  users: z.int(),
  auditEntries: z.int(),
});

/** What `<name>.json` beside a backup says. */
const SidecarSchema = z.object({ facts: FactsSchema, check: BackupCheckSchema });
type Sidecar = z.infer<typeof SidecarSchema>;

/** `20250301T040000Z` for a date (UTC, to the second, no ':' so every file system takes it). */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function dateOfStamp(stamp: string): Date {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp) ?? [];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** A backup's file name (BACKUP_FILE_PATTERN). */
export function backupFileName(
  origin: 'octograph' | 'before-restore',
  takenAt: Date,
  revision: number,
): string {
  return `${origin}-${fileStamp(takenAt)}-r${revision}.db.gz`;
}

/** Compresses `from` into `to` (a new file, synced to disk before it is renamed into place). */
export async function compressFile(from: string, to: string): Promise<void> {
  const partial = `${to}.partial`;
  try {
    await pipeline(
      createReadStream(from),
      createGzip(),
      createWriteStream(partial, { flags: 'wx' }),
    );
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, to);
  } catch (error: unknown) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Decompresses a backup into `to`; a truncated or non-gzip file is a one-line error. */
export async function decompressFile(from: string, to: string): Promise<void> {
  try {
    await pipeline(createReadStream(from), createGunzip(), createWriteStream(to, { flags: 'wx' }));
  } catch (error: unknown) {
    await rm(to, { force: true });
    if (isErrno(error, 'ENOENT') || isErrno(error, 'EISDIR') || isErrno(error, 'EACCES')) {
      throw error;
    }
    throw new Error(`${from} is truncated or not a compressed backup (${messageOf(error)})`, {
      cause: error,
    });
  }
}

/** The differences between what a copy holds and what it should, in words; empty: none. */
export function differences(expected: DatabaseFacts, actual: DatabaseFacts): string[] {
  return (Object.keys(expected) as (keyof DatabaseFacts)[]).flatMap((key) =>
    expected[key] === actual[key] ? [] : [`${key} ${actual[key]} instead of ${expected[key]}`],
  );
}

/** A one-line reason for a file-system failure, naming the folder. */
export function describeFailure(error: unknown, dir: string): string {
  if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM') || isErrno(error, 'EROFS')) {
    return `the backup folder ${dir} cannot be written (${codeOf(error)})`;
  }
  // SQLITE_FULL: SQLite's word for ENOSPC while writing the copy (or its page limit reached).
  if (isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT') || isErrno(error, 'SQLITE_FULL')) {
    return `the disk holding the backup folder ${dir} is full (${codeOf(error)})`;
  }
  if (isErrno(error, 'ENOTDIR') || isErrno(error, 'EEXIST')) {
    return `the backup folder ${dir} cannot be made: part of its path is a file (${codeOf(error)})`;
  }
  return `backing up to ${dir} failed: ${messageOf(error)}`;
}

/** Schedules, makes, checks, lists and prunes backups of one store. */
export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;
  private running: Promise<BackUpResult> | null = null;
  private lastProblem: BackupProblem | null = null;
  private stopped = false;
  /** Aborted by stop(): ends a copy or check in progress (the worker thread doing it). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly backups: DatabaseBackups | undefined,
    private readonly settings: BackupSettings,
    private readonly log: BackupLog,
    /** Pages the copy takes per step (the port's default when absent; the command line: all). */
    private readonly pagesPerStep?: number,
  ) {}

  /** Whether this store is backed up here (the embedded store) at all. */
  get supported(): boolean {
    return this.backups !== undefined;
  }

  /** Arms the schedule: the first backup is due an interval after the newest one. */
  async start(): Promise<void> {
    if (!this.backups || this.settings.intervalHours === 0) return;
    // A folder that cannot be read still arms the schedule: its attempt reports the problem.
    const newest = await this.readBackups().then(
      (items) => items.find((backup) => backup.origin === 'scheduled'),
      () => undefined,
    );
    const due = newest
      ? new Date(Date.parse(newest.takenAt) + this.settings.intervalHours * HOUR_MS)
      : new Date(0);
    this.arm(new Date(Math.max(due.getTime(), Date.now() + START_DELAY_MS)));
  }

  /**
   * Stops the schedule and a backup in progress (its worker thread), and waits until it has
   * stopped and cleaned up, before the store closes.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    this.stopping.abort();
    await this.running;
  }

  /** What the admin page shows. */
  async list(): Promise<BackupList> {
    let items: Backup[] = [];
    if (this.supported) {
      try {
        items = await this.readBackups();
      } catch (error: unknown) {
        this.lastProblem ??= this.problem(describeFailure(error, this.settings.dir), error);
      }
    }
    return {
      supported: this.supported,
      intervalHours: this.supported ? this.settings.intervalHours : 0,
      nextAt: this.nextAt?.toISOString() ?? null,
      keep: this.settings.keep,
      items,
      problem: this.lastProblem,
    };
  }

  /** The path of a listed backup, or null when there is none of that name. */
  async fileOf(name: string): Promise<{ path: string; backup: Backup } | null> {
    if (!BACKUP_FILE_PATTERN.test(name) || !this.supported) return null;
    const backup = (await this.readBackups()).find((item) => item.name === name);
    return backup ? { path: join(this.settings.dir, name), backup } : null;
  }

  /** Records an admin's download in the audit log. */
  async auditDownload(actor: string | null, backup: Backup): Promise<void> {
    await this.backups?.audit('downloadBackup', actor, backup.revision);
  }

  /** Makes a backup now, unless one is being made (then its outcome) or nothing changed. */
  backUp(trigger: BackupTrigger): Promise<BackUpResult> {
    this.running ??= this.makeBackup(trigger).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private arm(at: Date): void {
    if (this.stopped) return;
    this.nextAt = at;
    const wait = Math.min(Math.max(at.getTime() - Date.now(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (Date.now() < at.getTime()) {
        this.arm(at);
        return;
      }
      void this.backUp({ by: 'schedule' }).finally(() => {
        this.arm(new Date(Date.now() + this.settings.intervalHours * HOUR_MS));
      });
    }, wait);
    // The schedule alone never keeps a process alive (the server's socket does).
    this.timer.unref();
  }

  private async makeBackup(trigger: BackupTrigger): Promise<BackUpResult> {
    const backups = this.backups;
    if (!backups) {
      return { outcome: 'failed', problem: this.problem('this store is not backed up here') };
    }
    if (this.stopped) return { outcome: 'failed', problem: this.stoppedProblem() };
    const { dir } = this.settings;
    const { signal } = this.stopping;
    const work = join(dir, `.partial-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
      const items = await this.readBackups();
      const marker = await backups.changeMarker();
      const latest = items.find((item) => item.origin === 'scheduled' && item.check?.ok === true);
      const latestFacts = latest ? await this.sidecarOf(latest.name) : null;
      if (
        latest &&
        latestFacts &&
        latestFacts.facts.revision === marker.revision &&
        latestFacts.facts.lastAuditId === marker.lastAuditId
      ) {
        return { outcome: 'unchanged', backup: latest };
      }
      const started = Date.now();
      const takenAt = new Date();
      const facts = await backups.copyTo(`${work}.db`, {
        signal,
        ...(this.pagesPerStep === undefined ? {} : { pagesPerStep: this.pagesPerStep }),
      });
      const name = backupFileName('octograph', takenAt, facts.revision);
      const path = join(dir, name);
      await compressFile(`${work}.db`, path);
      const check = await this.check(path, facts, `${work}.check.db`, signal);
      if (signal.aborted) {
        // Stopped mid-check: no verdict, so the unchecked file goes.
        await rm(path, { force: true });
        return { outcome: 'failed', problem: this.stoppedProblem() };
      }
      await writeFile(`${path}.json`, `${JSON.stringify({ facts, check } satisfies Sidecar)}\n`);
      const backup = backupOf(name, (await stat(path)).size, { facts, check });
      if (!check.ok) {
        const problem = this.problem(`the backup ${name} failed its check: ${check.problem}`);
        return { outcome: 'failed', problem };
      }
      this.lastProblem = null;
      if (trigger.by === 'admin') await backups.audit('backUp', trigger.actor, facts.revision);
      this.log.info(
        { backup: name, bytes: backup.bytes, ms: Date.now() - started, by: trigger.by },
        'backup written and checked',
      );
      await this.prune(name);
      return { outcome: 'created', backup };
    } catch (error: unknown) {
      if (signal.aborted) return { outcome: 'failed', problem: this.stoppedProblem() };
      return { outcome: 'failed', problem: this.problem(describeFailure(error, dir), error) };
    } finally {
      // A copy stopped or failed mid-way may leave SQLite's journal of it too.
      for (const scratch of [`${work}.db`, `${work}.db-journal`, `${work}.check.db`]) {
        await rm(scratch, { force: true }).catch(() => undefined);
      }
    }
  }

  /** Decompresses the written file and checks it against what the live store held. */
  private async check(
    path: string,
    expected: DatabaseFacts,
    scratch: string,
    signal: AbortSignal,
  ): Promise<BackupCheck> {
    const checkedAt = new Date().toISOString();
    try {
      await decompressFile(path, scratch);
      const found = await this.backups?.inspect(scratch, { label: basename(path), signal });
      if (!found) return { ok: false, checkedAt, problem: 'the store cannot check backups' };
      const wrong = differences(expected, found);
      return wrong.length === 0
        ? { ok: true, checkedAt, problem: null }
        : { ok: false, checkedAt, problem: `the copy holds ${wrong.join(', ')}` };
    } catch (error: unknown) {
      return { ok: false, checkedAt, problem: messageOf(error) };
    }
  }

  /** Deletes the scheduled backups retention no longer keeps, and failed ones older than `newest`. */
  private async prune(newest: string): Promise<void> {
    const scheduled = (await this.readBackups()).filter((item) => item.origin === 'scheduled');
    const good = scheduled
      .filter((item) => item.check?.ok === true)
      .map((item) => ({ ...item, takenAt: new Date(item.takenAt) }));
    const keep = new Set([...backupsToKeep(good, this.settings.keep)].map((item) => item.name));
    keep.add(newest);
    for (const item of scheduled) {
      if (keep.has(item.name)) continue;
      await rm(join(this.settings.dir, item.name), { force: true });
      await rm(join(this.settings.dir, `${item.name}.json`), { force: true });
      this.log.info({ backup: item.name }, 'old backup deleted (retention)');
    }
  }

  /** Every backup in the folder, newest first (a missing folder: none). */
  private async readBackups(): Promise<Backup[]> {
    let names: string[];
    try {
      names = await readdir(this.settings.dir);
    } catch (error: unknown) {
      // No folder yet (the first backup makes it), or a file in its place (reported then).
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return [];
      throw error;
    }
    const items: Backup[] = [];
    for (const name of names.filter((each) => BACKUP_FILE_PATTERN.test(each))) {
      const size = await stat(join(this.settings.dir, name)).then(
        (found) => found.size,
        () => null,
      );
      if (size !== null) items.push(backupOf(name, size, await this.sidecarOf(name)));
    }
    return items.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.revision - a.revision);
  }

  private async sidecarOf(name: string): Promise<Sidecar | null> {
    try {
      const text = await readFile(join(this.settings.dir, `${name}.json`), 'utf8');
      const parsed = SidecarSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** A backup cut short by stop(): logged as information, not kept as the admin page's problem. */
  private stoppedProblem(): BackupProblem {
    const message = 'the backup was stopped: the server is shutting down';
    this.log.info({ dir: this.settings.dir }, message);
    return { at: new Date().toISOString(), message };
  }

  private problem(message: string, error?: unknown): BackupProblem {
    this.lastProblem = { at: new Date().toISOString(), message };
    this.log.error({ err: error, dir: this.settings.dir }, `backup failed: ${message}`);
    return this.lastProblem;
  }
}

/** A listed backup from its name, size and the check written beside it. */
export function backupOf(name: string, bytes: number, sidecar: Sidecar | null): Backup {
  const [, origin = 'octograph', stamp = '', revision = '0'] = BACKUP_FILE_PATTERN.exec(name) ?? [];
  const facts = sidecar?.facts;
  return {
    name,
    takenAt: dateOfStamp(stamp).toISOString(),
    revision: Number(revision),
    bytes,
    origin: origin === 'before-restore' ? 'beforeRestore' : 'scheduled',
    counts: facts
      ? {
          nodes: facts.nodes,
          links: facts.links,
          positions: facts.positions,
          users: facts.users,
          auditEntries: facts.auditEntries,
        }
      : null,
    check: sidecar?.check ?? null,
  };
}

/** Writes the sidecar of a backup made outside the service (a restore's set-aside copy). */
export async function writeSidecar(
  path: string,
  facts: DatabaseFacts,
  check: BackupCheck,
): Promise<void> {
  await writeFile(`${path}.json`, `${JSON.stringify({ facts, check } satisfies Sidecar)}\n`);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'error';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
