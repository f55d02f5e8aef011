/**
 * The map in a real browser: the built client served by the built server over a freshly seeded
 * store, driven in Debian's Chromium with playwright-core. Checks what a person sees: the status
 * line's counts, the nodes and links the canvas holds, nodes drawn on the canvas, the details
 * panel, the search box.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { MapNode, MapResponse } from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  centreOf,
  distance,
  inside,
  loadedCounts,
  mapBox,
  nodeScreenPosition,
  type Point,
} from '../helpers/browser';

/** How close (CSS px) a centred node must be to the middle of the map. */
const CENTRE_TOLERANCE = 24;

const suite = browserSuite();
let map: MapResponse;

beforeAll(async () => {
  map = await suite.map();
});

/** Network organisations first (drawn on top), then by number of links. */
function byProminence(a: MapNode, b: MapNode): number {
  const hub = (node: MapNode) => (node.orgKind === 'network' ? 1 : 0);
  return hub(b) - hub(a) || b.degree - a.degree;
}

/** A node that is drawn in the open part of the map (not under the legend or the buttons). */
async function clickableNode(page: Page): Promise<{ node: MapNode; at: Point }> {
  const area = await mapBox(page);
  const legend = await page.getByRole('complementary', { name: 'Legend' }).boundingBox();
  for (const node of [...map.nodes].sort(byProminence)) {
    const at = await nodeScreenPosition(page, node.id);
    if (!at || !inside(at, area, 60)) continue;
    if (legend && inside(at, legend, -20)) continue;
    return { node, at };
  }
  throw new Error('no node is drawn in the open part of the map');
}

/** Share of the map's canvas pixels that are painted, and whether the pixel at `at` is. */
function paintedPixels(page: Page, at: Point): Promise<{ share: number; paintedAt: boolean }> {
  return page.evaluate(({ x, y }) => {
    const canvases = Array.from(document.querySelectorAll('[aria-label="Network map"] canvas'));
    let painted = 0;
    let total = 0;
    let paintedAt = false;
    for (const canvas of canvases) {
      if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) continue;
      const context = canvas.getContext('2d');
      if (!context) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
      total += canvas.width * canvas.height;
      const rect = canvas.getBoundingClientRect();
      const px = Math.round(((x - rect.left) * canvas.width) / rect.width);
      const py = Math.round(((y - rect.top) * canvas.height) / rect.height);
      const alpha = context.getImageData(px, py, 1, 1).data[3] ?? 0;
      if (alpha > 0) paintedAt = true;
    }
    return { share: total === 0 ? 0 : painted / total, paintedAt };
  }, at);
}

describe('the map page', () => {
  it(
    ...suite.inPage(
      'shows the seeded map with as many nodes and links as GET /api/map',
      async (page) => {
        expect(map.nodes.length).toBeGreaterThan(0);
        const counts = await loadedCounts(page);
        expect(counts).toEqual({ nodes: map.nodes.length, links: map.links.length });

        // The status line is computed from the same response, so also count what the canvas really
        // holds: every node and link of the response, which is the whole seeded demo network.
        const seeded = demoNetwork();
        expect({ nodes: map.nodes.length, links: map.links.length }).toEqual({
          nodes: seeded.nodes.length,
          links: seeded.links.length,
        });
        await expect
          .poll(() => canvasCounts(page), { timeout: 5_000 })
          .toEqual({ nodes: map.nodes.length, links: map.links.length });
        expect(await canvasCounts(page)).toEqual({
          nodes: seeded.nodes.length,
          links: seeded.links.length,
        });

        // Nodes are really drawn: the canvas is painted, and painted where a node should be.
        const { at } = await clickableNode(page);
        const pixels = await paintedPixels(page, at);
        expect(pixels.share).toBeGreaterThan(0.01);
        expect(pixels.paintedAt).toBe(true);

        await expect
          .poll(() => page.getByRole('complementary', { name: 'Legend' }).textContent())
          .toContain('Organisations');
      },
    ),
  );

  it(
    ...suite.inPage('shows the details of a node clicked on the map', async (page) => {
      await loadedCounts(page);
      const { node, at } = await clickableNode(page);
      await page.mouse.click(at.x, at.y);

      const details = page.getByRole('complementary', { name: 'Details' });
      await expect
        .poll(() => details.getByRole('heading', { level: 2 }).textContent())
        .toBe(node.name);
      await expect.poll(() => details.textContent()).toContain('Connections');
    }),
  );

  it(
    ...suite.inPage('selects, shows and centres a node chosen in the search box', async (page) => {
      await loadedCounts(page);
      const area = await mapBox(page);

      // The organisation drawn farthest from the middle, with a name no other node has, so the
      // test can tell that the map moved to it.
      const names = new Map<string, number>();
      for (const node of map.nodes) names.set(node.name, (names.get(node.name) ?? 0) + 1);
      let target: { node: MapNode; away: number } | undefined;
      for (const node of map.nodes) {
        if (node.kind !== 'organisation' || names.get(node.name) !== 1) continue;
        const at = await nodeScreenPosition(page, node.id);
        if (!at) continue;
        const away = distance(at, centreOf(area));
        if (!target || away > target.away) target = { node, away };
      }
      if (!target) throw new Error('no organisation with a unique name on the map');
      expect(target.away).toBeGreaterThan(4 * CENTRE_TOLERANCE);
      const { node } = target;

      await page.getByRole('combobox', { name: 'Search the map' }).fill(node.name);
      const option = page.getByRole('option').filter({ hasText: node.name }).first();
      await option.click();

      const details = page.getByRole('complementary', { name: 'Details' });
      await expect
        .poll(() => details.getByRole('heading', { level: 2 }).textContent())
        .toBe(node.name);

      // The details panel narrows the map, so measure the map again.
      await expect
        .poll(
          async () => {
            const at = await nodeScreenPosition(page, node.id);
            return at ? distance(at, centreOf(await mapBox(page))) : Infinity;
          },
          { timeout: 5_000 },
        )
        .toBeLessThan(CENTRE_TOLERANCE);
    }),
  );
});
