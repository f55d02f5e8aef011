/**
 * POST /api/import/preview and /apply over the real app: a Kumu-layout workbook made here with
 * exceljs (two sheets, `|` multi-values, an "(ignore)" sheet, one bad row) gives the expected
 * preview and, once the row is fixed, the expected network; importing it again changes nothing;
 * bad files are refused naming file, sheet, row and column, with nothing written.
 */
import {
  ErrorBodySchema,
  ImportPreviewSchema,
  ImportResultSchema,
  type ImportPreview,
} from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miserables, miserablesGexf } from '../helpers/miserables.js';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Imports run in a worker thread, which from TypeScript sources (tsx) takes a second or more to
// start on a busy machine: more than the default 5 s for a test of several imports.
vi.setConfig({ testTimeout: 30_000 });

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
});

afterEach(async () => {
  await api.close();
});

type Row = readonly (string | number)[];

/** A Kumu-layout workbook: Elements, Connections, and a sheet to ignore. */
async function kumuWorkbook(connections: readonly Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const elements = workbook.addWorksheet('Elements');
  elements.addRows([
    ['Label', 'Type', 'Description', 'Tags', 'Place', 'Colour'],
    ['Harbour Larder', 'Charity', 'Food parcels', 'Food|Families', 'Harbourside', 'red'],
    ['Tidemark Arts', 'Community group', 'Art groups', 'Families', 'Harbourside', ''],
    ['Kingsmouth Network', 'Network', 'The umbrella', '', '', ''],
    ['Food', 'Theme', '', '', '', ''],
    ['Families', 'Theme', '', '', '', ''],
    ['Ann Archer', 'Person', '', '', '', ''],
    ['Mystery Club', 'Clubhouse', '', '', '', ''],
  ]);
  const links = workbook.addWorksheet('Connections');
  links.addRows([['From', 'To', 'Type', 'Strength'], ...connections]);
  workbook.addWorksheet('Notes (ignore)').addRows([
    ['anything', 'at all'],
    [1, 2],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD_CONNECTIONS: readonly Row[] = [
  ['Harbour Larder', 'Tidemark Arts', 'collaborates with', 3],
  ['Harbour Larder', 'Kingsmouth Network', 'member of', 2],
  ['Ann Archer', 'Harbour Larder', 'volunteers at', 1],
  ['Tidemark Arts', 'Mystery Club', 'collaborates with', 2],
];
const BAD_CONNECTIONS: readonly Row[] = [
  ...GOOD_CONNECTIONS.slice(0, 3),
  ['Tidemark Arts', 'Ghost Group', 'collaborates with', 2],
];

async function send(
  step: 'preview' | 'apply',
  files: readonly { name: string; bytes: Buffer | string }[],
  fields: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const { payload, headers } = multipart(files, fields);
  return api.request({ method: 'POST', url: `/api/import/${step}`, payload, headers });
}

async function preview(bytes: Buffer, name = 'network.xlsx'): Promise<ImportPreview> {
  const { status, body } = await send('preview', [{ name, bytes }]);
  expect(status, JSON.stringify(body)).toBe(200);
  return ImportPreviewSchema.parse(body);
}

describe('a Kumu-layout workbook', () => {
  it('previews every problem with its sheet, row and column, and writes nothing', async () => {
    const bytes = await kumuWorkbook(BAD_CONNECTIONS);
    const before = await api.app.store.snapshot();
    const result = await preview(bytes);
    expect(result.canApply).toBe(false);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([
      {
        file: 'network.xlsx',
        sheet: 'Connections',
        row: 5,
        column: 'To',
        severity: 'error',
        message: "'Ghost Group' is no element of the file and no node of the network",
      },
    ]);
    const warnings = result.problems
      .filter((problem) => problem.severity === 'warning')
      .map((problem) => [problem.sheet, problem.row, problem.column, problem.message]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ['Elements', 1, 'Colour', "'Colour' is not an Octograph field; the column is not imported"],
        [
          'Elements',
          8,
          'Type',
          "'Clubhouse' is not a type Octograph knows; imported as community group, the type you chose",
        ],
        ['Elements', 2, 'Place', "'Harbourside' is a new place; it is created"],
      ]),
    );
    expect(result.problems.some((problem) => problem.sheet === 'Notes (ignore)')).toBe(false);

    const applied = await send('apply', [{ name: 'network.xlsx', bytes }], {
      expectedRevision: String(result.revision),
    });
    expect(applied.status).toBe(400);
    const error = ErrorBodySchema.parse(applied.body);
    expect(error.message).toContain('network.xlsx, sheet Connections, row 5, column To');
    expect(error.message).toContain('nothing was written');
    expect(await api.app.store.snapshot()).toEqual(before);
  });

  it('imports the fixed workbook as the expected network, and a second import changes nothing', async () => {
    const bytes = await kumuWorkbook(GOOD_CONNECTIONS);
    const first = await preview(bytes);
    // The errors first, so that a refusal says why.
    expect(first.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(first.canApply).toBe(true);
    expect(first.nodes).toEqual({ create: 8, update: 0, unchanged: 0, skipped: 0 });
    expect(first.links).toEqual({ create: 9, update: 0, unchanged: 0, skipped: 0 });

    const applied = await send('apply', [{ name: 'network.xlsx', bytes }], {
      expectedRevision: String(first.revision),
    });
    expect(applied.status).toBe(200);
    const result = ImportResultSchema.parse(applied.body);
    expect(result.revision).toBeGreaterThan(first.revision);

    const { nodes, links } = await api.app.store.snapshot();
    const nameOf = new Map(nodes.map((node) => [node.id, node.name]));
    expect(
      nodes.map((node) => [node.name, node.kind, 'orgKind' in node ? node.orgKind : null]).sort(),
    ).toEqual(
      [
        ['Ann Archer', 'person', null],
        ['Families', 'theme', null],
        ['Food', 'theme', null],
        ['Harbour Larder', 'organisation', 'charity'],
        ['Harbourside', 'place', null],
        ['Kingsmouth Network', 'organisation', 'network'],
        ['Mystery Club', 'organisation', 'community_group'],
        ['Tidemark Arts', 'organisation', 'community_group'],
      ].sort(),
    );
    expect(nodes.find((node) => node.name === 'Harbour Larder')).toMatchObject({
      description: 'Food parcels',
    });
    expect(
      links
        .map((link) => [link.kind, nameOf.get(link.source), nameOf.get(link.target), link.strength])
        .sort(),
    ).toEqual(
      [
        ['COLLABORATES_WITH', 'Harbour Larder', 'Tidemark Arts', 3],
        ['MEMBER_OF', 'Harbour Larder', 'Kingsmouth Network', 2],
        ['VOLUNTEERS_AT', 'Ann Archer', 'Harbour Larder', 1],
        ['COLLABORATES_WITH', 'Tidemark Arts', 'Mystery Club', 2],
        ['FOCUSES_ON', 'Harbour Larder', 'Food', 2],
        ['FOCUSES_ON', 'Harbour Larder', 'Families', 2],
        ['FOCUSES_ON', 'Tidemark Arts', 'Families', 2],
        ['BASED_IN', 'Harbour Larder', 'Harbourside', 2],
        ['BASED_IN', 'Tidemark Arts', 'Harbourside', 2],
      ].sort(),
    );

    const stored = await api.app.store.snapshot();
    const second = await preview(bytes);
    expect(second.nodes).toEqual({ create: 0, update: 0, unchanged: 7, skipped: 0 });
    expect(second.links).toEqual({ create: 0, update: 0, unchanged: 9, skipped: 0 });
    expect(second.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const again = await send('apply', [{ name: 'network.xlsx', bytes }], {
      expectedRevision: String(second.revision),
    });
    expect(again.status).toBe(200);
    expect(ImportResultSchema.parse(again.body).revision).toBe(stored.revision);
    expect(await api.app.store.snapshot()).toEqual(stored);
  });

  it('refuses to apply when the network changed since the preview (409), writing nothing', async () => {
    const bytes = await kumuWorkbook(GOOD_CONNECTIONS);
    const first = await preview(bytes);
    await api.app.store.createNode({
      kind: 'organisation',
      id: 'meanwhile',
      name: 'Added meanwhile',
      orgKind: 'charity',
    });
    const before = await api.app.store.snapshot();
    const applied = await send('apply', [{ name: 'network.xlsx', bytes }], {
      expectedRevision: String(first.revision),
    });
    expect(applied.status).toBe(409);
    expect(ErrorBodySchema.parse(applied.body).message).toContain('preview the files again');
    expect(await api.app.store.snapshot()).toEqual(before);
  });
});

describe('a GEXF file written by another tool', () => {
  it('imports the 77 characters and 254 links of Les Misérables', async () => {
    const file = miserablesGexf();
    const fields = { unknownType: 'organisation:informal_group' };
    const previewed = await send('preview', [file], fields);
    const result = ImportPreviewSchema.parse(previewed.body);
    expect(result.canApply).toBe(true);
    expect(result.nodes.create).toBe(77);
    expect(result.links.create).toBe(254);
    const applied = await send('apply', [file], {
      ...fields,
      expectedRevision: String(result.revision),
    });
    expect(applied.status).toBe(200);
    const { nodes, links } = await api.app.store.snapshot();
    expect(nodes.map((node) => node.name).sort()).toEqual(
      miserables.nodes.map((node) => node.name).sort(),
    );
    expect(links).toHaveLength(254);
    expect(new Set(links.map((link) => link.kind))).toEqual(new Set(['COLLABORATES_WITH']));
  });
});

describe('bad uploads', () => {
  it.each([
    {
      what: 'a workbook that is not one',
      files: [{ name: 'groups.xlsx', bytes: 'Label,Type\nA,Charity\n' }],
      says: 'groups.xlsx',
    },
    {
      what: 'connections without a To column',
      files: [
        { name: 'elements.csv', bytes: 'Label,Type\nA,Charity\nB,Charity\n' },
        { name: 'connections.csv', bytes: 'From,Kind\nA,collaborates with\n' },
      ],
      says: 'connections.csv',
    },
    {
      what: 'a bad date',
      files: [{ name: 'elements.csv', bytes: 'Label,Type,Since\nA,Charity,31/02/2020\n' }],
      says: 'elements.csv, row 2, column Since',
    },
  ])('refuses $what with a 400 naming where, and writes nothing', async ({ files, says }) => {
    const before = await api.app.store.snapshot();
    const previewed = await send('preview', files);
    const problems =
      previewed.status === 200 ? ImportPreviewSchema.parse(previewed.body).problems : [];
    const applied = await send('apply', files, { expectedRevision: String(before.revision) });
    expect(applied.status).toBe(400);
    const error = ErrorBodySchema.parse(applied.body);
    expect(`${error.message} ${JSON.stringify(problems)}`).toContain(says);
    expect(await api.app.store.snapshot()).toEqual(before);
  });

  it('refuses an upload over IMPORT_LIMIT with 413', async () => {
    const small = await startTestApp({ env: { IMPORT_LIMIT: '2048' } });
    try {
      const { payload, headers } = multipart([
        { name: 'elements.csv', bytes: `Label\n${'A long name\n'.repeat(400)}` },
      ]);
      const { status, body } = await small.request({
        method: 'POST',
        url: '/api/import/preview',
        payload,
        headers,
      });
      expect(status).toBe(413);
      expect(ErrorBodySchema.parse(body).code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('refuses a request with no file, and one that is not multipart', async () => {
    const none = await send('preview', []);
    expect(none.status).toBe(400);
    expect(ErrorBodySchema.parse(none.body).issues[0]?.path).toBe('body.files');
    const json = await api.request({
      method: 'POST',
      url: '/api/import/preview',
      payload: { files: [] },
    });
    expect(json.status).toBe(406);
    expect(ErrorBodySchema.parse(json.body).message).toBe(
      'an upload must be sent as multipart/form-data',
    );
  });
});
