/**
 * GET /api/export over the real app: every format downloads as a named attachment of its content
 * type and opens with the library that would read it, with one row or element per node and
 * link; the map's filters narrow an export to the view; and a person's contact details that are
 * not public appear in no export's bytes, while public ones do.
 */
import { ErrorBodySchema, NetworkFileSchema, type CreateNodeInput } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS } from '../../server/src/exchange/columns.js';
import { link, organisation } from '../helpers/fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PRIVATE_EMAIL = 'pat.private@example.org';
const PRIVATE_PHONE = '01632 960111';
const NETWORK_PHONE = '01632 960222';
const PUBLIC_EMAIL = 'sam.public@example.org';

const ELEMENT_HEADERS: string[] = Object.values(ELEMENT_COLUMNS).map((column) => column.header);
const CONNECTION_HEADERS: string[] = Object.values(CONNECTION_COLUMNS).map(
  (column) => column.header,
);

function person(id: string, name: string, extra: Partial<CreateNodeInput>): CreateNodeInput {
  return { kind: 'person', id, name, ...extra } as CreateNodeInput;
}

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    {
      op: 'createNode',
      node: organisation('org-a', 'Alpha', 'charity', {
        description: 'Warm meals, every Tuesday',
        founded: 1998,
        since: '2020-03-01',
      }),
    },
    { op: 'createNode', node: organisation('org-b', 'Bravo', 'community_group') },
    { op: 'createNode', node: organisation('org-c', 'Charlie', 'charity') },
    {
      op: 'createNode',
      node: person('person-pat', 'Pat Private', {
        email: { value: PRIVATE_EMAIL, visibility: 'private' },
        phone: { value: PRIVATE_PHONE, visibility: 'attendees' },
      }),
    },
    {
      op: 'createNode',
      node: person('person-sam', 'Sam Public', {
        email: { value: PUBLIC_EMAIL, visibility: 'public' },
        phone: { value: NETWORK_PHONE, visibility: 'network' },
      }),
    },
    { op: 'createNode', node: { kind: 'theme', id: 'theme-care', name: 'Care' } },
    { op: 'createNode', node: { kind: 'place', id: 'place-north', name: 'Northtown' } },
    {
      op: 'createNode',
      node: { kind: 'meeting', id: 'meeting-1', name: 'Spring meet-up', date: '2024-04-10' },
    },
    { op: 'createLink', link: link('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b') },
    {
      op: 'createLink',
      link: link('l-ac', 'COLLABORATES_WITH', 'org-a', 'org-c', {
        meetingId: 'meeting-1',
        strength: 3,
      }),
    },
    { op: 'createLink', link: link('l-ca', 'FUNDS', 'org-c', 'org-a') },
    { op: 'createLink', link: link('l-pat', 'WORKS_AT', 'person-pat', 'org-a') },
    { op: 'createLink', link: link('l-sam', 'VOLUNTEERS_AT', 'person-sam', 'org-b') },
    { op: 'createLink', link: link('l-care', 'FOCUSES_ON', 'org-a', 'theme-care') },
    { op: 'createLink', link: link('l-north', 'BASED_IN', 'org-a', 'place-north') },
    { op: 'createLink', link: link('l-met', 'ATTENDED', 'person-pat', 'meeting-1') },
  ]);
});

afterEach(async () => {
  await api.close();
});

const NODE_COUNT = 8;
const LINK_COUNT = 8;

interface Download {
  status: number;
  contentType: string;
  disposition: string;
  bytes: Buffer;
}

async function download(query: string): Promise<Download> {
  const response = await api.app.inject({ method: 'GET', url: `/api/export?${query}` });
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type']),
    disposition: String(response.headers['content-disposition']),
    bytes: response.rawPayload,
  };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares a Buffer type of its own, which Node's Buffer does not match.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as lists of cell texts (the header row first). */
function sheetRows(workbook: ExcelJS.Workbook, name: string): string[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      cells.push(row.getCell(column).text);
    }
    rows.push(cells);
  });
  return rows;
}

/** The CSV files of a zip, by name. */
function unzipped(bytes: Buffer): Map<string, string> {
  return new Map(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]),
  );
}

function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** Every text an export holds: its bytes as UTF-8, and for a zip each file inside. */
function textsOf(format: string, bytes: Buffer): string[] {
  const texts = [bytes.toString('utf8')];
  if (format === 'csv' || format === 'xlsx') {
    texts.push(...unzipped(bytes).values());
  }
  return texts;
}

describe('GET /api/export', () => {
  it.each([
    ['json', 'application/json', 'json'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['csv', 'application/zip', 'zip'],
    ['gexf', 'application/gexf+xml', 'gexf'],
    ['graphml', 'application/graphml+xml', 'graphml'],
  ])('downloads %s as %s named octograph-<date>.%s', async (format, contentType, extension) => {
    const file = await download(`format=${format}`);
    expect(file.status).toBe(200);
    expect(file.contentType.split(';')[0]).toBe(contentType);
    expect(file.disposition).toMatch(
      new RegExp(`^attachment; filename="octograph-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
    );
    expect(file.bytes.length).toBeGreaterThan(0);
  });

  it('answers the JSON network file, with saved positions, when no format is given', async () => {
    const file = await download('');
    expect(file.contentType.split(';')[0]).toBe('application/json');
    const network = NetworkFileSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    expect(network.nodes).toHaveLength(NODE_COUNT);
    expect(network.links).toHaveLength(LINK_COUNT);
    expect(network.positions.map((position) => position.id).sort()).toEqual(
      network.nodes.map((node) => node.id).sort(),
    );
  });

  it('writes a workbook of Elements and Connections with the columns and a row each', async () => {
    const workbook = await workbookOf((await download('format=xlsx')).bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Elements', 'Connections']);

    const elements = sheetRows(workbook, 'Elements');
    expect(elements[0]).toEqual(ELEMENT_HEADERS);
    expect(elements).toHaveLength(1 + NODE_COUNT);
    const connections = sheetRows(workbook, 'Connections');
    expect(connections[0]).toEqual(CONNECTION_HEADERS);
    expect(connections).toHaveLength(1 + LINK_COUNT);

    const column = (header: string): number => ELEMENT_HEADERS.indexOf(header);
    const alpha = elements.find((row) => row[column('ID')] === 'org-a');
    expect(alpha?.[column('Type')]).toBe('Charity');
    expect(alpha?.[column('Tags')]).toBe('Care');
    expect(alpha?.[column('Place')]).toBe('Northtown');
    // Dates stay text, so they read back as written rather than as Excel dates.
    expect(alpha?.[column('Since')]).toBe('2020-03-01');
    const sheet = workbook.getWorksheet('Elements');
    expect(sheet?.getRow(1).font.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const link = connections.find((row) => row[0] === 'l-ac');
    expect(link?.slice(0, 5)).toEqual(['l-ac', 'org-a', 'org-c', 'collaborates with', '3']);
    expect(connections.some((row) => row[0] === 'l-care' && row[3] === 'focuses on')).toBe(true);
  });

  it('zips the same two tables as elements.csv and connections.csv', async () => {
    const files = unzipped((await download('format=csv')).bytes);
    expect([...files.keys()].sort()).toEqual(['connections.csv', 'elements.csv']);
    const elements = csvRows(files.get('elements.csv') ?? '');
    expect(elements[0]).toEqual(ELEMENT_HEADERS);
    expect(elements).toHaveLength(1 + NODE_COUNT);
    const connections = csvRows(files.get('connections.csv') ?? '');
    expect(connections[0]).toEqual(CONNECTION_HEADERS);
    expect(connections).toHaveLength(1 + LINK_COUNT);
  });

  it('writes GEXF that graphology-gexf reads back to the same nodes, links and labels', async () => {
    const graph = parseGexf(Graph, (await download('format=gexf')).bytes.toString('utf8'));
    expect(graph.order).toBe(NODE_COUNT);
    expect(graph.size).toBe(LINK_COUNT);
    expect(graph.getNodeAttribute('org-a', 'label')).toBe('Alpha');
    expect(graph.getNodeAttribute('org-a', 'Type')).toBe('Charity');
    expect(graph.getNodeAttribute('meeting-1', 'Date')).toBe('2024-04-10');
    expect(graph.extremities('l-ca')).toEqual(['org-c', 'org-a']);
    expect(graph.getEdgeAttribute('l-ca', 'Type')).toBe('funds');
    expect(graph.getEdgeAttribute('l-ac', 'weight')).toBe(3);
    expect(graph.isUndirected('l-ac')).toBe(true);
  });

  it('writes GraphML that graphology-graphml reads back to the same nodes, links and labels', async () => {
    const graph = parseGraphml(Graph, (await download('format=graphml')).bytes.toString('utf8'));
    expect(graph.order).toBe(NODE_COUNT);
    expect(graph.size).toBe(LINK_COUNT);
    expect(graph.getNodeAttribute('org-b', 'label')).toBe('Bravo');
    expect(graph.getNodeAttribute('org-b', 'Type')).toBe('Community group');
    expect(graph.extremities('l-pat')).toEqual(['person-pat', 'org-a']);
    expect(graph.getEdgeAttribute('l-pat', 'Type')).toBe('works at');
    expect(graph.getEdgeAttribute('l-ac', 'weight')).toBe(3);
    expect(graph.getEdgeAttribute('l-ac', 'Meeting')).toBe('meeting-1');
  });

  it('exports only the filtered view: its nodes and the links among them', async () => {
    const query = 'kind=organisation&orgKind=charity';
    const network = NetworkFileSchema.parse(
      JSON.parse((await download(`format=json&${query}`)).bytes.toString('utf8')),
    );
    expect(network.nodes.map((node) => node.id).sort()).toEqual(['org-a', 'org-c']);
    expect(network.links.map((link) => link.id).sort()).toEqual(['l-ac', 'l-ca']);
    // The meeting is not in the view, so the file says nothing of it and still imports.
    expect(network.links.find((link) => link.id === 'l-ac')?.meetingId).toBeNull();

    const workbook = await workbookOf((await download(`format=xlsx&${query}`)).bytes);
    expect(sheetRows(workbook, 'Elements')).toHaveLength(1 + 2);
    expect(sheetRows(workbook, 'Connections')).toHaveLength(1 + 2);

    const graph = parseGexf(Graph, (await download(`format=gexf&${query}`)).bytes.toString('utf8'));
    expect(graph.nodes().sort()).toEqual(['org-a', 'org-c']);
    expect(graph.size).toBe(2);
  });

  it.each(['json', 'xlsx', 'csv', 'gexf', 'graphml'])(
    'keeps contact details that are not public out of the %s file',
    async (format) => {
      const texts = textsOf(format, (await download(`format=${format}`)).bytes);
      const everything = texts.join('\n');
      expect(everything).not.toContain(PRIVATE_EMAIL);
      expect(everything).not.toContain(PRIVATE_PHONE);
      expect(everything).not.toContain(NETWORK_PHONE);
      expect(everything).toContain(PUBLIC_EMAIL);
    },
  );

  it('answers 400 for an unknown format and 404 for an unknown focus', async () => {
    const unknown = await api.request({ method: 'GET', url: '/api/export?format=pdf' });
    expect(unknown.status).toBe(400);
    expect(ErrorBodySchema.parse(unknown.body).issues[0]?.path).toBe('query.format');

    const focus = await api.request({ method: 'GET', url: '/api/export?focus=no-such-node' });
    expect(focus.status).toBe(404);
  });
});
