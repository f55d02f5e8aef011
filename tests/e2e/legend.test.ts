/**
 * The map's style in a real browser (the built app over a freshly seeded store, in Debian's
 * Chromium): the legend is a switch that hides a kind from the map and shows it again, without
 * changing what the map holds (the status line still counts everything); "Size by" changes what
 * node size shows; and the groups the server sets apart on a ring are labelled "Not yet
 * connected" with how many there are.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { MapResponse } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  loadedCounts,
  statusCounts,
  type Counts,
  type TestHandleWindow,
} from '../helpers/browser';

const suite = browserSuite();
let map: MapResponse;

beforeAll(async () => {
  map = await suite.map();
});

/** How many nodes and links the canvas draws (not those hidden from the legend). */
function visibleCounts(page: Page): Promise<Counts | null> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.visibleCounts() ?? null);
}

/** Each node's drawn width in pixels, by id. */
async function renderedSizes(page: Page, ids: readonly string[]): Promise<Map<string, number>> {
  const sizes = await page.evaluate(
    (all) => all.map((id) => (window as TestHandleWindow).__octograph?.nodeRenderedSize(id) ?? 0),
    [...ids],
  );
  return new Map(ids.map((id, index) => [id, sizes[index] ?? 0]));
}

/** The node drawn biggest, if one node is strictly bigger than all the others. */
async function biggestNode(page: Page): Promise<string | null> {
  const sizes = [
    ...(await renderedSizes(
      page,
      map.nodes.map((node) => node.id),
    )),
  ].sort(([, a], [, b]) => b - a);
  const [first, second] = sizes;
  return first && second && first[1] > second[1] ? first[0] : null;
}

/**
 * The nodes outside the map's largest connected part, worked out here from the API's answer
 * (a breadth-first walk from each node not yet reached), not by the client.
 */
function nodesApartFromMain(response: MapResponse): number {
  const neighbours = new Map<string, string[]>(response.nodes.map((node) => [node.id, []]));
  for (const link of response.links) {
    neighbours.get(link.source)?.push(link.target);
    neighbours.get(link.target)?.push(link.source);
  }
  const reached = new Set<string>();
  const parts: number[] = [];
  for (const { id } of response.nodes) {
    if (reached.has(id)) continue;
    const queue = [id];
    reached.add(id);
    for (let index = 0; index < queue.length; index += 1) {
      for (const next of neighbours.get(queue[index] ?? '') ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    parts.push(queue.length);
  }
  return response.nodes.length - Math.max(0, ...parts);
}

describe('the legend', () => {
  it(
    ...suite.inPage('hides the charities and shows them again', async (page) => {
      const all = { nodes: map.nodes.length, links: map.links.length };
      // Themes, places and meetings are attributes by default: not drawn, nor the lines to them.
      const attributes = new Set(
        map.nodes
          .filter((node) => ['theme', 'place', 'meeting'].includes(node.kind))
          .map((node) => node.id),
      );
      const drawnLinks = map.links.filter(
        (link) => !attributes.has(link.source) && !attributes.has(link.target),
      );
      const drawn = { nodes: all.nodes - attributes.size, links: drawnLinks.length };
      const charities = new Set(
        map.nodes.filter((node) => node.orgKind === 'charity').map((node) => node.id),
      );
      const charityLinks = drawnLinks.filter(
        (link) => charities.has(link.source) || charities.has(link.target),
      ).length;
      // The seed must have charities, and other nodes, or hiding them would prove nothing.
      expect(charities.size).toBeGreaterThan(0);
      expect(charities.size).toBeLessThan(all.nodes);

      expect(await loadedCounts(page)).toEqual(all);
      await expect.poll(() => visibleCounts(page)).toEqual(drawn);

      const legend = page.getByRole('complementary', { name: 'Legend' });
      const charity = legend.getByRole('button', { name: /^Charity\b/ });
      await expect.poll(() => charity.getAttribute('aria-pressed')).toBe('true');
      await charity.click();

      await expect
        .poll(() => visibleCounts(page))
        .toEqual({ nodes: drawn.nodes - charities.size, links: drawn.links - charityLinks });
      expect(await charity.getAttribute('aria-pressed')).toBe('false');
      // View-only: the map still holds every charity, and the page says how many are hidden.
      expect(await statusCounts(page)).toEqual(all);
      expect(await canvasCounts(page)).toEqual(all);
      await expect
        .poll(() => legend.getByText(/^Hidden:/).textContent())
        .toBe(`Hidden: ${String(charities.size)} nodes · ${String(charityLinks)} links`);

      await charity.click();
      await expect.poll(() => visibleCounts(page)).toEqual(drawn);
      expect(await charity.getAttribute('aria-pressed')).toBe('true');
      expect(await legend.getByText(/^Hidden:/).count()).toBe(0);

      // Asked for, themes, places and meetings are drawn as nodes with their lines: everything is.
      await legend
        .getByRole('checkbox', { name: 'Show themes, places and meetings as nodes' })
        .check();
      await expect.poll(() => visibleCounts(page)).toEqual(all);
      // Lines to themes, places and meetings were what the default left out.
      expect(all.links).toBeGreaterThan(drawn.links);
    }),
  );

  it(
    ...suite.inPage('makes the network with the most members the biggest node', async (page) => {
      const members = new Map<string, number>();
      for (const link of map.links) {
        if (link.kind === 'MEMBER_OF')
          members.set(link.target, (members.get(link.target) ?? 0) + 1);
      }
      const [hub] = [...members].sort(([, a], [, b]) => b - a)[0] ?? [];
      expect(map.nodes.find((node) => node.id === hub)?.orgKind).toBe('network');

      await loadedCounts(page);
      // Sized by collaborations (the default), another node is the biggest: the menu must change it.
      await expect.poll(() => biggestNode(page)).not.toBeNull();
      expect(await biggestNode(page)).not.toBe(hub);

      const legend = page.getByRole('complementary', { name: 'Legend' });
      await legend.getByLabel('Size by').selectOption({ label: 'Members' });
      await expect.poll(() => biggestNode(page)).toBe(hub);
      expect(await legend.getByText('Bigger circles have more members').count()).toBe(1);
    }),
  );
});

describe('the ring of groups set apart', () => {
  it(
    ...suite.inPage('is labelled with how many are not yet connected', async (page) => {
      const apart = nodesApartFromMain(map);
      // The demo has islands and unlinked groups on purpose.
      expect(apart).toBeGreaterThan(0);

      await loadedCounts(page);
      const mapArea = page.getByRole('region', { name: 'Network map' });
      await expect
        .poll(() => mapArea.getByText('Not yet connected', { exact: true }).isVisible())
        .toBe(true);
      expect(
        await mapArea.getByText(`${String(apart)} apart from the main network`).isVisible(),
      ).toBe(true);
    }),
  );
});
