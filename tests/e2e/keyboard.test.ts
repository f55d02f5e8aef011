/**
 * The map from the keyboard: the canvas takes the focus, arrow keys move the selection along the
 * links (each step lands on a node linked to the one before), and Escape closes a side panel
 * without dropping the selection behind it.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist).
 * On failure a screenshot is saved to tests/.artifacts/<test name>.png.
 */
import { SubgraphSchema } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, canvasCounts } from '../helpers/browser';

const suite = browserSuite();

/** The node selected now, from the address bar (the page keeps it there). */
function selectedId(page: Page): string | null {
  return new URL(page.url()).searchParams.get('node');
}

/** The ids of the nodes linked to `id`. */
async function neighboursOf(id: string): Promise<Set<string>> {
  const subgraph = SubgraphSchema.parse(
    await suite.getJson(`/api/nodes/${encodeURIComponent(id)}/neighbourhood?depth=1`),
  );
  return new Set(subgraph.nodes.map((node) => node.id).filter((other) => other !== id));
}

describe('the map from the keyboard', () => {
  it(
    ...suite.inPage('moves the selection along the links with the arrow keys', async (page) => {
      const map = await suite.map();
      await expect
        .poll(() => canvasCounts(page))
        .toEqual({ nodes: map.nodes.length, links: map.links.length });
      // Before any choice, a screen reader hears what the map shows.
      const summary = page.locator('.map-view p.visually-hidden[aria-live="polite"]');
      await expect
        .poll(() => summary.textContent())
        .toMatch(/^The map shows \d+ nodes and \d+ links; \d+ not yet connected/);
      await page.getByRole('img', { name: 'Network map' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => selectedId(page)).not.toBeNull();
      const details = page.getByRole('complementary', { name: 'Details' });
      await details.waitFor();
      // ... and then what was chosen and whom it is linked with, by name.
      const chosen = map.nodes.find((node) => node.id === selectedId(page));
      await expect
        .poll(() => summary.textContent())
        .toMatch(
          new RegExp(
            `^${(chosen?.name ?? '?').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: linked with \\d+: `,
          ),
        );

      let steps = 0;
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
        const from = selectedId(page);
        if (from === null) throw new Error('nothing is selected');
        const neighbours = await neighboursOf(from);
        await page.getByRole('img', { name: 'Network map' }).focus();
        await page.keyboard.press(key);
        await page.waitForTimeout(400);
        const to = selectedId(page);
        if (to === from) continue;
        // Every move lands on a node linked to the one before.
        expect(to !== null && neighbours.has(to)).toBe(true);
        steps += 1;
      }
      expect(steps).toBeGreaterThan(0);
    }),
  );

  it(
    ...suite.inPage('closes the filters with Escape and keeps the selection', async (page) => {
      const map = await suite.map();
      await expect
        .poll(() => canvasCounts(page))
        .toEqual({ nodes: map.nodes.length, links: map.links.length });
      const search = page.getByRole('combobox', { name: 'Search the map' });
      await search.fill('Harbour Lights Choir');
      await page
        .getByRole('option', { name: /Harbour Lights Choir/ })
        .first()
        .waitFor();
      await search.press('Enter');
      await expect.poll(() => selectedId(page)).not.toBeNull();
      const chosen = selectedId(page);

      await page.getByRole('button', { name: /^Filters/ }).click();
      const panel = page.getByRole('complementary', { name: 'Filter the map' });
      await panel.getByRole('button', { name: 'Close filters' }).focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(selectedId(page)).toBe(chosen);
    }),
  );
});
