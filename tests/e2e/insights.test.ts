/**
 * The Insights panel in a real browser: the built client served by the built server over a
 * freshly seeded store, in Debian's Chromium. Clicking an island highlights exactly its members
 * (GET /api/insights/islands) and fades everything else, Escape ends the highlight, and "Colour
 * by community" paints each Louvain community (GET /api/insights/communities) in its own colour
 * and gives the kind colours back when switched off.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import {
  CommunitiesPageSchema,
  IslandsPageSchema,
  type MapResponse,
} from '@octograph/graph-schema';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  fadedIds,
  focusedIds,
  nodeScreenPosition,
  type TestHandleWindow,
} from '../helpers/browser';

const suite = browserSuite();
let map: MapResponse;

beforeAll(async () => {
  map = await suite.map();
});

function nodeColours(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.nodeColours() ?? {});
}

/** Whether a node is drawn somewhere else one animation frame later (the view is moving). */
function movingBetweenFrames(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (nodeId) =>
      new Promise<boolean>((resolve) => {
        const handle = (window as TestHandleWindow).__octograph;
        const before = JSON.stringify(handle?.nodeScreenPosition(nodeId));
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve(JSON.stringify(handle?.nodeScreenPosition(nodeId)) !== before);
          });
        });
      }),
    id,
  );
}

/** Waits for the whole map on the canvas, then opens the Insights panel. */
async function openInsights(page: Page): Promise<Locator> {
  await expect
    .poll(() => canvasCounts(page), { timeout: 20_000 })
    .toEqual({ nodes: map.nodes.length, links: map.links.length });
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  return page.getByRole('complementary', { name: 'Insights' });
}

describe('insights panel', () => {
  it(
    ...suite.inPage('highlights exactly the members of a clicked island', async (page) => {
      const islands = IslandsPageSchema.parse(
        await suite.getJson('/api/insights/islands?limit=10'),
      );
      const [island] = islands.items;
      if (!island) throw new Error('the demo network has no island to click');
      const memberIds = island.members.map((member) => member.id).sort();

      const panel = await openInsights(page);
      await panel.getByRole('button', { name: /^Islands/ }).click();
      // The panel says it in its own words (i18n), never the server's English explanation.
      const names = new Intl.ListFormat('en', { type: 'conjunction' }).format(
        island.members.map((member) => member.name),
      );
      const item = panel.getByRole('button').filter({ hasText: names });
      await expect.poll(() => item.count()).toBe(1);
      expect(await panel.textContent()).not.toContain(island.explanation);

      expect(await fadedIds(page)).toEqual([]);
      await item.click();
      await expect.poll(() => focusedIds(page), { timeout: 5_000 }).toEqual(memberIds);
      expect(await fadedIds(page)).toHaveLength(map.nodes.length - memberIds.length);

      // Escape ends the highlight: nothing fades any more.
      await page.keyboard.press('Escape');
      await expect.poll(() => fadedIds(page)).toEqual([]);
      expect(await focusedIds(page)).toHaveLength(map.nodes.length);

      // Choosing a node on the map ends the highlight: the selection shows instead.
      await item.click();
      await expect.poll(() => focusedIds(page)).toEqual(memberIds);
      const clearHighlight = panel.getByRole('button', { name: 'Clear highlight' });
      expect(await clearHighlight.isEnabled()).toBe(true);
      const [member] = island.members;
      if (!member) throw new Error('an island without members');
      // The view frames the island; wait until it stands still before clicking a member.
      await expect.poll(() => movingBetweenFrames(page, member.id)).toBe(false);
      const point = await nodeScreenPosition(page, member.id);
      if (!point) throw new Error(`${member.name} is not on the map`);
      await page.mouse.click(point.x, point.y);
      const details = page.getByRole('complementary', { name: 'Details' });
      await expect
        .poll(() => details.getByRole('heading', { level: 2 }).textContent())
        .toBe(member.name);
      await expect.poll(() => clearHighlight.isEnabled()).toBe(false);
    }),
  );

  it(
    ...suite.inPage('colours nodes by community and back by kind', async (page) => {
      const communities = CommunitiesPageSchema.parse(
        await suite.getJson('/api/insights/communities?limit=500'),
      );
      expect(communities.items.length).toBeGreaterThan(1);
      const panel = await openInsights(page);
      const before = await nodeColours(page);
      const toggle = panel.getByRole('checkbox', { name: 'Colour by community' });

      await toggle.check();
      await expect.poll(() => nodeColours(page)).not.toEqual(before);
      const after = await nodeColours(page);
      // Every community one colour, and (the palette has twelve) the first ones all different.
      const colourOf = communities.items.map((community) => {
        const colours = new Set(community.members.map((member) => after[member.id]));
        expect(colours.size).toBe(1);
        return [...colours][0];
      });
      const firstFew = colourOf.slice(0, 12);
      expect(new Set(firstFew).size).toBe(firstFew.length);

      // The legend says what each colour means: communities named after the theme or place most
      // of their members share, not "Community 7".
      const named = communities.items.flatMap((community) =>
        community.namedAfter ? [community.namedAfter.name] : [],
      );
      expect(named.length).toBeGreaterThan(1);
      const legend = page.getByRole('complementary', { name: 'Legend' });
      const section = legend.locator('section', { hasText: 'Communities' });
      await expect
        .poll(() => section.locator('.legend__label').allTextContents())
        .toEqual(
          communities.items.map(
            (community) => community.namedAfter?.name ?? `Community ${String(community.id + 1)}`,
          ),
        );

      await toggle.uncheck();
      await expect.poll(() => nodeColours(page)).toEqual(before);
      expect(await section.count()).toBe(0);
    }),
  );
});
