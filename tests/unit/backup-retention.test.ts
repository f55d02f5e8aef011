/**
 * Which backups are kept (issue 22, services/backup-retention.ts): over a simulated year of daily
 * backups pruned after each one, as the server does, the newest of each of the last 7 days, 4
 * ISO weeks and 12 months are left; a kept backup is never the one a later day drops first.
 */
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../server/src/services/backup-retention.js';

const POLICY = { daily: 7, weekly: 4, monthly: 12 };

interface Taken {
  takenAt: Date;
}

/** Backs up at `hour` UTC on each day from `from` for `days` days, pruning after each backup. */
function simulate(from: string, days: number, hours: number[], skip = new Set<string>()): string[] {
  let kept: Taken[] = [];
  for (let day = 0; day < days; day += 1) {
    const date = new Date(`${from}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + day);
    if (skip.has(date.toISOString().slice(0, 10))) continue;
    for (const hour of hours) {
      kept.push({ takenAt: new Date(date.getTime() + hour * 3_600_000) });
      kept = [...backupsToKeep(kept, POLICY)];
    }
  }
  return kept.map((backup) => backup.takenAt.toISOString().slice(0, 13)).sort();
}

describe('backupsToKeep', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups after a year of daily ones', () => {
    expect(simulate('2025-01-01', 365, [3])).toEqual(
      [
        // The last day of each month before December.
        ...[
          '01-31',
          '02-28',
          '03-31',
          '04-30',
          '05-31',
          '06-30',
          '07-31',
          '08-31',
          '09-30',
          '10-31',
          '11-30',
        ],
        // The last day of the ISO weeks ending 14 and 21 December (28 and 31 are dailies too).
        '12-14',
        '12-21',
        // The last seven days; 31 December also stands for its week and its month.
        ...['12-25', '12-26', '12-27', '12-28', '12-29', '12-30', '12-31'],
      ].map((day) => `2025-${day}T03`),
    );
  });

  it('keeps the newest backup of a day when several were taken', () => {
    const kept = simulate('2025-03-01', 10, [3, 9, 15]);
    expect(kept.filter((taken) => taken.startsWith('2025-03-10'))).toEqual(['2025-03-10T15']);
    // 4–10 March, and 2 March for the ISO week of 24 February to 2 March.
    expect(kept).toEqual([
      '2025-03-02T15',
      ...['04', '05', '06', '07', '08', '09', '10'].map((day) => `2025-03-${day}T15`),
    ]);
  });

  it('counts days that have a backup, so a server off for two weeks keeps its last seven', () => {
    const off = new Set(
      Array.from({ length: 14 }, (_, day) => `2025-06-${String(day + 10).padStart(2, '0')}`),
    );
    const kept = simulate('2025-06-01', 30, [3], off);
    // 1–9 June and 24–30 June were backed up; the last seven days with a backup are 24–30.
    expect(kept.filter((taken) => taken >= '2025-06-24')).toHaveLength(7);
    // The week of 2–8 June keeps its Sunday; the month of May had none.
    expect(kept).toContain('2025-06-08T03');
  });

  it('always keeps the newest backup, even with nothing else to keep', () => {
    const only = { takenAt: new Date('2025-01-01T00:00:00Z') };
    expect([...backupsToKeep([only], { daily: 1, weekly: 0, monthly: 0 })]).toEqual([only]);
  });
});
