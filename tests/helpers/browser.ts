/**
 * What the browser tests share: Debian's Chromium through playwright-core, a page per test that
 * saves a screenshot when the test fails, the client's read-only test handle, and the numbers a
 * person reads off the page.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MapResponseSchema, type MapResponse } from '@octograph/graph-schema';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { OctographTestHandle } from '../../client/src/map/test-handle';
import { REPO_ROOT } from './app-process';

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
const ARTIFACTS = join(REPO_ROOT, 'tests/.artifacts');
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
): Promise<void> {
  if (!browser) throw new Error('the browser did not start');
  const page = await browser.newPage(device);
  page.setDefaultTimeout(15_000);
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
