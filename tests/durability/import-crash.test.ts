/**
 * An import killed mid-write leaves nothing half-applied (issue 15). The built server is killed
 * with SIGKILL while its import worker writes a large CSV import (seen by the database's
 * write-ahead log growing: the transaction's pages, not yet committed): afterwards the store
 * holds none of it and passes SQLite's integrity check. Started again, the server imports the
 * same files whole, every node with its saved position, written in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportPreviewSchema, ImportResultSchema } from '@octograph/graph-schema';
import { EmbeddedGraphStore } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn, startServerProcess, type ServerProcess } from '../helpers/app-process.js';

const ROWS = 30_000;
let dataDir: string | undefined;
let server: ServerProcess | undefined;

afterEach(async () => {
  await server?.kill('SIGKILL');
  server = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

function uploadForm(fields: Record<string, string>): FormData {
  const elements = ['Label,Type'];
  const connections = ['From,To,Type'];
  for (let row = 0; row < ROWS; row++) {
    elements.push(`Group ${String(row)},Charity`);
    connections.push(`Group ${String(row)},Group ${String((row * 7 + 1) % ROWS)},Collaboration`);
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('files', new Blob([elements.join('\n')]), 'elements.csv');
  form.append('files', new Blob([connections.join('\n')]), 'connections.csv');
  return form;
}

async function post(
  running: ServerProcess,
  headers: Record<string, string>,
  step: 'preview' | 'apply',
  fields: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${running.baseUrl}/api/import/${step}`, {
    method: 'POST',
    headers,
    body: uploadForm(fields),
  });
}

function walBytes(file: string): number {
  return existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
}

describe('an import killed with SIGKILL while it writes', () => {
  it('leaves nothing of it, and the next start imports it whole and placed', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-import-crash-'));
    const file = join(dataDir, 'octograph.db');
    const admin = { email: 'admin@octograph.test', password: randomBytes(12).toString('hex') };
    server = await startServerProcess({ dataDir, admin });
    let headers = await signIn(server.baseUrl, admin);
    const preview = ImportPreviewSchema.parse(
      await (await post(server, headers, 'preview')).json(),
    );
    expect(preview.nodes.create).toBe(ROWS);

    const walBefore = walBytes(file);
    const fields = { expectedRevision: String(preview.revision) };
    const apply = post(server, headers, 'apply', fields).then(
      () => 'answered' as const,
      () => 'cut off' as const,
    );
    // Killed once the write-ahead log has grown by a few megabytes: the import's transaction
    // is writing, and has not committed.
    let outcome: 'killed' | 'answered' | 'cut off' | null = null;
    while (outcome === null) {
      if (walBytes(file) > walBefore + 4_000_000) {
        await server.kill('SIGKILL');
        outcome = 'killed';
      } else {
        outcome = await Promise.race([
          apply,
          new Promise<null>((resolve) =>
            setTimeout(() => {
              resolve(null);
            }, 2),
          ),
        ]);
      }
    }
    expect(outcome, 'the import finished before it could be killed mid-write').toBe('killed');
    expect(await apply).toBe('cut off');

    const store = EmbeddedGraphStore.open(file);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const snapshot = await store.snapshot();
      expect(snapshot.nodes).toEqual([]);
      expect(snapshot.links).toEqual([]);
      expect(snapshot.revision).toBe(preview.revision);
    } finally {
      await store.close();
    }

    server = await startServerProcess({ dataDir, admin });
    headers = await signIn(server.baseUrl, admin);
    const again = ImportPreviewSchema.parse(await (await post(server, headers, 'preview')).json());
    const applied = await post(server, headers, 'apply', {
      expectedRevision: String(again.revision),
    });
    expect(applied.status).toBe(200);
    expect(ImportResultSchema.parse(await applied.json()).nodes.create).toBe(ROWS);
    await server.kill('SIGTERM');
    server = undefined;

    const after = EmbeddedGraphStore.open(file);
    try {
      const snapshot = await after.snapshot();
      expect(snapshot.nodes).toHaveLength(ROWS);
      expect(snapshot.links).toHaveLength(ROWS);
      expect(new Set(snapshot.positions.map((position) => position.id)).size).toBe(ROWS);
    } finally {
      await after.close();
    }
  }, 120_000);
});
