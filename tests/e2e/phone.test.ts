/**
 * The map on a phone (390×844, touch) in a real browser: nothing spills off the screen, one
 * finger pans, two fingers pinch-zoom, and the panels are sheets — the details slide up over the
 * lower part of the screen with the chosen node centred in the map above them.
 *
 * Needs `npm run build` first. On failure a screenshot is saved to tests/.artifacts/.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  browserSuite,
  canvasBox,
  nodeScreenPosition,
  viewport,
  type Point,
} from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

const suite = browserSuite();

/** A test on a phone (PHONE) with a fresh page opened at the app. */
function onPhone(name: string, body: (page: Page) => Promise<void>): [string, () => Promise<void>] {
  return suite.inPage(name, body, { device: PHONE });
}

/** Touches down at `from`, moves in steps to `to` (one point per finger), and lifts. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[]): Promise<void> {
  const at = (step: number, steps: number) =>
    from.map((start, id) => {
      const end = to[id] ?? start;
      return {
        id,
        x: start.x + ((end.x - start.x) * step) / steps,
        y: start.y + ((end.y - start.y) * step) / steps,
      };
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0, 10) });
  for (let step = 1; step <= 10; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step, 10) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('on a phone', () => {
  it(
    ...onPhone(
      'fits the screen: no sideways scrolling, header and toolbar usable',
      async (page) => {
        await expect.poll(() => viewport(page)).not.toBeNull();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
        for (const name of ['Search the map']) {
          const box = await page.getByRole('combobox', { name }).boundingBox();
          expect(box?.width).toBeGreaterThan(100);
        }
        const toolbar = await page.getByRole('toolbar', { name: 'Map tools' }).boundingBox();
        expect(toolbar && toolbar.x >= 0 && toolbar.x + toolbar.width <= 390).toBe(true);
        const timeline = await page.getByRole('group', { name: 'Timeline' }).boundingBox();
        expect(timeline && timeline.x >= 0 && timeline.x + timeline.width <= 390).toBe(true);
      },
    ),
  );

  it(
    ...onPhone('pans with one finger and zooms with a two-finger pinch', async (page) => {
      await expect.poll(() => viewport(page)).not.toBeNull();
      await page.waitForTimeout(500);
      const cdp = await page.context().newCDPSession(page);
      const box = await canvasBox(page);
      // Empty background (the fitted map leaves a margin), below the toolbar: a drag there pans.
      const corner = { x: box.x + box.width - 30, y: box.y + 90 };
      const before = await viewport(page);
      await gesture(cdp, [corner], [{ x: corner.x - 80, y: corner.y + 60 }]);
      await expect
        .poll(async () => {
          const after = await viewport(page);
          return after && before ? after.pan.x - before.pan.x : 0;
        })
        .toBeLessThan(-40);

      // Fingers on the background too: two fingers on a node would try to drag it.
      const middle = { x: box.x + box.width / 2, y: box.y + 90 };
      const zoomBefore = (await viewport(page))?.zoom ?? 0;
      await gesture(
        cdp,
        [
          { x: middle.x - 20, y: middle.y },
          { x: middle.x + 20, y: middle.y },
        ],
        [
          { x: middle.x - 120, y: middle.y },
          { x: middle.x + 120, y: middle.y },
        ],
      );
      await expect
        .poll(async () => (await viewport(page))?.zoom ?? 0)
        .toBeGreaterThan(zoomBefore * 1.5);
    }),
  );

  it(
    ...onPhone(
      'shows the details as a sheet under the map, the node centred above it',
      async (page) => {
        const target = bestConnectedDemoOrganisation();
        await page.goto(`${suite.baseUrl()}/?node=${target.id}`);
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(target.name);
        const sheet = await details.boundingBox();
        if (!sheet) throw new Error('no details');
        expect(sheet.x).toBe(0);
        expect(sheet.width).toBe(390);
        expect(sheet.y).toBeGreaterThan(844 * 0.3);
        const box = await canvasBox(page);
        expect(box.y + box.height).toBeLessThanOrEqual(sheet.y + 1);
        await expect
          .poll(async () => {
            const at = await nodeScreenPosition(page, target.id);
            return at ? Math.abs(at.y - (box.y + box.height / 2)) : Infinity;
          })
          .toBeLessThan(5);
      },
    ),
  );
});
