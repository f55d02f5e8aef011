/**
 * `npm run readability -w bench` (after `npm run build` and `npm run build:test -w client`): how
 * readable the default map is, from what the browser draws (see readability-measure.ts), for the
 * demo network, a 16-group network and a 2,000-node synthetic network, each at 1440 × 900 and on
 * a 390 × 844 phone. The built server serves the test build of the client over a fresh data
 * folder; Debian's headless Chromium opens the map signed in and waits for it to settle. Prints a
 * table of figures (counts, not times); exits 1 only if something broke.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { MapResponseSchema, type MapResponse } from '@octograph/graph-schema';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startAppServer } from './app-server.js';
import type { Child } from './processes.js';
import { measureReadability, type ReadabilityReport } from './readability-measure.js';
import { adminEnv, benchAdmin, signIn } from './session.js';
import { setUp } from './setup.js';
import type { SyntheticOptions } from '@octograph/seed';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_ENTRY = join(rootDir, 'server', 'dist', 'cli.js');
const CLIENT_TEST_DIST =
  process.env.OCTOGRAPH_TEST_CLIENT_DIR ?? join(rootDir, 'client', 'dist-test');

const SIZES: { name: string; options: BrowserContextOptions }[] = [
  { name: '1440×900', options: { viewport: { width: 1440, height: 900 } } },
  {
    name: '390×844 phone',
    options: {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    },
  },
];

/** A network to measure, and how its data folder is filled. */
interface Network {
  name: string;
  fill(dataDir: string, env: NodeJS.ProcessEnv): Promise<void>;
}

/** A synthetic network (seed/src/synthetic.ts), seeded and laid out as the bench's own. */
function synthetic(name: string, options: SyntheticOptions): Network {
  return {
    name,
    async fill(dataDir) {
      const { store } = await setUp(dataDir, options);
      await store.close();
    },
  };
}

const NETWORKS: Network[] = [
  {
    name: 'demo',
    fill(dataDir, env) {
      const seeded = spawnSync(process.execPath, [CLI_ENTRY, 'seed'], {
        cwd: rootDir,
        env,
        encoding: 'utf8',
      });
      if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
      return Promise.resolve();
    },
  },
  synthetic('16 groups', {
    organisations: 16,
    people: 0,
    links: 22,
    seed: 16,
    themes: 0,
    places: 0,
  }),
  synthetic('2,000 nodes', {
    organisations: 1_400,
    people: 580,
    links: 4_000,
    seed: 2_000,
    themes: 12,
    places: 8,
  }),
];

/** Waits until the canvas holds the whole map and the labels have been placed. */
async function waitForMap(page: Page, map: MapResponse): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const counts = await page.evaluate(
      () =>
        (
          window as { __octograph?: { elementCounts(): { nodes: number } | null } }
        ).__octograph?.elementCounts() ?? null,
    );
    if (counts && counts.nodes === map.nodes.length) break;
    if (Date.now() > deadline) throw new Error('the map was not drawn within 2 minutes');
    await sleep(200);
  }
  // Labels are placed a moment after the view settles.
  await sleep(1_500);
}

function row(network: string, size: string, report: ReadabilityReport): string {
  const share = (part: { inView: number; named: number }) =>
    `${part.named}/${part.inView}${part.inView > 0 ? ` (${Math.round((100 * part.named) / part.inView)}%)` : ''}`;
  return [
    network,
    size,
    report.drawnNodes,
    report.overlappingCircles.length,
    report.overlappingLabels.length,
    report.labelsOverCircles.length,
    share(report.hubs),
    share(report.ring),
    share(report.otherOrganisations),
    report.smallestLabelPx === null ? '–' : report.smallestLabelPx.toFixed(1),
    `${Math.round(100 * report.lines.share)}% of ${report.lines.drawn}`,
  ].join(' | ');
}

async function measureNetwork(network: Network, rows: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octograph-readability-'));
  const clientDir = join(dataDir, 'client');
  cpSync(CLIENT_TEST_DIST, clientDir, { recursive: true });
  const admin = benchAdmin();
  const env = {
    ...process.env,
    ...adminEnv(admin),
    DATA_DIR: dataDir,
    CLIENT_DIR: clientDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  let server: Child | undefined;
  const browser = await launchChromium();
  try {
    await network.fill(dataDir, env);
    const started = await startAppServer(env);
    server = started.server;
    const { baseUrl } = started;
    const session = await signIn(baseUrl, admin);
    const response = await fetch(`${baseUrl}/api/map`, { headers: session.readHeaders });
    const map = MapResponseSchema.parse(await response.json());
    for (const size of SIZES) {
      const context = await browser.newContext(size.options);
      try {
        const page = await context.newPage();
        const signedIn = await page.request.post(`${baseUrl}/api/session`, { data: admin });
        if (signedIn.status() !== 200) throw new Error(`sign-in: HTTP ${signedIn.status()}`);
        await page.goto(baseUrl);
        await waitForMap(page, map);
        const report = await measureReadability(page, map);
        rows.push(row(network.name, size.name, report));
        const unnamed = [...report.hubs.unnamed, ...report.ring.unnamed];
        if (unnamed.length > 0) {
          console.log(`${network.name}, ${size.name}: not named: ${unnamed.join(', ')}`);
        }
        const shot = join(
          rootDir,
          'tests',
          '.artifacts',
          `readability ${network.name} ${size.name}.png`,
        );
        await page.screenshot({ path: shot });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: string[] = [];
  for (const network of NETWORKS) {
    if (only && !network.name.startsWith(only)) continue;
    await measureNetwork(network, rows);
  }
  console.log(
    '| Network | Screen | Nodes drawn | Circles overlapping | Labels overlapping | Labels over circles | Hubs named | Ring groups named | Other organisations named | Smallest name (px) | Working lines |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const line of rows) console.log(`| ${line} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
