/**
 * Text that every file format can carry (issue 15): node and link text refuses control
 * characters other than tab and line break, and unpaired surrogates, with a 400 naming the
 * field; an import reports such a cell as a problem of its row and column; and text stored
 * before the rule never makes an export a file that a strict XML parser (saxes, as exceljs
 * and Gephi-like readers are) or Octograph's own import refuses.
 */
import {
  ErrorBodySchema,
  ImportPreviewSchema,
  NetworkFileSchema,
  type GraphNode,
  type Link,
} from '@octograph/graph-schema';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { link, organisation } from '../helpers/fixtures.js';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Imports run in a worker thread, which from TypeScript sources (tsx) takes a second or more to
// start on a busy machine: more than the default 5 s for a test of several imports.
vi.setConfig({ testTimeout: 30_000 });

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('org-a', 'Alpha') },
    { op: 'createNode', node: organisation('org-b', 'Bravo') },
    { op: 'createLink', link: link('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
  ]);
});

afterEach(async () => {
  await api.close();
});

/** Sends a JSON body as text: JSON.stringify writes a lone surrogate as the escape `\ud800`. */
async function send(method: 'POST' | 'PATCH', url: string, body: unknown) {
  return api.request({
    method,
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

/** The field paths a 400 names. */
function refusedPaths(status: number, body: unknown): string[] {
  expect(status, JSON.stringify(body)).toBe(400);
  const error = ErrorBodySchema.parse(body);
  expect(error.code).toBe('VALIDATION_FAILED');
  return error.issues.map((issue) => issue.path);
}

describe('POST /api/nodes', () => {
  it.each([
    [
      'the report’s control characters in a name',
      { name: 'Ctrl \u0001\u0008\u001b end' },
      'body.name',
    ],
    ['a lone surrogate in a name', { name: 'Half \ud800 a pair' }, 'body.name'],
    ['a C1 control in a description', { description: 'next\u0085line' }, 'body.description'],
    ['a carriage return in a description', { description: 'one\rtwo' }, 'body.description'],
    ['a form feed in the second offer', { offers: ['rooms', 'va\u000cns'] }, 'body.offers[1]'],
    ['a lone low surrogate in a need', { needs: ['\udc00'] }, 'body.needs[0]'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_case, fields, path) => {
    const { status, body } = await send('POST', '/api/nodes', {
      kind: 'organisation',
      id: 'org-bad',
      name: 'Fine name',
      orgKind: 'charity',
      ...fields,
    });
    expect(refusedPaths(status, body)).toEqual([path]);
    const error = ErrorBodySchema.parse(body);
    expect(error.message).toContain('control characters');
    expect((await api.request({ method: 'GET', url: '/api/nodes/org-bad' })).status).toBe(404);
  });

  it('says which character it found and where', async () => {
    const { body } = await send('POST', '/api/nodes', {
      kind: 'theme',
      name: 'Ctrl \u0001 end',
    });
    expect(ErrorBodySchema.parse(body).issues[0]?.message).toContain('U+0001, at character 6');
  });

  it('refuses a control character in a person’s role', async () => {
    const { status, body } = await send('POST', '/api/nodes', {
      kind: 'person',
      name: 'Pat',
      role: 'Chair\u0007',
    });
    expect(refusedPaths(status, body)).toEqual(['body.role']);
  });

  it('keeps tabs, line breaks, accents and emoji as they were sent', async () => {
    const description = 'Line one\n\tindented: Biłgoraj, café 🐙';
    const { status } = await send('POST', '/api/nodes', {
      kind: 'organisation',
      id: 'org-good',
      name: 'Ośmiornica 🐙',
      orgKind: 'charity',
      description,
    });
    expect(status).toBe(201);
    const read = await api.request({ method: 'GET', url: '/api/nodes/org-good' });
    expect(read.body).toMatchObject({ name: 'Ośmiornica 🐙', description });
  });
});

describe('PATCH /api/nodes/:id', () => {
  it('refuses a control character in a description and keeps the old one', async () => {
    const { status, body } = await send('PATCH', '/api/nodes/org-a', {
      kind: 'organisation',
      description: 'bell\u0007',
    });
    expect(refusedPaths(status, body)).toEqual(['body.description']);
    const read = await api.request({ method: 'GET', url: '/api/nodes/org-a' });
    expect(read.body).toMatchObject({ description: '' });
  });
});

describe('links', () => {
  it('POST /api/links refuses a NUL in the notes', async () => {
    const { status, body } = await send('POST', '/api/links', {
      kind: 'FUNDS',
      source: 'org-a',
      target: 'org-b',
      notes: 'nul\u0000',
    });
    expect(refusedPaths(status, body)).toEqual(['body.notes']);
  });

  it('PATCH /api/links/:id refuses a lone surrogate in the notes', async () => {
    const { status, body } = await send('PATCH', '/api/links/l-ab', { notes: '\ud83d' });
    expect(refusedPaths(status, body)).toEqual(['body.notes']);
  });

  it('POST /api/batch names the write and the field', async () => {
    const { status, body } = await send('POST', '/api/batch', {
      ops: [
        { op: 'createNode', node: { kind: 'theme', name: 'Fine' } },
        { op: 'createNode', node: { kind: 'theme', name: 'Escape \u001b[31m red' } },
      ],
    });
    expect(refusedPaths(status, body)).toEqual(['body.ops[1].node.name']);
  });
});

describe('an import', () => {
  it('reports a cell with a control character as a problem of its row and column', async () => {
    // A C1 control is valid UTF-8 and valid in a CSV file, so only the schema can catch it.
    const csv =
      'Label,Type,Description\r\nGood Group,Charity,fine\r\nOdd Group,Charity,odd\u0085\r\n';
    const { payload, headers } = multipart([{ name: 'elements.csv', bytes: csv }]);
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/import/preview',
      payload,
      headers,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const preview = ImportPreviewSchema.parse(body);
    expect(preview.canApply).toBe(false);
    const errors = preview.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'elements.csv', row: 3, column: 'Description' });
    expect(errors[0]?.message).toContain('U+0085');
  });
});

/** Text as an earlier Octograph could store it, before the schema refused these characters. */
const LEGACY_NAME = 'Ctrl \u0001\u0008\u001b end \ud800';
const LEGACY_NOTES = 'bell\u0007 and \uffff';

async function storeLegacyText(): Promise<void> {
  const snapshot = await api.app.store.snapshot();
  const nodes: GraphNode[] = snapshot.nodes.map((node) =>
    node.id === 'org-a' && node.kind === 'organisation'
      ? { ...node, name: LEGACY_NAME, values: ['tab\tok', 'esc\u001b'] }
      : node,
  );
  const links: Link[] = snapshot.links.map((stored) =>
    stored.id === 'l-ab' ? { ...stored, notes: LEGACY_NOTES } : stored,
  );
  // A restore stores records as they are (the stored schema reads old text); it is how text
  // from before the rule is in a store.
  await api.app.store.restore({ nodes, links, positions: snapshot.positions }, { replace: true });
  const read = await api.request({ method: 'GET', url: '/api/nodes/org-a' });
  expect(read.body).toMatchObject({ name: LEGACY_NAME });
}

/** The first error a strict XML parser finds, or null for a well-formed document. */
function xmlError(xml: string): string | null {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on('error', (caught) => {
    error ??= caught.message;
  });
  parser.write(xml).close();
  return error;
}

async function exported(format: string): Promise<Buffer> {
  const response = await api.inject({ method: 'GET', url: `/api/export?format=${format}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

const CLEANED_NAME = 'Ctrl \ufffd\ufffd\ufffd end \ufffd';

describe('GET /api/export of text stored before the rule', () => {
  beforeEach(storeLegacyText);

  it.each(['gexf', 'graphml'])(
    'writes %s that a strict XML parser reads, with U+FFFD in place of each character',
    async (format) => {
      const xml = (await exported(format)).toString('utf8');
      expect(xmlError(xml)).toBeNull();
      expect(xml).toContain(CLEANED_NAME);
      expect(xml).toContain('bell\ufffd and \ufffd');
    },
  );

  it('writes a workbook whose every XML part a strict parser reads', async () => {
    const parts = unzipSync(new Uint8Array(await exported('xlsx')));
    const xmlParts = Object.entries(parts).filter(([name]) => name.endsWith('.xml'));
    expect(xmlParts.length).toBeGreaterThan(2);
    for (const [name, bytes] of xmlParts)
      expect([name, xmlError(strFromU8(bytes))]).toEqual([name, null]);
    const text = xmlParts.map(([, bytes]) => strFromU8(bytes)).join('');
    expect(text).toContain(CLEANED_NAME);
  });

  it('writes CSV files without the characters', async () => {
    const parts = unzipSync(new Uint8Array(await exported('csv')));
    const text = Object.values(parts)
      .map((bytes) => strFromU8(bytes))
      .join('');
    expect(text).toContain(CLEANED_NAME);
    expect(text).not.toContain('\u0001');
  });

  it('writes a network file that imports into an empty network', async () => {
    const file = NetworkFileSchema.parse(JSON.parse((await exported('json')).toString('utf8')));
    expect(file.nodes.find((node) => node.id === 'org-a')?.name).toBe(CLEANED_NAME);

    const other = await startTestApp();
    try {
      const { payload, headers } = multipart([
        { name: 'network.json', bytes: await exported('json') },
      ]);
      const preview = await other.request({
        method: 'POST',
        url: '/api/import/preview',
        payload,
        headers,
      });
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(ImportPreviewSchema.parse(preview.body).canApply).toBe(true);
    } finally {
      await other.close();
    }
  });
});
