/**
 * Nodes stored without a position (left by a crash before an import placed them, or by the
 * command line's import of a file without positions) are placed when the server starts, in the
 * import worker, a batch per transaction (issue 15: no request after a crash pays for placing
 * them). A node that had a position keeps it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, EmbeddedGraphStore, loadConfig } from '@octograph/server';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';

const NODES = 5_000;
let dataDir: string | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('nodes without a position when the server starts', () => {
  it('are placed in the background, and a placed node stays where it was', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'octograph-unplaced-'));
    // Written straight to the store, as the command line does: nobody places them.
    const store = EmbeddedGraphStore.open(join(dataDir, 'octograph.db'));
    await store.applyBatch([
      ...Array.from({ length: NODES }, (_, index) => ({
        op: 'createNode' as const,
        node: organisation(`org-${String(index)}`, `Group ${String(index)}`),
      })),
      { op: 'createLink', link: link('l-01', 'COLLABORATES_WITH', 'org-0', 'org-1') },
    ]);
    await store.savePositions([{ id: 'org-0', x: 123, y: -45 }]);
    expect(store.unplacedCount()).toBe(NODES - 1);
    await store.close();

    app = await buildApp({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) });
    await app.ready();
    const started = Date.now();
    let positions = (await app.store.snapshot()).positions;
    while (positions.length < NODES && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      positions = (await app.store.snapshot()).positions;
    }
    expect(positions).toHaveLength(NODES);
    expect(positions.find((position) => position.id === 'org-0')).toEqual({
      id: 'org-0',
      x: 123,
      y: -45,
    });
    // Its new neighbour came next to it.
    const next = positions.find((position) => position.id === 'org-1');
    expect(Math.hypot((next?.x ?? 0) - 123, (next?.y ?? 0) + 45)).toBeLessThan(100);
    // Saved a batch per transaction: several audit entries, none of thousands of positions.
    const { items } = await app.store.listAudit({ limit: 50 });
    expect(items.filter((entry) => entry.action === 'savePositions').length).toBeGreaterThan(1);
  }, 60_000);
});
