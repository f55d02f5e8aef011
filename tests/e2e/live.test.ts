/**
 * Live together: a page showing the map follows other people's changes without a reload. While
 * one coordinator's map is open, another editor (here through the API, as their phone would send
 * it) links two groups: the open map shows the new link, which glows for a moment, and no node
 * already drawn moves.
 *
 * Needs `npm run build` and `npm run build:test -w client` first. On failure a screenshot is saved
 * to tests/.artifacts/<test name>.png.
 */
import type { MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { nodesApart } from '../../client/src/map/apart-ring';
import { browserSuite, canvasCounts, type Point, type TestHandleWindow } from '../helpers/browser';

const suite = browserSuite();

/**
 * Two organisations of the main network not yet linked to each other (a group on the ring of
 * those not yet connected moves beside its first link's other end, by design: not these).
 */
function unlinkedPair(map: MapResponse): [string, string] {
  const linked = new Set(map.links.map((link) => [link.source, link.target].sort().join('|')));
  const apart = nodesApart(
    map.nodes.map((node) => node.id),
    map.links,
  );
  const organisations = map.nodes.filter(
    (node) => node.kind === 'organisation' && !apart.has(node.id),
  );
  for (const a of organisations) {
    for (const b of organisations) {
      if (a.id < b.id && !linked.has(`${a.id}|${b.id}`)) return [a.id, b.id];
    }
  }
  throw new Error('every pair of organisations is linked');
}

describe('live updates', () => {
  it(
    ...suite.inPage('shows another editor’s new link without a reload', async (page) => {
      const map = await suite.map();
      await expect
        .poll(async () => (await canvasCounts(page))?.nodes, { timeout: 20_000 })
        .toBe(map.nodes.length);
      const before = await page.evaluate(
        () => (window as TestHandleWindow).__octograph?.nodeModelPositions() ?? {},
      );
      const loads: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loads.push(frame.url());
      });

      const headers = { ...(await suite.adminHeaders()), 'content-type': 'application/json' };
      const [source, target] = unlinkedPair(map);
      const linked = await fetch(`${suite.baseUrl()}/api/links`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'COLLABORATES_WITH', source, target }),
      });
      expect(linked.status).toBe(201);
      const link = (await linked.json()) as { id: string };

      await expect
        .poll(() => canvasCounts(page), { timeout: 10_000 })
        .toEqual({ nodes: map.nodes.length, links: map.links.length + 1 });
      expect(loads).toEqual([]);
      // What someone else just added glows for a moment, so it is noticed.
      await expect
        .poll(() =>
          page.evaluate(() => (window as TestHandleWindow).__octograph?.flashedIds() ?? []),
        )
        .toContain(link.id);
      const after = await page.evaluate(
        () => (window as TestHandleWindow).__octograph?.nodeModelPositions() ?? {},
      );
      const moved = Object.entries(before).filter(([id, spot]: [string, Point]) => {
        const now = after[id];
        return !now || Math.hypot(now.x - spot.x, now.y - spot.y) > 0.01;
      });
      expect(moved.map(([id]) => id)).toEqual([]);
    }),
  );
});
