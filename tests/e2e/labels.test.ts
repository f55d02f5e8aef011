/**
 * Labels on the seeded map in a real browser (the built app over a freshly seeded store, in
 * Debian's Chromium): with the whole map in view, zoomed in, and around a selected node with its
 * neighbourhood two steps out, many names are shown and no two of them are drawn over each other.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, drawnLabelBoxes, loadedCounts } from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

/** Two labels may touch, or their edges meet by a pixel of rounding; no more. */
const TOLERANCE_PX = 1;

const suite = browserSuite();

/** The pairs of drawn labels whose text boxes overlap, by id (in view or not). */
async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = await drawnLabelBoxes(page);
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
  await expect
    .poll(async () => (await drawnLabelBoxes(page)).length)
    .toBeGreaterThanOrEqual(atLeast);
  await expect.poll(() => overlappingLabels(page), { timeout: 5_000 }).toEqual([]);
}

describe('labels on the seeded map', () => {
  it('are shown apart with the whole map in view and zoomed in', async () => {
    await suite.withPage('labels apart at fit and zoomed', async (page) => {
      await loadedCounts(page);
      await expectLabelsApart(page, 10);

      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      await zoomIn.click();
      await zoomIn.click();
      await expectLabelsApart(page, 20);
    });
  });

  it('are shown apart around a selected node, two steps out', async () => {
    const { id } = bestConnectedDemoOrganisation();
    await suite.withPage(
      'labels apart in focus',
      async (page) => {
        await expect
          .poll(async () => (await drawnLabelBoxes(page)).some((box) => box.id === id))
          .toBe(true);
        await expectLabelsApart(page, 10);
      },
      { path: `/?node=${id}&depth=2` },
    );
  });
});
