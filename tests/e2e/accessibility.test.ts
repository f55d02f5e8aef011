/**
 * axe-core (Deque's accessibility engine, run inside the page) on every screen a coordinator
 * uses, at desk and phone sizes: the map, a node's details, the directory, insights, meetings, the
 * sign-in screen and the account screens (history, users, change password, backups). No serious
 * or critical violation may be reported; lesser ones are printed for the record.
 *
 * axe is loaded through the DevTools protocol (page.evaluate), which the page's Content Security
 * Policy does not apply to, so the app's strict policy stays as it is.
 *
 * Needs `npm run build` and `npm run build:test -w client` first. On failure a screenshot is saved
 * to tests/.artifacts/<test name>.png.
 */
import axe from 'axe-core';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';
import { browserSuite, PHONE } from '../helpers/browser';

const suite = browserSuite();

/** A violation as a line: the rule, its impact and the first places it was found. */
interface Finding {
  rule: string;
  impact: string;
  where: string[];
}

/** Runs axe on the page as it is now; the serious and critical findings. */
async function seriousViolations(page: Page, screen: string): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const { violations } = await engine.run(document, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      where: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  });
  const lesser = results.filter((finding) => !['serious', 'critical'].includes(finding.impact));
  if (lesser.length > 0) {
    console.info(`${screen}: ${lesser.map((f) => `${f.rule} (${f.impact})`).join(', ')}`);
  }
  return results.filter((finding) => ['serious', 'critical'].includes(finding.impact));
}

/** Opens an item of the account menu and waits for its dialog. */
async function accountScreen(page: Page, item: string): Promise<Locator> {
  await page.getByRole('button', { name: /^Account menu of / }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const dialog = page.getByRole('dialog', { name: item });
  await dialog.waitFor();
  return dialog;
}

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe.each([
  { size: 'desk', device: undefined as BrowserContextOptions | undefined },
  { size: 'phone', device: PHONE },
])('accessibility on a $size', ({ size, device }) => {
  it(
    ...suite.inPage(
      `every screen of a signed-in editor (${size})`,
      async (page) => {
        const found: Record<string, Finding[]> = {};
        const check = async (screen: string) => {
          found[screen] = await seriousViolations(page, screen);
        };
        await page.locator('.graph-canvas__surface canvas').first().waitFor();
        await check('map');

        const target = bestConnectedDemoOrganisation();
        await page.goto(`${suite.baseUrl()}/?node=${encodeURIComponent(target.id)}`);
        await page
          .getByRole('complementary', { name: 'Details' })
          .getByRole('heading', { level: 2, name: target.name })
          .waitFor();
        await check('details');

        await page.goto(suite.baseUrl());
        await page.getByRole('button', { name: 'Directory', exact: true }).click();
        await page
          .getByRole('region', { name: 'Directory' })
          .getByRole('rowheader')
          .first()
          .waitFor();
        await check('directory');

        await page.goto(suite.baseUrl());
        await page.getByRole('button', { name: 'Insights', exact: true }).click();
        await page.getByRole('complementary', { name: 'Insights' }).waitFor();
        await check('insights');

        await page.goto(suite.baseUrl());
        await page.getByRole('button', { name: 'Meetings', exact: true }).click();
        const meetings = page.getByRole('region', { name: 'Meetings' });
        await meetings.getByRole('button').first().waitFor();
        await check('meetings');

        for (const item of ['History', 'Users', 'Change password', 'Backups']) {
          await page.goto(suite.baseUrl());
          const dialog = await accountScreen(page, item);
          await check(item);
          await closeDialog(page, dialog);
        }

        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
      },
      device ? { device } : {},
    ),
  );

  it(
    ...suite.inPage(
      `the sign-in screen (${size})`,
      async (page) => {
        await page.goto(suite.baseUrl());
        await page.getByRole('button', { name: 'Sign in' }).first().waitFor();
        expect(await seriousViolations(page, 'sign-in')).toEqual([]);
      },
      { signedIn: false, ...(device ? { device } : {}) },
    ),
  );
});
