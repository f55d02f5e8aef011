/**
 * Framing: what a filter leaves on the map and what a focus shows are brought into view, at a
 * size a person can see — a filter with one result is not a dot lost in a corner.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist).
 * On failure a screenshot is saved to tests/.artifacts/<test name>.png.
 */
import { ORGANISATION_KINDS } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasBox,
  canvasCounts,
  inside,
  nodeScreenPosition,
  settled,
} from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

const suite = browserSuite();

/** Whether every one of these nodes is drawn inside the canvas. */
async function allInView(page: Page, ids: readonly string[]): Promise<boolean> {
  const box = await canvasBox(page);
  for (const id of ids) {
    const point = await nodeScreenPosition(page, id);
    if (!point || !inside(point, box)) return false;
  }
  return true;
}

describe('framing', () => {
  it(
    ...suite.inPage('frames the one group a filter leaves, at a size one can see', async (page) => {
      // A kind of organisation with several groups, of which one works on a theme no other does.
      const all = await suite.map();
      const themes = all.nodes.filter((node) => node.kind === 'theme');
      let found: { orgKind: string; theme: { id: string; name: string }; id: string } | null = null;
      for (const orgKind of ORGANISATION_KINDS) {
        if (found) break;
        const ofKind = await suite.map(`?orgKind=${orgKind}`);
        if (ofKind.nodes.length < 3) continue;
        for (const theme of themes) {
          const one = await suite.map(`?orgKind=${orgKind}&theme=${theme.id}`);
          if (one.nodes.length === 1 && one.nodes[0]) {
            found = { orgKind, theme, id: one.nodes[0].id };
            break;
          }
        }
      }
      if (!found) throw new Error('the demo has no kind with a theme only one group has');
      const start = await suite.map(`?orgKind=${found.orgKind}`);
      await page.goto(`${suite.baseUrl()}/?orgKind=${found.orgKind}`);
      await expect
        .poll(() => canvasCounts(page))
        .toEqual({ nodes: start.nodes.length, links: start.links.length });
      await settled(page);

      await page.getByRole('button', { name: /^Filters/ }).click();
      const panel = page.getByRole('complementary', { name: 'Filter the map' });
      await panel.getByRole('button', { name: /^Theme/ }).click();
      await panel.getByRole('checkbox', { name: found.theme.name, exact: true }).check();
      await expect.poll(() => canvasCounts(page)).toMatchObject({ nodes: 1 });
      await panel.getByRole('button', { name: 'Close filters' }).click();
      await settled(page);

      const { id } = found;
      expect(await allInView(page, [id])).toBe(true);
      const size = await page.evaluate(
        (nodeId) => window.__octograph?.nodeRenderedSize(nodeId) ?? 0,
        id,
      );
      // Unframed, it stayed the 6 px dot of the view before the filter.
      expect(size).toBeGreaterThanOrEqual(16);
    }),
  );

  it(
    ...suite.inPage('frames what a focus shows', async (page) => {
      const target = bestConnectedDemoOrganisation();
      const all = await suite.map();
      await expect
        .poll(() => canvasCounts(page))
        .toEqual({ nodes: all.nodes.length, links: all.links.length });
      const search = page.getByRole('combobox', { name: 'Search the map' });
      await search.fill(target.name);
      await page
        .getByRole('option', { name: new RegExp(target.name) })
        .first()
        .waitFor();
      await search.press('Enter');
      await settled(page);
      await page.keyboard.press('1');
      const focus = await suite.map(`?focus=${encodeURIComponent(target.id)}&depth=1&walk=work`);
      await settled(page);
      expect(
        await allInView(
          page,
          focus.nodes.map((node) => node.id),
        ),
      ).toBe(true);
    }),
  );
});
