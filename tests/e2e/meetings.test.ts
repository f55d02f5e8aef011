/**
 * The meetings screen in a real browser at phone size (390×844, touch): a coordinator opens a
 * seeded meeting and adds four links in a row with the quick link form's type-ahead pickers (two
 * from the same organisation, which stays chosen after Add; one with an organisation that was not
 * at the meeting, found by name), undoes the last, and the map then has exactly three new links
 * attributed to the meeting — counted by the canvas, and highlighted (alone) by the meeting
 * filter. Also the "did you mean …?" warning before a near-duplicate organisation is added.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
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

/** A node by id and name. */
interface Named {
  id: string;
  name: string;
}

/**
 * A seeded meeting, and four links to add there that do not exist yet in any kind: A with B, A
 * with C (the same first end), D with someone not at the meeting, and E with F, all between
 * organisations (so each is "works with", the kind the form chooses for two organisations).
 */
async function meetingWithNewLinks(): Promise<{
  details: MeetingDetails;
  links: [Named, Named][];
}> {
  const map = await suite.map();
  const linked = new Set(map.links.map((link) => pairKey(link.source, link.target)));
  const free = (a: Named, b: Named) => !linked.has(pairKey(a.id, b.id));
  const nameCount = new Map<string, number>();
  for (const node of map.nodes) nameCount.set(node.name, (nameCount.get(node.name) ?? 0) + 1);
  const list = MeetingListSchema.parse(await suite.getJson('/api/meetings'));
  for (const meeting of list.items) {
    const details = await meetingDetails(meeting.id);
    const side = new Set(details.linkable.map((node) => node.id));
    const organisations = details.linkable.filter(
      (node) => node.kind === 'organisation' && node.orgKind !== 'network',
    );
    const [a, ...rest] = organisations;
    if (!a) continue;
    const b = rest.find((node) => free(a, node));
    const c = rest.find((node) => node !== b && free(a, node));
    const others = rest.filter((node) => node !== b && node !== c);
    const d = others[0];
    const outsider = map.nodes.find(
      (node) =>
        node.kind === 'organisation' &&
        node.orgKind !== 'network' &&
        !side.has(node.id) &&
        nameCount.get(node.name) === 1 &&
        d !== undefined &&
        free(d, node),
    );
    const e = others[1];
    const f = others.slice(2).find((node) => e !== undefined && free(e, node));
    if (b && c && d && outsider && e && f) {
      return {
        details,
        links: [
          [a, b],
          [a, c],
          [d, outsider],
          [e, f],
        ],
      };
    }
  }
  throw new Error('no seeded meeting has four new links to add');
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

/** The option naming `name` exactly in the picker labelled `label`. */
function pickerOption(page: Page, label: string, name: string) {
  return page
    .getByRole('form', { name: 'Links made here' })
    .getByRole('listbox', { name: label })
    .getByRole('option')
    .filter({
      has: page.locator('.node-picker__name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
}

/** Chooses `node` in the picker labelled `label`: its name typed, then its option tapped. */
async function pick(page: Page, label: string, node: Named): Promise<void> {
  const form = page.getByRole('form', { name: 'Links made here' });
  await form.getByRole('combobox', { name: label, exact: true }).fill(node.name);
  await pickerOption(page, label, node.name).tap();
}

describe('meetings on a phone', () => {
  it('adds four links with the pickers, undoes the last, and the map shows three new links from the meeting', async () => {
    const { details, links } = await meetingWithNewLinks();
    const meetingId = details.meeting.id;
    const before = await suite.map();
    const linksBefore = before.links.filter((link) => link.meetingId === meetingId).length;

    await suite.withPage(
      'meetings add four links and undo one',
      async (page) => {
        const counts = await mapDrawn(page);
        await openMeeting(page, details.meeting.name);
        const form = page.getByRole('form', { name: 'Links made here' });
        const notice = page.locator('.quick-link__notice');
        const change = (label: string) =>
          form.getByRole('button', { name: new RegExp(`^${label}: choose someone else`) });

        // The meeting's people and organisations are listed before anything is typed.
        const [firstA] = links[0] ?? [];
        await pickerOption(page, 'Who', firstA?.name ?? '').waitFor();

        for (const [index, [a, b]] of links.entries()) {
          const kept = index > 0 && links[index - 1]?.[0].id === a.id;
          if (kept) {
            // The first end stayed from the last link, and the focus waits in "With".
            expect(await change('Who').getAttribute('aria-label')).toBe(
              `Who: choose someone else instead of ${a.name}`,
            );
          } else {
            if (index > 0) await change('Who').tap();
            await pick(page, 'Who', a);
          }
          await pick(page, 'With', b);
          // Only the kinds allowed between two organisations, "works with" chosen.
          const kinds = form.getByRole('radio');
          expect(
            await kinds.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value'))),
          ).toEqual(['COLLABORATES_WITH', 'FUNDS']);
          expect(
            await form.getByRole('radio', { name: `${a.name} works with ${b.name}` }).isChecked(),
          ).toBe(true);
          await form.getByRole('button', { name: 'Add link' }).tap();
          await expect.poll(() => notice.textContent()).toBe(`Added: ${a.name} and ${b.name}.`);
          // Ready for the next one: the first end and the kind kept, "With" empty and focused.
          const withWhom = form.getByRole('combobox', { name: 'With', exact: true });
          await expect
            .poll(() => withWhom.evaluate((element) => element === document.activeElement))
            .toBe(true);
          expect(await withWhom.inputValue()).toBe('');
          expect(await change('Who').getAttribute('aria-label')).toBe(
            `Who: choose someone else instead of ${a.name}`,
          );
        }
        expect(await scrollsSideways(page)).toBe(false);
        const session = page.getByRole('list', { name: 'Added just now' });
        const [outsideFrom, outsider] = links[2] ?? [];
        await session
          .getByText(`${outsideFrom?.name ?? ''} works with ${outsider?.name ?? ''}`)
          .waitFor();

        const [lastA, lastB] = links[3] ?? [];
        await page
          .getByRole('button', {
            name: `Undo the link between ${lastA?.name ?? ''} and ${lastB?.name ?? ''}`,
          })
          .tap();
        await expect
          .poll(() => notice.textContent())
          .toBe(`Undone: ${lastA?.name ?? ''} and ${lastB?.name ?? ''}.`);
        await expect.poll(() => session.getByRole('listitem').count()).toBe(3);
        await page
          .getByText(`${String(linksBefore + 3)} links formed at this meeting`, { exact: true })
          .waitFor();

        // The API: exactly the first three are new, all from this meeting, since its date — the
        // one with the organisation that was not there too.
        const after = await suite.map();
        const fromMeeting = after.links.filter((link) => link.meetingId === meetingId);
        expect(fromMeeting).toHaveLength(linksBefore + 3);
        const beforeIds = new Set(before.links.map((link) => link.id));
        const added = after.links.filter((link) => !beforeIds.has(link.id));
        expect(added.map((link) => pairKey(link.source, link.target)).sort()).toEqual(
          links
            .slice(0, 3)
            .map(([a, b]) => pairKey(a.id, b.id))
            .sort(),
        );
        for (const link of added) {
          expect(link).toMatchObject({
            kind: 'COLLABORATES_WITH',
            meetingId,
            since: details.meeting.date,
          });
        }
        const afterDetails = await meetingDetails(meetingId);
        expect(afterDetails.others.map((node) => node.id)).toContain(outsider?.id);

        // Back on the map: the canvas draws three more links.
        await page.getByRole('button', { name: 'Back to the map' }).tap();
        expect(await mapDrawn(page)).toEqual({ nodes: counts.nodes, links: counts.links + 3 });

        // The meeting filter highlights exactly the meeting's links (and their ends). The
        // Meetings button comes back to the meeting left open.
        await page.getByRole('button', { name: 'Meetings', exact: true }).tap();
        await page.getByRole('heading', { level: 2, name: details.meeting.name }).waitFor();
        await page.getByRole('button', { name: 'Show on map' }).tap();
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
