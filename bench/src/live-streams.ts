/**
 * `npm run live-streams -w bench` (after `npm run build`): the change stream under load. The
 * built server over the bench's 10,000-organisation network (src/setup.ts) holds STREAMS open
 * streams (GET /api/events, one session each, as that many open maps would) while WRITERS editors
 * each create links one after another for WRITE_SECONDS. For every write, the time from the
 * write's answer (the commit) to each stream receiving its event is recorded; every stream must
 * see every revision once, in order (checked, not assumed). Also the server's RSS and CPU with the
 * streams open and idle, against the same server with none. Prints a table; exits 1 only if
 * something broke (an event lost or doubled included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChangeEventSchema, MapResponseSchema } from '@octograph/graph-schema';
import { startAppServer } from './app-server.js';
import { cpuTimeMs, readMemory, type Child } from './processes.js';
import { adminEnv, benchAdmin, signIn, type Session } from './session.js';
import { setUp } from './setup.js';
import { readEventStream } from './sse.js';
import { mib, ms, percentile } from './stats.js';

const NETWORK = { organisations: 10_000, people: 2_000, links: 40_000, seed: 20_251_121 };
const STREAMS = 200;
const WRITERS = 20;
const WRITE_SECONDS = 20;
const IDLE_SECONDS = 10;

/** One open stream: the revisions it received, and when each new link arrived. */
interface Listener {
  revisions: number[];
  /** performance.now() at which the event carrying each link id arrived. */
  linkReceivedAt: Map<string, number>;
  close: () => void;
}

async function listen(baseUrl: string, session: Session): Promise<Listener> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: session.readHeaders,
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/events: HTTP ${response.status}`);
  if (!response.body) throw new Error('no stream body');
  const listener: Listener = {
    revisions: [],
    linkReceivedAt: new Map(),
    close: () => {
      controller.abort();
    },
  };
  void readEventStream(response.body, (message) => {
    if (message.event !== 'change') return;
    const event = ChangeEventSchema.parse(JSON.parse(message.data));
    const now = performance.now();
    listener.revisions.push(event.revision);
    for (const id of event.links) listener.linkReceivedAt.set(id, now);
  });
  return listener;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octograph-live-'));
  const admin = benchAdmin();
  let server: Child | undefined;
  const listeners: Listener[] = [];
  try {
    console.log(
      `seeding ${String(NETWORK.organisations)} organisations, ${String(NETWORK.links)} links…`,
    );
    const { store } = await setUp(dataDir, NETWORK);
    await store.close();
    const started = await startAppServer(
      {
        ...process.env,
        ...adminEnv(admin),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0',
        EVENT_STREAMS_PER_ADDRESS: String(STREAMS + 10),
      },
      120_000,
    );
    server = started.server;
    const { baseUrl } = started;
    const pid = server.pid;
    const writerSession = await signIn(baseUrl, admin);

    // STREAMS sessions signed in first (password hashing takes memory of its own), then the
    // server at rest with no stream, then with STREAMS idle ones.
    const sessions: Session[] = [];
    for (let index = 0; index < STREAMS; index += 1) sessions.push(await signIn(baseUrl, admin));
    await sleep(2_000);
    const bare = readMemory(pid);
    let cpu = cpuTimeMs(pid);
    await sleep(IDLE_SECONDS * 1000);
    const bareCpu = cpuTimeMs(pid) - cpu;
    for (const session of sessions) listeners.push(await listen(baseUrl, session));
    await sleep(2_000);
    const idle = readMemory(pid);
    cpu = cpuTimeMs(pid);
    await sleep(IDLE_SECONDS * 1000);
    const idleCpu = cpuTimeMs(pid) - cpu;

    // WRITERS editors writing links one after another.
    const map = MapResponseSchema.parse(
      await (await fetch(`${baseUrl}/api/map`, { headers: writerSession.readHeaders })).json(),
    );
    const organisations = map.nodes.filter((node) => node.kind === 'organisation');
    const committed = new Map<string, number>();
    const deadline = performance.now() + WRITE_SECONDS * 1000;
    let failures = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        let step = 0;
        while (performance.now() < deadline) {
          step += 1;
          const a = organisations[(writer * 997 + step * 31) % organisations.length];
          const b = organisations[(writer * 389 + step * 17 + 1) % organisations.length];
          if (!a || !b || a.id === b.id) continue;
          const response = await fetch(`${baseUrl}/api/links`, {
            method: 'POST',
            headers: { ...writerSession.writeHeaders, 'content-type': 'application/json' },
            body: JSON.stringify({ kind: 'COLLABORATES_WITH', source: a.id, target: b.id }),
          });
          // Answered after the commit: the latest moment the write was committed.
          const at = performance.now();
          if (response.status !== 201) {
            failures += 1;
            await response.body?.cancel();
            continue;
          }
          const { id } = (await response.json()) as { id: string };
          committed.set(id, at);
        }
      }),
    );
    await sleep(3_000);

    // Every stream saw every revision once, in order; the delay of each from its commit.
    const all = listeners.flatMap((listener) => listener.revisions);
    const first = all.reduce((a, b) => Math.min(a, b), Infinity);
    const last = all.reduce((a, b) => Math.max(a, b), -Infinity);
    let broken = 0;
    const delays: number[] = [];
    for (const listener of listeners) {
      const expected = Array.from({ length: last - first + 1 }, (_, index) => first + index);
      if (listener.revisions.join(',') !== expected.join(',')) broken += 1;
      for (const [id, at] of committed) {
        const received = listener.linkReceivedAt.get(id);
        if (received === undefined) broken += 1;
        // Received before the answer came back: delivered at once (counted as 0).
        else delays.push(Math.max(0, received - at));
      }
    }
    delays.sort((a, b) => a - b);
    console.log(
      `${String(STREAMS)} streams, ${String(WRITERS)} writers for ${String(WRITE_SECONDS)} s: ${String(last - first + 1)} revisions, ${String(failures)} failed writes, ${String(broken)} events missing, doubled or out of order`,
    );
    console.log('| Figure | Value |');
    console.log('| --- | --- |');
    console.log(`| Delivery delay p50 (commit → event) | ${ms(percentile(delays, 0.5))} ms |`);
    console.log(`| Delivery delay p95 | ${ms(percentile(delays, 0.95))} ms |`);
    console.log(`| Delivery delay max | ${ms(delays.at(-1) ?? 0)} ms |`);
    console.log(`| Server RSS, no stream | ${mib(bare.rss)} |`);
    console.log(
      `| Server RSS, ${String(STREAMS)} idle streams | ${mib(idle.rss)} (+${mib(idle.rss - bare.rss)}) |`,
    );
    console.log(`| Server CPU over ${String(IDLE_SECONDS)} s, no stream | ${ms(bareCpu)} ms |`);
    console.log(
      `| Server CPU over ${String(IDLE_SECONDS)} s, ${String(STREAMS)} idle streams | ${ms(idleCpu)} ms |`,
    );
    if (broken > 0) process.exitCode = 1;
  } finally {
    for (const listener of listeners) listener.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
