/**
 * The filters panel in a real browser: ticking a filter sends it to GET /api/map (the server
 * filters), the status line and the canvas show the filtered counts, and the URL carries the
 * filters so that opening it in a new page shows the same map.
 *
 * Needs `npm run build` first (client/dist, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MapResponseSchema } from '@octograph/graph-schema';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startAppProcess, type AppProcess } from '../helpers/app-process';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(REPO_ROOT, 'tests/.artifacts');
const VIEWPORT = { width: 1280, height: 800 };

/** The client's read-only test handle (client/src/map/controllers/TestHandleController.tsx). */
interface TestHandleWindow {
  __octograph?: { elementCounts(): Counts | null };
}
interface Counts {
  nodes: number;
  links: number;
}

let app: AppProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startAppProcess();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The node and link counts of GET /api/map with this query string. */
async function apiCounts(query: string): Promise<Counts> {
  if (!app) throw new Error('the app did not start');
  const response = await fetch(`${app.baseUrl}/api/map${query}`);
  expect(response.status).toBe(200);
  const map = MapResponseSchema.parse(await response.json());
  return { nodes: map.nodes.length, links: map.links.length };
}

/** A new page that collects its errors; on failure of `body`, a screenshot named after `name`. */
async function withPage(name: string, body: (page: Page) => Promise<void>): Promise<void> {
  if (!browser) throw new Error('the browser did not start');
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await body(page);
    expect(pageErrors).toEqual([]);
  } catch (error: unknown) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    if (error instanceof Error) {
      error.message += `\nscreenshot: ${file}\npage errors: ${JSON.stringify(pageErrors)}`;
    }
    throw error;
  } finally {
    await page.close();
  }
}

/** The status line's two numbers, or null while it says something else (loading). */
async function statusCounts(page: Page): Promise<Counts | null> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const match = /^(.+?) nodes? · (.+?) links?$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const number = (part: string) => Number(part.replace(/\D/g, ''));
  return { nodes: number(match[1]), links: number(match[2]) };
}

/** How many nodes and links the canvas's Cytoscape instance holds; null before it exists. */
function canvasCounts(page: Page): Promise<Counts | null> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.elementCounts() ?? null);
}

/** Waits until both the status line and the canvas show `expected`. */
async function expectCounts(page: Page, expected: Counts): Promise<void> {
  await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(expected);
  await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(expected);
}

describe('the filters panel', () => {
  it('filters the map on the server, keeps the filters in the URL, and applies an as-of date', async () => {
    if (!app) throw new Error('the app did not start');
    const baseUrl = app.baseUrl;
    const all = await apiCounts('');
    const charities = await apiCounts('?orgKind=charity');
    const charitiesThen = await apiCounts('?orgKind=charity&asOf=2019-01-01');
    // The seed must make each step visible, or the test would prove nothing.
    expect(charities.nodes).toBeGreaterThan(0);
    expect(charities.nodes).toBeLessThan(all.nodes);
    expect(charitiesThen.nodes).toBeLessThan(charities.nodes);
    expect(charitiesThen.links).toBeLessThan(charities.links);

    let filteredUrl = '';
    await withPage('filters tick charity', async (page) => {
      await page.goto(baseUrl);
      await expectCounts(page, all);

      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      const panel = page.getByRole('complementary', { name: 'Filter the map' });
      await panel.getByRole('button', { name: /Organisation kind/ }).click();
      await panel.getByRole('checkbox', { name: 'Charity', exact: true }).check();

      await expectCounts(page, charities);
      filteredUrl = page.url();
      expect(new URL(filteredUrl).searchParams.get('orgKind')).toBe('charity');
    });

    await withPage('filters from the url', async (page) => {
      await page.goto(filteredUrl);
      await expectCounts(page, charities);

      await page.getByRole('button', { name: /^Filters/ }).click();
      const panel = page.getByRole('complementary', { name: 'Filter the map' });
      await expect
        .poll(() => panel.getByRole('checkbox', { name: 'Charity', exact: true }).isChecked())
        .toBe(true);
      await panel.getByLabel('As of').fill('2019-01-01');

      await expectCounts(page, charitiesThen);
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2019-01-01');
    });
  });
});
