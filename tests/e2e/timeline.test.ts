/**
 * The timeline in a real browser (built app, seeded store, Debian's Chromium): the slider shows
 * the network as it was at an earlier month — fewer nodes and links, exactly what GET
 * /api/map?asOf= answers for that date, with the date in the URL — and Play walks it month by
 * month back up to today.
 *
 * Needs `npm run build` first. On failure a screenshot is saved to tests/.artifacts/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  loadedCounts,
  statusCounts,
  type Counts,
} from '../helpers/browser';

const suite = browserSuite();

function asOfInUrl(page: Page): string | null {
  return new URL(page.url()).searchParams.get('asOf');
}

async function apiCounts(query: string): Promise<Counts> {
  const map = await suite.map(query);
  return { nodes: map.nodes.length, links: map.links.length };
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Show the network as it was on' });

describe('the timeline', () => {
  it(
    ...suite.inPage(
      'shows fewer nodes and links at an early month, as the API has them then',
      async (page) => {
        const today = await loadedCounts(page);
        await slider(page).focus();
        // Three months after the first one: something exists, far from everything.
        await page.keyboard.press('Home');
        for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
        await expect.poll(() => asOfInUrl(page)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const asOf = asOfInUrl(page) ?? '';
        const then = await apiCounts(`?asOf=${asOf}`);
        expect(then.nodes).toBeGreaterThan(0);
        expect(then.nodes).toBeLessThan(today.nodes);
        expect(then.links).toBeLessThan(today.links);
        await expect.poll(() => canvasCounts(page)).toEqual(then);
        await expect.poll(() => statusCounts(page)).toEqual(then);

        // End: today again, no date in the URL, the whole network.
        await page.keyboard.press('End');
        await expect.poll(() => asOfInUrl(page)).toBeNull();
        await expect.poll(() => canvasCounts(page)).toEqual(today);
      },
    ),
  );

  it(
    ...suite.inPage('opens at the date a pasted URL names, with the slider there', async (page) => {
      const then = await apiCounts('?asOf=2019-06-30');
      await page.goto(`${suite.baseUrl()}/?asOf=2019-06-30`);
      await expect.poll(() => canvasCounts(page)).toEqual(then);
      await expect.poll(() => slider(page).getAttribute('aria-valuetext')).toBe('Jun 30, 2019');
    }),
  );

  it(
    ...suite.inPage('Play grows the network month by month and stops at Pause', async (page) => {
      const today = await loadedCounts(page);
      const play = page.getByRole('button', { name: 'Play' });
      await play.click();
      const seen = new Set<string>();
      const nodeCounts: number[] = [];
      await expect
        .poll(
          async () => {
            const asOf = asOfInUrl(page);
            const counts = await canvasCounts(page);
            if (asOf !== null) seen.add(asOf);
            if (counts) nodeCounts.push(counts.nodes);
            return seen.size;
          },
          { timeout: 20_000, interval: 100 },
        )
        .toBeGreaterThanOrEqual(4);
      // It started at the first month, with a small network, and went forward in time.
      const months = [...seen];
      expect([...months].sort()).toEqual(months);
      expect(Math.min(...nodeCounts)).toBeLessThan(today.nodes);

      await page.getByRole('button', { name: 'Pause' }).click();
      const stoppedAt = asOfInUrl(page);
      expect(stoppedAt).not.toBeNull();
      await page.waitForTimeout(1500);
      expect(asOfInUrl(page)).toBe(stoppedAt);
      expect(await page.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);
    }),
  );
});
