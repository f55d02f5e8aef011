/**
 * The command registry in a real browser (built app, seeded store, Debian's Chromium): a pasted
 * URL centres the map on its node; the toolbar, the keys and the right-click menu run the same
 * commands; `?` lists the shortcuts.
 *
 * Needs `npm run build` first. On failure a screenshot is saved to tests/.artifacts/.
 */
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasBox,
  drawnLabelBoxes,
  focusedIds,
  inside,
  loadedCounts,
  nodeScreenPosition,
} from '../helpers/browser';
import { bestConnectedDemoOrganisation } from '../helpers/fixtures';

const suite = browserSuite();
const target = bestConnectedDemoOrganisation();

async function focusIds(depth: number): Promise<string[]> {
  // Steps go along working links (themes and places are attributes by default).
  const map = await suite.map(`?focus=${encodeURIComponent(target.id)}&depth=${depth}&walk=work`);
  return map.nodes.map((node) => node.id).sort();
}

describe('a pasted URL', () => {
  it(
    ...suite.inPage(
      'selects its node, focuses at its depth and frames what the focus shows',
      async (page) => {
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(target.name);
        await expect.poll(() => focusedIds(page)).toEqual(await focusIds(2));
        // The map frames what the focus shows: every node within its two steps is in view.
        const ids = await focusIds(2);
        const box = await canvasBox(page);
        await expect
          .poll(async () => {
            for (const id of ids) {
              const at = await nodeScreenPosition(page, id);
              if (!at || !inside(at, box)) return false;
            }
            return true;
          })
          .toBe(true);
      },
      { path: `/?node=${target.id}&depth=2` },
    ),
  );
});

describe('commands', () => {
  it(
    ...suite.inPage(
      'runs the same focus from the toolbar, the keys and the context menu',
      async (page) => {
        await loadedCounts(page);
        const toolbar = page.getByRole('toolbar', { name: 'Map tools' });

        await toolbar.getByRole('button', { name: '3 steps' }).click();
        await expect.poll(() => focusedIds(page)).toEqual(await focusIds(3));
        await expect
          .poll(() => toolbar.getByRole('button', { name: '3 steps' }).getAttribute('aria-pressed'))
          .toBe('true');

        await page.keyboard.press('1');
        await expect.poll(() => focusedIds(page)).toEqual(await focusIds(1));
        await expect.poll(() => new URL(page.url()).searchParams.get('depth')).toBe('1');

        // Right-click on the node: its menu, with the same commands.
        await page.waitForTimeout(600);
        const at = await nodeScreenPosition(page, target.id);
        if (!at) throw new Error('the node is not on the map');
        await page.mouse.click(at.x, at.y, { button: 'right' });
        const menu = page.getByRole('menu', { name: `Actions for ${target.name}` });
        await menu
          .getByRole('menuitem', { name: 'Focus on what lies within 2 steps of the selected node' })
          .click();
        await expect.poll(() => focusedIds(page)).toEqual(await focusIds(2));
        expect(await menu.count()).toBe(0);

        await toolbar.getByRole('button', { name: 'Clear', exact: true }).click();
        await expect.poll(() => new URL(page.url()).searchParams.get('depth')).toBeNull();
        expect(new URL(page.url()).searchParams.get('node')).toBe(target.id);
      },
      { path: `/?node=${target.id}` },
    ),
  );

  it(
    ...suite.inPage('offers the map commands on a right-click on the background', async (page) => {
      await loadedCounts(page);
      // A corner of the canvas, away from the nodes (the map is fitted with a margin).
      const box = await canvasBox(page);
      await page.mouse.click(box.x + 8, box.y + box.height - 8, { button: 'right' });
      const menu = page.getByRole('menu', { name: 'Map actions' });
      const items = await menu.getByRole('menuitem').allTextContents();
      expect(items.join('\n')).toMatch(/Show the whole map/);
      expect(items.join('\n')).toMatch(/Lay the whole map out again/);
      expect(items.join('\n')).toMatch(/PNG image/);
      await page.keyboard.press('Escape');
      expect(await menu.count()).toBe(0);
    }),
  );

  it(
    ...suite.inPage(
      'lists the keyboard shortcuts on ?, and closes the list on Escape',
      async (page) => {
        await loadedCounts(page);
        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        const text = (await dialog.textContent()) ?? '';
        for (const expected of ['Esc', 'Show the whole map', 'Focus on the selected node']) {
          expect(text).toContain(expected);
        }
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.isVisible()).toBe(false);
      },
    ),
  );

  it(
    ...suite.inPage('turns the labels off and on with L and the toolbar', async (page) => {
      await loadedCounts(page);
      const labels = page
        .getByRole('toolbar', { name: 'Map tools' })
        .getByRole('button', { name: 'Labels' });
      const drawnLabels = async () => (await drawnLabelBoxes(page)).length;
      expect(await labels.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(drawnLabels).toBeGreaterThan(5);
      await page.keyboard.press('l');
      await expect.poll(() => labels.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(drawnLabels).toBe(0);
      await labels.click();
      await expect.poll(() => labels.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(drawnLabels).toBeGreaterThan(5);
    }),
  );
});
