import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoNetwork } from '@octograph/seed';
import { EmbeddedGraphStore, seedStore, type GraphStore } from '@octograph/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dataDir: string;
let store: GraphStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'octograph-seed-'));
  store = EmbeddedGraphStore.open(join(dataDir, 'octograph.db'));
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('seedStore', () => {
  it('re-seeds without tripping over a seed link someone deleted and added again', async () => {
    await seedStore(store, demoNetwork());
    const [first] = (await store.snapshot()).links;
    if (!first) throw new Error('the demo network has no links');
    await store.deleteLink(first.id);
    // The same link again, recorded by hand under a new id.
    const { createdAt, updatedAt, createdBy, ...input } = first;
    await store.createLink({ ...input, id: 'added-by-hand' });
    const outcome = await seedStore(store, demoNetwork());
    expect(outcome).toMatchObject({ nodesCreated: 0, linksCreated: 0 });
    const links = (await store.snapshot()).links;
    expect(
      links
        .filter(
          (link) =>
            link.kind === first.kind &&
            link.source === first.source &&
            link.target === first.target,
        )
        .map((link) => link.id),
    ).toEqual(['added-by-hand']);
  });
});
