/**
 * The filters panel in a real browser: ticking a filter sends it to GET /api/map (the server
 * filters), the status line and the canvas show the filtered counts, and the URL carries the
 * filters so that opening it in a new page shows the same map.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, canvasCounts, statusCounts, type Counts } from '../helpers/browser';

const suite = browserSuite();

/** The node and link counts of GET /api/map with this query string. */
async function apiCounts(query: string): Promise<Counts> {
  const map = await suite.map(query);
  return { nodes: map.nodes.length, links: map.links.length };
}

/** Waits until both the status line and the canvas show `expected`. */
async function expectCounts(page: Page, expected: Counts): Promise<void> {
  await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(expected);
  await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(expected);
}

describe('the filters panel', () => {
  it('filters the map on the server, keeps the filters in the URL, and applies an as-of date', async () => {
    const all = await apiCounts('');
    const charities = await apiCounts('?orgKind=charity');
    const charitiesThen = await apiCounts('?orgKind=charity&asOf=2019-01-01');
    // The seed must make each step visible, or the test would prove nothing.
    expect(charities.nodes).toBeGreaterThan(0);
    expect(charities.nodes).toBeLessThan(all.nodes);
    expect(charitiesThen.nodes).toBeLessThan(charities.nodes);
    expect(charitiesThen.links).toBeLessThan(charities.links);

    let filteredUrl = '';
    await suite.withPage('filters tick charity', async (page) => {
      await expectCounts(page, all);

      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      const panel = page.getByRole('complementary', { name: 'Filter the map' });
      await panel.getByRole('button', { name: /Organisation kind/ }).click();
      await panel.getByRole('checkbox', { name: 'Charity', exact: true }).check();

      await expectCounts(page, charities);
      filteredUrl = page.url();
      expect(new URL(filteredUrl).searchParams.get('orgKind')).toBe('charity');
    });

    await suite.withPage(
      'filters from the url',
      async (page) => {
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
      },
      { path: null },
    );
  });
});
