/**
 * Focus mode in a real browser: the built client served by the built server over a freshly
 * seeded store, driven in Debian's Chromium with playwright-core. With a node selected, the keys
 * 1, 2, 3 fade everything that is not within that many steps, and what stays is EXACTLY what
 * GET /api/map?focus=&depth= answers (the browser works out no neighbourhood of its own); Escape
 * ends the focus, then the selection.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { MapResponse } from '@octograph/graph-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, canvasCounts, fadedIds, focusedIds } from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

const DEPTHS = [1, 2, 3] as const;

const suite = browserSuite();
let map: MapResponse;

beforeAll(async () => {
  map = await suite.map();
});

describe('focus mode', () => {
  it(
    ...suite.inPage('fades all but the server neighbourhood at depths 1, 2, 3', async (page) => {
      const status = page.getByRole('status');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/links?$/);
      const overview = (await status.textContent()) ?? '';
      await expect
        .poll(() => canvasCounts(page))
        .toEqual({ nodes: map.nodes.length, links: map.links.length });

      const target = bestConnectedDemoOrganisation();
      const search = page.getByRole('combobox', { name: 'Search the map' });
      await search.fill(target.name);
      await page.getByRole('option').filter({ hasText: target.name }).first().click();
      const details = page.getByRole('complementary', { name: 'Details' });
      await expect
        .poll(() => details.getByRole('heading', { level: 2 }).textContent())
        .toBe(target.name);

      // Typing in the search box is typing: a digit there changes nothing on the map.
      await search.press('End');
      await search.press('2');
      expect(await search.inputValue()).toBe(`${target.name}2`);
      expect(await status.textContent()).toBe(overview);
      await search.fill(target.name);
      await search.blur();

      const counts: number[] = [];
      for (const depth of DEPTHS) {
        // Steps go along working links (themes and places are attributes, not nodes, by default).
        const expected = await suite.map(
          `?focus=${encodeURIComponent(target.id)}&depth=${depth}&walk=work`,
        );
        const ids = expected.nodes.map((node) => node.id).sort();
        expect(ids).toContain(target.id);
        await page.keyboard.press(String(depth));
        await expect.poll(() => focusedIds(page), { timeout: 5_000 }).toEqual(ids);
        expect((await fadedIds(page)).length).toBe(map.nodes.length - ids.length);
        await expect
          .poll(() => status.textContent())
          .toBe(`Showing ${ids.length} of ${map.nodes.length} nodes`);
        await expect
          .poll(() =>
            details.getByRole('button', { name: `${depth} step` }).getAttribute('aria-pressed'),
          )
          .toBe('true');
        counts.push(ids.length);
      }
      const [one = 0, two = 0, three = 0] = counts;
      expect(one).toBeLessThan(two);
      expect(two).toBeLessThanOrEqual(three);
      expect(three).toBeLessThan(map.nodes.length);

      // The "Clear" button ends the focus too, and a "2 steps" button starts it again.
      await details.getByRole('button', { name: '2 steps' }).click();
      await expect.poll(() => focusedIds(page)).toHaveLength(two);
      await details.getByRole('button', { name: 'Clear', exact: true }).click();
      await expect.poll(() => status.textContent()).toBe(overview);
      await page.keyboard.press('3');
      await expect.poll(() => focusedIds(page)).toHaveLength(three);

      // Escape ends the focus (the plain selection stays), and a second Escape the selection.
      await page.keyboard.press('Escape');
      await expect.poll(() => status.textContent()).toBe(overview);
      expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe(target.name);
      expect(await details.getByRole('button', { name: 'Clear focus' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => details.count()).toBe(0);
      expect(await fadedIds(page)).toEqual([]);
      expect((await focusedIds(page)).length).toBe(map.nodes.length);
    }),
  );
});
