/**
 * Editing on the map in a real browser, as a coordinator keeps the map true (job 8): an
 * organisation added from the search box, linked by dragging from its handle to another group
 * and with "Link to…" from the keyboard, its description edited, a link's strength changed, a
 * server problem shown on the field it names, a link deleted and its Undo, two editors saving the
 * same group (409 and the choice of whose change to keep), a group added at the spot the map's
 * menu was opened, and the same on a phone. Each checks the API's data and what the canvas
 * shows, and that no other node moved.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import {
  GraphNodeSchema,
  LinkSchema,
  NodePageSchema,
  type GraphNode,
  type Link,
  type MapResponse,
} from '@octograph/graph-schema';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasBox,
  canvasCounts,
  nodeScreenPosition,
  PHONE,
  settled,
  type Point,
} from '../helpers/browser';

const suite = browserSuite();

/** Waits until the canvas draws exactly what the server's map holds; returns that map. */
async function loadedMap(page: Page): Promise<MapResponse> {
  const map = await suite.map();
  await expect
    .poll(() => canvasCounts(page), { timeout: 20_000 })
    .toEqual({ nodes: map.nodes.length, links: map.links.length });
  return map;
}

/** The node called `name`, as the API has it; throws when there is none or several. */
async function nodeNamed(name: string): Promise<GraphNode> {
  const page = NodePageSchema.parse(
    await suite.getJson(`/api/nodes?q=${encodeURIComponent(name)}&limit=50`),
  );
  const exact = page.items.filter((node) => node.name === name);
  if (exact.length !== 1) throw new Error(`${String(exact.length)} nodes are called ${name}`);
  return exact[0] as GraphNode;
}

async function node(id: string): Promise<GraphNode> {
  return GraphNodeSchema.parse(await suite.getJson(`/api/nodes/${encodeURIComponent(id)}`));
}

async function link(id: string): Promise<Link> {
  return LinkSchema.parse(await suite.getJson(`/api/links/${encodeURIComponent(id)}`));
}

/** The links between two nodes on the server's map. */
function linksBetween(map: MapResponse, a: string, b: string) {
  return map.links.filter(
    (candidate) =>
      (candidate.source === a && candidate.target === b) ||
      (candidate.source === b && candidate.target === a),
  );
}

/** Every node's saved position but those of `except`, by id. */
function positionsOf(map: MapResponse, except: readonly string[]): Map<string, Point> {
  return new Map(
    map.nodes
      .filter((candidate) => !except.includes(candidate.id))
      .map((candidate) => [candidate.id, { x: candidate.x, y: candidate.y }]),
  );
}

/** Selects a node by typing its name into the search box and choosing the first match. */
async function selectBySearch(page: Page, name: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search the map' });
  await search.fill(name);
  await shown(page.getByRole('option', { name: new RegExp(name) }).first());
  await search.press('Enter');
  await expect
    .poll(() => page.getByRole('complementary', { name: 'Details' }).textContent())
    .toContain(name);
}

/** Where a node is drawn on the page; throws when it is not on the map. */
async function drawnAt(page: Page, id: string): Promise<Point> {
  const point = await nodeScreenPosition(page, id);
  if (!point) throw new Error(`${id} is not drawn`);
  return point;
}

/** Waits until the element is on screen. */
async function shown(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** Waits until the element has left the page (or is hidden). */
async function gone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** A radio's name: the text of the label around it. */
async function accessibleName(locator: Locator): Promise<string> {
  return (await locator.evaluate((element) => element.closest('label')?.textContent ?? '')).trim();
}

/** Drags with the mouse from `from` to `to` in small steps, as a hand would. */
async function dragMouse(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  // edgehandles snaps to the target on a timer; give it a moment before letting go.
  await page.waitForTimeout(250);
  await page.mouse.up();
}

describe('editing on the map', () => {
  it(
    ...suite.inPage(
      'adds an organisation from search and links it by dragging, moving no other node',
      async (page) => {
        const before = await loadedMap(page);
        const foodBank = await nodeNamed('Harbourside Food Bank');

        const search = page.getByRole('combobox', { name: 'Search the map' });
        await search.fill('Lantern Repair Café');
        await page
          .getByRole('button', { name: 'Add “Lantern Repair Café” as a new organisation…' })
          .click();
        const dialog = page.getByRole('dialog', { name: 'Add to the map' });
        expect(await dialog.getByLabel('Name').inputValue()).toBe('Lantern Repair Café');
        await dialog.getByLabel('Description').fill('Fixes toasters and bikes on Saturdays');
        await dialog.getByRole('button', { name: 'Add to the map' }).click();
        await gone(dialog);

        const created = await nodeNamed('Lantern Repair Café');
        expect(created).toMatchObject({
          kind: 'organisation',
          orgKind: 'community_group',
          description: 'Fixes toasters and bikes on Saturdays',
        });
        const details = page.getByRole('complementary', { name: 'Details' });
        await shown(details.getByRole('heading', { name: 'Lantern Repair Café' }));
        const afterCreate = await loadedMap(page);
        expect(afterCreate.nodes).toHaveLength(before.nodes.length + 1);
        expect(positionsOf(afterCreate, [created.id])).toEqual(positionsOf(before, []));

        // The map came to the new group; see all of it again (the legend folded, so nothing
        // covers the ring where the new group waits), then drag from the handle beside the new
        // group to the food bank.
        await page.getByRole('button', { name: 'Legend', exact: true }).click();
        await page
          .getByRole('toolbar', { name: 'Map tools' })
          .getByRole('button', { name: 'Fit' })
          .click();
        // One step out, so no group of the ring lies under the toolbar or the timeline.
        await page.keyboard.press('-');
        await settled(page);
        const handle = page.getByRole('button', { name: 'Draw a link from Lantern Repair Café' });
        const box = await handle.boundingBox();
        if (!box) throw new Error('no link handle');
        await dragMouse(
          page,
          { x: box.x + box.width / 2, y: box.y + box.height / 2 },
          await drawnAt(page, foodBank.id),
        );
        const linkDialog = page.getByRole('dialog', {
          name: 'Link Lantern Repair Café and Harbourside Food Bank',
        });
        await shown(linkDialog);
        // Only what the rules allow between two organisations, collaboration first.
        const kinds = linkDialog.getByRole('radio');
        expect(await kinds.first().isChecked()).toBe(true);
        expect(await accessibleName(kinds.first())).toBe(
          'Lantern Repair Café works with Harbourside Food Bank',
        );
        await expect
          .poll(() => linkDialog.getByRole('radio', { name: /works at/ }).count())
          .toBe(0);
        await linkDialog.getByRole('button', { name: 'Add link' }).click();
        await gone(linkDialog);

        const afterLink = await loadedMap(page);
        const made = linksBetween(afterLink, created.id, foodBank.id);
        expect(made).toHaveLength(1);
        expect(made[0]?.kind).toBe('COLLABORATES_WITH');
        expect(afterLink.links).toHaveLength(before.links.length + 1);
        // The new group moved beside the food bank (its first link); nothing else moved.
        expect(positionsOf(afterLink, [created.id])).toEqual(positionsOf(before, []));
        const placed = afterLink.nodes.find((candidate) => candidate.id === created.id);
        const anchor = afterLink.nodes.find((candidate) => candidate.id === foodBank.id);
        if (!placed || !anchor) throw new Error('a node is missing from the map');
        const spread = Math.max(
          ...before.nodes.map((candidate) => Math.hypot(candidate.x, candidate.y)),
        );
        expect(Math.hypot(placed.x - anchor.x, placed.y - anchor.y)).toBeLessThan(spread / 4);
      },
    ),
  );

  it(
    ...suite.inPage(
      'offers the group already on the map before adding a near-duplicate',
      async (page) => {
        const before = await loadedMap(page);
        const search = page.getByRole('combobox', { name: 'Search the map' });
        await search.fill('Harbourside Food Bnak');
        await page
          .getByRole('button', { name: 'Add “Harbourside Food Bnak” as a new organisation…' })
          .click();
        const dialog = page.getByRole('dialog', { name: 'Add to the map' });
        const existing = dialog.getByRole('button', { name: 'Show Harbourside Food Bank' });
        await shown(existing);
        await existing.click();
        await gone(dialog);
        const details = page.getByRole('complementary', { name: 'Details' });
        await shown(details.getByRole('heading', { name: 'Harbourside Food Bank' }));
        // Nothing was added.
        expect((await suite.map()).nodes).toHaveLength(before.nodes.length);
      },
    ),
  );

  it(
    ...suite.inPage('links two groups with “Link to…” from the keyboard alone', async (page) => {
      await loadedMap(page);
      const pigeons = await nodeNamed('Northgate Homing Pigeon Society');
      const choir = await nodeNamed('Harbour Lights Choir');
      await selectBySearch(page, 'Northgate Homing Pigeon Society');
      // The search box gives the keys back to the page once a result is chosen.
      await page.keyboard.press('k');
      // Its title names the second group once it is chosen.
      const dialog = page.getByRole('dialog');
      await shown(
        dialog.getByRole('heading', { name: 'Link Northgate Homing Pigeon Society to…' }),
      );
      const picker = dialog.getByRole('combobox', { name: 'Find who or what to link to' });
      await expect.poll(() => isFocused(picker)).toBe(true);
      await picker.pressSequentially('harbour lig');
      await shown(dialog.getByRole('option', { name: /Harbour Lights Choir/ }));
      await picker.press('Enter');
      await expect.poll(() => isFocused(dialog.getByRole('radio').first())).toBe(true);
      await page.keyboard.press('Tab');
      for (let presses = 0; presses < 12; presses += 1) {
        if (
          await dialog
            .getByRole('button', { name: 'Add link' })
            .evaluate((b) => b === document.activeElement)
        )
          break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await gone(dialog);
      const map = await loadedMap(page);
      expect(linksBetween(map, pigeons.id, choir.id)).toHaveLength(1);
      // Its details now list the choir among its connections.
      await shown(
        page
          .getByRole('complementary', { name: 'Details' })
          .getByText('Harbour Lights Choir')
          .first(),
      );
    }),
  );

  it(
    ...suite.inPage('adds a group at the spot the map’s menu was opened', async (page) => {
      const before = await loadedMap(page);
      const canvas = await canvasBox(page);
      // An empty spot: the top-left part of the canvas, clear of the toolbar.
      const spot = { x: canvas.x + 80, y: canvas.y + 140 };
      // How saved positions map to the screen right now: one factor, from two nodes far apart.
      const [first, ...rest] = before.nodes;
      if (!first) throw new Error('the map is empty');
      const far = rest.reduce((best, candidate) =>
        Math.abs(candidate.x - first.x) > Math.abs(best.x - first.x) ? candidate : best,
      );
      const [firstDrawn, farDrawn] = [await drawnAt(page, first.id), await drawnAt(page, far.id)];
      const factor = (farDrawn.x - firstDrawn.x) / (far.x - first.x);
      const expected = {
        x: first.x + (spot.x - firstDrawn.x) / factor,
        y: first.y + (spot.y - firstDrawn.y) / factor,
      };

      await page.mouse.click(spot.x, spot.y, { button: 'right' });
      await page.getByRole('menuitem', { name: /^Add a group, person/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Add to the map' });
      await expect.poll(() => dialog.textContent()).toContain('It goes where you clicked.');
      await dialog.getByLabel('Name').fill('Quayside Seed Library');
      await dialog.getByRole('button', { name: 'Add to the map' }).click();
      await gone(dialog);
      const created = await nodeNamed('Quayside Seed Library');
      const after = await loadedMap(page);
      expect(after.nodes).toHaveLength(before.nodes.length + 1);
      expect(positionsOf(after, [created.id])).toEqual(positionsOf(before, []));
      const saved = after.nodes.find((candidate) => candidate.id === created.id);
      if (!saved) throw new Error('the new node is not on the map');
      // Within a pixel or two of the spot clicked, in the map's own units.
      const tolerance = 3 / Math.abs(factor);
      expect(Math.abs(saved.x - expected.x)).toBeLessThan(tolerance);
      expect(Math.abs(saved.y - expected.y)).toBeLessThan(tolerance);
    }),
  );
});

/** The same edits at a desk and on a phone. */
const DEVICES = [
  ['desk', { viewport: { width: 1280, height: 800 } }, 'Dockside Café CIC'],
  ['phone', PHONE, 'Harbourside Community Centre'],
] as const;

describe.each(DEVICES)('editing on a %s', (deviceName, device, groupName) => {
  it(
    ...suite.inPage(
      "edits a group's description, shows the server's problem on its field, and a link's strength",
      async (page) => {
        await loadedMap(page);
        const dockside = await nodeNamed(groupName);
        await selectBySearch(page, groupName);
        const details = page.getByRole('complementary', { name: 'Details' });
        await details.getByRole('button', { name: 'Edit', exact: true }).click();
        const form = details.getByRole('form', { name: `Edit ${groupName}` });

        await form.getByLabel('Website').fill('dockside dot org');
        await form.getByRole('button', { name: 'Save' }).click();
        const website = form.getByLabel('Website');
        await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
        await shown(form.getByText('must be an http or https address'));
        // Nothing was saved: the stored group is as it was.
        expect(await node(dockside.id)).toEqual(dockside);

        await website.fill('https://dockside.example.org');
        await form
          .getByLabel('Description')
          .fill(`Pay-as-you-feel café; kitchen jobs for 16–24s (${deviceName}).`);
        await form.getByRole('button', { name: 'Save' }).click();
        await gone(form);
        await expect
          .poll(() => details.textContent())
          .toContain(`Pay-as-you-feel café; kitchen jobs for 16–24s (${deviceName}).`);
        expect(await node(dockside.id)).toMatchObject({
          description: `Pay-as-you-feel café; kitchen jobs for 16–24s (${deviceName}).`,
          website: 'https://dockside.example.org',
        });

        // A link's strength, from the connections list.
        const neighbourhood = (await suite.getJson(
          `/api/nodes/${dockside.id}/neighbourhood?depth=1`,
        )) as { links: Link[]; nodes: GraphNode[] };
        const collaboration = neighbourhood.links.find(
          (candidate) =>
            candidate.kind === 'COLLABORATES_WITH' &&
            (candidate.source === dockside.id || candidate.target === dockside.id),
        );
        if (!collaboration) throw new Error(`${groupName} has no collaboration in the demo`);
        const otherId =
          collaboration.source === dockside.id ? collaboration.target : collaboration.source;
        const other = neighbourhood.nodes.find((candidate) => candidate.id === otherId);
        const nameOf = (id: string) =>
          neighbourhood.nodes.find((candidate) => candidate.id === id)?.name ?? id;
        await details.getByRole('button', { name: `Edit link with ${other?.name ?? ''}` }).click();
        const linkDialog = page.getByRole('dialog', { name: 'Edit link' });
        await linkDialog.getByLabel('Strength').selectOption({ label: 'Strong' });
        await linkDialog.getByRole('button', { name: 'Save' }).click();
        await gone(linkDialog);
        expect((await link(collaboration.id)).strength).toBe(3);
        const map = await suite.map();
        expect(map.links.find((candidate) => candidate.id === collaboration.id)?.strength).toBe(3);

        // Its kind: a collaboration becomes funding, between the same two, keeping its strength.
        await details.getByRole('button', { name: `Edit link with ${other?.name ?? ''}` }).click();
        await linkDialog
          .getByRole('radio', {
            name: `${nameOf(collaboration.source)} funds ${nameOf(collaboration.target)}`,
          })
          .check();
        await linkDialog.getByRole('button', { name: 'Save' }).click();
        await gone(linkDialog);
        const after = await suite.map();
        expect(after.links.some((candidate) => candidate.id === collaboration.id)).toBe(false);
        const funding = linksBetween(after, dockside.id, otherId).filter(
          (candidate) => candidate.kind === 'FUNDS',
        );
        expect(funding).toHaveLength(1);
        expect(funding[0]).toMatchObject({ source: collaboration.source, strength: 3 });
      },
      { device },
    ),
  );

  it(
    ...suite.inPage(
      'deletes a link and brings it back with Undo',
      async (page) => {
        const before = await loadedMap(page);
        const youthClub = await nodeNamed('Harbourside Youth Club');
        const neighbourhood = (await suite.getJson(
          `/api/nodes/${youthClub.id}/neighbourhood?depth=1`,
        )) as { links: Link[]; nodes: GraphNode[] };
        const target = neighbourhood.links.find(
          (candidate) => candidate.source === youthClub.id || candidate.target === youthClub.id,
        );
        if (!target) throw new Error('the youth club has no link in the demo');
        const otherId = target.source === youthClub.id ? target.target : target.source;
        const other = neighbourhood.nodes.find((candidate) => candidate.id === otherId);

        await selectBySearch(page, 'Harbourside Youth Club');
        const details = page.getByRole('complementary', { name: 'Details' });
        await details.getByRole('button', { name: `Edit link with ${other?.name ?? ''}` }).click();
        page.once('dialog', (confirm) => {
          void confirm.accept();
        });
        await page
          .getByRole('dialog', { name: 'Edit link' })
          .getByRole('button', { name: 'Delete link' })
          .click();
        const notice = page.getByRole('status').filter({ hasText: 'Deleted the link' });
        await shown(notice);
        await expect
          .poll(async () => (await suite.map()).links.length)
          .toBe(before.links.length - 1);
        await expect
          .poll(() => canvasCounts(page))
          .toEqual({ nodes: before.nodes.length, links: before.links.length - 1 });

        await notice.getByRole('button', { name: 'Undo' }).click();
        await shown(page.getByRole('status').filter({ hasText: 'Undone' }));
        expect((await link(target.id)).id).toBe(target.id);
        await expect
          .poll(() => canvasCounts(page))
          .toEqual({ nodes: before.nodes.length, links: before.links.length });
      },
      { device },
    ),
  );

  it(
    ...suite.inPage(
      'shows a conflict when two editors save the same group, and keeps the chosen change',
      async (page) => {
        const tidemark = await nodeNamed('Tidemark Arts CIC');
        await loadedMap(page);
        await suite.withPage(
          'the second editor',
          async (other) => {
            await loadedMap(other);
            for (const editor of [page, other]) {
              await selectBySearch(editor, 'Tidemark Arts CIC');
              await editor
                .getByRole('complementary', { name: 'Details' })
                .getByRole('button', { name: 'Edit', exact: true })
                .click();
            }
            const formOf = (editor: Page) =>
              editor.getByRole('form', { name: 'Edit Tidemark Arts CIC' });

            await formOf(other)
              .getByLabel('Description')
              .fill(`Studio by the harbour (theirs, ${deviceName}).`);
            await formOf(other).getByLabel('Needs').fill(`referrals, a ${deviceName} kiln`);
            await formOf(other).getByRole('button', { name: 'Save' }).click();
            await gone(formOf(other));

            await formOf(page)
              .getByLabel('Description')
              .fill(`Art-therapy groups (mine, ${deviceName}).`);
            await formOf(page).getByRole('button', { name: 'Save' }).click();
            const conflict = formOf(page).getByRole('alert').filter({
              hasText: 'Someone else changed this while you were editing',
            });
            await shown(conflict);
            await expect
              .poll(() => conflict.textContent())
              .toContain(`Description: now “Studio by the harbour (theirs, ${deviceName}).”`);
            await expect.poll(() => conflict.textContent()).toContain('You changed this too');
            await expect
              .poll(() => conflict.textContent())
              .toContain(`Needs: now “referrals, a ${deviceName} kiln”`);
            // Nothing of mine was saved over theirs.
            expect(await node(tidemark.id)).toMatchObject({
              description: `Studio by the harbour (theirs, ${deviceName}).`,
            });

            await conflict.getByRole('button', { name: 'Keep my changes' }).click();
            await gone(formOf(page));
            // Mine where I changed something, theirs everywhere else.
            expect(await node(tidemark.id)).toMatchObject({
              description: `Art-therapy groups (mine, ${deviceName}).`,
              needs: ['referrals', `a ${deviceName} kiln`],
            });
          },
          { path: '/', device },
        );
      },
      { device },
    ),
  );
});

describe('editing on a phone', () => {
  it(
    ...suite.inPage(
      'adds an organisation from search and links it with “Link to…” by touch',
      async (page) => {
        const before = await loadedMap(page);
        const centre = await nodeNamed('Harbourside Community Centre');
        const search = page.getByRole('combobox', { name: 'Search the map' });
        await search.tap();
        await search.fill('Quay Street Pantry');
        await page
          .getByRole('button', { name: 'Add “Quay Street Pantry” as a new organisation…' })
          .tap();
        const dialog = page.getByRole('dialog', { name: 'Add to the map' });
        const picker = dialog.getByRole('combobox', { name: 'Link it to' });
        await picker.tap();
        await picker.fill('community cen');
        await dialog.getByRole('option', { name: /Harbourside Community Centre/ }).tap();
        await expect
          .poll(() => dialog.textContent())
          .toContain('Quay Street Pantry works with Harbourside Community Centre');
        await dialog.getByRole('button', { name: 'Add to the map' }).tap();
        await gone(dialog);

        const created = await nodeNamed('Quay Street Pantry');
        const after = await loadedMap(page);
        expect(after.nodes).toHaveLength(before.nodes.length + 1);
        expect(linksBetween(after, created.id, centre.id)).toHaveLength(1);
        expect(positionsOf(after, [created.id])).toEqual(positionsOf(before, []));
        // Placed beside the centre it was linked to, not on the far ring.
        const placed = after.nodes.find((candidate) => candidate.id === created.id);
        const anchor = after.nodes.find((candidate) => candidate.id === centre.id);
        if (!placed || !anchor) throw new Error('a node is missing from the map');
        const spread = Math.max(...before.nodes.map((n) => Math.hypot(n.x, n.y)));
        expect(Math.hypot(placed.x - anchor.x, placed.y - anchor.y)).toBeLessThan(spread / 4);
      },
      { device: PHONE },
    ),
  );
});

/** Drags one finger from `from` to `to` (Chrome's touch events, as a phone sends them). */
async function dragFinger(page: Page, from: Point, to: Point): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point: Point | null) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: point === null ? [] : [{ x: point.x, y: point.y }],
    });
  await touch('touchStart', from);
  for (let step = 1; step <= 12; step += 1) {
    const share = step / 12;
    await touch('touchMove', {
      x: from.x + (to.x - from.x) * share,
      y: from.y + (to.y - from.y) * share,
    });
  }
  await page.waitForTimeout(250);
  await touch('touchEnd', null);
  await cdp.detach();
}

describe('drawing a link on a phone', () => {
  it(
    ...suite.inPage(
      'links two groups by dragging from the handle with a finger',
      async (page) => {
        const before = await loadedMap(page);
        const dockside = before.nodes.find((candidate) => candidate.name === 'Dockside Café CIC');
        if (!dockside) throw new Error('Dockside Café CIC is not on the map');
        // A new group saved right beside Dockside, so both are on a phone's screen at once.
        const spot = { x: dockside.x + 80, y: dockside.y };
        const response = await fetch(
          `${suite.baseUrl()}/api/nodes?x=${String(spot.x)}&y=${String(spot.y)}`,
          {
            method: 'POST',
            headers: { ...(await suite.adminHeaders()), 'content-type': 'application/json' },
            body: JSON.stringify({
              kind: 'organisation',
              name: 'Slipway Rowing Club',
              orgKind: 'community_group',
            }),
          },
        );
        expect(response.status).toBe(201);
        const rowing = GraphNodeSchema.parse(await response.json());
        await page.reload();
        await loadedMap(page);
        await selectBySearch(page, 'Slipway Rowing Club');
        const handle = page.getByRole('button', { name: 'Draw a link from Slipway Rowing Club' });
        await shown(handle);
        await settled(page);
        const box = await handle.boundingBox();
        if (!box) throw new Error('no link handle');
        await dragFinger(
          page,
          { x: box.x + box.width / 2, y: box.y + box.height / 2 },
          await drawnAt(page, dockside.id),
        );
        const dialog = page.getByRole('dialog', {
          name: 'Link Slipway Rowing Club and Dockside Café CIC',
        });
        await shown(dialog);
        await dialog.getByRole('button', { name: 'Add link' }).tap();
        await gone(dialog);
        const after = await loadedMap(page);
        expect(linksBetween(after, rowing.id, dockside.id)).toHaveLength(1);
        // It was placed where it was asked for, and its first link moved nothing.
        expect(positionsOf(after, [])).toEqual(
          new Map([...positionsOf(before, []), [rowing.id, spot]]),
        );
      },
      { device: PHONE },
    ),
  );
});

describe('editing for viewers', () => {
  it(
    ...suite.inPage(
      'shows a visitor who is not signed in no control that writes',
      async (page) => {
        await loadedMap(page);
        await selectBySearch(page, 'Harbour Lights Choir');
        const details = page.getByRole('complementary', { name: 'Details' });
        await shown(details.getByRole('heading', { name: 'Harbour Lights Choir' }));
        await expect
          .poll(() => page.getByRole('button', { name: 'Edit', exact: true }).count())
          .toBe(0);
        await expect
          .poll(() => page.getByRole('button', { name: /^Draw a link from/ }).count())
          .toBe(0);
        await expect
          .poll(() => page.getByRole('button', { name: /Edit link with/ }).count())
          .toBe(0);
        await expect
          .poll(() => page.getByRole('toolbar').getByRole('button', { name: 'New…' }).count())
          .toBe(0);
        await page.locator('body').press('n');
        await expect
          .poll(() => page.getByRole('dialog', { name: 'Add to the map' }).count())
          .toBe(0);
      },
      { signedIn: false },
    ),
  );
});
