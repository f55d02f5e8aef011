/**
 * Suggested introductions in a real browser: the built client served by the built server over a
 * freshly seeded store, in Debian's Chromium. Dismissing a suggestion takes it off the Insights
 * panel's list and off GET /api/insights/introductions, and the "Dismissed" fold brings it back;
 * Introducing a pair draws one more link on the map (a COLLABORATES_WITH between them) and its
 * Undo takes it away again; the details panel of an organisation lists the suggestions for it
 * (GET /api/insights/introductions?for=).
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import {
  DismissedIntroductionsPageSchema,
  IntroductionsPageSchema,
  type IntroductionItem,
  type MapResponse,
} from '@octograph/graph-schema';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, canvasCounts, loadedCounts, statusCounts } from '../helpers/browser';

const suite = browserSuite();

/** The suggestions the server makes now, best first (for one organisation if `forId`). */
async function suggestions(limit: number, forId?: string): Promise<IntroductionItem[]> {
  const query = forId === undefined ? '' : `&for=${encodeURIComponent(forId)}`;
  const page = IntroductionsPageSchema.parse(
    await suite.getJson(`/api/insights/introductions?limit=${String(limit)}${query}`),
  );
  return page.items;
}

const samePair = (item: IntroductionItem, a: string, b: string) =>
  (item.a.id === a && item.b.id === b) || (item.a.id === b && item.b.id === a);

/** Whether the server still suggests the pair (it would be among the first 500 if it did). */
async function isSuggested(pair: IntroductionItem): Promise<boolean> {
  return (await suggestions(500)).some((item) => samePair(item, pair.a.id, pair.b.id));
}

/** The links between the two organisations on the map the server sends. */
function linksBetween(map: MapResponse, pair: IntroductionItem) {
  return map.links.filter(
    (link) =>
      (link.source === pair.a.id && link.target === pair.b.id) ||
      (link.source === pair.b.id && link.target === pair.a.id),
  );
}

/** "A and B" of a dismissed suggestion. */
function dismissedPairName(item: { a: { name: string }; b: { name: string } } | undefined) {
  if (!item) throw new Error('the dismissed list is empty');
  return `${item.a.name} and ${item.b.name}`;
}

/** What the Introduce button of a suggestion is called (the pair's names are in it). */
const introduceName = (item: IntroductionItem) =>
  `Introduce ${item.a.name} and ${item.b.name}: link them as collaborators`;
const dismissName = (item: IntroductionItem) =>
  `Dismiss the suggestion ${item.a.name} and ${item.b.name}: never suggest it again`;

/** Waits for the whole map, opens Insights and its suggested introductions. */
async function openIntroductions(page: Page): Promise<Locator> {
  const map = await suite.map();
  await expect
    .poll(() => canvasCounts(page), { timeout: 20_000 })
    .toEqual({ nodes: map.nodes.length, links: map.links.length });
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Insights' });
  await panel.getByRole('button', { name: /^Suggested introductions/ }).click();
  return panel;
}

describe('suggested introductions', () => {
  it(
    ...suite.inPage(
      'dismisses a suggestion and restores it from the dismissed fold',
      async (page) => {
        const [first] = await suggestions(10);
        if (!first) throw new Error('the demo network suggests no introduction');
        const panel = await openIntroductions(page);
        const dismiss = panel.getByRole('button', { name: dismissName(first) });
        await expect.poll(() => dismiss.count(), { timeout: 10_000 }).toBe(1);
        // Nothing is dismissed yet, so there is no fold.
        expect(await panel.getByRole('button', { name: /^Dismissed \(/ }).count()).toBe(0);

        await dismiss.click();
        await expect
          .poll(() => panel.getByText(`Dismissed ${first.a.name} and ${first.b.name}`).count())
          .toBe(1);
        await expect.poll(() => dismiss.count()).toBe(0);
        expect(await isSuggested(first)).toBe(false);
        const dismissed = DismissedIntroductionsPageSchema.parse(
          await suite.getJson('/api/insights/introductions/dismissals?limit=10'),
        );
        expect(dismissed.total).toBe(1);

        // The fold lists it; Restore puts it back in the list, and the fold goes away.
        const fold = panel.getByRole('button', { name: 'Dismissed (1)' });
        await expect.poll(() => fold.count()).toBe(1);
        await fold.click();
        const restore = panel.getByRole('button', {
          name: `Restore the suggestion ${dismissedPairName(dismissed.items[0])}`,
        });
        await restore.click();
        await expect.poll(() => dismiss.count(), { timeout: 10_000 }).toBe(1);
        await expect.poll(() => fold.count()).toBe(0);
        expect(await isSuggested(first)).toBe(true);

        // Dismiss again and Undo from the line that says so: the same way back.
        await dismiss.click();
        await expect.poll(() => dismiss.count()).toBe(0);
        await panel.getByRole('button', { name: 'Undo', exact: true }).click();
        await expect.poll(() => dismiss.count(), { timeout: 10_000 }).toBe(1);
        expect(await isSuggested(first)).toBe(true);
      },
    ),
  );

  it(
    ...suite.inPage(
      'introduces a pair: one more link on the map, and Undo removes it',
      async (page) => {
        const [, next] = await suggestions(10);
        if (!next) throw new Error('the demo network suggests fewer than two introductions');
        const panel = await openIntroductions(page);
        const before = await loadedCounts(page);
        expect(linksBetween(await suite.map(), next)).toEqual([]);

        const introduce = panel.getByRole('button', { name: introduceName(next) });
        await expect.poll(() => introduce.count(), { timeout: 10_000 }).toBe(1);
        await introduce.click();

        const after = { nodes: before.nodes, links: before.links + 1 };
        await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(after);
        await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(after);
        const made = linksBetween(await suite.map(), next);
        expect(made.map((link) => link.kind)).toEqual(['COLLABORATES_WITH']);
        expect(await isSuggested(next)).toBe(false);
        await expect.poll(() => introduce.count()).toBe(0);
        expect(await panel.getByText(`Linked ${next.a.name} and ${next.b.name}`).count()).toBe(1);

        // Undo deletes the link it made: the map is as it was, and the pair is suggested again.
        await panel.getByRole('button', { name: 'Undo', exact: true }).click();
        await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(before);
        await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(before);
        expect(linksBetween(await suite.map(), next)).toEqual([]);
        await expect.poll(() => introduce.count(), { timeout: 10_000 }).toBe(1);
      },
    ),
  );

  it(
    ...suite.inPage(
      'lists the suggestions for the selected organisation in its details',
      async (page) => {
        const [item] = await suggestions(10);
        if (!item) throw new Error('the demo network suggests no introduction');
        const id = item.a.id;
        const forIt = IntroductionsPageSchema.parse(
          await suite.getJson(`/api/insights/introductions?limit=5&for=${encodeURIComponent(id)}`),
        );
        expect(forIt.items.length).toBeGreaterThan(0);

        await page.goto(`${suite.baseUrl()}/?node=${encodeURIComponent(id)}`);
        const details = page.getByRole('complementary', { name: 'Details' });
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent(), { timeout: 20_000 })
          .toBe(item.a.name);
        const section = details.getByRole('region', { name: /^Worth introducing/ });
        const introduceButtons = section.getByRole('button', { name: /^Introduce / });
        await expect
          .poll(() => introduceButtons.count(), { timeout: 10_000 })
          .toBe(forIt.items.length);
        const names = await Promise.all(
          (await introduceButtons.all()).map((button) => button.getAttribute('aria-label')),
        );
        expect(names).toEqual(forIt.items.map(introduceName));
        expect(await section.textContent()).toContain(
          forIt.total === 1 ? '1 suggestion' : `${forIt.total.toLocaleString('en')} suggestions`,
        );

        // The other organisation's name is a way to it: choosing it selects it.
        const other = forIt.items[0]?.a.id === id ? forIt.items[0].b : forIt.items[0]?.a;
        if (!other) throw new Error('no suggestion for the organisation');
        await section.getByRole('button', { name: other.name, exact: true }).click();
        await expect
          .poll(() => details.getByRole('heading', { level: 2 }).textContent())
          .toBe(other.name);
      },
    ),
  );
});
