/**
 * Several processes opening the same new data folder at once (the seed CLI during a server's
 * first start) all succeed: the schema is created once, under one lock.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedGraphStore } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';

const OPENER = `
import { EmbeddedGraphStore } from '@octograph/server';
const store = EmbeddedGraphStore.open(process.argv[1]);
await store.createNode({ kind: 'theme', name: 'Opened by ' + process.pid });
await store.close();
`;
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function openInChild(file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', OPENER, file],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

describe('opening a new embedded store from several processes at once', () => {
  it('succeeds in every process and creates the schema once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-open-'));
    const file = join(dataDir, 'octograph.db');
    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => openInChild(file)));
    expect(runs.map((run) => run.stderr)).toEqual(['', '', '', '', '']);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0]);
    const store = EmbeddedGraphStore.open(file);
    try {
      expect((await store.snapshot()).nodes).toHaveLength(5);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      await store.close();
    }
  });
});
