/**
 * The client works under the server's strict Content-Security-Policy: driving the built app in
 * Chromium through the map, a selection, Insights, export to PNG and SVG, the Import dialog, the
 * Directory and a meeting raises no CSP violation (no `securitypolicyviolation` event and no
 * console message about the policy); nor do the printable attendee page and the OpenAPI page,
 * each under its own policy.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import { stat } from 'node:fs/promises';
import { MeetingListSchema, type MapResponse } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, canvasCounts, watchPolicy, type PolicyReports } from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

const suite = browserSuite();
let map: MapResponse;

beforeAll(async () => {
  map = await suite.map();
});

/** Asserts that the page raised nothing about the policy. */
function expectNoViolations(reports: PolicyReports): void {
  expect(reports.violations).toEqual([]);
  expect(reports.console).toEqual([]);
}

/** Clicks the button and waits for the file it downloads; returns the file's size in bytes. */
async function downloadSize(page: Page, button: string): Promise<number> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return (await stat(await file.path())).size;
}

describe('the Content-Security-Policy', () => {
  it(
    ...suite.inPage(
      'raises no violation while the client is used',
      async (page) => {
        const reports = await watchPolicy(page);
        await page.goto(`${suite.baseUrl()}/`);
        await expect
          .poll(() => canvasCounts(page), { timeout: 20_000 })
          .toEqual({ nodes: map.nodes.length, links: map.links.length });

        // Select a node through the search box; its details open.
        const target = bestConnectedDemoOrganisation();
        await page.getByRole('combobox', { name: 'Search the map' }).fill(target.name);
        await page.getByRole('option').filter({ hasText: target.name }).first().click();
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(target.name);

        await page.getByRole('button', { name: 'Insights', exact: true }).click();
        await page.getByRole('complementary', { name: 'Insights' }).waitFor();

        // The exports draw on canvases and hand out blob: URLs.
        expect(await downloadSize(page, 'PNG')).toBeGreaterThan(1000);
        expect(await downloadSize(page, 'SVG')).toBeGreaterThan(1000);

        // The Import dialog, where the client has one (it is being added).
        const importButton = page
          .getByRole('toolbar', { name: 'Map tools' })
          .getByRole('button', { name: 'Import…' });
        if ((await importButton.count()) > 0) {
          await importButton.click();
          const dialog = page.getByRole('dialog', { name: 'Import' });
          await dialog.waitFor();
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
        }

        await page.getByRole('button', { name: 'Directory', exact: true }).click();
        const directory = page.getByRole('region', { name: 'Directory' });
        await directory.getByRole('rowheader').first().waitFor();

        const [meeting] = MeetingListSchema.parse(await suite.getJson('/api/meetings')).items;
        if (!meeting) throw new Error('the demo network has no meeting');
        await page.getByRole('button', { name: 'Meetings', exact: true }).click();
        const meetings = page.getByRole('region', { name: 'Meetings' });
        await meetings.getByRole('button', { name: meeting.name, exact: false }).first().click();
        await meetings.getByRole('heading', { level: 2, name: meeting.name }).waitFor();

        expectNoViolations(reports);
      },
      { path: null },
    ),
  );

  it(
    ...suite.inPage(
      'lets the printable attendee page use its own style and nothing else inline',
      async (page) => {
        const [meeting] = MeetingListSchema.parse(await suite.getJson('/api/meetings')).items;
        if (!meeting) throw new Error('the demo network has no meeting');
        const reports = await watchPolicy(page);
        await page.goto(
          `${suite.baseUrl()}/api/meetings/${encodeURIComponent(meeting.id)}/attendee-pack?format=html`,
        );
        await page.getByRole('heading', { level: 1, name: meeting.name }).waitFor();
        // The page's style applies: its heading is 16pt (the browser's own h1 is 2em).
        const headingSize = await page
          .getByRole('heading', { level: 1 })
          .evaluate((heading) => getComputedStyle(heading).fontSize);
        expect(parseFloat(headingSize)).toBeCloseTo((16 * 4) / 3, 2);
        expectNoViolations(reports);
      },
      { path: null },
    ),
  );

  it(
    ...suite.inPage(
      'lets the OpenAPI page work under its own policy',
      async (page) => {
        const reports = await watchPolicy(page);
        await page.goto(`${suite.baseUrl()}/docs`);
        await page.getByRole('heading', { name: /Octograph API/ }).waitFor();
        await page.getByText('/api/health', { exact: true }).first().waitFor();
        expectNoViolations(reports);
      },
      { path: null },
    ),
  );
});
