/**
 * Export and import through the GraphStore port: the demo network goes from one real embedded
 * store, through a JSON file on disk, into another, and must arrive exactly as it was stored.
 * Every store is a real database in one temp folder, removed at the end.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphNode, Link, NetworkFile } from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';
import {
  ConflictError,
  EmbeddedGraphStore,
  ValidationError,
  seedStore,
  type GraphStore,
  type NetworkContent,
} from '@octograph/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The io functions are not (yet) exported from @octograph/server's index, so they are imported
// from their files.
import { exportNetwork } from '../../server/src/exchange/export-network.js';
import { importNetwork, StoreNotEmptyError } from '../../server/src/exchange/import-network.js';

let workDir: string;
let storeCount = 0;
const openStores: GraphStore[] = [];
/** The seeded store everything is exported from. */
let source: EmbeddedGraphStore;
/** The exported file, read back from disk and parsed. */
let exported: unknown;

/** A new, empty embedded store in its own folder under workDir. */
function freshStore(): EmbeddedGraphStore {
  storeCount += 1;
  const store = EmbeddedGraphStore.open(join(workDir, `store-${storeCount}`, 'octograph.db'));
  openStores.push(store);
  return store;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A store's nodes, links and positions, each sorted by id (the revision left out). */
async function contentOf(store: GraphStore): Promise<NetworkContent> {
  const snapshot = await store.snapshot();
  return {
    nodes: [...snapshot.nodes].sort(byId),
    links: [...snapshot.links].sort(byId),
    positions: [...snapshot.positions].sort(byId),
  };
}

/** A copy of the exported file to damage. */
function exportedCopy(): NetworkFile {
  return structuredClone(exported) as NetworkFile;
}

// A node and a link stored long ago by someone else: if an import wrote them anew instead of
// restoring them, their timestamps and createdBy would differ and the comparisons would fail.
const OLD_ORGANISATION: GraphNode = {
  kind: 'organisation',
  id: 'org-restored-long-ago',
  name: 'Lantern Lending Library',
  since: '2012-05-01',
  until: null,
  createdAt: '2019-03-04T05:06:07.089Z',
  updatedAt: '2021-08-09T10:11:12.131Z',
  orgKind: 'community_group',
  description: 'Lends tools and books.',
  website: 'https://lantern.example.org/',
  values: ['sharing'],
  offers: ['tools'],
  needs: [],
  status: 'active',
  founded: 2012,
};

function oldLink(partner: string): Link {
  return {
    id: 'link-restored-long-ago',
    kind: 'COLLABORATES_WITH',
    source: OLD_ORGANISATION.id,
    target: partner,
    since: '2019-03-04',
    until: null,
    strength: 3,
    notes: 'Shared a stall at the spring fair.',
    meetingId: null,
    collaborationType: null,
    role: null,
    consent: null,
    createdBy: 'alice@example.org',
    createdAt: '2019-03-04T05:06:07.089Z',
    updatedAt: '2020-01-02T03:04:05.006Z',
  };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'octograph-network-file-'));
  source = freshStore();
  await seedStore(source, demoNetwork());
  const partner = (await source.snapshot()).nodes.find((node) => node.kind === 'organisation');
  if (!partner) throw new Error('the demo network has no organisation');
  await source.restore({
    nodes: [OLD_ORGANISATION],
    links: [oldLink(partner.id)],
    // Not a round number, so a lossy number format would show.
    positions: [{ id: OLD_ORGANISATION.id, x: 0.1 + 0.2, y: -1234.5678901234567 }],
  });

  const file = join(workDir, 'network.json');
  await writeFile(file, JSON.stringify(await exportNetwork(source), null, 2));
  exported = JSON.parse(await readFile(file, 'utf8')) as unknown;
});

afterAll(async () => {
  for (const store of openStores) await store.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('exportNetwork', () => {
  it('writes a network file with every node, link and position, each list sorted by id', async () => {
    const expected = await contentOf(source);
    expect(expected.nodes.length).toBeGreaterThan(100);
    expect(exported).toMatchObject({ format: 'octograph-network', version: 1 });
    const file = exported as NetworkFile;
    expect(Date.parse(file.exportedAt)).not.toBeNaN();
    // The file's own order must already be by id: compared without sorting it again.
    expect({ nodes: file.nodes, links: file.links, positions: file.positions }).toEqual(expected);
  });

  it('writes the same content on every export, apart from exportedAt', async () => {
    const again = await exportNetwork(source);
    expect({ ...again, exportedAt: 'x' }).toEqual({ ...exportedCopy(), exportedAt: 'x' });
  });
});

describe('importNetwork', () => {
  it('writes into an empty store exactly what was stored: ids, timestamps and createdBy', async () => {
    const target = freshStore();
    const outcome = await importNetwork(target, exported);
    const expected = await contentOf(source);
    expect(outcome).toEqual({
      nodes: expected.nodes.length,
      links: expected.links.length,
      positions: expected.positions.length,
      nodesReplaced: 0,
    });
    expect(await contentOf(target)).toEqual(expected);
    expect(await target.getNode(OLD_ORGANISATION.id)).toEqual(OLD_ORGANISATION);
    expect(await target.getLink('link-restored-long-ago')).toMatchObject({
      createdBy: 'alice@example.org',
      createdAt: '2019-03-04T05:06:07.089Z',
    });
  });

  it('round-trips: exporting the imported store gives the same file, apart from exportedAt', async () => {
    const target = freshStore();
    await importNetwork(target, exported);
    const again = await exportNetwork(target);
    expect({ ...again, exportedAt: 'x' }).toEqual({ ...exportedCopy(), exportedAt: 'x' });
  });

  it('refuses a store that is not empty and changes nothing in it', async () => {
    const target = freshStore();
    await target.createNode({ kind: 'theme', id: 'theme-already-here', name: 'Already here' });
    const before = await target.snapshot();
    const attempt = importNetwork(target, exported);
    await expect(attempt).rejects.toBeInstanceOf(StoreNotEmptyError);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', nodeCount: 1, linkCount: 0 });
    expect(await target.snapshot()).toEqual(before);
  });

  it('replaces everything in the store with replace: true, handing the old content over first', async () => {
    const target = freshStore();
    await target.createNode({ kind: 'theme', id: 'theme-to-be-replaced', name: 'Old theme' });
    await target.savePositions([{ id: 'theme-to-be-replaced', x: 5, y: 6 }]);
    const previous = await contentOf(target);
    const beforeReplace = vi.fn((_previous: NetworkFile) => Promise.resolve());

    const outcome = await importNetwork(target, exported, { replace: true, beforeReplace });

    expect(outcome.nodesReplaced).toBe(1);
    expect(await contentOf(target)).toEqual(await contentOf(source));
    expect(await target.getNode('theme-to-be-replaced')).toBeNull();
    expect(beforeReplace).toHaveBeenCalledTimes(1);
    expect(beforeReplace.mock.calls[0]?.[0]).toMatchObject(previous);
  });

  // Each row damages a copy of the exported file; the issue must name the place in the file.
  const corruptions: {
    name: string;
    damage: (file: NetworkFile) => unknown;
    path: string | RegExp;
    message: string | RegExp;
  }[] = [
    {
      name: 'a node without its name',
      damage: (file) => {
        const node: Record<string, unknown> = { ...file.nodes[3] };
        delete node.name;
        return { ...file, nodes: file.nodes.map((other, index) => (index === 3 ? node : other)) };
      },
      path: 'nodes[3].name',
      message: 'is required',
    },
    {
      name: 'a link to a node that is not in the file',
      damage: (file) => {
        (file.links[0] as Link).target = 'node-not-in-the-file';
        return file;
      },
      path: 'links[0].target',
      message: "no node with id 'node-not-in-the-file' in the file",
    },
    {
      name: 'a link the link rules forbid',
      damage: (file) => {
        const worksAt = file.links.find((link) => link.kind === 'WORKS_AT');
        if (!worksAt) throw new Error('the demo network has no WORKS_AT link');
        // FOCUSES_ON goes from an organisation or project to a theme, never person → organisation.
        worksAt.kind = 'FOCUSES_ON';
        return file;
      },
      path: /^links\[\d+\]$/,
      message: /a FOCUSES_ON link cannot go from person to organisation/,
    },
    {
      name: 'two nodes with one id',
      damage: (file) => {
        (file.nodes[1] as GraphNode).id = (file.nodes[0] as GraphNode).id;
        return file;
      },
      path: 'nodes[1].id',
      message: /is also the id of nodes\[0\]/,
    },
    {
      name: 'the same link twice under two ids',
      damage: (file) => ({
        ...file,
        links: [...file.links, { ...(file.links[0] as Link), id: 'link-copy' }],
      }),
      path: /^links\[\d+\]$/,
      message: /repeats links\[0\]/,
    },
    {
      name: 'a position of a node that is not in the file',
      damage: (file) => {
        (file.positions[1] as { id: string }).id = 'node-not-in-the-file';
        return file;
      },
      path: 'positions[1].id',
      message: "no node with id 'node-not-in-the-file' in the file",
    },
    {
      name: 'a field the format does not have',
      damage: (file) => ({ ...file, nodes: [{ ...file.nodes[0], colour: 'red' }] }),
      path: 'nodes[0].colour',
      message: 'is not a known field',
    },
    {
      name: 'a file of another version',
      damage: (file) => ({ ...file, version: 2 }),
      path: 'version',
      message: /must be 1/,
    },
    {
      name: 'JSON that is not a network file at all',
      damage: () => [1, 2, 3],
      path: '(root)',
      message: /expected object/,
    },
  ];

  it.each(corruptions)('rejects $name, naming it, and changes no store', async (row) => {
    const damaged = row.damage(exportedCopy());
    const empty = freshStore();
    const emptyBefore = await empty.snapshot();
    const full = freshStore();
    await importNetwork(full, exported);
    const fullBefore = await full.snapshot();

    for (const [store, options] of [
      [empty, {}],
      [full, { replace: true }],
    ] as const) {
      const error: unknown = await importNetwork(store, damaged, options).then(
        () => null,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      const issue = issues.find((candidate) =>
        typeof row.path === 'string' ? candidate.path === row.path : row.path.test(candidate.path),
      );
      expect(issue, `no issue at ${String(row.path)} in ${JSON.stringify(issues)}`).toBeDefined();
      expect(issue?.message).toMatch(row.message);
    }
    expect(await empty.snapshot()).toEqual(emptyBefore);
    expect(await full.snapshot()).toEqual(fullBefore);
  });
});
