/**
 * A stable map in a real browser: the built client served by the built server over a freshly
 * seeded store, driven in Debian's Chromium with playwright-core. Reloading the page draws every
 * node where it was, and a node dragged somewhere is saved there: after a reload it is still
 * where it was dropped.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { MapResponse } from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawnSpots, HUB_ROOM, positionScale } from '../../client/src/map/map-elements';
import {
  browserSuite,
  inside,
  loadedCounts,
  mapBox,
  nodeScreenPosition,
  type Point,
  type TestHandleWindow,
  viewport,
} from '../helpers/browser';

/** How far (CSS px) the node is dragged, right and down. */
const DRAG = { x: 90, y: 70 };

const suite = browserSuite();

function modelPositions(page: Page): Promise<Record<string, Point>> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.nodeModelPositions() ?? {});
}

/** Waits until the canvas draws every node of the map, and returns where it draws them. */
async function drawnPositions(page: Page, map: MapResponse): Promise<Record<string, Point>> {
  await loadedCounts(page);
  await expect
    .poll(async () => Object.keys(await modelPositions(page)).length, { timeout: 20_000 })
    .toBe(map.nodes.length);
  return modelPositions(page);
}

/** An organisation drawn in the open middle of the map, with room to be dragged. */
async function draggableNode(page: Page, map: MapResponse): Promise<{ id: string; at: Point }> {
  const area = await mapBox(page);
  const middle = {
    x: area.x + area.width / 4,
    y: area.y + area.height / 4,
    width: area.width / 2,
    height: area.height / 2,
  };
  for (const node of map.nodes) {
    if (node.kind !== 'organisation') continue;
    const at = await nodeScreenPosition(page, node.id);
    if (at && inside(at, middle)) return { id: node.id, at };
  }
  throw new Error('no organisation is drawn in the middle of the map');
}

/** Drags what is drawn at `at` by DRAG, as a hand would. */
async function drag(page: Page, at: Point): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + DRAG.x / 3, at.y + DRAG.y / 3, { steps: 4 });
  await page.mouse.move(at.x + DRAG.x, at.y + DRAG.y, { steps: 8 });
  await page.mouse.up();
}

describe('a stable map', () => {
  it(
    ...suite.inPage('reloading keeps every node where it was', async (page) => {
      const map = await suite.map();
      const before = await drawnPositions(page, map);
      await page.reload();
      const after = await drawnPositions(page, map);
      expect(after).toEqual(before);
    }),
  );

  it(
    ...suite.inPage('dragging a node and reloading shows it where it was dropped', async (page) => {
      const map = await suite.map();
      const drawn = await drawnPositions(page, map);
      const { id, at } = await draggableNode(page, map);

      const zoom = (await viewport(page))?.zoom;
      await drag(page, at);

      // Where it was dropped, in model units: the pointer moved it by DRAG on the screen (read
      // from the drag, not from the canvas afterwards, which the map read after the save may
      // already have spaced apart from a neighbour).
      const start = drawn[id];
      if (!start || zoom === undefined) throw new Error(`${id} is not on the canvas`);
      const dropped = { x: start.x + DRAG.x / zoom, y: start.y + DRAG.y / zoom };
      expect(dropped.x).toBeGreaterThan(start.x);
      expect(dropped.y).toBeGreaterThan(start.y);

      // Saved on the server in its own units: the canvas draws them times the map's scale.
      const scale = positionScale(map.nodes);
      const saved = { x: dropped.x / scale, y: dropped.y / scale };
      const serverSpot = async () => {
        const node = (await suite.map()).nodes.find((candidate) => candidate.id === id);
        return node ? { x: node.x, y: node.y } : null;
      };
      await expect
        .poll(async () => {
          const spot = await serverSpot();
          return spot ? Math.hypot(spot.x - saved.x, spot.y - saved.y) : Infinity;
        })
        .toBeLessThan(0.02);

      await page.reload();
      const movedMap = await suite.map();
      const after = (await drawnPositions(page, movedMap))[id];
      if (!after) throw new Error(`${id} is not on the canvas after the reload`);
      // The map's scale is measured again on loading, and the node moved; the canvas draws the
      // saved spot times that scale, moved only if its circle would lie on another (drawnSpots).
      const afterScale = positionScale(movedMap.nodes);
      const expected = drawnSpots(movedMap, afterScale).get(id);
      expect(after.x).toBeCloseTo(expected?.x ?? NaN, 1);
      expect(after.y).toBeCloseTo(expected?.y ?? NaN, 1);
      expect(
        Math.hypot(after.x / afterScale - saved.x, after.y / afterScale - saved.y),
      ).toBeLessThan(HUB_ROOM / afterScale);
    }),
  );

  it(
    ...suite.inPage('Re-arrange lays the whole map out again, after asking', async (page) => {
      const layoutState = async () => {
        const response = await fetch(`${suite.baseUrl()}/api/layout`);
        return ((await response.json()) as { state: string; finishedAt: string | null }).finishedAt;
      };
      const rearrange = async (answer: 'accept' | 'dismiss') => {
        page.once('dialog', (dialog) => void dialog[answer]());
        await page
          .getByRole('toolbar', { name: 'Map tools' })
          .getByRole('button', { name: 'Re-arrange' })
          .click();
      };
      const first = await suite.map();
      await drawnPositions(page, first);

      // Saying no changes nothing; saying yes lays the map out on the server.
      await rearrange('dismiss');
      await page.waitForTimeout(500);
      expect(await layoutState()).toBeNull();
      await rearrange('accept');
      // The layout runs in a worker thread; on a busy machine it may take a while.
      await expect.poll(layoutState, { timeout: 60_000 }).not.toBeNull();
      const laidOut = await suite.map();

      // A node dragged away goes back to its spot at the next re-arrange (the layout depends on
      // the links, not on where nodes were left), on the server and on the canvas.
      const { id, at } = await draggableNode(page, laidOut);
      const spot = laidOut.nodes.find((node) => node.id === id);
      const serverSpot = async () => (await suite.map()).nodes.find((node) => node.id === id);
      await drag(page, at);
      await expect.poll(async () => (await serverSpot())?.x).not.toBe(spot?.x);
      const firstFinish = await layoutState();
      await rearrange('accept');
      await expect.poll(layoutState, { timeout: 60_000 }).not.toBe(firstFinish);
      await expect.poll(async () => (await serverSpot())?.x, { timeout: 20_000 }).toBe(spot?.x);
      expect((await serverSpot())?.y).toBe(spot?.y);
      // The canvas keeps the scale it chose for the first map it drew (so nothing jumps), and
      // draws the node where that scale puts its spot (moved apart only where circles overlap).
      const expected = drawnSpots(await suite.map(), positionScale(first.nodes)).get(id);
      await expect
        .poll(async () => (await modelPositions(page))[id]?.x ?? NaN)
        .toBeCloseTo(expected?.x ?? NaN, 1);
    }),
  );
});
