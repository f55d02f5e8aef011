/** Pure helpers of the Backups dialog, unit-tested without React. */
import type { Backup } from '@octograph/graph-schema';

/** A file size as the reader's language writes it: "812 kB", "3.4 MB". */
export function formatSize(bytes: number, language: string): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1e3],
    ['megabyte', 1e6],
    ['gigabyte', 1e9],
  ] as const;
  const [unit, size] = units.findLast(([, each]) => bytes >= each) ?? units[0];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: size === 1 ? 0 : 1,
  }).format(bytes / size);
}

/** How a backup's check reads: verified, failed (with the reason) or never checked. */
export type CheckState = { state: 'ok' } | { state: 'failed'; problem: string } | { state: 'none' };

export function checkState(backup: Pick<Backup, 'check'>): CheckState {
  if (backup.check === null) return { state: 'none' };
  return backup.check.ok
    ? { state: 'ok' }
    : { state: 'failed', problem: backup.check.problem ?? '' };
}
