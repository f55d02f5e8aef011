/**
 * `npm run bench`: seeds a large synthetic network into a fresh embedded store, starts the built
 * server on it, and measures /api/map against a bare Fastify route sending the same bytes, ego
 * networks over HTTP and in-process, link creation, and the server's memory (the `api` steps);
 * then opens a smaller map in headless Chromium and measures how soon it is interactive and how
 * smoothly it pans and zooms (the `browser` step); then times GET /api/insights cold (the first
 * request after a write) and cached on the big network (the `insights` step). Prints a table and
 * adds it to bench/RESULTS.md. `--only api|browser|insights` (or BENCH_ONLY=…) runs one part and
 * only prints. Exits 0 whatever the timings; non-zero only if something broke.
 *
 * Everything talks to 127.0.0.1 only, every loop is bounded by count and time, and the whole run
 * has a hard time limit. Only the children started here are ever stopped.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MapResponseSchema } from '@octograph/graph-schema';
import {
  launchChromium,
  measureInBrowser,
  SLOW_FRAME_MS,
  VIEWPORT,
  type BrowserResult,
  type Frames,
  type PageLoad,
} from './browser.js';
import { importWorkbook } from './import.js';
import { measureInsights } from './insights.js';
import { runLoad, type LoadResult } from './load.js';
import { Child, freePort, readMemory, waitUntilReady, type Memory } from './processes.js';
import { machine, prependRun, textTable, type Row } from './report.js';
import {
  addMeetingLinksOverHttp,
  createLinksOverHttp,
  egoInProcess,
  egoOverHttp,
  timedGet,
  type Timings,
} from './sequential.js';
import { adminEnv, benchAdmin, signIn, type Session } from './session.js';
import { BENCH_NEO4J, databaseBytes, emptyBenchStore, setUp } from './setup.js';
import { count, mib, ms, summarise, type Summary } from './stats.js';
import { egoTargets, newCollaborations } from './workload.js';

const NETWORK = { organisations: 10_000, people: 2_000, links: 40_000, seed: 20_251_121 };
const LOAD = { connections: 10, durationSeconds: 10 };
const EGO = { count: 200, depth: 2, budgetMs: 60_000 };
const NEW_LINKS = { count: 500, warmup: 5, budgetMs: 60_000, seed: 7 };
/** Bulk adds after a meeting: rounds of `size` new links, each at its own meeting. */
const MEETING_LINKS = { rounds: 40, warmup: 3, size: 50, budgetMs: 60_000, date: '2026-11-20' };
/** Ego networks up to this many nodes count as small in the by-size row. */
const SMALL_EGO_NODES = 500;
/**
 * The browser step's map: 5,000 nodes (with the 20 themes and 12 places) and 20,000 links, people
 * and organisations in the same proportion as NETWORK.
 */
const BROWSER_NETWORK = { organisations: 4_140, people: 828, links: 20_000, seed: NETWORK.seed };
const BROWSER = {
  loads: 5,
  loadTimeoutMs: 60_000,
  loadBudgetMs: 90_000,
  pans: { count: 3, durationMs: 1000 },
  zooms: { count: 2, durationMs: 500 },
  settleMs: 500,
};
/** Above this many links the client hides them while the view moves (client/src/map/MapView.tsx). */
const CLIENT_LARGE_MAP_LINKS = 3000;
/** The insights step: cold rounds (a write, then the first GET) and cached GETs. */
const INSIGHTS = {
  rounds: 5,
  cachedRequests: 20,
  seed: 11,
  finding: '/api/insights/introductions',
};
const TARGETS = {
  mapToBare: 0.5,
  egoP95Ms: 10,
  linkP95Ms: 15,
  meetingLinksP95Ms: 50,
  importMs: 5000,
  interactiveMs: 3000,
  insightsColdMs: 1500,
  insightsCachedMs: 50,
};
const STEPS = ['api', 'browser', 'insights'] as const;
type StepName = (typeof STEPS)[number];
/**
 * The whole run stops (and cleans up) after this long, whatever it is doing. Over Neo4j, writing
 * the network (one batch of ~52,000 ops, each a few queries) alone takes minutes.
 */
const RUN_LIMIT_MS = (BENCH_NEO4J ? 45 : 8) * 60_000;
/** The store the run measures, for the workload line. */
const STORE_NAME = BENCH_NEO4J ? `Neo4j store (${BENCH_NEO4J.uri})` : 'embedded SQLite store';
/** The Neo4j server's pid (NEO4J_PID, e.g. from .ci/run or `npm run neo4j:local`), for its memory. */
const NEO4J_PID = Number(process.env.NEO4J_PID ?? '') || null;

/** Neo4j's peak RSS so far, as a row, when its pid is known. */
function neo4jMemoryRows(): Row[] {
  if (!BENCH_NEO4J) return [];
  return [
    {
      figure: 'Neo4j peak RSS (VmHWM; JVM heap 1 GiB max, page cache 256 MiB)',
      measured: NEO4J_PID === null ? 'n/a (set NEO4J_PID)' : mib(readMemory(NEO4J_PID).peak),
    },
  ];
}
const HOST = '127.0.0.1';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = resolve(benchDir, '..');
const SERVER_ENTRY = join(rootDir, 'server', 'dist', 'server.js');
const CLIENT_SOURCE = join(rootDir, 'client', 'src');
// The test build: the production build plus the read-only handle the browser step counts the
// drawn elements with (`npm run bench` builds it).
const CLIENT_INDEX = join(rootDir, 'client', 'dist-test', 'index.html');
const BARE_SERVER = join(benchDir, 'src', 'bare-server.ts');
const RESULTS_FILE = join(benchDir, 'RESULTS.md');
/** Every server of the run creates this admin on start; every request is made signed in as it. */
const ADMIN = benchAdmin();

// Undone in reverse order at the end, on error, on Ctrl-C and at the time limit.
const cleanups: (() => Promise<void> | void)[] = [];
/** Set once clean-up has begun, so the run starts no new child while it is being torn down. */
let stopping = false;

async function cleanUp(): Promise<void> {
  stopping = true;
  for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) {
    try {
      await undo();
    } catch (error: unknown) {
      process.stderr.write(`bench: clean-up step failed: ${String(error)}\n`);
    }
  }
}

function abort(reason: string, code: number): void {
  process.stderr.write(`bench: ${reason}; stopping\n`);
  void cleanUp().finally(() => process.exit(code));
}

function step(message: string): void {
  process.stdout.write(`› ${message}\n`);
}

/** Environment for a child: ours without NODE_OPTIONS, so no loader of this process leaks in. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

async function startChild(
  name: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<{ child: Child; baseUrl: string }> {
  const port = await freePort();
  if (stopping) throw new Error(`not starting ${name}: the run is stopping`);
  const child = Child.start({
    name,
    args,
    cwd,
    // The benchmark measures the server, not its rate limit.
    env: childEnv({ RATE_LIMIT_PER_MINUTE: '0', ...env, PORT: String(port), HOST }),
  });
  cleanups.push(() => child.stop());
  const baseUrl = `http://${HOST}:${port}`;
  await waitUntilReady(`${baseUrl}${readyPath}`, child, 60_000);
  return { child, baseUrl };
}

/** The built server, with the run's admin, and a session signed in as that admin. */
async function startServer(
  name: string,
  env: Record<string, string>,
): Promise<{ child: Child; baseUrl: string; session: Session }> {
  const started = await startChild(
    name,
    [SERVER_ENTRY],
    rootDir,
    { ...adminEnv(ADMIN), ...env },
    '/api/health',
  );
  return { ...started, session: await signIn(started.baseUrl, ADMIN) };
}

function latencyText(timings: Timings): string {
  const summary = summarise(timings.samples);
  const skipped = timings.skipped > 0 ? `, ${timings.skipped} skipped (time budget)` : '';
  return `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)} ms (n=${summary.count}${skipped})`;
}

function loadRows(label: string, load: LoadResult): Row[] {
  const problems = load.errors + load.timeouts + load.non2xx;
  return [
    {
      figure: `${label}: throughput`,
      measured: `${load.requestsPerSecond.toFixed(1)} req/s (${count(load.responses)} in ${load.seconds.toFixed(1)} s, ${mib(load.bytesPerSecond)}/s${problems > 0 ? `, ${problems} errors/timeouts/non-2xx` : ''})`,
    },
    {
      figure: `${label}: latency p50 / p97.5 / p99`,
      measured: `${ms(load.p50)} / ${ms(load.p975)} / ${ms(load.p99)} ms`,
    },
    {
      figure: `${label}: server CPU time per response`,
      measured: `${ms(load.serverCpuMsPerResponse)} ms`,
    },
    {
      figure: `${label}: CPU, server / load generator / whole machine`,
      measured: `${load.serverCores.toFixed(2)} / ${load.clientCores.toFixed(2)} / ${load.machineCores.toFixed(2)} cores`,
    },
  ];
}

/**
 * HTTP ego-network latencies split by how many nodes the same call returned in-process (both
 * loops ran over the same targets in the same order), to show how time follows size.
 */
function egoBySize(http: Timings, local: Timings): string {
  const small: number[] = [];
  const large: number[] = [];
  http.samples.forEach((sample, index) => {
    const nodes = local.sizes[index];
    if (nodes !== undefined) (nodes <= SMALL_EGO_NODES ? small : large).push(sample);
  });
  const part = (label: string, samples: number[]): string => {
    const summary = summarise(samples);
    return `${label}: ${ms(summary.p50)} / ${ms(summary.p95)} ms (n=${summary.count})`;
  };
  return `${part(`≤ ${SMALL_EGO_NODES} nodes`, small)}; ${part('larger', large)}`;
}

function memoryText(memory: Memory): string {
  return mib(memory.rss);
}

/** Rows, notes and workload lines of one part of the run, for the table and RESULTS.md. */
interface StepReport {
  rows: Row[];
  notes: string[];
  workload: string[];
}

/** Steps 1–7: the big network, its server, and the bare baseline. */
async function apiSteps(dataDir: string): Promise<StepReport> {
  // 1. Setup, and the in-process ego networks while the seeded store is open here.
  step(
    `generating and seeding ${count(NETWORK.organisations)} organisations, ${count(NETWORK.people)} people, ${count(NETWORK.links)} links (seed ${NETWORK.seed})`,
  );
  const setup = await setUp(dataDir, NETWORK);
  const { network } = setup;
  step(
    `generated in ${ms(setup.generateMs)} ms, written in ${ms(setup.writeMs)} ms, laid out in ${ms(setup.layoutMs)} ms`,
  );
  const targets = egoTargets(network, EGO.count);
  // Warm up on mid-ranked nodes: ordinary ones, which run every code path the others do.
  const egoPlan = {
    warmup: targets.filter((_, index) => index % 40 === 20),
    items: targets,
    budgetMs: EGO.budgetMs,
  };
  let egoLocal: Timings;
  try {
    egoLocal = await egoInProcess(setup.store, egoPlan, EGO.depth);
  } finally {
    await setup.store.close();
  }
  const dbBytes = databaseBytes(dataDir);
  step(`ego networks in-process: p50 / p95 / max ${latencyText(egoLocal)}`);

  // 2. The built server on that store.
  const {
    child: server,
    baseUrl,
    session,
  } = await startServer('server', { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const memoryIdle = readMemory(server.pid);
  step(`server up (pid ${server.pid}), RSS ${memoryText(memoryIdle)}`);

  // 3. /api/map: the first request builds and caches the map; then load.
  const cold = await timedGet(`${baseUrl}/api/map`, session);
  if (cold.status !== 200) throw new Error(`GET /api/map: HTTP ${cold.status}`);
  const map = JSON.parse(cold.body) as { nodes: unknown[]; links: unknown[] };
  const warmSamples: number[] = [];
  for (let index = 0; index < 5; index += 1)
    warmSamples.push((await timedGet(`${baseUrl}/api/map`, session)).ms);
  const warm = summarise(warmSamples);
  step(
    `/api/map: ${count(map.nodes.length)} nodes, ${count(map.links.length)} links, ${count(cold.bytes)} bytes; cold ${ms(cold.ms)} ms, warm ${ms(warm.p50)} ms`,
  );
  step(`load on /api/map: ${LOAD.connections} connections for ${LOAD.durationSeconds} s`);
  const mapLoad = await runLoad(`${baseUrl}/api/map`, server.pid, LOAD, session.readHeaders);
  const memoryAfterMap = readMemory(server.pid);
  step(`/api/map: ${mapLoad.requestsPerSecond.toFixed(1)} req/s`);

  // 4. The bare Fastify baseline, sending the very same bytes.
  const bodyFile = join(dataDir, 'map.json');
  writeFileSync(bodyFile, cold.body);
  const bare = await startChild(
    'bare server',
    ['--import', 'tsx', BARE_SERVER],
    benchDir,
    { BODY_FILE: bodyFile },
    '/api/map',
  );
  // The bare server gets the very same requests, cookie and all; it just does not look at it.
  const bareCheck = await timedGet(`${bare.baseUrl}/api/map`, session);
  if (bareCheck.body !== cold.body) throw new Error('the bare server sends a different body');
  step(`load on the bare server (pid ${bare.child.pid})`);
  const bareLoad = await runLoad(
    `${bare.baseUrl}/api/map`,
    bare.child.pid,
    LOAD,
    session.readHeaders,
  );
  const bareMemory = readMemory(bare.child.pid);
  await bare.child.stop();
  const ratio = mapLoad.requestsPerSecond / bareLoad.requestsPerSecond;
  step(`bare: ${bareLoad.requestsPerSecond.toFixed(1)} req/s; map / bare = ${ratio.toFixed(2)}`);

  // 5. Ego networks over HTTP, one at a time.
  const egoHttp = await egoOverHttp(baseUrl, session, egoPlan, EGO.depth);
  step(`ego networks over HTTP: p50 / p95 / max ${latencyText(egoHttp)}`);

  // 6. New links, one POST at a time.
  // One draw for this step and the next, so no pair is added twice.
  const meetingLinkCount = (MEETING_LINKS.warmup + MEETING_LINKS.rounds) * MEETING_LINKS.size;
  const drawn = newCollaborations(
    network,
    NEW_LINKS.warmup + NEW_LINKS.count + meetingLinkCount,
    NEW_LINKS.seed,
  );
  const collaborations = drawn.slice(0, NEW_LINKS.warmup + NEW_LINKS.count);
  const linkTimings = await createLinksOverHttp(baseUrl, session, {
    warmup: collaborations.slice(0, NEW_LINKS.warmup),
    items: collaborations.slice(NEW_LINKS.warmup),
    budgetMs: NEW_LINKS.budgetMs,
  });
  step(`POST /api/links: p50 / p95 / max ${latencyText(linkTimings)}`);

  // 7. The links that formed at a meeting, added in one request each.
  const rounds = Array.from(
    { length: MEETING_LINKS.warmup + MEETING_LINKS.rounds },
    (_, round) => ({
      meetingId: `bench-meeting-${round}`,
      links: drawn.slice(
        collaborations.length + round * MEETING_LINKS.size,
        collaborations.length + (round + 1) * MEETING_LINKS.size,
      ),
    }),
  );
  const meetingTimings = await addMeetingLinksOverHttp(
    baseUrl,
    session,
    {
      warmup: rounds.slice(0, MEETING_LINKS.warmup),
      items: rounds.slice(MEETING_LINKS.warmup),
      budgetMs: MEETING_LINKS.budgetMs,
    },
    MEETING_LINKS.date,
  );
  step(
    `POST /api/meetings/:id/links (${MEETING_LINKS.size} links): p50 / p95 / max ${latencyText(meetingTimings)}`,
  );

  // 8. Memory after all of it.
  const memoryEnd = readMemory(server.pid);

  // 9. The whole network as a Kumu-layout workbook, imported into an empty store.
  const exportStarted = performance.now();
  const workbookResponse = await fetch(`${baseUrl}/api/export?format=xlsx`, {
    headers: session.readHeaders,
  });
  if (workbookResponse.status !== 200) {
    throw new Error(`GET /api/export?format=xlsx: HTTP ${workbookResponse.status}`);
  }
  const workbook = Buffer.from(await workbookResponse.arrayBuffer());
  const exportMs = performance.now() - exportStarted;
  await server.stop();
  await emptyBenchStore(); // the import goes into an empty store
  const importDir = mkdtempSync(join(tmpdir(), 'octograph-bench-import-'));
  cleanups.push(() => {
    rmSync(importDir, { recursive: true, force: true });
  });
  const importer = await startServer('import server', {
    DATA_DIR: importDir,
    LOG_LEVEL: 'warn',
    IMPORT_LIMIT: String(256 * 1024 * 1024),
  });
  const imported = await importWorkbook(importer.baseUrl, importer.session, workbook);
  await importer.child.stop();
  const importMs = imported.previewMs + imported.applyMs;
  step(
    `import of the exported workbook (${mib(workbook.length)}): preview ${ms(imported.previewMs)} ms + apply ${ms(imported.applyMs)} ms; ${count(imported.nodesCreated)} nodes, ${count(imported.linksCreated)} links`,
  );

  const egoHttpSummary = summarise(egoHttp.samples);
  const linkSummary = summarise(linkTimings.samples);
  const meetingSummary = summarise(meetingTimings.samples);
  const egoNodes = summarise(egoLocal.sizes);
  const egoBytes = summarise(egoHttp.sizes);
  const failures = egoHttp.failures + linkTimings.failures + meetingTimings.failures;
  const loadProblems =
    mapLoad.errors + mapLoad.timeouts + mapLoad.non2xx + bareLoad.errors + bareLoad.timeouts;
  const rows: Row[] = [
    { figure: 'Generate the network', measured: `${ms(setup.generateMs)} ms` },
    {
      figure: 'Write it to the store (one batch, one transaction)',
      measured: `${ms(setup.writeMs)} ms`,
    },
    {
      figure: 'Lay out (ForceAtlas2) and save positions',
      measured: `${ms(setup.layoutMs)} ms to compute, ${ms(setup.layoutSaveMs)} ms to save`,
    },
    { figure: 'Database file', measured: BENCH_NEO4J ? 'n/a (Neo4j)' : mib(dbBytes) },
    { figure: 'GET /api/map cold (first request builds the map)', measured: `${ms(cold.ms)} ms` },
    { figure: 'GET /api/map warm, one at a time (p50 of 5)', measured: `${ms(warm.p50)} ms` },
    {
      figure: 'GET /api/map response size',
      measured: `${count(cold.bytes)} bytes (${mib(cold.bytes)})`,
    },
    ...loadRows('GET /api/map', mapLoad),
    ...loadRows('Bare Fastify, same body', bareLoad),
    {
      figure: 'Throughput map / bare',
      measured: ratio.toFixed(2),
      target: `≥ ${TARGETS.mapToBare}`,
      met: ratio >= TARGETS.mapToBare,
    },
    {
      // Other work on the machine slows both servers' req/s unevenly; CPU time per response
      // does not depend on how many cores were free, so it is the steadier comparison.
      figure: 'Server CPU per response, bare / map',
      measured: (bareLoad.serverCpuMsPerResponse / mapLoad.serverCpuMsPerResponse).toFixed(2),
    },
    {
      figure: `Ego network depth ${EGO.depth} over HTTP, p50 / p95 / max`,
      measured: latencyText(egoHttp),
      target: `p95 ≤ ${TARGETS.egoP95Ms} ms`,
      met: egoHttpSummary.p95 <= TARGETS.egoP95Ms,
    },
    {
      figure: `Ego network depth ${EGO.depth} in-process (store.neighbourhood)`,
      measured: latencyText(egoLocal),
    },
    {
      figure: `Ego network depth ${EGO.depth} over HTTP by size, p50 / p95`,
      measured: egoBySize(egoHttp, egoLocal),
    },
    {
      figure: 'Ego network size, nodes p50 / p95 / max',
      measured: `${count(egoNodes.p50)} / ${count(egoNodes.p95)} / ${count(egoNodes.max)} (bytes p50 ${count(egoBytes.p50)}, max ${count(egoBytes.max)})`,
    },
    {
      figure: 'POST /api/links, p50 / p95 / max',
      measured: latencyText(linkTimings),
      target: `p95 ≤ ${TARGETS.linkP95Ms} ms`,
      met: linkSummary.p95 <= TARGETS.linkP95Ms,
    },
    {
      figure: `POST /api/meetings/:id/links, ${MEETING_LINKS.size} links each, p50 / p95 / max`,
      measured: latencyText(meetingTimings),
      target: `p95 ≤ ${TARGETS.meetingLinksP95Ms} ms`,
      met: meetingSummary.p95 <= TARGETS.meetingLinksP95Ms,
    },
    {
      figure: 'GET /api/export?format=xlsx (the whole network)',
      measured: `${ms(exportMs)} ms, ${mib(workbook.length)}`,
    },
    {
      figure: `Import that workbook into an empty store: preview + apply (${count(imported.nodesCreated)} nodes, ${count(imported.linksCreated)} links)`,
      measured: `${ms(imported.previewMs)} + ${ms(imported.applyMs)} = ${ms(importMs)} ms`,
      target: `≤ ${TARGETS.importMs} ms`,
      met: importMs <= TARGETS.importMs && imported.errors === 0,
    },
    { figure: 'Server RSS after start-up', measured: memoryText(memoryIdle) },
    { figure: 'Server RSS after the map load', measured: memoryText(memoryAfterMap) },
    { figure: 'Server RSS at the end', measured: memoryText(memoryEnd) },
    { figure: 'Server peak RSS (VmHWM)', measured: mib(memoryEnd.peak) },
    { figure: 'Bare Fastify peak RSS (VmHWM), for comparison', measured: mib(bareMemory.peak) },
    ...neo4jMemoryRows(),
    {
      figure: 'Failed requests (sequential steps; load errors)',
      measured: `${failures}; ${loadProblems}`,
      target: '0; 0',
      met: failures === 0 && loadProblems === 0,
    },
  ];

  const notes = [
    egoHttp.firstFailure,
    linkTimings.firstFailure,
    meetingTimings.firstFailure,
  ].flatMap((problem) => (problem === null ? [] : [`First failure: ${problem}`]));
  return {
    rows,
    notes,
    workload: [
      `Workload: synthetic network of ${count(NETWORK.organisations)} organisations, ${count(NETWORK.people)} people and ${count(NETWORK.links)} links (${count(network.nodes.length)} nodes with themes and places; seed ${NETWORK.seed}), ${STORE_NAME}`,
      `Load: autocannon, ${LOAD.connections} connections for ${LOAD.durationSeconds} s per target; ego networks: ${egoHttpSummary.count} organisations evenly spaced by degree rank, sequential; links: ${linkSummary.count} new COLLABORATES_WITH links, sequential; meetings: ${meetingSummary.count} meetings of ${MEETING_LINKS.size} new links between attendees, one request each, sequential`,
    ],
  };
}

/** Frame intervals as p50 / p95 and the share of slow frames. */
function framesText(frames: Frames | null): string {
  if (frames === null) return 'n/a';
  const summary = summarise(frames.intervals);
  const slow = frames.intervals.filter((interval) => interval > SLOW_FRAME_MS).length;
  const share = summary.count === 0 ? 0 : (100 * slow) / summary.count;
  return `${ms(summary.p50)} / ${ms(summary.p95)} ms; ${share.toFixed(1)}% of ${count(summary.count)} frames over ${SLOW_FRAME_MS} ms`;
}

/** The medians of some moments of the page loads, joined with " / ". */
function medians(result: BrowserResult, moments: (keyof PageLoad)[]): string {
  return moments
    .map((moment) => ms(summarise(result.loads.map((load) => load[moment])).p50))
    .join(' / ');
}

function browserNotes(result: BrowserResult): string[] {
  const notes = [
    `Links are hidden while the view moves (the client does so above ${count(CLIENT_LARGE_MAP_LINKS)} links), so pan and zoom frames draw the nodes only; the redraw with every link once the view stops is counted.`,
  ];
  const [failedLoad] = result.failedLoads;
  if (failedLoad !== undefined) notes.push(`First failed page load: ${failedLoad}`);
  const [pageError] = result.pageErrors;
  if (pageError !== undefined) notes.push(`First page error: ${pageError}`);
  if (result.panZoomProblem !== null) {
    notes.push(`Pans and zooms could not be run: ${result.panZoomProblem}`);
  }
  for (const [gesture, frames] of [
    ['pans', result.pan],
    ['zooms', result.zoom],
  ] as const) {
    if (frames?.moved === false) {
      notes.push(`The ${gesture} did not change the view: their frame times measure an idle page.`);
    }
  }
  return notes;
}

/** The files `index.html` in `dir` loads that are not in `dir`. */
function missingAssets(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].flatMap(([, path]) =>
    path === undefined || existsSync(join(dir, path)) ? [] : [path],
  );
}

/**
 * Copies the built client to `target`, for the browser step's server. The server lists the
 * client's files when it starts (@fastify/static without wildcard), so a rebuild during the run
 * would leave it serving a new index.html whose scripts it does not know; a copy cannot change.
 */
async function copyClient(target: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    let problem: string;
    try {
      rmSync(target, { recursive: true, force: true });
      cpSync(dirname(CLIENT_INDEX), target, { recursive: true });
      const missing = missingAssets(target);
      if (missing.length === 0) return;
      problem = `missing ${missing.join(', ')}`;
    } catch (error: unknown) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (attempt === 3)
      throw new Error(`client/dist-test is incomplete (${problem}); is a build running?`);
    step(
      `client/dist-test is incomplete (${problem}), perhaps being rebuilt; trying again in 10 s`,
    );
    await sleep(10_000);
  }
}

/** Step 8: a 5,000-node map with saved positions in headless Chromium. */
async function browserStep(dataDir: string): Promise<StepReport> {
  const browserDir = join(dataDir, 'browser');
  mkdirSync(browserDir);
  step(
    `browser map: generating and seeding ${count(BROWSER_NETWORK.organisations)} organisations, ${count(BROWSER_NETWORK.people)} people, ${count(BROWSER_NETWORK.links)} links`,
  );
  const setup = await setUp(browserDir, BROWSER_NETWORK);
  await setup.store.close();
  step(
    `browser map: ${count(setup.network.nodes.length)} nodes, laid out in ${ms(setup.layoutMs)} ms`,
  );

  const clientDir = join(dataDir, 'client');
  await copyClient(clientDir);
  const {
    child: server,
    baseUrl,
    session,
  } = await startServer('browser map server', {
    DATA_DIR: browserDir,
    CLIENT_DIR: clientDir,
    LOG_LEVEL: 'warn',
  });
  // The first request builds the server's cached map; the page loads all get the cached one.
  const cold = await timedGet(`${baseUrl}/api/map`, session);
  if (cold.status !== 200) throw new Error(`GET /api/map: HTTP ${cold.status}`);
  const map = MapResponseSchema.parse(JSON.parse(cold.body));
  const warmSamples: number[] = [];
  for (let index = 0; index < 5; index += 1)
    warmSamples.push((await timedGet(`${baseUrl}/api/map`, session)).ms);
  const warm = summarise(warmSamples);
  const expected = { nodes: map.nodes.length, links: map.links.length };
  step(
    `browser map: /api/map ${count(expected.nodes)} nodes, ${count(expected.links)} links, ${count(cold.bytes)} bytes, warm ${ms(warm.p50)} ms`,
  );

  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  step(
    `Chromium ${browser.version()}: a first load with pans and zooms, then ${BROWSER.loads} measured loads`,
  );
  const result = await measureInBrowser(browser, {
    url: baseUrl,
    admin: ADMIN,
    expected,
    ...BROWSER,
  });
  await browser.close();
  await server.stop();

  const interactive = summarise(result.loads.map((load) => load.interactive));
  const longTasks = summarise(result.loads.map((load) => load.longTaskMsAfterMap));
  step(
    `browser map: interactive after ${ms(interactive.p50)} ms (median), pan ${framesText(result.pan)}`,
  );
  const failures = result.failedLoads.length + result.pageErrors.length;
  const rows: Row[] = [
    {
      figure: 'Browser map: GET /api/map warm p50 (cold), size',
      measured: `${ms(warm.p50)} ms (${ms(cold.ms)} ms), ${count(cold.bytes)} bytes (${mib(cold.bytes)})`,
    },
    {
      figure: 'Browser map: navigation to interactive, median / max',
      measured: `${ms(interactive.p50)} / ${ms(interactive.max)} ms (n=${interactive.count}${result.skippedLoads > 0 ? `, ${result.skippedLoads} skipped (time budget)` : ''})`,
      target: `median ≤ ${TARGETS.interactiveMs} ms`,
      met: interactive.p50 <= TARGETS.interactiveMs,
    },
    {
      figure: 'Browser map: DOMContentLoaded / map requested / map received (medians)',
      measured: `${medians(result, ['domContentLoaded', 'mapRequested', 'mapReceived'])} ms`,
    },
    {
      figure: 'Browser map: all nodes and links on the canvas / interactive (medians)',
      measured: `${medians(result, ['allElements', 'interactive'])} ms`,
    },
    {
      figure: 'Browser map: main thread in long tasks, map received → interactive (median)',
      measured: `${ms(longTasks.p50)} ms`,
    },
    {
      figure: 'Browser map: pan frame time p50 / p95; slow frames',
      measured: framesText(result.pan),
    },
    {
      figure: 'Browser map: zoom frame time p50 / p95; slow frames',
      measured: framesText(result.zoom),
    },
    {
      figure: 'Browser map: failed page loads; page errors',
      measured: `${result.failedLoads.length}; ${result.pageErrors.length}`,
      target: '0; 0',
      met: failures === 0,
    },
  ];
  return {
    rows,
    notes: browserNotes(result),
    workload: [
      `Browser: synthetic network of ${count(BROWSER_NETWORK.organisations)} organisations, ${count(BROWSER_NETWORK.people)} people and ${count(BROWSER_NETWORK.links)} links (${count(setup.network.nodes.length)} nodes; seed ${BROWSER_NETWORK.seed}) with saved positions; headless Chromium ${result.chromiumVersion} (software rendering), ${VIEWPORT.width} × ${VIEWPORT.height}; ${BROWSER.loads} page loads, each in a fresh browser context, after an unmeasured one on which the view is moved: ${BROWSER.pans.count} circular drags of ${BROWSER.pans.durationMs / 1000} s and ${BROWSER.zooms.count} × wheel in and out for ${BROWSER.zooms.durationMs / 1000} s each, ${BROWSER.settleMs} ms pause after each`,
    ],
  };
}

/**
 * Step 9: GET /api/insights on the big network in its own store and server, so the api steps'
 * 500 new links do not change what it measures: cold (the first request after a write, which
 * recomputes every finding) and cached, one request at a time.
 */
async function insightsStep(dataDir: string): Promise<StepReport> {
  const insightsDir = join(dataDir, 'insights');
  mkdirSync(insightsDir);
  step(`insights: seeding the ${count(NETWORK.organisations)}-organisation network again`);
  const setup = await setUp(insightsDir, NETWORK);
  await setup.store.close();
  const {
    child: server,
    baseUrl,
    session,
  } = await startServer('insights server', { DATA_DIR: insightsDir, LOG_LEVEL: 'warn' });
  const writes = newCollaborations(setup.network, INSIGHTS.rounds, INSIGHTS.seed);
  const timings = await measureInsights(baseUrl, session, {
    writes,
    cachedRequests: INSIGHTS.cachedRequests,
    findingPath: INSIGHTS.finding,
  });
  await server.stop();

  const cold = summarise(timings.coldMs);
  const cachedSummary = summarise(timings.cachedSummaryMs);
  const cachedFinding = summarise(timings.cachedFindingMs);
  step(
    `insights: cold p50 ${ms(cold.p50)} ms (max ${ms(cold.max)}), cached p95 ${ms(cachedSummary.p95)} / ${ms(cachedFinding.p95)} ms`,
  );
  const p50p95 = (summary: Summary): string =>
    `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)} ms (n=${summary.count})`;
  const rows: Row[] = [
    {
      figure: 'GET /api/insights, first request of the server',
      measured: `${ms(timings.firstMs)} ms`,
    },
    {
      figure: 'GET /api/insights cold (first after a write), p50 / p95 / max',
      measured: p50p95(cold),
      target: `p50 ≤ ${TARGETS.insightsColdMs} ms`,
      met: cold.p50 <= TARGETS.insightsColdMs,
    },
    {
      figure: 'GET /api/insights cached, p50 / p95 / max',
      measured: p50p95(cachedSummary),
      target: `p95 ≤ ${TARGETS.insightsCachedMs} ms`,
      met: cachedSummary.p95 <= TARGETS.insightsCachedMs,
    },
    {
      figure: `GET ${INSIGHTS.finding} cached, p50 / p95 / max`,
      measured: p50p95(cachedFinding),
      target: `p95 ≤ ${TARGETS.insightsCachedMs} ms`,
      met: cachedFinding.p95 <= TARGETS.insightsCachedMs,
    },
  ];
  return {
    rows,
    notes: [],
    workload: [
      `Insights: the same network in its own store and server; ${INSIGHTS.rounds} rounds of one new COLLABORATES_WITH link then one GET /api/insights, then ${INSIGHTS.cachedRequests} × (GET /api/insights, GET ${INSIGHTS.finding}), sequential`,
    ],
  };
}

/** Which steps to run: all, or the one named by `--only` or BENCH_ONLY. */
function chosenSteps(): StepName[] {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only ?? process.env.BENCH_ONLY ?? '';
  if (only === '') return [...STEPS];
  const chosen = STEPS.find((name) => name === only);
  if (chosen === undefined) {
    throw new Error(`--only must be one of ${STEPS.join(', ')}, not "${only}"`);
  }
  return [chosen];
}

/** The newest modification time of the files under `dir`, in ms since the epoch. */
function newestChange(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce(
      (newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs),
      0,
    );
}

async function main(): Promise<void> {
  const steps = chosenSteps();
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing; run \`npm run bench\` from the repository root`);
  }
  if (steps.includes('browser')) {
    if (!existsSync(CLIENT_INDEX)) {
      throw new Error(`${CLIENT_INDEX} is missing; run \`npm run build\` from the repository root`);
    }
    if (newestChange(CLIENT_SOURCE) > statSync(CLIENT_INDEX).mtimeMs) {
      step(
        'warning: client/src changed after client/dist-test was built; the browser step measures the old build',
      );
    }
  }
  const box = machine();
  const startedAt = new Date();
  step(
    `${box.cpu}, ${box.cores} cores, ${box.memory}, Node ${box.node}, load average ${box.loadAverage.toFixed(2)}`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'octograph-bench-'));
  cleanups.push(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reports: StepReport[] = [];
  if (steps.includes('api')) reports.push(await apiSteps(dataDir));
  if (steps.includes('browser')) reports.push(await browserStep(dataDir));
  if (steps.includes('insights')) reports.push(await insightsStep(dataDir));

  const rows = reports.flatMap((report) => report.rows);
  const notes = reports.flatMap((report) => report.notes);
  process.stdout.write(`\n${textTable(rows)}\n\n`);
  for (const note of notes) process.stdout.write(`${note}\n`);
  // Only whole runs are recorded, so every run in RESULTS.md has every figure to compare.
  if (steps.length < STEPS.length) {
    step(`only ${steps.join(', ')}: not added to ${RESULTS_FILE}`);
    return;
  }
  prependRun(RESULTS_FILE, {
    date: startedAt,
    machine: box,
    workload: reports.flatMap((report) => report.workload),
    rows,
    notes,
  });
  step(`added to ${RESULTS_FILE}`);
}

process.once('SIGINT', () => {
  abort('interrupted', 130);
});
process.once('SIGTERM', () => {
  abort('terminated', 143);
});
setTimeout(() => {
  abort(`still running after ${RUN_LIMIT_MS / 60_000} minutes`, 1);
}, RUN_LIMIT_MS).unref();

try {
  await main();
  await cleanUp();
} catch (error: unknown) {
  process.stderr.write(
    `bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await cleanUp();
  process.exitCode = 1;
}
