/**
 * Round trips through files: the seeded demo network exported by GET /api/export and imported
 * into an empty app reproduces the network — every field of every node and link for the formats
 * that carry them all (JSON, the Kumu workbook, the CSV pair), and nodes, links, kinds and labels
 * for GEXF and GraphML. Exports hold what a public caller may see, so that is what is compared.
 */
import {
  ImportPreviewSchema,
  ImportResultSchema,
  type GraphNode,
  type Link,
  type UnknownType,
} from '@octograph/graph-schema';
import { seedStore } from '@octograph/server';
import { demoNetwork } from '@octograph/seed';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Imports run in a worker thread, which from TypeScript sources (tsx) takes a second or more to
// start on a busy machine: more than the default 5 s for a test of several imports.
vi.setConfig({ testTimeout: 30_000 });

let source: TestApp;
let expectedNodes: GraphNode[];
let expectedLinks: Link[];

beforeAll(async () => {
  source = await startTestApp();
  await seedStore(source.app.store, demoNetwork());
  const snapshot = await source.app.store.snapshot();
  // An editor exports every detail (tests/api/export.test.ts checks what others receive).
  expectedNodes = snapshot.nodes;
  expectedLinks = snapshot.links;
});

afterAll(async () => {
  await source.close();
});

async function exported(format: string): Promise<Buffer> {
  const response = await source.inject({ method: 'GET', url: `/api/export?format=${format}` });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

/** Previews and applies `files` in a new empty app; returns its store's content. */
async function importedInto(
  files: { name: string; bytes: Buffer }[],
  unknownType: UnknownType = 'organisation:community_group',
): Promise<{ nodes: GraphNode[]; links: Link[] }> {
  const target = await startTestApp();
  try {
    const preview = await target.request({
      method: 'POST',
      url: '/api/import/preview',
      ...multipart(files, { unknownType }),
    });
    expect(preview.status, JSON.stringify(preview.body).slice(0, 500)).toBe(200);
    const previewed = ImportPreviewSchema.parse(preview.body);
    expect(previewed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const applied = await target.request({
      method: 'POST',
      url: '/api/import/apply',
      ...multipart(files, { unknownType, expectedRevision: String(previewed.revision) }),
    });
    expect(applied.status, JSON.stringify(applied.body).slice(0, 500)).toBe(200);
    ImportResultSchema.parse(applied.body);
    const { nodes, links } = await target.app.store.snapshot();
    return { nodes, links };
  } finally {
    await target.close();
  }
}

/** A node without the times the store stamps when it writes. */
function nodeContent(node: GraphNode): Omit<GraphNode, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...content } = node;
  return content;
}

/** A link without the times and author the store stamps when it writes. */
function linkContent(link: Link): object {
  const { createdAt: _c, updatedAt: _u, createdBy: _b, consent, ...content } = link;
  return {
    ...content,
    consent: consent ? { shareEmail: consent.shareEmail, sharePhone: consent.sharePhone } : null,
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe.each([
  { format: 'json', files: (bytes: Buffer) => [{ name: 'network.json', bytes }] },
  { format: 'xlsx', files: (bytes: Buffer) => [{ name: 'network.xlsx', bytes }] },
  {
    format: 'csv',
    files: (bytes: Buffer) =>
      Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => ({
        name,
        bytes: Buffer.from(data),
      })),
  },
])('a $format export imported into an empty store', ({ format, files }) => {
  it('reproduces every field of every node and link', async () => {
    const imported = await importedInto(files(await exported(format)));
    expect(byId(imported.nodes).map(nodeContent)).toEqual(byId(expectedNodes).map(nodeContent));
    expect(byId(imported.links).map(linkContent)).toEqual(byId(expectedLinks).map(linkContent));
  });
});

describe.each(['gexf', 'graphml'])('a %s export imported into an empty store', (format) => {
  it('keeps nodes, links, kinds and labels', async () => {
    const imported = await importedInto([
      { name: `network.${format}`, bytes: await exported(format) },
    ]);
    const shape = (nodes: readonly GraphNode[]) =>
      byId(nodes).map((node) => [node.id, node.kind, node.name]);
    expect(shape(imported.nodes)).toEqual(shape(expectedNodes));
    const ends = (links: readonly Link[]) =>
      byId(links).map((link) => [link.id, link.kind, link.source, link.target]);
    expect(ends(imported.links)).toEqual(ends(expectedLinks));
  });
});

describe.each([
  { format: 'json', name: 'network.json' },
  { format: 'xlsx', name: 'network.xlsx' },
])('a $format export imported back into the same store', ({ format, name }) => {
  it('changes nothing, and keeps the contact details the export left out', async () => {
    const before = await source.app.store.snapshot();
    const hidden = before.nodes.filter(
      (node) => node.kind === 'person' && node.email !== null && node.email.visibility !== 'public',
    );
    expect(hidden.length).toBeGreaterThan(0);
    const files = [{ name, bytes: await exported(format) }];
    const preview = ImportPreviewSchema.parse(
      (await source.request({ method: 'POST', url: '/api/import/preview', ...multipart(files) }))
        .body,
    );
    expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect([preview.nodes.create, preview.nodes.update]).toEqual([0, 0]);
    expect([preview.links.create, preview.links.update]).toEqual([0, 0]);
    const applied = await source.request({
      method: 'POST',
      url: '/api/import/apply',
      ...multipart(files, { expectedRevision: String(preview.revision) }),
    });
    expect(applied.status).toBe(200);
    expect(await source.app.store.snapshot()).toEqual(before);
  });
});

describe('a CSV export of text that begins with an apostrophe or a formula sign', () => {
  const NAMES = [
    "'=already quoted",
    "'Twas a group",
    "''two apostrophes",
    '=SUM(A1:A3) Club',
    '+44 Friends',
    '-minus group',
    '@handle group',
    "Plain O'Brien Trust",
  ];

  it('reads back exactly as it was, only the apostrophe the export added removed', async () => {
    const other = await startTestApp();
    try {
      await other.app.store.applyBatch(
        NAMES.map((name, index) => ({
          op: 'createNode' as const,
          node: {
            kind: 'organisation' as const,
            id: `org-${String(index)}`,
            name,
            orgKind: 'charity' as const,
            description: `'${name}`,
          },
        })),
      );
      const response = await other.inject({ method: 'GET', url: '/api/export?format=csv' });
      expect(response.statusCode).toBe(200);
      const files = Object.entries(unzipSync(new Uint8Array(response.rawPayload))).map(
        ([name, data]) => ({ name, bytes: Buffer.from(data) }),
      );
      const elements = files.find((file) => file.name === 'elements.csv');
      // A spreadsheet opening the file runs none of them: no cell begins with a formula sign.
      const rows = Papa.parse<string[]>(elements?.bytes.toString('utf8') ?? '').data;
      expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
      const imported = await importedInto(files);
      expect(
        byId(imported.nodes).map((node) => [
          node.name,
          node.kind === 'organisation' ? node.description : null,
        ]),
      ).toEqual(NAMES.map((name) => [name, `'${name}`]));
    } finally {
      await other.close();
    }
  });
});
