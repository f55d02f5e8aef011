/**
 * The meetings screen in a real browser at phone size (390×844): a coordinator opens a seeded
 * meeting, adds three links in a row with the quick link form, undoes the last one, and the map
 * then has exactly two new links attributed to the meeting — counted by the status line and the
 * canvas, and highlighted (alone) by the meeting filter. Also the "did you mean …?" warning before
 * a near-duplicate organisation is added.
 *
 * Needs `npm run build` first (client/dist, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import {
  MeetingDetailsSchema,
  MeetingListSchema,
  NodePageSchema,
  type MeetingDetails,
} from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  focusedIds,
  PHONE,
  type Counts,
  type TestHandleWindow,
} from '../helpers/browser';

const suite = browserSuite();

async function meetingDetails(id: string): Promise<MeetingDetails> {
  return MeetingDetailsSchema.parse(await suite.getJson(`/api/meetings/${id}`));
}

/** The key of an undirected pair. */
const pairKey = (a: string, b: string) => [a, b].sort().join('|');

/**
 * A seeded meeting with three pairs of its linkable organisations that have no link of any kind
 * between them on the map, each pair sharing no organisation with another (so the three rows are
 * plainly new links).
 */
async function meetingWithNewPairs(): Promise<{
  details: MeetingDetails;
  pairs: [string, string][];
}> {
  const map = await suite.map();
  const linked = new Set(map.links.map((link) => pairKey(link.source, link.target)));
  const list = MeetingListSchema.parse(await suite.getJson('/api/meetings'));
  for (const meeting of list.items) {
    const details = await meetingDetails(meeting.id);
    const organisations = details.linkable.filter((node) => node.kind === 'organisation');
    const used = new Set<string>();
    const pairs: [string, string][] = [];
    for (const a of organisations) {
      for (const b of organisations) {
        if (pairs.length === 3) break;
        if (a.id >= b.id || used.has(a.id) || used.has(b.id)) continue;
        if (linked.has(pairKey(a.id, b.id))) continue;
        pairs.push([a.id, b.id]);
        used.add(a.id);
        used.add(b.id);
      }
    }
    if (pairs.length === 3) return { details, pairs };
  }
  throw new Error('no seeded meeting has three unlinked pairs of organisations');
}

/** From the map, through the header's Meetings button, to the meeting named `name`. */
async function openMeeting(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Meetings', exact: true }).click();
  const meetings = page.getByRole('region', { name: 'Meetings' });
  await meetings.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
  await meetings.getByRole('heading', { level: 2, name }).waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits until the canvas draws what GET /api/map answers now, and returns those counts (a phone
 * has no status line: the header has no room for it).
 */
async function mapDrawn(page: Page): Promise<Counts> {
  const map = await suite.map();
  const counts = { nodes: map.nodes.length, links: map.links.length };
  await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(counts);
  return counts;
}

/** Whether the page scrolls sideways (it must not, on a phone). */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

describe('meetings on a phone', () => {
  it('adds three links in a row, undoes the last, and the map shows two new links from the meeting', async () => {
    const { details, pairs } = await meetingWithNewPairs();
    const meetingId = details.meeting.id;
    const names = new Map(details.linkable.map((node) => [node.id, node.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const before = await suite.map();
    const linksBefore = before.links.filter((link) => link.meetingId === meetingId).length;

    await suite.withPage(
      'meetings add three links and undo one',
      async (page) => {
        const counts = await mapDrawn(page);
        await openMeeting(page, details.meeting.name);
        const form = page.getByRole('form', { name: 'Links made here' });
        const who = form.getByLabel('Who', { exact: true });
        const withWhom = form.getByLabel('With', { exact: true });
        const notice = page.locator('.quick-link__notice');

        expect(await form.getByLabel('Kind of link').inputValue()).toBe('COLLABORATES_WITH');
        for (const [a, b] of pairs) {
          await who.selectOption(a);
          await withWhom.selectOption(b);
          await form.getByRole('button', { name: 'Add link' }).click();
          await expect
            .poll(() => notice.textContent())
            .toBe(`Added: ${nameOf(a)} and ${nameOf(b)}.`);
          // Ready for the next one: pickers cleared, the focus back on the first.
          expect(await who.inputValue()).toBe('');
          expect(await withWhom.inputValue()).toBe('');
          expect(await who.evaluate((element) => element === document.activeElement)).toBe(true);
        }
        expect(await scrollsSideways(page)).toBe(false);

        const [lastA, lastB] = pairs[2] ?? [];
        await page
          .getByRole('button', {
            name: `Undo the link between ${nameOf(lastA ?? '')} and ${nameOf(lastB ?? '')}`,
          })
          .click();
        await expect
          .poll(() => notice.textContent())
          .toBe(`Undone: ${nameOf(lastA ?? '')} and ${nameOf(lastB ?? '')}.`);
        await expect
          .poll(() =>
            page.getByRole('list', { name: 'Added just now' }).getByRole('listitem').count(),
          )
          .toBe(2);

        // The API: exactly the first two pairs are new, both from this meeting, since its date.
        const after = await suite.map();
        const fromMeeting = after.links.filter((link) => link.meetingId === meetingId);
        expect(fromMeeting).toHaveLength(linksBefore + 2);
        const beforeIds = new Set(before.links.map((link) => link.id));
        const added = after.links.filter((link) => !beforeIds.has(link.id));
        expect(added.map((link) => pairKey(link.source, link.target)).sort()).toEqual(
          pairs
            .slice(0, 2)
            .map(([a, b]) => pairKey(a, b))
            .sort(),
        );
        for (const link of added) {
          expect(link).toMatchObject({ meetingId, since: details.meeting.date });
        }

        // Back on the map: the canvas draws two more links.
        await page.getByRole('button', { name: 'Back to the map' }).click();
        expect(await mapDrawn(page)).toEqual({ nodes: counts.nodes, links: counts.links + 2 });

        // The meeting filter highlights exactly the meeting's links (and their ends). The
        // Meetings button comes back to the meeting left open.
        await page.getByRole('button', { name: 'Meetings', exact: true }).click();
        await page.getByRole('heading', { level: 2, name: details.meeting.name }).waitFor();
        await page.getByRole('button', { name: 'Show on map' }).click();
        expect(new URL(page.url()).searchParams.get('meeting')).toBe(meetingId);
        const meetingLinks = fromMeeting.map((link) => link.id).sort();
        await expect
          .poll(() =>
            page.evaluate(
              () => (window as TestHandleWindow).__octograph?.highlightedLinkIds() ?? [],
            ),
          )
          .toEqual(meetingLinks);
        const ends = new Set(fromMeeting.flatMap((link) => [link.source, link.target]));
        const focused = await focusedIds(page);
        expect(focused.filter((id) => id !== meetingId).sort()).toEqual([...ends].sort());
        await page
          .getByRole('group', { name: `Links formed at ${details.meeting.name}` })
          .getByText(`${String(fromMeeting.length)} links formed at ${details.meeting.name}`)
          .waitFor();
      },
      { device: PHONE },
    );
  });

  it('warns "did you mean …?" before a near-duplicate organisation and adds the one that exists', async () => {
    const map = await suite.map();
    const list = MeetingListSchema.parse(await suite.getJson('/api/meetings'));
    const meeting = list.items[list.items.length - 1];
    if (!meeting) throw new Error('no seeded meeting');
    const details = await meetingDetails(meeting.id);
    const attending = new Set(details.linkable.map((node) => node.id));
    // An organisation not at the meeting whose name, less its last letter, the server finds alike.
    let existing: { id: string; name: string } | undefined;
    let typed = '';
    for (const node of map.nodes) {
      if (node.kind !== 'organisation' || attending.has(node.id) || node.name.length < 8) continue;
      const candidate = node.name.slice(0, -1);
      const similar = (await suite.getJson(
        `/api/similar-nodes?kind=organisation&name=${encodeURIComponent(candidate)}`,
      )) as { items: { id: string }[] };
      if (similar.items[0]?.id === node.id) {
        existing = node;
        typed = candidate;
        break;
      }
    }
    if (!existing) throw new Error('no organisation the server finds alike');
    const found = existing;

    await suite.withPage(
      'meetings did you mean',
      async (page) => {
        await mapDrawn(page);
        await openMeeting(page, meeting.name);
        await page.getByLabel('Add an attendee').fill(typed);
        await page.getByRole('button', { name: `Add “${typed}” as new…` }).click();
        const warning = page.getByRole('alert').filter({ hasText: 'Did you mean…?' });
        await warning.getByRole('button', { name: `Add ${found.name}` }).click();
        const attendees = page.locator('.attendee-list');
        await attendees.getByText(found.name, { exact: true }).waitFor();
        expect(await scrollsSideways(page)).toBe(false);

        const after = await meetingDetails(meeting.id);
        expect(after.attendees.map((attendee) => attendee.id)).toContain(found.id);
        const duplicates = NodePageSchema.parse(
          await suite.getJson(`/api/nodes?q=${encodeURIComponent(typed)}&kind=organisation`),
        ).items.filter((node) => node.name === typed);
        expect(duplicates).toEqual([]);
      },
      { device: PHONE },
    );
  });
});
