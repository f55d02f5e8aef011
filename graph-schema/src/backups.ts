/**
 * Backups of the embedded store (issue 22): what the admin page lists, "Back up now", and the
 * name a backup file has. The server copies the database online, compresses it, checks the copy
 * and keeps daily, weekly and monthly ones; GET /api/backups lists them for admins.
 */
import { z } from 'zod';

/**
 * A backup's file name: who made it (`octograph` on schedule or on request, `before-restore`
 * when a restore set the previous store aside), when (UTC, to the second) and the revision it
 * holds, e.g. `octograph-20250301T040000Z-r1234.db.gz`.
 */
export const BACKUP_FILE_PATTERN =
  /^(octograph|before-restore)-(\d{8}T\d{6}Z)-r(\d{1,15})\.db\.gz$/;

/** GET /api/backups/:name: the file name, exactly as listed. */
export const BackupParamsSchema = z.object({
  name: z
    .string()
    .max(100, 'must be at most 100 characters')
    .regex(BACKUP_FILE_PATTERN, 'must be the name of a backup as GET /api/backups lists it'),
});
export type BackupParams = z.infer<typeof BackupParamsSchema>;

/** What checking a backup found. */
export const BackupCheckSchema = z.object({
  /** Whether the copy opened read-only, passed integrity_check and held what it should. */
  ok: z.boolean(),
  /** When it was checked (ISO date-time). */
  checkedAt: z.string(),
  /** Why it failed, in words; null when ok. */
  problem: z.string().nullable(),
});
export type BackupCheck = z.infer<typeof BackupCheckSchema>;

/** One backup file. */
export const BackupSchema = z.object({
  name: z.string(),
  /** When the copy was taken (ISO date-time). */
  takenAt: z.string(),
  /** The store revision the copy holds. */
  revision: z.int(),
  /** The compressed file's size in bytes. */
  bytes: z.int(),
  /** `scheduled` (on schedule or "Back up now"), `beforeRestore` (set aside by a restore). */
  origin: z.enum(['scheduled', 'beforeRestore']),
  /** What the copy holds: nodes, links, saved positions, users and audit entries. */
  counts: z
    .object({
      nodes: z.int(),
      links: z.int(),
      positions: z.int(),
      users: z.int(),
      auditEntries: z.int(),
    })
    .nullable(),
  /** The check made after writing it; null when it was never checked. */
  check: BackupCheckSchema.nullable(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** A problem making a backup (a folder that cannot be written, a full disk, a failed check). */
export const BackupProblemSchema = z.object({
  at: z.string(),
  message: z.string(),
});
export type BackupProblem = z.infer<typeof BackupProblemSchema>;

/** GET /api/backups. */
export const BackupListSchema = z.object({
  /** False with Neo4j: its backups are made with neo4j-admin (README "Backups and restore"). */
  supported: z.boolean(),
  /** Hours between scheduled backups; 0: none are scheduled. */
  intervalHours: z.number(),
  /** When the next scheduled backup is due (ISO date-time), or null. */
  nextAt: z.string().nullable(),
  /** How many daily, weekly and monthly backups are kept. */
  keep: z.object({ daily: z.int(), weekly: z.int(), monthly: z.int() }),
  /** Newest first. */
  items: z.array(BackupSchema),
  /** The last attempt's problem, until a backup succeeds again; null when all is well. */
  problem: BackupProblemSchema.nullable(),
});
export type BackupList = z.infer<typeof BackupListSchema>;

/** POST /api/backups: a new backup, none needed (nothing changed), or the problem. */
export const BackUpResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), backup: BackupSchema }),
  /** Nothing changed since `backup` was taken. */
  z.object({ outcome: z.literal('unchanged'), backup: BackupSchema }),
  z.object({ outcome: z.literal('failed'), problem: BackupProblemSchema }),
]);
export type BackUpResult = z.infer<typeof BackUpResultSchema>;
