/**
 * What the browser tests share: one built app and one Debian Chromium (through playwright-core)
 * per test file, a page per test that saves a screenshot when the test fails, the client's
 * read-only test handle, and the numbers and places a person reads off the page.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MapResponseSchema, type MapResponse } from '@octograph/graph-schema';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OctographTestHandle } from '../../client/src/map/test-handle';
import { REPO_ROOT, signIn, startAppProcess, type AppProcess } from './app-process';

// Never `npx playwright install`: downloads are blocked here, and Debian's Chromium is the one
// the machines have. The network flags keep it from calling out at every start.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Where failure screenshots (and anything else a test keeps to look at) go. */
export const ARTIFACTS = join(REPO_ROOT, 'tests/.artifacts');
const VIEWPORT = { width: 1280, height: 800 };

/** A phone: 390×844 CSS pixels, touch, mobile viewport (what the map must work on). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Starts Debian's headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A spot on the screen, in CSS pixels. */
export interface Point {
  x: number;
  y: number;
}

/** A box on the screen: its top-left corner and size, in CSS pixels. */
export interface Box extends Point {
  width: number;
  height: number;
}

/** How many nodes and links. */
export interface Counts {
  nodes: number;
  links: number;
}

/** The client's read-only test handle (client/src/map/test-handle.ts). */
export interface TestHandleWindow {
  __octograph?: OctographTestHandle;
}

/**
 * Runs `body` with a fresh page (opened at `url` if given) on `device` (a 1280×800 desktop
 * window unless told). Errors in the page fail the test; on failure a screenshot named after
 * `name` goes to tests/.artifacts/ and the page's errors are added to the message.
 */
export async function withPage(
  browser: Browser | undefined,
  name: string,
  body: (page: Page) => Promise<void>,
  url?: string,
  device: BrowserContextOptions = { viewport: VIEWPORT },
  signIn?: { baseUrl: string; email: string; password: string },
): Promise<void> {
  if (!browser) throw new Error('the browser did not start');
  const page = await browser.newPage(device);
  page.setDefaultTimeout(15_000);
  if (signIn) {
    // The page's own request context shares its cookies: the page opens signed in.
    const { baseUrl, ...credentials } = signIn;
    const response = await page.request.post(`${baseUrl}/api/session`, { data: credentials });
    expect(response.status()).toBe(200);
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    if (url !== undefined) await page.goto(url);
    await body(page);
    expect(pageErrors).toEqual([]);
  } catch (error: unknown) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    if (error instanceof Error) {
      error.message += `\nscreenshot: ${file}\npage errors: ${JSON.stringify(pageErrors)}`;
    }
    throw error;
  } finally {
    await page.close();
  }
}

/** GET /api/map with this query string, parsed. */
export async function fetchMap(baseUrl: string, query = ''): Promise<MapResponse> {
  const response = await fetch(`${baseUrl}/api/map${query}`);
  expect(response.status).toBe(200);
  return MapResponseSchema.parse(await response.json());
}

/** The status line's "N nodes · M links", or null while it says something else (loading). */
export async function statusCounts(page: Page): Promise<Counts | null> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const match = /^(.+?) nodes? · (.+?) links?$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const number = (part: string) => Number(part.replace(/\D/g, ''));
  return { nodes: number(match[1]), links: number(match[2]) };
}

/** How many nodes and links the canvas's Cytoscape instance holds; null before it exists. */
export function canvasCounts(page: Page): Promise<Counts | null> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.elementCounts() ?? null);
}

/** Waits until the map has loaded and the status line shows its counts, and returns them. */
export async function loadedCounts(page: Page): Promise<Counts> {
  await expect.poll(() => statusCounts(page), { timeout: 20_000 }).not.toBeNull();
  const counts = await statusCounts(page);
  if (!counts) throw new Error('the status line lost its counts');
  return counts;
}

/** Where a test's page is opened, and on what. */
export interface PageOptions {
  /**
   * The address on the app to open before the test runs, e.g. '/?node=…' ('/' unless told);
   * null opens nothing, for a test that goes somewhere of its own.
   */
  path?: string | null;
  /** The device (a 1280×800 desktop window unless told), e.g. PHONE. */
  device?: BrowserContextOptions;
  /** Open the page signed in as the app's admin (true unless told), or as a visitor. */
  signedIn?: boolean;
}

/** A test file's app and browser (see browserSuite). */
export interface BrowserSuite {
  /** `http://127.0.0.1:<port>` of the app; throws if it did not start. */
  baseUrl(): string;
  /** GET /api/map on the app with this query string, parsed. */
  map(query?: string): Promise<MapResponse>;
  /** GET this path (with its query) on the app, expecting 200: the body, for a schema to parse. */
  getJson(path: string): Promise<unknown>;
  /** The app's admin, created on start. */
  admin(): { email: string; password: string };
  /** Headers of a signed-in admin session, for requests a test sends itself (cached). */
  adminHeaders(): Promise<Record<string, string>>;
  /** Runs `body` with a fresh page on the app (see withPage and PageOptions). */
  withPage(name: string, body: (page: Page) => Promise<void>, options?: PageOptions): Promise<void>;
  /** A test named `name` that runs `body` with a fresh page on the app: `it(...inPage(…))`. */
  inPage(
    name: string,
    body: (page: Page) => Promise<void>,
    options?: PageOptions,
  ): [string, () => Promise<void>];
}

/**
 * One built app (seeded, in a temp data folder, on a free port) and one Chromium for the test
 * file that calls this at its top level: it registers the beforeAll that starts them and the
 * afterAll that stops them. A file that needs more before its tests registers its own beforeAll
 * after this call (hooks run in the order they are registered).
 */
export function browserSuite(): BrowserSuite {
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

  function baseUrl(): string {
    if (!app) throw new Error('the app did not start');
    return app.baseUrl;
  }

  function pageOnApp(
    name: string,
    body: (page: Page) => Promise<void>,
    { path = '/', device, signedIn = true }: PageOptions = {},
  ): Promise<void> {
    const url = path === null ? undefined : `${baseUrl()}${path}`;
    const signIn = signedIn ? { baseUrl: baseUrl(), ...admin() } : undefined;
    return withPage(browser, name, body, url, device, signIn);
  }

  function admin(): { email: string; password: string } {
    if (!app) throw new Error('the app did not start');
    return app.admin;
  }

  let headers: Promise<Record<string, string>> | undefined;
  function adminHeaders(): Promise<Record<string, string>> {
    headers ??= signIn(baseUrl(), admin());
    return headers;
  }

  async function getJson(path: string): Promise<unknown> {
    const response = await fetch(`${baseUrl()}${path}`, { headers: await adminHeaders() });
    expect(response.status).toBe(200);
    return response.json();
  }

  return {
    baseUrl,
    map: (query = '') => fetchMap(baseUrl(), query),
    getJson,
    admin,
    adminHeaders,
    withPage: pageOnApp,
    inPage: (name, body, options) => [name, () => pageOnApp(name, body, options)],
  };
}

/** Where a node is drawn, in page (CSS pixel) coordinates; null if it is not on the map. */
export function nodeScreenPosition(page: Page, id: string): Promise<Point | null> {
  return page.evaluate(
    (nodeId) => (window as TestHandleWindow).__octograph?.nodeScreenPosition(nodeId) ?? null,
    id,
  );
}

/** Ids of the nodes drawn not faded (the selection or focus and what stands out with it). */
export function focusedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.focusedIds() ?? []);
}

/** Ids of the nodes drawn faded (by the selection or the focus). */
export function fadedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.fadedIds() ?? []);
}

/** The labels drawn right now, each as the box of its text on the canvas. */
export function drawnLabelBoxes(
  page: Page,
): Promise<ReturnType<OctographTestHandle['drawnLabelBoxes']>> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.drawnLabelBoxes() ?? []);
}

/** The map's zoom level and pan; null before the canvas exists. */
export function viewport(page: Page): Promise<ReturnType<OctographTestHandle['viewport']>> {
  return page.evaluate(() => (window as TestHandleWindow).__octograph?.viewport() ?? null);
}

/** Waits until the map has stopped moving (centring and framing are animated). */
export async function settled(page: Page): Promise<void> {
  let last = JSON.stringify(await viewport(page));
  for (let tries = 0; tries < 40; tries += 1) {
    await page.waitForTimeout(150);
    const now = JSON.stringify(await viewport(page));
    if (now === last) return;
    last = now;
  }
  throw new Error('the map kept moving');
}

/** Where the map (the "Network map" image) is on the page; throws if it is not visible. */
export async function mapBox(page: Page): Promise<Box> {
  const box = await page.getByRole('img', { name: 'Network map' }).boundingBox();
  if (!box) throw new Error('the map is not visible');
  return box;
}

/** Where the map's drawing surface (its canvases) is on the page; throws if there is none. */
export async function canvasBox(page: Page): Promise<Box> {
  const box = await page.locator('.graph-canvas__surface').boundingBox();
  if (!box) throw new Error('no map canvas');
  return box;
}

/** Whether `point` lies in `box`, at least `margin` pixels in from its edges (out, if below 0). */
export function inside(point: Point, box: Box, margin = 0): boolean {
  return (
    point.x >= box.x + margin &&
    point.x <= box.x + box.width - margin &&
    point.y >= box.y + margin &&
    point.y <= box.y + box.height - margin
  );
}

/** The middle of a box. */
export function centreOf(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** How far apart two points are, in CSS pixels. */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** What the page reported about the policy so far: violation events and console messages. */
export interface PolicyReports {
  violations: string[];
  console: string[];
}

/**
 * Starts listening before any of the page's own scripts run, on every document the page opens:
 * each violation is passed out to the test as it happens, so none is lost to a navigation.
 */
export async function watchPolicy(page: Page): Promise<PolicyReports> {
  const reports: PolicyReports = { violations: [], console: [] };
  await page.exposeFunction('__reportCspViolation', (text: string) => {
    reports.violations.push(text);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (text: string) => void })
      .__reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      reports.console.push(message.text());
    }
  });
  return reports;
}
