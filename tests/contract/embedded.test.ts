/**
 * The GraphStore contract against the embedded SQLite store: a new database file in a new temp
 * folder for every test, removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedGraphStore } from '@octograph/server';
import { describe, expect, it } from 'vitest';
import { describeGraphStoreContract } from './graph-store-contract.js';

describeGraphStoreContract('embedded', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'octograph-contract-'));
  const store = EmbeddedGraphStore.open(join(dir, 'octograph.db'));
  return {
    store,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('EmbeddedGraphStore file', () => {
  it('keeps nodes, links, positions and the revision across close and reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'octograph-contract-'));
    try {
      const file = join(dir, 'octograph.db');
      const first = EmbeddedGraphStore.open(file);
      await first.applyBatch([
        {
          op: 'createNode',
          node: { kind: 'organisation', id: 'a', name: 'A', orgKind: 'charity' },
        },
        {
          op: 'createNode',
          node: { kind: 'organisation', id: 'b', name: 'B', orgKind: 'charity' },
        },
        {
          op: 'createLink',
          link: { kind: 'COLLABORATES_WITH', id: 'ab', source: 'a', target: 'b' },
        },
      ]);
      await first.savePositions([{ id: 'a', x: 1, y: 2 }]);
      const before = await first.snapshot();
      await first.close();

      const second = EmbeddedGraphStore.open(file);
      try {
        expect(await second.snapshot()).toEqual(before);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
