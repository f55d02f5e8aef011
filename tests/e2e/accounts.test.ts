/**
 * Accounts in a real browser: the built client served by the built server (with an admin made
 * on start, tests/helpers/app-process.ts) over a freshly seeded store, in Debian's Chromium. A
 * visitor signs in through the sign-in screen (a wrong password first, which the server's own
 * words explain), introduces two pairs of organisations, finds both changes in History, is told
 * why one cannot be undone (someone else undid it meanwhile) and undoes the other (the map loses
 * its link again), and signs out: the sign-in screen is back and a write with the old
 * session is refused with 401. All of it raises no Content-Security-Policy violation. A viewer,
 * invited by the admin and choosing a password through the invitation link, is shown no control
 * that writes.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import {
  InvitationSchema,
  IntroductionsPageSchema,
  type IntroductionItem,
  type MapResponse,
} from '@octograph/graph-schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  loadedCounts,
  statusCounts,
  watchPolicy,
} from '../helpers/browser';

const suite = browserSuite();

/** The first introductions the server suggests now. */
async function suggestions(): Promise<IntroductionItem[]> {
  return IntroductionsPageSchema.parse(await suite.getJson('/api/insights/introductions?limit=10'))
    .items;
}

/** The links between the pair on the map the server sends. */
function linksBetween(map: MapResponse, pair: IntroductionItem) {
  return map.links.filter(
    (link) =>
      (link.source === pair.a.id && link.target === pair.b.id) ||
      (link.source === pair.b.id && link.target === pair.a.id),
  );
}

/** A write the page sends itself, with the CSRF token it was given: its status. */
function dismissFromPage(page: Page, pair: IntroductionItem, csrfToken: string): Promise<number> {
  return page.evaluate(
    async ({ a, b, token }) => {
      const response = await fetch('/api/insights/introductions/dismissals', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ a, b }),
      });
      return response.status;
    },
    { a: pair.a.id, b: pair.b.id, token: csrfToken },
  );
}

describe('accounts', () => {
  it(
    ...suite.inPage(
      'signs in, makes a change, undoes it from History and signs out',
      async (page) => {
        const reports = await watchPolicy(page);
        const [first, second] = await suggestions();
        if (!first || !second) throw new Error('the demo network suggests too few introductions');
        await page.goto(`${suite.baseUrl()}/`);

        // The public map, read only, with a way to sign in.
        await loadedCounts(page);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        const signInHeading = page.getByRole('heading', { level: 1, name: 'Sign in' });
        await signInHeading.waitFor();

        const { email, password } = suite.admin();
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        const wrongPassword = page.getByRole('alert');
        await expect.poll(() => wrongPassword.textContent()).toMatch(/^Could not sign in./);

        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        const accountButton = page.getByRole('button', { name: /^Account menu of / });
        await accountButton.waitFor();
        const before = await loadedCounts(page);
        const csrfToken = await page.evaluate(async () => {
          const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
          return session.csrfToken;
        });

        // Introduce two pairs from Insights: two more links, on the map and at the server.
        await page.getByRole('button', { name: 'Insights', exact: true }).click();
        const insights = page.getByRole('complementary', { name: 'Insights' });
        await insights.getByRole('button', { name: /^Suggested introductions/ }).click();
        for (const [index, item] of [first, second].entries()) {
          await insights
            .getByRole('button', {
              name: `Introduce ${item.a.name} and ${item.b.name}: link them as collaborators`,
            })
            .click();
          const linked = { nodes: before.nodes, links: before.links + index + 1 };
          await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(linked);
        }
        const map = await suite.map();
        expect(linksBetween(map, first)).toHaveLength(1);
        expect(linksBetween(map, second)).toHaveLength(1);

        // History lists them, latest first, in words.
        await accountButton.click();
        await page.getByRole('menuitem', { name: 'History' }).click();
        const history = page.getByRole('dialog', { name: 'History' });
        const entries = history.getByRole('listitem', { name: /^Change \d+$/ });
        const sentence = (item: IntroductionItem) =>
          `Linked ${item.a.name} → ${item.b.name} (Collaborates with)`;
        await expect.poll(() => entries.nth(1).textContent()).toContain(sentence(first));
        expect(await entries.nth(0).textContent()).toContain(sentence(second));
        const idOf = async (index: number) =>
          Number((await entries.nth(index).getAttribute('aria-label'))?.replace(/\D/g, ''));
        const [secondId, firstId] = [await idOf(0), await idOf(1)];
        // By name: the list gains entries (the undos) at its top as it goes.
        const firstEntry = history.getByRole('listitem', { name: `Change ${String(firstId)}` });
        const secondEntry = history.getByRole('listitem', { name: `Change ${String(secondId)}` });

        // Someone else undoes the first meanwhile: Undo on it here is refused, with the reason.
        const elsewhere = await fetch(`${suite.baseUrl()}/api/audit/${String(firstId)}/undo`, {
          method: 'POST',
          headers: await suite.adminHeaders(),
        });
        expect(elsewhere.status).toBe(201);
        await firstEntry.getByRole('button', { name: `Undo change ${String(firstId)}` }).click();
        const refusal = history.getByRole('alert');
        await expect.poll(() => refusal.textContent()).toMatch(/^Could not undo change \d+/);
        expect(await refusal.textContent()).toContain('undone already');

        // Undo on the second takes its link away, on the map too.
        await secondEntry.getByRole('button', { name: `Undo change ${String(secondId)}` }).click();
        await history.getByText(`Undone: change ${String(secondId)}`).waitFor();
        await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(before);
        await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(before);
        const after = await suite.map();
        expect(linksBetween(after, first)).toEqual([]);
        expect(linksBetween(after, second)).toEqual([]);

        // Sign out: the sign-in screen is back, and the old session writes nothing.
        await page.keyboard.press('Escape');
        await history.waitFor({ state: 'hidden' });
        await accountButton.click();
        await page.getByRole('menuitem', { name: 'Sign out' }).click();
        await signInHeading.waitFor();
        expect(await dismissFromPage(page, first, csrfToken)).toBe(401);

        expect(reports.violations).toEqual([]);
        expect(reports.console).toEqual([]);
      },
      { path: null, signedIn: false },
    ),
  );

  it(
    ...suite.inPage(
      'shows a viewer, who chose their password from an invitation link, no control that writes',
      async (page) => {
        const response = await fetch(`${suite.baseUrl()}/api/users`, {
          method: 'POST',
          headers: { ...(await suite.adminHeaders()), 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'vera@example.org', name: 'Vera Viewer', role: 'viewer' }),
        });
        expect(response.status).toBe(201);
        const invitation = InvitationSchema.parse(await response.json());

        await page.goto(`${suite.baseUrl()}/?invite=${invitation.token}`);
        await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
        await page.getByText('Welcome, Vera Viewer.', { exact: false }).waitFor();
        await page.getByLabel('New password').fill('a viewer password');
        await page.getByLabel('Repeat the password').fill('a viewer password');
        await page.getByRole('button', { name: 'Save and sign in' }).click();
        await page.getByRole('button', { name: 'Account menu of Vera Viewer' }).waitFor();
        // The link is used once: it is gone from the address.
        expect(new URL(page.url()).searchParams.has('invite')).toBe(false);
        await loadedCounts(page);

        // The toolbar offers what reads (the picture exports) and nothing that writes.
        const toolbar = page.getByRole('toolbar', { name: 'Map tools' });
        await toolbar.getByRole('button', { name: 'PNG' }).waitFor();
        expect(await toolbar.getByRole('button', { name: 'Re-arrange' }).count()).toBe(0);
        expect(await toolbar.getByRole('button', { name: 'Import…' }).count()).toBe(0);

        // Suggested introductions are listed, without Introduce or Dismiss.
        await page.getByRole('button', { name: 'Insights', exact: true }).click();
        const insights = page.getByRole('complementary', { name: 'Insights' });
        await insights.getByRole('button', { name: /^Suggested introductions/ }).click();
        const [pair] = await suggestions();
        if (!pair) throw new Error('the demo network suggests no introduction');
        await insights.getByText(pair.a.name).first().waitFor();
        expect(await insights.getByRole('button', { name: /^(Introduce|Dismiss) / }).count()).toBe(
          0,
        );

        // Meetings can be read, not started.
        await page.getByRole('button', { name: 'Meetings', exact: true }).click();
        const meetings = page.getByRole('region', { name: 'Meetings' });
        await meetings.getByRole('button').first().waitFor();
        expect(await meetings.getByRole('button', { name: 'New meeting' }).count()).toBe(0);

        // The account menu has no History or Users.
        await page.getByRole('button', { name: 'Account menu of Vera Viewer' }).click();
        const items = page.getByRole('menuitem');
        await items.first().waitFor();
        expect(await items.allTextContents()).toEqual(['Change password', 'Sign out']);

        // Changing the password starts in its first field, ready to type.
        await page.getByRole('menuitem', { name: 'Change password' }).click();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
          .toBe('current-password');
      },
      { path: null, signedIn: false },
    ),
  );
});
