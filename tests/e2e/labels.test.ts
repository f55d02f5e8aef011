/**
 * Labels on the seeded map in a real browser (the built app over a freshly seeded store, in
 * Debian's Chromium): with the whole map in view, zoomed in, and around a selected node with its
 * neighbourhood two steps out, many names are shown and no two of them are drawn over each other.
 *
 * Needs `npm run build` first (client/dist, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { launchChromium, loadedCounts, withPage } from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

/** A label's text box on the canvas, in CSS pixels. */
interface LabelBox {
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The part of the client's read-only test handle this file uses (TestHandleController). */
interface LabelHandleWindow {
  __octograph?: { drawnLabelBoxes(): LabelBox[] };
}

/** Two labels may touch, or their edges meet by a pixel of rounding; no more. */
const TOLERANCE_PX = 1;

let app: AppProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startAppProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function drawnLabels(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => (window as LabelHandleWindow).__octograph?.drawnLabelBoxes() ?? []);
}

/** The pairs of drawn labels whose text boxes overlap, by id. */
async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = await drawnLabels(page);
  const pairs: string[] = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      const across = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
      const down = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
      if (across > TOLERANCE_PX && down > TOLERANCE_PX) pairs.push(`${a.id} × ${b.id}`);
    }
  });
  return pairs;
}

/** Waits until at least `atLeast` labels are drawn and none lies on another. */
async function expectLabelsApart(page: Page, atLeast: number): Promise<void> {
  await expect.poll(async () => (await drawnLabels(page)).length).toBeGreaterThanOrEqual(atLeast);
  await expect.poll(() => overlappingLabels(page)).toEqual([]);
}

describe('labels on the seeded map', () => {
  it('are shown apart with the whole map in view and zoomed in', async () => {
    await withPage(
      browser,
      'labels apart at fit and zoomed',
      async (page) => {
        await loadedCounts(page);
        await expectLabelsApart(page, 10);

        const zoomIn = page.getByRole('button', { name: 'Zoom in' });
        await zoomIn.click();
        await zoomIn.click();
        await expectLabelsApart(page, 20);
      },
      app?.baseUrl,
    );
  });

  it('are shown apart around a selected node, two steps out', async () => {
    const { id } = bestConnectedDemoOrganisation();
    await withPage(
      browser,
      'labels apart in focus',
      async (page) => {
        await expect
          .poll(async () => (await drawnLabels(page)).some((box) => box.id === id))
          .toBe(true);
        await expectLabelsApart(page, 10);
      },
      `${app?.baseUrl ?? ''}/?node=${id}&depth=2`,
    );
  });
});
