/**
 * The directory in a real browser: the built client served by the built server over a freshly
 * seeded store, in Debian's Chromium. The directory lists exactly the organisations the map
 * draws for the filters set (the same GET /api/map answer), its search narrows the rows, its
 * Connections column sorts the hubs first, and "Show on map" goes back to the map with that
 * organisation selected and centred.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { MapNode } from '@octograph/graph-schema';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  centreOf,
  distance,
  nodeScreenPosition,
  statusCounts,
} from '../helpers/browser';

/** How close (CSS px) a centred node must be to the middle of the map. */
const CENTRE_TOLERANCE = 24;

const suite = browserSuite();

/** The organisations of GET /api/map with this query string, and the map's own counts. */
async function apiMap(query: string) {
  const map = await suite.map(query);
  const organisations = map.nodes.filter((node) => node.kind === 'organisation');
  return { organisations, counts: { nodes: map.nodes.length, links: map.links.length } };
}

/** Opens the app at `query`, waits until the map shows what the API answers, opens the directory. */
async function openDirectory(page: Page, query: string): Promise<Locator> {
  const { counts } = await apiMap(query);
  await page.goto(`${suite.baseUrl()}/${query}`);
  await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(counts);
  await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(counts);
  const button = page.getByRole('button', { name: 'Directory', exact: true });
  await button.click();
  expect(await button.getAttribute('aria-pressed')).toBe('true');
  const directory = page.getByRole('region', { name: 'Directory' });
  await directory.waitFor();
  return directory;
}

/** The number in the directory's heading ("26 organisations"), or null while it says else. */
async function directoryCount(directory: Locator): Promise<number | null> {
  const text = (await directory.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const match = /^([\d,]+) organisations?$/.exec(text);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : null;
}

/** The organisation names in the table, top to bottom. */
function rowNames(directory: Locator): Promise<string[]> {
  return directory.getByRole('rowheader').allTextContents();
}

/** The text of one column (by its header) in each row of the table, top to bottom. */
async function columnTexts(directory: Locator, header: string): Promise<string[]> {
  const headers = await directory.getByRole('columnheader').allTextContents();
  const index = headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  const rows = directory.locator('tbody tr');
  const texts: string[] = [];
  for (const row of await rows.all()) {
    texts.push((await row.locator('th, td').nth(index).textContent()) ?? '');
  }
  return texts;
}

const sortedNames = (nodes: readonly MapNode[]) =>
  nodes.map((node) => node.name).sort((a, b) => a.localeCompare(b));

describe('the directory', () => {
  it("counts and lists exactly the map's organisations for the same filter", async () => {
    const all = await apiMap('');
    const charities = await apiMap('?orgKind=charity');
    const both = await apiMap('?orgKind=charity,community_group');
    // More than one page of 25, fewer than all: the filter and the pager both have work to do.
    expect(charities.organisations.length).toBeGreaterThan(25);
    expect(charities.organisations.length).toBeLessThan(50);
    expect(both.organisations.length).toBeGreaterThan(charities.organisations.length);
    expect(both.organisations.length).toBeLessThan(all.organisations.length);

    await suite.withPage(
      'directory counts charities',
      async (page) => {
        const directory = await openDirectory(page, '?orgKind=charity');
        await expect.poll(() => directoryCount(directory)).toBe(charities.organisations.length);
        // The map is hidden, not gone: the canvas still holds the same filtered map.
        expect(await canvasCounts(page)).toEqual(charities.counts);
        expect(await page.getByRole('img', { name: 'Network map' }).isVisible()).toBe(false);

        expect(await directory.getByText('Page 1 of 2', { exact: true }).isVisible()).toBe(true);
        expect(await rowNames(directory)).toHaveLength(25);
        await directory.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
        expect(await directory.getByText('Page 1 of 1', { exact: true }).isVisible()).toBe(true);
        expect((await rowNames(directory)).sort((a, b) => a.localeCompare(b))).toEqual(
          sortedNames(charities.organisations),
        );

        // The filters panel still works over the directory, and the directory follows it.
        await page.getByRole('button', { name: /^Filters/ }).click();
        const panel = page.getByRole('complementary', { name: 'Filter the map' });
        // Open already, as it has a ticked value (from the URL).
        const section = panel.getByRole('button', { name: /Organisation kind/ });
        expect(await section.getAttribute('aria-expanded')).toBe('true');
        await panel.getByRole('checkbox', { name: 'Community group', exact: true }).check();
        await expect.poll(() => directoryCount(directory)).toBe(both.organisations.length);
        await expect.poll(() => statusCounts(page)).toEqual(both.counts);
        expect(await directory.getByText('Page 1 of 2', { exact: true }).isVisible()).toBe(true);
      },
      { path: null },
    );
  });

  it('counts what the status line counts when the map holds organisations only', async () => {
    const query = '?kind=organisation&status=active&orgKind=informal_group,community_group';
    const filtered = await apiMap(query);
    const wider = await apiMap('?kind=organisation&orgKind=informal_group,community_group');
    // Every node on this map is an organisation, so the status line's node count is the count
    // the directory must show; the status filter must drop some of them to prove anything.
    expect(filtered.organisations.length).toBe(filtered.counts.nodes);
    expect(filtered.organisations.length).toBeGreaterThan(0);
    expect(filtered.organisations.length).toBeLessThan(wider.organisations.length);

    await suite.withPage(
      'directory counts active groups',
      async (page) => {
        const directory = await openDirectory(page, query);
        const shown = await statusCounts(page);
        await expect.poll(() => directoryCount(directory)).toBe(shown?.nodes);
        expect(await directoryCount(directory)).toBe(filtered.organisations.length);
        const statuses = new Set(await columnTexts(directory, 'Status'));
        expect([...statuses]).toEqual(['Active']);
      },
      { path: null },
    );
  });

  it('narrows the rows by a search that ignores case and accents', async () => {
    const { organisations } = await apiMap('');
    const cafes = organisations.filter((node) => /café/i.test(node.name));
    // The search is typed without the accent, so it only finds these if accents are ignored.
    expect(cafes.length).toBeGreaterThan(1);
    expect(cafes.length).toBeLessThan(25);

    await suite.withPage(
      'directory search',
      async (page) => {
        const directory = await openDirectory(page, '');
        await expect.poll(() => directoryCount(directory)).toBe(organisations.length);
        await directory.getByRole('searchbox', { name: 'Search the directory' }).fill('CAFE');
        await expect
          .poll(() => directory.getByText(/match(es)? “CAFE”$/).textContent())
          .toBe(`${cafes.length} match “CAFE”`);
        await expect.poll(() => rowNames(directory)).toHaveLength(cafes.length);
        expect((await rowNames(directory)).sort((a, b) => a.localeCompare(b))).toEqual(
          sortedNames(cafes),
        );
        // The heading still counts every organisation on the map.
        expect(await directoryCount(directory)).toBe(organisations.length);
      },
      { path: null },
    );
  });

  it('sorts by connections, most connected first, and shows the top one on the map', async () => {
    const { organisations } = await apiMap('');
    const degrees = organisations.map((node) => node.degree);
    const most = Math.max(...degrees);
    const least = Math.min(...degrees);
    expect(most).toBeGreaterThan(least);
    const hubs = organisations.filter((node) => node.degree === most);

    await suite.withPage(
      'directory sort and show on map',
      async (page) => {
        const directory = await openDirectory(page, '');
        const header = directory.getByRole('columnheader', { name: 'Connections' });
        await header.getByRole('button').click();
        expect(await header.getAttribute('aria-sort')).toBe('descending');
        await expect
          .poll(async () => (await columnTexts(directory, 'Connections'))[0])
          .toBe(String(most));
        const connections = (await columnTexts(directory, 'Connections')).map(Number);
        expect(connections).toEqual([...connections].sort((a, b) => b - a));
        const [first] = await rowNames(directory);
        const hub = hubs.find((node) => node.name === first);
        if (!hub)
          throw new Error(`${String(first)} is not one of the most connected organisations`);

        await header.getByRole('button').click();
        expect(await header.getAttribute('aria-sort')).toBe('ascending');
        await expect
          .poll(async () => (await columnTexts(directory, 'Connections'))[0])
          .toBe(String(least));
        await header.getByRole('button').click();
        await expect.poll(() => rowNames(directory).then((names) => names[0])).toBe(hub.name);

        const row = directory.locator('tbody tr').filter({ hasText: hub.name });
        await row.getByRole('button', { name: 'Show on map' }).click();

        await expect.poll(() => directory.isVisible()).toBe(false);
        const button = page.getByRole('button', { name: 'Directory', exact: true });
        expect(await button.getAttribute('aria-pressed')).toBe('false');
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(hub.name);
        await expect
          .poll(() => distanceFromMapCentre(page, hub.id), { timeout: 5_000 })
          .toBeLessThan(CENTRE_TOLERANCE);
      },
      { path: null },
    );
  });

  it('fits a phone, where the name shows the organisation on the map', async () => {
    const query = '?orgKind=network';
    const { organisations, counts } = await apiMap(query);
    const [network] = sortedNames(organisations);
    if (!network) throw new Error('the demo network has no network organisations');

    await suite.withPage(
      'directory on a phone',
      async (page) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${suite.baseUrl()}/${query}`);
        await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(counts);
        // The button is on the screen, not pushed off its side (measured before a click, which
        // would scroll it into view), and nothing makes the page wider than the phone.
        const button = page.getByRole('button', { name: 'Directory', exact: true });
        expect(await rightEdge(button)).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

        await button.click();
        const directory = page.getByRole('region', { name: 'Directory' });
        await expect.poll(() => directoryCount(directory)).toBe(organisations.length);
        // A table too wide for the phone scrolls inside its own box, not the page.
        expect(await rightEdge(directory)).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

        await directory.getByRole('button', { name: network, exact: true }).click();
        await expect.poll(() => directory.isVisible()).toBe(false);
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(network);
      },
      { path: null },
    );
  });
});

/** Where a thing ends on the right, in CSS px from the left of the screen. */
async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on the screen');
  return box.x + box.width;
}

/** How far (CSS px) the node is drawn from the middle of the visible map. */
async function distanceFromMapCentre(page: Page, id: string): Promise<number> {
  const box = await page.getByRole('img', { name: 'Network map' }).boundingBox();
  const at = await nodeScreenPosition(page, id);
  if (!box || !at) return Infinity;
  return distance(at, centreOf(box));
}
