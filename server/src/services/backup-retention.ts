/**
 * Which backups to keep (issue 22): the newest backup of each of the last `daily` days, `weekly`
 * ISO weeks and `monthly` months that have one, and always the newest of all. Taking the newest
 * of each period keeps the choice stable: once a day, week or month is over, the backup standing
 * for it never changes, so a kept file is only ever deleted for being too old.
 */

/** How many days, weeks and months keep a backup each. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** The UTC day, e.g. 2025-03-01. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO week (Monday to Sunday, UTC), named by its Thursday, which fixes its ISO year. */
function weekOf(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  return dayOf(thursday);
}

/** The UTC month, e.g. 2025-03. */
function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The backups to keep, of `backups` (any order); the rest may be deleted. */
export function backupsToKeep<T extends { takenAt: Date }>(
  backups: readonly T[],
  policy: RetentionPolicy,
): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<T>(newestFirst.slice(0, 1));
  const periods: [(date: Date) => string, number][] = [
    [dayOf, policy.daily],
    [weekOf, policy.weekly],
    [monthOf, policy.monthly],
  ];
  for (const [periodOf, count] of periods) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const period = periodOf(backup.takenAt);
      if (seen.has(period)) continue;
      seen.add(period);
      if (seen.size > count) break;
      keep.add(backup);
    }
  }
  return keep;
}
