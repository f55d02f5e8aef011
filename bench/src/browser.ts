/**
 * Step 8: the map in a real browser. Debian's headless Chromium (playwright-core, launched like
 * the browser tests) opens the built client served by the built server, and a probe injected
 * before the page's own scripts says when the map became interactive; then pans and zooms are
 * driven with the mouse while the page records its animation frames.
 *
 * "Interactive" is defined once, here, and in the README: the Cytoscape instance holds as many
 * nodes and links as GET /api/map returned (the test handle's `elementCounts()`, checked on every
 * animation frame), AND the main thread is free: the interactive moment is the later of that and
 * the end of the last long task (≥ 50 ms, Long Tasks API) before the page then stays free of long
 * tasks for QUIET_MS. The first full drawing of the canvas is such a long task, so it is counted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Credentials } from './session.js';
import { since } from './stats.js';

// As in tests/helpers/browser.ts: never `npx playwright install` (downloads are blocked here and
// Debian's Chromium is the one the machines have); the network flags keep it from calling out.
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
/** The page size, in CSS pixels: a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 };
/** The page must stay free of long tasks this long after the map is drawn to count as interactive. */
const QUIET_MS = 500;
/** A frame longer than this is one a person notices as a stutter; also the long-task threshold. */
export const SLOW_FRAME_MS = 50;
/** Mouse events are sent at most this often, like a 60 Hz mouse or trackpad. */
const INPUT_INTERVAL_MS = 16;
/** The client's fit padding (map/controllers/ElementsController.tsx): no node is drawn there. */
const FIT_PADDING = 40;
/** The map's drawing surface; it stays whatever panels and toolbars come and go around it. */
const SURFACE = '.graph-canvas__surface';

/** How many nodes and links. */
export interface Counts {
  nodes: number;
  links: number;
}

/** What to measure. */
export interface BrowserPlan {
  /** The app's address. */
  url: string;
  /** Every page signs in as this user before it opens the app, so the app opens on the map. */
  admin: Credentials;
  /** What GET /api/map returns: the canvas must hold this many nodes and links. */
  expected: Counts;
  /** Measured page loads, each in a fresh browser context (no cache, no cookies). */
  loads: number;
  /** A load that is not interactive after this long counts as failed. */
  loadTimeoutMs: number;
  /** No measured load is started after this much time has gone on them. */
  loadBudgetMs: number;
  /** Pans: how many full circles the drag makes, and how long each takes. */
  pans: { count: number; durationMs: number };
  /** Zooms: how many bursts of wheel events in and then out, and how long each burst lasts. */
  zooms: { count: number; durationMs: number };
  /** Time with no input after each gesture, so the redraw with the links is counted too. */
  settleMs: number;
}

/** One page load; every time is in ms from the start of `page.goto`. */
export interface PageLoad {
  /** DOMContentLoaded finished: the HTML and the scripts have arrived and run. */
  domContentLoaded: number;
  /** The page asked for /api/map, and had all of it. NaN if the entry was not found. */
  mapRequested: number;
  mapReceived: number;
  /** The canvas holds every node and link. */
  allElements: number;
  /** The map is interactive (see the file comment). */
  interactive: number;
  /** Main-thread time in long tasks from the map's arrival to interactive: parsing, drawing. */
  longTaskMsAfterMap: number;
}

/** Frame intervals while the view moves. */
export interface Frames {
  /** Time between successive animation frames, ms. */
  intervals: number[];
  /** Whether the view really moved (a screenshot of the canvas changed). */
  moved: boolean;
}

/** Everything step 8 measured in the browser. */
export interface BrowserResult {
  chromiumVersion: string;
  loads: PageLoad[];
  /** One line per load that failed. */
  failedLoads: string[];
  /** Loads left out because the time budget ran out. */
  skippedLoads: number;
  /** Null when the pans and zooms could not be run (see `panZoomProblem`). */
  pan: Frames | null;
  zoom: Frames | null;
  panZoomProblem: string | null;
  /** Uncaught errors in the pages. */
  pageErrors: string[];
}

// ------------------------------------------------------------------------------------------------
// The probe, run inside the page. It is passed to Chromium as source text, so it must not use
// anything from this module's scope.

interface ProbeConfig {
  expected: Counts;
  quietMs: number;
}

/** What the probe reports about the load, with times from the page's own navigation start. */
interface ProbeLoad {
  timeOrigin: number;
  domContentLoaded: number;
  mapRequested: number;
  mapReceived: number;
  allElements: number;
  interactive: number;
  /** [start, duration] of every long task seen. */
  longTasks: [number, number][];
}

interface Probe {
  /** The load's figures, or null while the map is not interactive yet. */
  load(): ProbeLoad | null;
  /** Starts recording animation frame times. */
  startFrames(): void;
  /** Stops recording and returns the intervals between the frames recorded. */
  stopFrames(): number[];
}

type ProbeWindow = Window & {
  __octograph?: { elementCounts(): Counts | null };
  __octographBench?: Probe;
};

function installProbe(config: ProbeConfig): void {
  const page = window as ProbeWindow;
  const longTasks: [number, number][] = [];
  let lastLongTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push([entry.startTime, entry.duration]);
      lastLongTaskEnd = Math.max(lastLongTaskEnd, entry.startTime + entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });

  let allElements: number | null = null;
  let interactive: number | null = null;
  const watch = (): void => {
    if (allElements === null) {
      const counts = page.__octograph?.elementCounts() ?? null;
      if (counts?.nodes === config.expected.nodes && counts.links === config.expected.links) {
        allElements = performance.now();
      }
    }
    if (allElements !== null) {
      const busyUntil = Math.max(allElements, lastLongTaskEnd);
      if (performance.now() - busyUntil >= config.quietMs) {
        interactive = busyUntil;
        return;
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  // Each recording gets its own list: a frame callback still queued from a stopped recording
  // must not add to (or double the frames of) the next one.
  let frames: number[] = [];
  const record = (list: number[]) => (time: number) => {
    if (list !== frames) return;
    list.push(time);
    requestAnimationFrame(record(list));
  };

  page.__octographBench = {
    load() {
      if (allElements === null || interactive === null) return null;
      const [navigation] = performance.getEntriesByType('navigation');
      const map = performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === '/api/map');
      const timing = map as PerformanceResourceTiming | undefined;
      return {
        timeOrigin: performance.timeOrigin,
        domContentLoaded:
          (navigation as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ??
          Number.NaN,
        mapRequested: timing?.startTime ?? Number.NaN,
        mapReceived: timing?.responseEnd ?? Number.NaN,
        allElements,
        interactive,
        longTasks,
      };
    },
    startFrames() {
      frames = [];
      requestAnimationFrame(record(frames));
    },
    stopFrames() {
      const recorded = frames;
      frames = [];
      return recorded.slice(1).map((time, index) => time - (recorded[index] ?? time));
    },
  };
}

/**
 * The probe as an init script. tsx compiles this file with esbuild's keepNames, which wraps
 * named functions in a `__name(...)` helper that exists in Node but not in the page; the wrapper
 * defines a do-nothing one around the probe's source so it runs as written.
 */
function probeScript(config: ProbeConfig): string {
  return `(() => { const __name = (target) => target; (${installProbe.toString()})(${JSON.stringify(config)}); })();`;
}

// ------------------------------------------------------------------------------------------------
// Driving the browser.

/** Starts Debian's headless Chromium, as the browser tests do. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

interface OpenPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A page in a fresh context with the probe installed, signed in; its uncaught errors go to
 * `errors`. The sign-in goes through the page's own request context, whose cookies are the
 * page's, so the measured load opens the map and not the sign-in screen.
 */
async function openPage(browser: Browser, plan: BrowserPlan, errors: string[]): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({
    content: probeScript({ expected: plan.expected, quietMs: QUIET_MS }),
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  const signedIn = await page.request.post(`${plan.url}/api/session`, {
    data: plan.admin,
    timeout: plan.loadTimeoutMs,
  });
  if (signedIn.status() !== 200) {
    const answer = (await signedIn.text()).slice(0, 200);
    await context.close();
    throw new Error(`signing the page in: HTTP ${signedIn.status()} ${answer}`);
  }
  return { context, page };
}

/** Opens the app and waits until the map is interactive; the times are from `page.goto`. */
async function loadMap(page: Page, plan: BrowserPlan): Promise<PageLoad> {
  // Wall-clock time on both sides: the page's clock starts at its own navigation, which this
  // process cannot see, so both are put on the same (epoch) scale.
  const gotoStarted = performance.timeOrigin + performance.now();
  await page.goto(plan.url, { waitUntil: 'commit', timeout: plan.loadTimeoutMs });
  await page.waitForFunction(
    () => (window as ProbeWindow).__octographBench?.load() != null,
    undefined,
    { timeout: plan.loadTimeoutMs, polling: 100 },
  );
  const probe = await page.evaluate(() => (window as ProbeWindow).__octographBench?.load());
  if (!probe) throw new Error('the probe lost its figures');
  const offset = probe.timeOrigin - gotoStarted;
  const longTaskMsAfterMap = probe.longTasks
    .filter(([start]) => start >= probe.mapReceived && start < probe.interactive)
    .reduce((sum, [, duration]) => sum + duration, 0);
  return {
    domContentLoaded: offset + probe.domContentLoaded,
    mapRequested: offset + probe.mapRequested,
    mapReceived: offset + probe.mapReceived,
    allElements: offset + probe.allElements,
    interactive: offset + probe.interactive,
    longTaskMsAfterMap,
  };
}

/** A spot on the screen, in CSS pixels. */
interface Point {
  x: number;
  y: number;
}

async function surfaceBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(SURFACE).boundingBox();
  if (!box) throw new Error(`${SURFACE} is not on the page`);
  return box;
}

/** Whether a click at `point` lands on the map's surface rather than a panel over it. */
function onSurface(page: Page, point: Point): Promise<boolean> {
  return page.evaluate(
    ([x, y, selector]) => document.elementFromPoint(x, y)?.closest(selector) != null,
    [point.x, point.y, SURFACE] as const,
  );
}

/**
 * Where to start a pan: a drag that starts on a node does nothing (nodes cannot be moved or used
 * to pan), so it starts in the empty band the client leaves around the fitted map, on whichever
 * side no panel covers.
 */
async function panStart(page: Page): Promise<Point> {
  const box = await surfaceBox(page);
  const inset = FIT_PADDING / 2;
  const candidates: Point[] = [
    { x: box.x + inset, y: box.y + box.height / 2 },
    { x: box.x + box.width - inset, y: box.y + box.height / 2 },
    { x: box.x + box.width / 2, y: box.y + inset },
    { x: box.x + box.width / 2, y: box.y + box.height - inset },
  ];
  for (const point of candidates) {
    if (await onSurface(page, point)) return point;
  }
  throw new Error('every edge of the map is covered; nowhere to start a pan');
}

/** Sends one input no sooner than INPUT_INTERVAL_MS after the previous one. */
async function paced(input: Promise<void>): Promise<void> {
  await Promise.all([input, sleep(INPUT_INTERVAL_MS)]);
}

/** The unit vector from `from` towards `to`, and one square to it. */
function directions(from: Point, to: Point): { along: Point; across: Point } {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const along = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  return { along, across: { x: -along.y, y: along.x } };
}

/**
 * One drag around a circle that starts and ends at `from`, so the view ends where it began and
 * the next drag again starts on empty background. The circle lies towards `inwards` (the middle
 * of the map), so the pointer stays over the map.
 */
async function circleDrag(
  page: Page,
  from: Point,
  inwards: Point,
  radius: number,
  durationMs: number,
): Promise<void> {
  const { along, across } = directions(from, inwards);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const started = performance.now();
  for (let elapsed = 0; elapsed < durationMs; elapsed = since(started)) {
    const angle = (2 * Math.PI * elapsed) / durationMs;
    const forward = radius * (1 - Math.cos(angle));
    const sideways = radius * Math.sin(angle);
    await paced(
      page.mouse.move(
        from.x + forward * along.x + sideways * across.x,
        from.y + forward * along.y + sideways * across.y,
      ),
    );
  }
  await page.mouse.move(from.x, from.y);
  await page.mouse.up();
}

/** Wheel events at `at` for `durationMs`: `deltaY` below 0 zooms in, above 0 out. */
async function wheelBurst(
  page: Page,
  at: Point,
  deltaY: number,
  durationMs: number,
): Promise<void> {
  await page.mouse.move(at.x, at.y);
  const started = performance.now();
  while (since(started) < durationMs) await paced(page.mouse.wheel(0, deltaY));
}

/** Runs `gestures` while the page records its frames, and returns the frame intervals. */
async function recordFrames(page: Page, gestures: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    (window as ProbeWindow).__octographBench?.startFrames();
  });
  await gestures();
  return page.evaluate(() => (window as ProbeWindow).__octographBench?.stopFrames() ?? []);
}

/**
 * Whether `gesture` changes what the canvas shows, once it has settled. The pointer rests at
 * `restAt` for both screenshots, so a node highlighted under it is the same in both unless the
 * view moved.
 */
async function changesView(
  page: Page,
  restAt: Point,
  settleMs: number,
  gesture: () => Promise<void>,
): Promise<boolean> {
  const surface = page.locator(SURFACE);
  await page.mouse.move(restAt.x, restAt.y);
  await sleep(settleMs);
  const before = await surface.screenshot();
  await gesture();
  await page.mouse.move(restAt.x, restAt.y);
  await sleep(settleMs);
  return !before.equals(await surface.screenshot());
}

/**
 * Pans, then zooms, recording frames. After each recording (a screenshot costs frames of its
 * own) an unrecorded drag or wheel burst checks that the gesture really moves the view.
 */
async function panAndZoom(page: Page, plan: BrowserPlan): Promise<{ pan: Frames; zoom: Frames }> {
  const start = await panStart(page);
  const box = await surfaceBox(page);
  const radius = Math.min(box.width, box.height) / 5;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const zoomAt = (await onSurface(page, centre)) ? centre : start;
  await sleep(plan.settleMs);

  const panIntervals = await recordFrames(page, async () => {
    for (let index = 0; index < plan.pans.count; index += 1) {
      await circleDrag(page, start, centre, radius, plan.pans.durationMs);
      await sleep(plan.settleMs);
    }
  });
  // A drag along the empty margin, before any zoom: it starts and ends off the nodes, so only a
  // pan can change the picture (a hovered node's label would too, and may outlast the hover).
  const { across } = directions(start, centre);
  const sideways = Math.min(box.width, box.height) / 8;
  const sideStep = { x: start.x + sideways * across.x, y: start.y + sideways * across.y };
  const dragEnd = (await onSurface(page, sideStep))
    ? sideStep
    : { x: start.x - sideways * across.x, y: start.y - sideways * across.y };
  const panned = await changesView(page, start, plan.settleMs, async () => {
    await page.mouse.down();
    await page.mouse.move(dragEnd.x, dragEnd.y, { steps: 10 });
    await page.mouse.up();
  });

  const zoomIntervals = await recordFrames(page, async () => {
    for (let index = 0; index < plan.zooms.count; index += 1) {
      await wheelBurst(page, zoomAt, -100, plan.zooms.durationMs);
      await sleep(plan.settleMs);
      await wheelBurst(page, zoomAt, 100, plan.zooms.durationMs);
      await sleep(plan.settleMs);
    }
  });
  const zoomed = await changesView(page, zoomAt, plan.settleMs, () =>
    wheelBurst(page, zoomAt, -100, plan.zooms.durationMs),
  );
  return {
    pan: { intervals: panIntervals, moved: panned },
    zoom: { intervals: zoomIntervals, moved: zoomed },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

/**
 * Loads the map once unmeasured (it pays for Chromium's first renderer process) and pans and
 * zooms on that page, then closes it and measures `loads` page loads, one at a time, each in a
 * fresh context, so no other page is open during any measurement. The browser is the caller's.
 */
export async function measureInBrowser(
  browser: Browser,
  plan: BrowserPlan,
): Promise<BrowserResult> {
  const pageErrors: string[] = [];
  let frames: { pan: Frames | null; zoom: Frames | null } = { pan: null, zoom: null };
  let panZoomProblem: string | null = null;
  const first = await openPage(browser, plan, pageErrors);
  try {
    await loadMap(first.page, plan);
    frames = await panAndZoom(first.page, plan);
  } catch (error: unknown) {
    panZoomProblem = errorText(error);
  } finally {
    await first.context.close();
  }

  const loads: PageLoad[] = [];
  const failedLoads: string[] = [];
  let skippedLoads = 0;
  const deadline = performance.now() + plan.loadBudgetMs;
  for (let index = 0; index < plan.loads; index += 1) {
    if (performance.now() > deadline) {
      skippedLoads = plan.loads - index;
      break;
    }
    const opened = await openPage(browser, plan, pageErrors);
    try {
      loads.push(await loadMap(opened.page, plan));
    } catch (error: unknown) {
      failedLoads.push(errorText(error));
    } finally {
      await opened.context.close();
    }
  }
  return {
    chromiumVersion: browser.version(),
    loads,
    failedLoads,
    skippedLoads,
    ...frames,
    panZoomProblem,
    pageErrors,
  };
}
