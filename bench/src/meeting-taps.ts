/**
 * `npm run meeting-taps -w bench` (after `npm run build`): how much a coordinator has to do on a
 * phone to record five links after a meeting, counted, not timed. The built server, seeded with
 * the demo network in a temporary data folder, serves the built client; Debian's headless
 * Chromium opens it at 390 × 844 with touch (isMobile, hasTouch), signed in, goes to the meeting
 * with the most organisations on its side, and enters five links through the quick link form as
 * a person would:
 *
 * - a name visible in a picker's list is tapped; otherwise the person taps the field (if it is
 *   not focused yet) and types the letters of its most telling word (the one fewest names on the
 *   map contain: "bank", not the town every group is named after) one at a time until it is visible, or
 *   until it is listed first of at most three (then one swipe shows it);
 * - while a text field is focused, the phone's keyboard covers the bottom KEYBOARD_PX of the
 *   screen (headless Chromium draws none, so it is modelled): what is under it is not visible;
 * - whatever must be tapped but is not visible (under the meeting screen's sticky bar, below the
 *   screen, or under the keyboard) is brought to the middle of what is visible by one swipe,
 *   counted as one scroll;
 * - a chosen end that the next link does not share is let go with Change; the kind is tapped
 *   only when the preselected one is not the one wanted.
 *
 * Counted: taps (each `page.touchscreen.tap`), typed characters and scrolls, per link and in all;
 * getting from the map to the meeting is counted apart. Every link is then checked in the API
 * (created, with the meeting's id). Prints the figures; exits 1 only if something broke.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import {
  MapResponseSchema,
  MeetingDetailsSchema,
  MeetingListSchema,
  type LinkKind,
  type MapResponse,
  type MeetingDetails,
} from '@octograph/graph-schema';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startAppServer } from './app-server.js';
import type { Child } from './processes.js';
import { adminEnv, benchAdmin, signIn, type Session } from './session.js';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_ENTRY = join(rootDir, 'server', 'dist', 'cli.js');
const CLIENT_DIST = join(rootDir, 'client', 'dist');
/** A phone: 390 × 844 CSS pixels, touch, a mobile viewport (tests/helpers/browser.ts PHONE). */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
/** How much of the screen a phone's keyboard covers while a text field is focused (CSS px). */
const KEYBOARD_PX = 300;
/** How long to wait for a picker's list to show what was typed before typing more. */
const SETTLE_MS = 1500;

/** What a person does, counted. */
interface Effort {
  taps: number;
  typed: number;
  scrolls: number;
}

const zero = (): Effort => ({ taps: 0, typed: 0, scrolls: 0 });

/** An end of a link as the person thinks of it: its name, and the word they would type. */
interface End {
  id: string;
  name: string;
  /** The word of the name that fewest other names on the map contain ("bank", not "Kingsmouth"). */
  word: string;
}

/** The word of `name` a person would type to find it among `names`. */
function keyWord(name: string, names: readonly string[]): string {
  const lower = names.map((other) => other.toLowerCase());
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  const shared = (word: string) =>
    lower.filter((other) => other.includes(word.toLowerCase())).length;
  return [...words].sort((a, b) => shared(a) - shared(b))[0] ?? name;
}

/** One link to enter: the two ends as the person thinks of them, and the kind wanted. */
interface Planned {
  first: End;
  second: End;
  kind: LinkKind;
  /** Why this link is in the set. */
  about: string;
}

/** Counts what the person does on `page`. */
class Person {
  effort = zero();

  constructor(private readonly page: Page) {}

  /** The part of the screen a person sees now: below the sticky bar, above the keyboard. */
  private async visibleBand(): Promise<{ top: number; bottom: number }> {
    return this.page.evaluate((keyboard) => {
      const bar = document.querySelector('.meetings__bar');
      const top = bar ? bar.getBoundingClientRect().bottom : 0;
      const typing =
        document.activeElement instanceof HTMLInputElement &&
        ['text', 'search'].includes(document.activeElement.type);
      return { top, bottom: window.innerHeight - (typing ? keyboard : 0) };
    }, KEYBOARD_PX);
  }

  /** Whether all of `target` is on screen and not covered. */
  async sees(target: Locator): Promise<boolean> {
    if ((await target.count()) === 0 || !(await target.first().isVisible())) return false;
    const box = await target.first().boundingBox();
    if (!box) return false;
    const band = await this.visibleBand();
    return box.y >= band.top && box.y + box.height <= band.bottom;
  }

  /** One swipe of the meeting screen that brings `target` to the middle of what is visible. */
  private async scrollTo(target: Locator): Promise<void> {
    const band = await this.visibleBand();
    await target.first().evaluate(
      (element, middle) => {
        const rect = element.getBoundingClientRect();
        const scroller = element.closest('.meetings__scroll') ?? document.scrollingElement;
        scroller?.scrollBy(0, rect.top + rect.height / 2 - middle);
      },
      (band.top + band.bottom) / 2,
    );
    this.effort.scrolls += 1;

    await sleep(100);
  }

  /** A tap on the middle of `target`, after a swipe if it is not visible. */
  async tap(target: Locator): Promise<void> {
    await target.first().waitFor({ state: 'visible' });
    if (!(await this.sees(target))) await this.scrollTo(target);
    const box = await target.first().boundingBox();
    if (!box) throw new Error('nothing to tap');
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    this.effort.taps += 1;
  }

  /** One typed character. */
  async type(character: string): Promise<void> {
    await this.page.keyboard.type(character);
    this.effort.typed += 1;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks `node` as the end labelled `label` ("Who" or "With"), as a person would. */
async function pickEnd(page: Page, person: Person, label: string, node: End): Promise<void> {
  const form = page.getByRole('form', { name: 'Links made here' });
  const change = form.getByRole('button', { name: new RegExp(`^${label}: choose someone else`) });
  if ((await change.count()) > 0) {
    const said = (await change.getAttribute('aria-label')) ?? '';
    if (said.endsWith(`instead of ${node.name}`)) return; // kept from the last link
    await person.tap(change);
  }
  const input = form.getByRole('combobox', { name: label, exact: true });
  const option = form
    .getByRole('listbox', { name: label })
    .getByRole('option')
    .filter({
      has: page.locator('.node-picker__name', {
        hasText: new RegExp(`^${escapeRegExp(node.name)}$`),
      }),
    });
  if (!(await person.sees(option))) {
    const focused = await input.evaluate((element) => element === document.activeElement);
    if (!focused) await person.tap(input);
    const options = form.getByRole('listbox', { name: label }).getByRole('option');
    for (const character of node.word) {
      if (await person.sees(option)) break;
      // Listed first among a few but not visible: a swipe, not more letters, shows it.
      const first = await options.first().textContent();
      if ((await options.count()) <= 3 && first?.startsWith(node.name) === true) break;
      await person.type(character);
      const deadline = Date.now() + SETTLE_MS;
      while (Date.now() < deadline && !(await person.sees(option))) await sleep(50);
    }
  }
  await person.tap(option);
}

/** Enters one planned link and waits for the form to say it was added. */
async function enterLink(page: Page, person: Person, link: Planned): Promise<void> {
  await pickEnd(page, person, 'Who', link.first);
  await pickEnd(page, person, 'With', link.second);
  const form = page.getByRole('form', { name: 'Links made here' });
  const kind = form.locator(`input[type=radio][value=${link.kind}]`);
  if (!(await kind.isChecked()))
    await person.tap(
      form.locator('label', { has: page.locator(`input[type=radio][value=${link.kind}]`) }),
    );
  await person.tap(form.getByRole('button', { name: 'Add link' }));
  const notice = page.locator('.quick-link__notice');
  const added = (text: string) =>
    text.startsWith('Added:') && text.includes(link.first.name) && text.includes(link.second.name);
  const deadline = Date.now() + 10_000;
  while (!added((await notice.textContent()) ?? '')) {
    if (Date.now() > deadline) {
      throw new Error(`no "Added" after ${link.about}: ${(await notice.textContent()) ?? ''}`);
    }
    await sleep(50);
  }
}

/**
 * A copy of the built client for the server to serve: the server lists the client's files when it
 * starts, so a rebuild meanwhile (another npm run build in this folder) would break the page.
 */
function copyClient(target: string): void {
  cpSync(CLIENT_DIST, target, { recursive: true });
  const html = readFileSync(join(target, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].flatMap(([, path]) =>
    path === undefined || existsSync(join(target, path)) ? [] : [path],
  );
  if (missing.length > 0) {
    throw new Error(`client/dist is incomplete (${missing.join(', ')}); is a build running?`);
  }
}

async function getJson(baseUrl: string, path: string, session: Session): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { headers: session.readHeaders });
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The five links: two from one organisation (the kept first end), a person volunteering at an
 * organisation (not the preselected kind), two more organisations, and an attendee with an
 * organisation that was not at the meeting (found by name among everyone). No pair is linked yet.
 */
function planLinks(details: MeetingDetails, map: MapResponse): Planned[] {
  const linked = new Set(map.links.map((link) => [link.source, link.target].sort().join('|')));
  const free = (a: string, b: string) => !linked.has([a, b].sort().join('|'));
  const side = new Set(details.linkable.map((node) => node.id));
  const organisations = details.linkable.filter(
    (node) => node.kind === 'organisation' && node.orgKind !== 'network',
  );
  const people = details.linkable.filter((node) => node.kind === 'person');
  const used = new Set<string>();
  const take = (accept: (id: string) => boolean) => {
    const found = organisations.find((node) => !used.has(node.id) && accept(node.id));
    if (!found) throw new Error(`meeting '${details.meeting.name}' has too few organisations`);
    used.add(found.id);
    return found;
  };
  const a = take(() => true);
  const b = take((id) => free(a.id, id));
  const c = take((id) => free(a.id, id));
  const p = people.find((node) =>
    organisations.some((org) => !used.has(org.id) && free(node.id, org.id)),
  );
  if (!p) throw new Error(`meeting '${details.meeting.name}' has no person to link`);
  const d = take((id) => free(p.id, id));
  const e = take(() => true);
  const f = take((id) => free(e.id, id));
  const g = take(() => true);
  const outsider = map.nodes.find(
    (node) =>
      node.kind === 'organisation' &&
      !side.has(node.id) &&
      node.orgKind !== 'network' &&
      free(g.id, node.id),
  );
  if (!outsider) throw new Error('no organisation outside the meeting to link with');
  const names = map.nodes.map((node) => node.name);
  const end = (node: { id: string; name: string }): End => ({
    id: node.id,
    name: node.name,
    word: keyWord(node.name, names),
  });
  return [
    { first: end(a), second: end(b), kind: 'COLLABORATES_WITH', about: 'two organisations' },
    {
      first: end(a),
      second: end(c),
      kind: 'COLLABORATES_WITH',
      about: 'the same first organisation again',
    },
    {
      first: end(p),
      second: end(d),
      kind: 'VOLUNTEERS_AT',
      about: 'a person volunteering (not the preselected kind)',
    },
    { first: end(e), second: end(f), kind: 'COLLABORATES_WITH', about: 'two more organisations' },
    {
      first: end(g),
      second: end(outsider),
      kind: 'COLLABORATES_WITH',
      about: 'an attendee and someone not at the meeting',
    },
  ];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octograph-meeting-taps-'));
  const admin = benchAdmin();
  const clientDir = join(dataDir, 'client');
  copyClient(clientDir);
  const env = {
    ...process.env,
    ...adminEnv(admin),
    DATA_DIR: dataDir,
    CLIENT_DIR: clientDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  let server: Child | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const seeded = spawnSync(process.execPath, [CLI_ENTRY, 'seed'], {
      cwd: rootDir,
      env,
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}${seeded.stdout}`);
    const started = await startAppServer(env);
    server = started.server;
    const { baseUrl } = started;
    const session = await signIn(baseUrl, admin);

    const list = MeetingListSchema.parse(await getJson(baseUrl, '/api/meetings', session));
    const all = await Promise.all(
      list.items.map(async (item) =>
        MeetingDetailsSchema.parse(await getJson(baseUrl, `/api/meetings/${item.id}`, session)),
      ),
    );
    const organisationsOf = (details: MeetingDetails) =>
      details.linkable.filter((node) => node.kind === 'organisation').length;
    const details = [...all]
      .filter((item) => item.linkable.some((node) => node.kind === 'person'))
      .sort((x, y) => organisationsOf(y) - organisationsOf(x))[0];
    if (!details) throw new Error('no seeded meeting has a person on its side');
    const map = MapResponseSchema.parse(await getJson(baseUrl, '/api/map', session));
    const plan = planLinks(details, map);

    browser = await launchChromium();
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const signedIn = await page.request.post(`${baseUrl}/api/session`, { data: admin });
    if (signedIn.status() !== 200)
      throw new Error(`signing the page in: HTTP ${signedIn.status()}`);
    await page.goto(baseUrl);

    // What is counted: from the map to the meeting, then each link.
    const measure = async (): Promise<void> => {
      const person = new Person(page);
      await person.tap(page.getByRole('button', { name: 'Meetings', exact: true }));
      const meetings = page.getByRole('region', { name: 'Meetings' });
      await person.tap(
        meetings.getByRole('button', {
          name: new RegExp(`^${escapeRegExp(details.meeting.name)}`),
        }),
      );
      await meetings.getByRole('heading', { level: 2, name: details.meeting.name }).waitFor();
      const reach = person.effort;

      const perLink: Effort[] = [];
      for (const link of plan) {
        person.effort = zero();
        await enterLink(page, person, link);
        perLink.push(person.effort);
      }
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);

      // The links are there, from the meeting, as planned.
      const after = MeetingDetailsSchema.parse(
        await getJson(baseUrl, `/api/meetings/${details.meeting.id}`, session),
      );
      for (const link of plan) {
        const found = after.links.find(
          (formed) =>
            formed.kind === link.kind &&
            [formed.source, formed.target].sort().join('|') ===
              [link.first.id, link.second.id].sort().join('|'),
        );
        if (found?.meetingId !== details.meeting.id) {
          throw new Error(`the link for ${link.about} is not recorded with the meeting`);
        }
      }

      const total = perLink.reduce(
        (sum, effort) => ({
          taps: sum.taps + effort.taps,
          typed: sum.typed + effort.typed,
          scrolls: sum.scrolls + effort.scrolls,
        }),
        zero(),
      );
      console.log(
        `Meeting "${details.meeting.name}" (${details.linkable.length} people and organisations on its side), 390 × 844, touch; keyboard modelled as ${KEYBOARD_PX} px`,
      );
      console.log(
        `Getting there (map → Meetings → the meeting): ${reach.taps} taps, ${reach.scrolls} scrolls`,
      );
      console.log('| Link | Taps | Typed | Scrolls |');
      console.log('| --- | --- | --- | --- |');
      plan.forEach((link, index) => {
        const effort = perLink[index] ?? zero();
        console.log(
          `| ${index + 1}. ${link.about}: ${link.first.name} + ${link.second.name} | ${effort.taps} | ${effort.typed} | ${effort.scrolls} |`,
        );
      });
      console.log(
        `| **All 5 links** | **${total.taps}** | **${total.typed}** | **${total.scrolls}** |`,
      );
    };

    try {
      await measure();
    } catch (error: unknown) {
      const file = join(tmpdir(), 'octograph-meeting-taps-failure.png');
      await page.screenshot({ path: file }).catch(() => undefined);
      if (error instanceof Error) error.message += `\nscreenshot: ${file}`;
      throw error;
    }
    await context.close();
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
