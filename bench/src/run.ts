/**
 * `npm run bench`: seeds a large synthetic network into a fresh embedded store, starts the built
 * server on it, and measures /api/map against a bare Fastify route sending the same bytes, ego
 * networks over HTTP and in-process, link creation, and the server's memory. Prints a table and
 * adds it to bench/RESULTS.md. Exits 0 whatever the timings; non-zero only if something broke.
 *
 * Everything talks to 127.0.0.1 only, every loop is bounded by count and time, and the whole run
 * has a hard time limit. Only the children started here are ever stopped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.js';
import { Child, freePort, readMemory, waitUntilReady, type Memory } from './processes.js';
import { machine, prependRun, textTable, type Row } from './report.js';
import {
  createLinksOverHttp,
  egoInProcess,
  egoOverHttp,
  timedGet,
  type Timings,
} from './sequential.js';
import { databaseBytes, setUp } from './setup.js';
import { count, mib, ms, summarise } from './stats.js';
import { egoTargets, newCollaborations } from './workload.js';

const NETWORK = { organisations: 10_000, people: 2_000, links: 40_000, seed: 20_251_121 };
const LOAD = { connections: 10, durationSeconds: 10 };
const EGO = { count: 200, depth: 2, budgetMs: 60_000 };
const NEW_LINKS = { count: 500, warmup: 5, budgetMs: 60_000, seed: 7 };
/** Ego networks up to this many nodes count as small in the by-size row. */
const SMALL_EGO_NODES = 500;
const TARGETS = { mapToBare: 0.5, egoP95Ms: 10, linkP95Ms: 15 };
/** The whole run stops (and cleans up) after this long, whatever it is doing. */
const RUN_LIMIT_MS = 6 * 60_000;
const HOST = '127.0.0.1';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = resolve(benchDir, '..');
const SERVER_ENTRY = join(rootDir, 'server', 'dist', 'server.js');
const BARE_SERVER = join(benchDir, 'src', 'bare-server.ts');
const RESULTS_FILE = join(benchDir, 'RESULTS.md');

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
    env: childEnv({ ...env, PORT: String(port), HOST }),
  });
  cleanups.push(() => child.stop());
  const baseUrl = `http://${HOST}:${port}`;
  await waitUntilReady(`${baseUrl}${readyPath}`, child, 60_000);
  return { child, baseUrl };
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

async function main(): Promise<void> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing; run \`npm run bench\` from the repository root`);
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
  const { child: server, baseUrl } = await startChild(
    'server',
    [SERVER_ENTRY],
    rootDir,
    { DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    '/api/health',
  );
  const memoryIdle = readMemory(server.pid);
  step(`server up (pid ${server.pid}), RSS ${memoryText(memoryIdle)}`);

  // 3. /api/map: the first request builds and caches the map; then load.
  const cold = await timedGet(`${baseUrl}/api/map`);
  if (cold.status !== 200) throw new Error(`GET /api/map: HTTP ${cold.status}`);
  const map = JSON.parse(cold.body) as { nodes: unknown[]; links: unknown[] };
  const warmSamples: number[] = [];
  for (let index = 0; index < 5; index += 1)
    warmSamples.push((await timedGet(`${baseUrl}/api/map`)).ms);
  const warm = summarise(warmSamples);
  step(
    `/api/map: ${count(map.nodes.length)} nodes, ${count(map.links.length)} links, ${count(cold.bytes)} bytes; cold ${ms(cold.ms)} ms, warm ${ms(warm.p50)} ms`,
  );
  step(`load on /api/map: ${LOAD.connections} connections for ${LOAD.durationSeconds} s`);
  const mapLoad = await runLoad(`${baseUrl}/api/map`, server.pid, LOAD);
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
  const bareCheck = await timedGet(`${bare.baseUrl}/api/map`);
  if (bareCheck.body !== cold.body) throw new Error('the bare server sends a different body');
  step(`load on the bare server (pid ${bare.child.pid})`);
  const bareLoad = await runLoad(`${bare.baseUrl}/api/map`, bare.child.pid, LOAD);
  const bareMemory = readMemory(bare.child.pid);
  await bare.child.stop();
  const ratio = mapLoad.requestsPerSecond / bareLoad.requestsPerSecond;
  step(`bare: ${bareLoad.requestsPerSecond.toFixed(1)} req/s; map / bare = ${ratio.toFixed(2)}`);

  // 5. Ego networks over HTTP, one at a time.
  const egoHttp = await egoOverHttp(baseUrl, egoPlan, EGO.depth);
  step(`ego networks over HTTP: p50 / p95 / max ${latencyText(egoHttp)}`);

  // 6. New links, one POST at a time.
  const collaborations = newCollaborations(
    network,
    NEW_LINKS.warmup + NEW_LINKS.count,
    NEW_LINKS.seed,
  );
  const linkTimings = await createLinksOverHttp(baseUrl, {
    warmup: collaborations.slice(0, NEW_LINKS.warmup),
    items: collaborations.slice(NEW_LINKS.warmup),
    budgetMs: NEW_LINKS.budgetMs,
  });
  step(`POST /api/links: p50 / p95 / max ${latencyText(linkTimings)}`);

  // 7. Memory after all of it.
  const memoryEnd = readMemory(server.pid);
  await server.stop();

  const egoHttpSummary = summarise(egoHttp.samples);
  const linkSummary = summarise(linkTimings.samples);
  const egoNodes = summarise(egoLocal.sizes);
  const egoBytes = summarise(egoHttp.sizes);
  const failures = egoHttp.failures + linkTimings.failures;
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
    { figure: 'Database file', measured: mib(dbBytes) },
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
    { figure: 'Server RSS after start-up', measured: memoryText(memoryIdle) },
    { figure: 'Server RSS after the map load', measured: memoryText(memoryAfterMap) },
    { figure: 'Server RSS at the end', measured: memoryText(memoryEnd) },
    { figure: 'Server peak RSS (VmHWM)', measured: mib(memoryEnd.peak) },
    { figure: 'Bare Fastify peak RSS (VmHWM), for comparison', measured: mib(bareMemory.peak) },
    {
      figure: 'Failed requests (sequential steps; load errors)',
      measured: `${failures}; ${loadProblems}`,
      target: '0; 0',
      met: failures === 0 && loadProblems === 0,
    },
  ];

  process.stdout.write(`\n${textTable(rows)}\n\n`);
  const notes = [egoHttp.firstFailure, linkTimings.firstFailure].flatMap((problem) =>
    problem === null ? [] : [`First failure: ${problem}`],
  );
  for (const note of notes) process.stdout.write(`${note}\n`);
  prependRun(RESULTS_FILE, {
    date: startedAt,
    machine: box,
    workload: [
      `Workload: synthetic network of ${count(NETWORK.organisations)} organisations, ${count(NETWORK.people)} people and ${count(NETWORK.links)} links (${count(network.nodes.length)} nodes with themes and places; seed ${NETWORK.seed}), embedded SQLite store`,
      `Load: autocannon, ${LOAD.connections} connections for ${LOAD.durationSeconds} s per target; ego networks: ${egoHttpSummary.count} organisations evenly spaced by degree rank, sequential; links: ${linkSummary.count} new COLLABORATES_WITH links, sequential`,
    ],
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
