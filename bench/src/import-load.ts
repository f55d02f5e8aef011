/**
 * `npm run import-load -w bench`: what a large import costs everyone else (issue 15). For a CSV
 * import of 20,000 and of 100,000 rows (the largest IMPORT_MAX_ROWS allows by default; half
 * elements with a description, half connections among them), into an empty store of its own, the **built** server (`server/dist/server.js`) is sent the preview and then the
 * apply, as the import page does, while one signed-in reader asks GET /api/health and
 * GET /api/map one after another without pause, and the server's memory is read from /proc every
 * 50 ms. Prints the preview and apply times, health and map latencies during the import (map
 * reads that still see the network before the import; the first read after it, which builds the
 * new map once, apart), and the server's resident memory. Never passes or fails on the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportPreviewSchema, ImportResultSchema } from '@octograph/graph-schema';
import { Child, freePort, readMemory, waitUntilReady } from './processes.js';
import { adminEnv, benchAdmin, signIn, type Session } from './session.js';
import { ms, percentile } from './stats.js';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = join(rootDir, 'server', 'dist', 'server.js');
const SIZES = [20_000, 100_000];

/** The two CSV files: `rows / 2` organisations with a description, as many links among them. */
function csvFiles(total: number): { name: string; text: string }[] {
  const rows = total / 2;
  const elements = ['Label,Type,Description'];
  const connections = ['From,To,Type'];
  for (let row = 0; row < rows; row++) {
    elements.push(
      `Group ${String(row)},Charity,"A community group of the town, number ${String(row)}, working with its neighbours"`,
    );
    connections.push(`Group ${String(row)},Group ${String((row * 7 + 1) % rows)},Collaboration`);
  }
  return [
    { name: 'elements.csv', text: elements.join('\n') },
    { name: 'connections.csv', text: connections.join('\n') },
  ];
}

function form(files: readonly { name: string; text: string }[], fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const file of files) body.append('files', new Blob([file.text]), file.name);
  return body;
}

async function post(
  url: string,
  session: Session,
  body: FormData,
): Promise<{ ms: number; json: unknown }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: session.writeHeaders,
    body,
    signal: AbortSignal.timeout(600_000),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST ${url}: HTTP ${String(response.status)} ${text.slice(0, 300)}`);
  }
  return { ms: performance.now() - started, json: JSON.parse(text) as unknown };
}

/** Latencies of reads sent one after another while `work` runs, and the server's memory. */
async function whileRunning(
  baseUrl: string,
  session: Session,
  pid: number,
  work: Promise<unknown>,
): Promise<{ health: number[]; map: number[]; firstMapAfter: number | null; peakRss: number }> {
  const state = { done: false, peakRss: 0 };
  void work.finally(() => {
    state.done = true;
  });
  const sampler = setInterval(() => {
    state.peakRss = Math.max(state.peakRss, readMemory(pid).rss);
  }, 50);
  const health: number[] = [];
  const map: number[] = [];
  let firstMapAfter: number | null = null;
  const revisionBefore = await mapRevision(baseUrl, session);
  while (!state.done) {
    let started = performance.now();
    const alive = await fetch(`${baseUrl}/api/health`);
    await alive.arrayBuffer();
    health.push(performance.now() - started);
    started = performance.now();
    const revision = await mapRevision(baseUrl, session);
    const took = performance.now() - started;
    if (revision === revisionBefore) map.push(took);
    else firstMapAfter ??= took;
  }
  clearInterval(sampler);
  return { health, map, firstMapAfter, peakRss: state.peakRss };
}

async function mapRevision(baseUrl: string, session: Session): Promise<number> {
  const response = await fetch(`${baseUrl}/api/map`, { headers: session.readHeaders });
  const body = (await response.json()) as { revision: number };
  return body.revision;
}

function line(label: string, samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    `${label}: ${String(sorted.length)} requests, p50 ${ms(percentile(sorted, 50))} ms, ` +
    `p99 ${ms(percentile(sorted, 99))} ms, max ${ms(sorted.at(-1) ?? Number.NaN)} ms`
  );
}

async function measure(rows: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octograph-bench-import-'));
  const admin = benchAdmin();
  const port = await freePort();
  const server = Child.start({
    name: 'import server',
    args: [SERVER_ENTRY],
    cwd: rootDir,
    env: {
      ...process.env,
      ...adminEnv(admin),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  try {
    await waitUntilReady(`${baseUrl}/api/health`, server, 30_000);
    const session = await signIn(baseUrl, admin);
    const files = csvFiles(rows);
    const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    const rssStart = readMemory(server.pid).rss;

    const preview = post(`${baseUrl}/api/import/preview`, session, form(files, {}));
    const duringPreview = await whileRunning(baseUrl, session, server.pid, preview);
    const previewed = ImportPreviewSchema.parse((await preview).json);
    const apply = post(
      `${baseUrl}/api/import/apply`,
      session,
      form(files, { expectedRevision: String(previewed.revision) }),
    );
    const duringApply = await whileRunning(baseUrl, session, server.pid, apply);
    const applied = await apply;
    const result = ImportResultSchema.parse(applied.json);
    const memory = readMemory(server.pid);

    process.stdout.write(
      `\n${String(rows)} rows: ${String(rows / 2)} elements + ${String(rows / 2)} connections (CSV, ${(bytes / 1e6).toFixed(1)} MB): ` +
        `${String(result.nodes.create)} nodes and ${String(result.links.create)} links created\n` +
        `  preview ${ms((await preview).ms)} ms, apply ${ms(applied.ms)} ms ` +
        `(import total ${(((await preview).ms + applied.ms) / 1000).toFixed(1)} s)\n` +
        `  ${line('health during the import', [...duringPreview.health, ...duringApply.health])}\n` +
        `  ${line('map during the import', [...duringPreview.map, ...duringApply.map])}\n` +
        `  first map after the import (builds the new map): ${ms(duringApply.firstMapAfter ?? Number.NaN)} ms\n` +
        `  server RSS: ${(rssStart / 2 ** 20).toFixed(0)} MiB before, peak during ` +
        `${(Math.max(duringPreview.peakRss, duringApply.peakRss) / 2 ** 20).toFixed(0)} MiB, ` +
        `VmHWM ${(memory.peak / 2 ** 20).toFixed(0)} MiB, after ${(memory.rss / 2 ** 20).toFixed(0)} MiB\n`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const rows of SIZES) await measure(rows);
