/**
 * Backups in a real browser (issue 22): the admin opens Backups from the account menu, sees no
 * backup yet, backs up now, sees the new backup listed with its revision and "Verified", and
 * downloads it: a gzip-compressed SQLite file, recorded in the audit log.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test,
 * server/dist). On failure a screenshot is saved to tests/.artifacts/<test name>.png.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { AuditPageSchema, BackupListSchema } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { browserSuite, loadedCounts } from '../helpers/browser';

const suite = browserSuite();

describe('backups', () => {
  it(
    ...suite.inPage('an admin backs up now, sees it verified and downloads it', async (page) => {
      await loadedCounts(page);
      const before = BackupListSchema.parse(await suite.getJson('/api/backups'));
      expect(before.items).toEqual([]);

      await page.getByRole('button', { name: /^Account menu of / }).click();
      await page.getByRole('menuitem', { name: 'Backups' }).click();
      const dialog = page.getByRole('dialog', { name: 'Backups' });
      await dialog.getByText('No backups yet.').waitFor();
      await expect
        .poll(() => dialog.textContent())
        .toContain('A backup is made every 24 hours when something changed.');

      await dialog.getByRole('button', { name: 'Back up now' }).click();
      const status = dialog.getByRole('status');
      await expect
        .poll(() => status.textContent(), { timeout: 20_000 })
        .toMatch(/^Backed up: revision [\d,]+\.$/);
      const [backup] = BackupListSchema.parse(await suite.getJson('/api/backups')).items;
      if (!backup) throw new Error('the server lists no backup');
      const rows = dialog.getByRole('row');
      await expect.poll(() => rows.count()).toBe(2); // the head and the one backup
      const row = rows.nth(1);
      await expect.poll(() => row.textContent()).toContain('Verified');
      expect(await row.getByRole('cell').nth(1).textContent()).toBe(String(backup.revision));
      expect(await dialog.textContent()).toContain('1 backup');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: /^Download the backup of / }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(backup.name);
      const file = await download.path();
      expect(
        gunzipSync(await readFile(file))
          .subarray(0, 16)
          .toString('latin1'),
      ).toBe('SQLite format 3\u0000');
      const audit = AuditPageSchema.parse(await suite.getJson('/api/audit?limit=5'));
      expect(audit.items.map((entry) => entry.action).slice(0, 2)).toEqual([
        'downloadBackup',
        'backUp',
      ]);
    }),
    60_000,
  );
});
