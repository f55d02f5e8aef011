/**
 * `npm run backup-blocking -w bench`: how long a backup of the embedded store holds up the event
 * loop (issue 22). Seeds a synthetic network (10,000 organisations and 40,000 links, then one a
 * tenth of that) into a fresh store, then copies it with the store's backups port, in steps of
 * 64 pages and in one step as `npm run backup` does, and makes a whole backup as the schedule
 * does (copy, gzip, decompress and check), while perf_hooks measures how late the event loop
 * runs (what a request arriving mid-backup would wait). Prints the numbers; never passes or
 * fails on them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BackupService } from '@octograph/server';
import { setUp } from './setup.js';
import { ms } from './stats.js';

/** A large network (the other benchmarks'), and one the size of a town's. */
const NETWORKS = [
  { organisations: 10_000, people: 2_000, links: 40_000, seed: 20_251_121 },
  { organisations: 1_000, people: 200, links: 4_000, seed: 20_251_121 },
];

/** The event loop's delays while `work` runs (perf_hooks, sampled every millisecond), in ms. */
async function delaysDuring(
  work: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  // The sampling timer notices a block when it next fires: let it, before stopping.
  await new Promise((done) => setTimeout(done, 5));
  histogram.disable();
  const toMs = (nanoseconds: number) => nanoseconds / 1e6;
  return {
    p50: toMs(histogram.percentile(50)),
    p99: toMs(histogram.percentile(99)),
    max: toMs(histogram.max),
  };
}

async function measure(network: (typeof NETWORKS)[number]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'octograph-bench-backup-'));
  try {
    const { store } = await setUp(dir, network);
    const backups = store.backups;
    if (!backups) throw new Error('backups are of the embedded store: unset NEO4J_URI');
    const bytes = statSync(join(dir, 'octograph.db')).size;
    process.stdout.write(
      `${network.organisations} organisations, ${network.links} links: database ${(bytes / 1e6).toFixed(1)} MB\n`,
    );
    for (const [label, pagesPerStep] of [
      ['64 pages per step (the server)', 64],
      ['one step (npm run backup)', 0x7fffffff],
    ] as const) {
      const file = join(dir, `copy-${pagesPerStep}.db`);
      const started = performance.now();
      const delays = await delaysDuring(() => backups.copyTo(file, { pagesPerStep }));
      const total = performance.now() - started;
      process.stdout.write(
        `  ${label}: backup ${ms(total)} ms; event-loop delay p50 ${ms(delays.p50)} ms, ` +
          `p99 ${ms(delays.p99)} ms, max ${ms(delays.max)} ms\n`,
      );
      rmSync(file, { force: true });
    }
    const service = new BackupService(
      store.backups,
      { intervalHours: 0, dir: join(dir, 'backups'), keep: { daily: 7, weekly: 4, monthly: 12 } },
      { info: () => undefined, error: () => undefined },
    );
    const started = performance.now();
    let outcome = '';
    const delays = await delaysDuring(async () => {
      const result = await service.backUp({ by: 'schedule' });
      outcome = result.outcome === 'failed' ? `failed: ${result.problem.message}` : result.outcome;
    });
    process.stdout.write(
      `  a scheduled backup (copy, gzip, check; ${outcome}): ${ms(performance.now() - started)} ms; ` +
        `event-loop delay p50 ${ms(delays.p50)} ms, p99 ${ms(delays.p99)} ms, max ${ms(delays.max)} ms\n`,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  for (const network of NETWORKS) await measure(network);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backup-blocking: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
