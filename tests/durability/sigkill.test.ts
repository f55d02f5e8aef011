/**
 * A process killed with SIGKILL in the middle of writing loses nothing it reported as committed,
 * and leaves a database that passes SQLite's integrity check.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedGraphStore } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';

const WRITER = fileURLToPath(new URL('./link-writer.ts', import.meta.url));
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs the writer until it has reported `wanted` committed links, then kills it with SIGKILL. */
function writeThenKill(file: string, wanted: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      committed.push(...lines.filter((line) => line.startsWith('link-')));
      if (!killed && committed.length >= wanted) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`the writer stopped by itself (${String(signal)}): ${stderr}`));
    });
  });
}

describe('the embedded store under SIGKILL', () => {
  it('keeps every write reported as committed and stays intact', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-durability-'));
    const file = join(dataDir, 'octograph.db');
    const committed = await writeThenKill(file, 400);
    expect(committed.length).toBeGreaterThanOrEqual(400);

    const store = EmbeddedGraphStore.open(file);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const missing: string[] = [];
      for (const id of committed) {
        if ((await store.getLink(id)) === null) missing.push(id);
      }
      expect(missing).toEqual([]);
      const snapshot = await store.snapshot();
      // The kill may land after a commit the writer had no time to report, never before one.
      expect(snapshot.links.length).toBeGreaterThanOrEqual(committed.length);
      expect(snapshot.nodes).toHaveLength(300);
    } finally {
      await store.close();
    }
  });
});
