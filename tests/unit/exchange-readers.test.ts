/**
 * The import readers (server/src/exchange/read-*.ts): uploaded files into tables of text cells
 * with the file, sheet, row and column each came from; bad files into problems that say where.
 * Workbooks are built here with exceljs; the GEXF import is checked on the Les Misérables
 * co-occurrence network of the `miserables` package, which ships it as data (not as GEXF), so
 * the GEXF file is written here from that data with graphology-gexf's writer.
 */
import type { GraphNode, Link } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { miserables, miserablesGexf } from '../helpers/miserables.js';
import { readCsvFiles } from '../../server/src/exchange/read-csv.js';
import { readGexf, readGraphml } from '../../server/src/exchange/read-graph-xml.js';
import { readNetworkJson } from '../../server/src/exchange/read-json.js';
import { contentKindOf, readUpload } from '../../server/src/exchange/read-upload.js';
import { readWorkbook } from '../../server/src/exchange/read-xlsx.js';
import type {
  ImportProblem,
  ImportSource,
  Location,
  SourceRow,
  SourceTable,
  UploadedFile,
} from '../../server/src/exchange/source.js';

/** A table as plain data, so a whole table can be compared at once. */
function plain(table: SourceTable | undefined): unknown {
  if (table === undefined) return undefined;
  return {
    headers: table.headers,
    location: table.location,
    rows: table.rows.map((row) => ({
      location: row.location,
      cells: Object.fromEntries(row.cells),
    })),
  };
}

function tablesOf(source: ImportSource): {
  elements: readonly SourceTable[];
  connections: readonly SourceTable[];
} {
  if (source.type !== 'tables') throw new Error(`expected tables, got ${source.type}`);
  return source;
}

function at(
  file: string,
  sheet: string | null,
  row: number | null,
  column: string | null = null,
): Location {
  return { file, sheet, row, column };
}

function error(location: Location, message: string): ImportProblem {
  return { ...location, severity: 'error', message };
}

function warning(location: Location, message: string): ImportProblem {
  return { ...location, severity: 'warning', message };
}

/** Checks that `problems` is one error at `location`, whose message matches `message`. */
function expectOneError(
  problems: readonly ImportProblem[],
  location: Location,
  message: RegExp,
): void {
  expect(problems.map(({ message: _, ...rest }) => rest)).toEqual([
    { ...location, severity: 'error' },
  ]);
  expect(problems[0]?.message).toMatch(message);
}

async function workbookFile(
  name: string,
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<UploadedFile> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return { name, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

function textFile(name: string, text: string): UploadedFile {
  return { name, bytes: Buffer.from(text, 'utf-8') };
}

describe('readWorkbook: the Kumu layout', () => {
  const kumu = workbookFile('network.xlsx', (workbook) => {
    const elements = workbook.addWorksheet('Elements');
    elements.addRow(['Label', 'Type', 'Description', 'Tags', 'Funding body', 'Founded', 'Since']);
    elements.addRow([
      'Riverside Food Bank',
      'Charity',
      { richText: [{ text: 'Feeds ' }, { text: 'families', font: { bold: true } }] },
      'food|poverty',
      { text: 'Lottery Fund', hyperlink: 'https://lottery.example.org' },
      { formula: '1997+1', result: 1998 },
      new Date(Date.UTC(2021, 3, 1)),
    ]);
    elements.addRow([]);
    elements.addRow(['  Ana Silva  ', 'Person', '', 'food', '', 0.1 + 0.2, 45000]);
    elements.getCell('G4').numFmt = 'dd/mm/yyyy';
    elements.addRow(['Open Door', 'Community group', true, '', '', 12, null]);

    const connections = workbook.addWorksheet('Connections');
    connections.addRow(['From', 'To', 'Type', 'Strength']);
    connections.addRow(['Ana Silva', 'Riverside Food Bank', 'volunteers at', 3]);
    connections.addRow(['Open Door', 'Riverside Food Bank', 'collaborates with', 2]);

    workbook.addWorksheet('Notes (ignore)').addRow(['Anything at all', 'is not read']);
    workbook.addWorksheet('Summary').addRow(['Total', 3]);
  });

  it('reads every cell as the text a person sees, by header, with its sheet and row', async () => {
    const source = await readWorkbook(await kumu);
    const { elements, connections } = tablesOf(source);
    const file = 'network.xlsx';
    expect(elements.map(plain)).toEqual([
      {
        headers: ['Label', 'Type', 'Description', 'Tags', 'Funding body', 'Founded', 'Since'],
        location: at(file, 'Elements', null),
        rows: [
          {
            location: at(file, 'Elements', 2),
            cells: {
              Label: 'Riverside Food Bank',
              Type: 'Charity',
              Description: 'Feeds families',
              Tags: 'food|poverty',
              'Funding body': 'Lottery Fund',
              Founded: '1998',
              Since: '2021-04-01',
            },
          },
          // Row 3 is empty and skipped; row 4's number is the spreadsheet's own.
          {
            location: at(file, 'Elements', 4),
            cells: {
              Label: 'Ana Silva',
              Type: 'Person',
              Description: '',
              Tags: 'food',
              'Funding body': '',
              Founded: '0.3',
              Since: '2023-03-15',
            },
          },
          {
            location: at(file, 'Elements', 5),
            cells: {
              Label: 'Open Door',
              Type: 'Community group',
              Description: 'yes',
              Tags: '',
              'Funding body': '',
              Founded: '12',
              Since: '',
            },
          },
        ],
      },
    ]);
    expect(connections.map(plain)).toEqual([
      {
        headers: ['From', 'To', 'Type', 'Strength'],
        location: at(file, 'Connections', null),
        rows: [
          {
            location: at(file, 'Connections', 2),
            cells: {
              From: 'Ana Silva',
              To: 'Riverside Food Bank',
              Type: 'volunteers at',
              Strength: '3',
            },
          },
          {
            location: at(file, 'Connections', 3),
            cells: {
              From: 'Open Door',
              To: 'Riverside Food Bank',
              Type: 'collaborates with',
              Strength: '2',
            },
          },
        ],
      },
    ]);
    // The "(ignore)" sheet is skipped without a word; the unknown one with a warning.
    expect(source.problems).toEqual([
      warning(
        at(file, 'Summary', null),
        "sheet 'Summary' is neither Elements nor Connections; skipped",
      ),
    ]);
  });

  it('reads a workbook of elements only, whose header row is not the first row', async () => {
    const file = await workbookFile('people.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('elements 2024');
      sheet.getCell('B3').value = 'Name';
      sheet.getCell('C3').value = 'Role';
      sheet.getCell('B4').value = 'Ana Silva';
      sheet.getCell('C4').value = 'Coordinator';
      // Text under no header is not read, and the warning says which column it is in.
      sheet.getCell('E4').value = 'stray note';
    });
    const source = await readWorkbook(file);
    expect(tablesOf(source).elements.map(plain)).toEqual([
      {
        headers: ['Name', 'Role'],
        location: at('people.xlsx', 'elements 2024', null),
        rows: [
          {
            location: at('people.xlsx', 'elements 2024', 4),
            cells: { Name: 'Ana Silva', Role: 'Coordinator' },
          },
        ],
      },
    ]);
    expect(tablesOf(source).connections).toEqual([]);
    expect(source.problems).toEqual([
      warning(
        at('people.xlsx', 'elements 2024', 3),
        'column E has no header, so its cells are not read',
      ),
    ]);
  });
});

describe('readWorkbook: bad workbooks', () => {
  async function problemsOf(file: UploadedFile | Promise<UploadedFile>): Promise<unknown> {
    return (await readWorkbook(await file)).problems;
  }

  it('refuses a file that is not a workbook', async () => {
    expect(await problemsOf(textFile('fake.xlsx', 'Label,Type\nAna,Person\n'))).toEqual([
      error(
        at('fake.xlsx', null, null),
        "'fake.xlsx' is not an Excel workbook (.xlsx) that can be read; save it from your " +
          'spreadsheet program as an Excel workbook and try again',
      ),
    ]);
  });

  it('refuses an empty Elements sheet', async () => {
    const file = workbookFile('empty.xlsx', (workbook) => workbook.addWorksheet('Elements'));
    expect(await problemsOf(file)).toEqual([
      error(
        at('empty.xlsx', 'Elements', null),
        "sheet 'Elements' is empty: it needs a header row (such as Label, Type, Description) " +
          'and a row per element',
      ),
    ]);
  });

  it('refuses an Elements sheet without a Label or ID header, naming its header row', async () => {
    const file = workbookFile('nolabel.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Elements');
      sheet.getCell('A2').value = 'Type';
      sheet.getCell('B2').value = 'Description';
      sheet.getCell('A3').value = 'Person';
    });
    expect(await problemsOf(file)).toEqual([
      error(
        at('nolabel.xlsx', 'Elements', 2),
        "sheet 'Elements' has no 'ID', 'Label', 'Name', 'Title' column: each element needs a " +
          'name or an ID',
      ),
    ]);
  });

  it('refuses a Connections sheet without a To header', async () => {
    const file = workbookFile('noto.xlsx', (workbook) => {
      workbook.addWorksheet('Elements').addRows([['Label'], ['Ana Silva']]);
      workbook.addWorksheet('Connections').addRows([
        ['From', 'Type'],
        ['Ana Silva', 'member of'],
      ]);
    });
    expect(await problemsOf(file)).toEqual([
      error(
        at('noto.xlsx', 'Connections', 1),
        "sheet 'Connections' has no 'To' or 'Target' column: each connection needs the " +
          'element it goes to',
      ),
    ]);
  });

  it('refuses a header written twice and a workbook without an Elements sheet', async () => {
    const twice = workbookFile('twice.xlsx', (workbook) => {
      workbook.addWorksheet('Elements').addRows([
        ['Label', 'Type', 'label'],
        ['Ana Silva', 'Person', 'Ana'],
      ]);
    });
    expect(await problemsOf(twice)).toEqual([
      error(
        at('twice.xlsx', 'Elements', 1, 'label'),
        "the header 'label' is written twice (columns A and C); each column needs a header of " +
          'its own',
      ),
    ]);
    const noElements = workbookFile('links.xlsx', (workbook) => {
      workbook.addWorksheet('Connections').addRows([
        ['From', 'To'],
        ['a', 'b'],
      ]);
    });
    expect(await problemsOf(noElements)).toEqual([
      error(
        at('links.xlsx', null, null),
        "'links.xlsx' has no Elements sheet: a workbook needs a sheet named 'Elements' (and " +
          "may have one named 'Connections')",
      ),
    ]);
  });
});

describe('readCsvFiles', () => {
  // Semicolons (as a spreadsheet in a comma-decimal locale writes), a byte order mark, and a
  // quoted cell over two lines: still one spreadsheet row.
  const elementsCsv = textFile(
    'export-1.csv',
    '\uFEFFLabel;Type;Description\r\n' +
      'Riverside Food Bank;Charity;"Feeds families;\r\nruns a café"\r\n' +
      'Ana Silva;Person;\r\n',
  );
  const connectionsCsv = textFile(
    'export-2.csv',
    'From,To,Type,Strength\n"Ana Silva","Riverside Food Bank",volunteers at,3\n\n',
  );

  it('tells elements from connections by their headers and numbers rows as a spreadsheet', () => {
    // The connections come first: the file names say nothing, the headers say everything.
    const source = readCsvFiles([connectionsCsv, elementsCsv]);
    expect(source.problems).toEqual([]);
    const { elements, connections } = tablesOf(source);
    expect(elements.map(plain)).toEqual([
      {
        headers: ['Label', 'Type', 'Description'],
        location: at('export-1.csv', null, null),
        rows: [
          {
            location: at('export-1.csv', null, 2),
            cells: {
              Label: 'Riverside Food Bank',
              Type: 'Charity',
              Description: 'Feeds families;\nruns a café',
            },
          },
          {
            location: at('export-1.csv', null, 3),
            cells: { Label: 'Ana Silva', Type: 'Person', Description: '' },
          },
        ],
      },
    ]);
    expect(connections.map(plain)).toEqual([
      {
        headers: ['From', 'To', 'Type', 'Strength'],
        location: at('export-2.csv', null, null),
        rows: [
          {
            location: at('export-2.csv', null, 2),
            cells: {
              From: 'Ana Silva',
              To: 'Riverside Food Bank',
              Type: 'volunteers at',
              Strength: '3',
            },
          },
        ],
      },
    ]);
  });

  it('reads a tab-separated file, and one in Excel’s Windows encoding with a warning', () => {
    const tabs = readCsvFiles([textFile('tabs.csv', 'Source\tTarget\nA\tB\n')]);
    expect(tablesOf(tabs).connections[0]?.rows[0]?.cells).toEqual(
      new Map([
        ['Source', 'A'],
        ['Target', 'B'],
      ]),
    );
    // "Café" in Windows-1252: é is the single byte 0xE9, which is not UTF-8.
    const latin = readCsvFiles([
      { name: 'old.csv', bytes: Buffer.from([...Buffer.from('Label\nCaf'), 0xe9, 0x0a]) },
    ]);
    expect(tablesOf(latin).elements[0]?.rows[0]?.cells.get('Label')).toBe('Café');
    expect(latin.problems).toEqual([
      warning(
        at('old.csv', null, null),
        "'old.csv' is not UTF-8, so it was read as Windows-1252 (what Excel's \"CSV\" format " +
          'writes); check that accented letters came through, or save it as "CSV UTF-8"',
      ),
    ]);
  });

  it('refuses a file that is neither, half a connections file, and two elements files', () => {
    expect(readCsvFiles([textFile('notes.csv', 'Topic,Owner\nx,y\n')]).problems).toEqual([
      error(
        at('notes.csv', null, 1),
        "'notes.csv' has no 'ID', 'Label', 'Name', 'Title' column: each element needs a name " +
          'or an ID (or, for connections, needs From and To columns)',
      ),
    ]);
    expect(readCsvFiles([textFile('half.csv', 'From,Type\nx,y\n')]).problems).toEqual([
      error(
        at('half.csv', null, 1),
        "'half.csv' has a From column but no To column: a connections file needs both",
      ),
    ]);
    const both = readCsvFiles([textFile('a.csv', 'Label\nx\n'), textFile('b.csv', 'Name\ny\n')]);
    expect(both.problems).toEqual([
      error(
        at('a.csv, b.csv', null, null),
        "'a.csv' and 'b.csv' both hold elements: upload one elements file (with a Label or ID " +
          'column) and at most one connections file (with From and To columns)',
      ),
    ]);
  });
});

describe('readGexf: Les Misérables, written by another tool', () => {
  it('imports its 77 characters and 254 co-occurrences with their labels', () => {
    const source = readGexf(miserablesGexf());
    expect(source.problems).toEqual([]);
    const { elements, connections } = tablesOf(source);
    const [characters] = elements;
    const [encounters] = connections;
    expect(characters?.rows).toHaveLength(77);
    expect(encounters?.rows).toHaveLength(254);
    expect(characters?.headers).toEqual(['ID', 'Label', 'group']);
    expect(characters?.rows.map((row) => row.cells.get('Label'))).toEqual(
      miserables.nodes.map((node) => node.name),
    );
    expect(characters?.rows[0]).toEqual({
      location: at('miserables.gexf', null, 1),
      cells: new Map([
        ['ID', '0'],
        ['Label', 'Myriel'],
        ['group', '1'],
      ]),
    });
    // The writer gives each edge an id of its own making; it is the file's, so it is kept.
    expect(encounters?.headers).toEqual(['ID', 'From', 'To', 'Strength']);
    const cellsWithoutId = (row: SourceRow | undefined): Record<string, string> =>
      Object.fromEntries([...(row?.cells ?? [])].filter(([header]) => header !== 'ID'));
    expect(encounters?.rows.slice(0, 2).map((row) => row.location)).toEqual([
      at('miserables.gexf', null, 1),
      at('miserables.gexf', null, 2),
    ]);
    expect(encounters?.rows.slice(0, 2).map(cellsWithoutId)).toEqual([
      { From: '1', To: '0', Strength: '1' },
      { From: '2', To: '0', Strength: '8' },
    ]);
    expect(new Set(encounters?.rows.map((row) => row.cells.get('ID'))).size).toBe(254);
    const valjean = String(miserables.nodes.findIndex((node) => node.name === 'Valjean'));
    expect(
      encounters?.rows.filter(
        (row) => row.cells.get('From') === valjean || row.cells.get('To') === valjean,
      ),
    ).toHaveLength(36);
  });

  it('skips drawing data, takes the edge kind as Type, and keeps an edge to a missing node', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="Type" type="string"/></attributes>
    <nodes>
      <node id="fb" label="Riverside Food Bank">
        <attvalues><attvalue for="0" value="Charity"/></attvalues>
        <viz:color r="255" g="0" b="0"/><viz:position x="1.5" y="2" z="0"/><viz:size value="4"/>
      </node>
      <node id="ana"><attvalues><attvalue for="0" value="Person"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e7" source="ana" target="fb" kind="volunteers at" weight="2.5"/>
      <edge id="e8" source="ana" target="nobody" kind="member of"/>
    </edges>
  </graph>
</gexf>`;
    const source = readGexf(textFile('small.gexf', xml));
    expect(source.problems).toEqual([]);
    const { elements, connections } = tablesOf(source);
    expect(elements.map(plain)).toEqual([
      {
        headers: ['ID', 'Label', 'Type'],
        location: at('small.gexf', null, null),
        rows: [
          {
            location: at('small.gexf', null, 1),
            cells: { ID: 'fb', Label: 'Riverside Food Bank', Type: 'Charity' },
          },
          // No label: the key stands in, as Gephi shows it.
          {
            location: at('small.gexf', null, 2),
            cells: { ID: 'ana', Label: 'ana', Type: 'Person' },
          },
        ],
      },
    ]);
    // 'nobody' is not an element: the import reports the connection that names it.
    expect(connections.map(plain)).toEqual([
      {
        headers: ['ID', 'From', 'To', 'Type', 'Strength'],
        location: at('small.gexf', null, null),
        rows: [
          {
            location: at('small.gexf', null, 1),
            cells: { ID: 'e7', From: 'ana', To: 'fb', Type: 'volunteers at', Strength: '2.5' },
          },
          {
            location: at('small.gexf', null, 2),
            cells: { ID: 'e8', From: 'ana', To: 'nobody', Type: 'member of', Strength: '' },
          },
        ],
      },
    ]);
  });

  it('refuses XML that is not GEXF, and text that is not XML', () => {
    expect(readGexf(textFile('a.gexf', '<graphml><graph/></graphml>')).problems).toEqual([
      error(
        at('a.gexf', null, null),
        "'a.gexf' is not a GEXF file: its root element is <graphml>, not <gexf>",
      ),
    ]);
    const broken = readGexf(textFile('b.gexf', '<gexf><graph><nodes></graph></gexf>'));
    expectOneError(
      broken.problems,
      at('b.gexf', null, null),
      /^'b\.gexf' is not a GEXF file: it is not well-formed XML \(.+\)$/,
    );
  });
});

describe('readGraphml', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="founded" attr.type="int"/>
  <key id="d2" for="node" attr.name="r" attr.type="int"/>
  <key id="d3" for="node" attr.name="g" attr.type="int"/>
  <key id="d4" for="node" attr.name="b" attr.type="int"/>
  <key id="d5" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d6" for="edge" attr.name="label" attr.type="string"/>
  <key id="d7" for="edge" attr.name="since" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="d0">Open Door</data><data key="d1">2009</data>
      <data key="d2">10</data><data key="d3">20</data><data key="d4">30</data></node>
    <node id="n1"><data key="d0">Riverside Food Bank</data></node>
    <edge source="n0" target="n1"><data key="d5">3</data><data key="d6">partnership</data>
      <data key="d7">2020-01-01</data></edge>
  </graph>
</graphml>`;

  it('reads names as labels, other data by name, and the edge label as Type', () => {
    const source = readGraphml(textFile('net.graphml', xml));
    expect(source.problems).toEqual([]);
    const { elements, connections } = tablesOf(source);
    expect(elements.map(plain)).toEqual([
      {
        headers: ['ID', 'Label', 'founded'],
        location: at('net.graphml', null, null),
        rows: [
          {
            location: at('net.graphml', null, 1),
            cells: { ID: 'n0', Label: 'Open Door', founded: '2009' },
          },
          {
            location: at('net.graphml', null, 2),
            cells: { ID: 'n1', Label: 'Riverside Food Bank', founded: '' },
          },
        ],
      },
    ]);
    expect(connections.map(plain)).toEqual([
      {
        headers: ['From', 'To', 'Type', 'Strength', 'since'],
        location: at('net.graphml', null, null),
        rows: [
          {
            location: at('net.graphml', null, 1),
            cells: {
              From: 'n0',
              To: 'n1',
              Type: 'partnership',
              Strength: '3',
              since: '2020-01-01',
            },
          },
        ],
      },
    ]);
  });
});

describe('readNetworkJson', () => {
  const organisation = (id: string, name: string): GraphNode => ({
    kind: 'organisation',
    id,
    name,
    since: null,
    until: null,
    createdAt: '2024-01-02T03:04:05.006Z',
    updatedAt: '2024-01-02T03:04:05.006Z',
    orgKind: 'charity',
    description: '',
    website: null,
    values: [],
    offers: [],
    needs: [],
    status: 'active',
    founded: null,
  });
  const link: Link = {
    id: 'link-1',
    kind: 'COLLABORATES_WITH',
    source: 'org-a',
    target: 'org-b',
    since: '2024-01-02',
    until: null,
    strength: 3,
    notes: '',
    meetingId: null,
    collaborationType: null,
    role: null,
    consent: null,
    createdBy: null,
    createdAt: '2024-01-02T03:04:05.006Z',
    updatedAt: '2024-01-02T03:04:05.006Z',
  };
  const network = {
    format: 'octograph-network',
    version: 1,
    exportedAt: '2024-05-06T07:08:09.010Z',
    nodes: [organisation('org-a', 'Open Door'), organisation('org-b', 'Riverside Food Bank')],
    links: [link],
    positions: [],
  };

  it('reads a network file as it is', () => {
    const source = readNetworkJson(textFile('backup.json', JSON.stringify(network)));
    expect(source).toEqual({
      type: 'network',
      file: 'backup.json',
      content: { nodes: network.nodes, links: network.links, positions: [] },
      problems: [],
    });
  });

  it('names the JSON path of what is wrong, and refuses other JSON and broken JSON', () => {
    const broken = { ...network, links: [{ ...link, target: 'org-missing' }] };
    const source = readNetworkJson(textFile('broken.json', JSON.stringify(broken)));
    expectOneError(
      source.problems,
      at('broken.json', null, null, 'links[0].target'),
      /^not an Octograph network file: links\[0\]\.target .*org-missing/,
    );
    if (source.type === 'network') expect(source.content.nodes).toEqual([]);

    expect(readNetworkJson(textFile('d3.json', '{"nodes":[],"links":[]}')).problems).toEqual([
      error(
        at('d3.json', null, null, 'format'),
        "'d3.json' is not an Octograph network file (its format is not 'octograph-network'); " +
          'other networks can be imported as a workbook, CSV, GEXF or GraphML file',
      ),
    ]);
    expectOneError(
      readNetworkJson(textFile('cut.json', '{"format": "octograph-')).problems,
      at('cut.json', null, null),
      /^'cut\.json' is not valid JSON: /,
    );
  });
});

describe('readUpload: formats by content, and extensions that lie', () => {
  const csv = textFile('elements.csv', 'Label,Type\nAna Silva,Person\n');
  const gexfFile = textFile(
    'graph.xml',
    '<?xml version="1.0"?>\n<!-- from Gephi -->\n<gexf version="1.3"><graph><nodes>' +
      '<node id="a" label="A"/></nodes><edges/></graph></gexf>',
  );
  const graphmlText = '<graphml><graph edgedefault="directed"><node id="a"/></graph></graphml>';
  const workbook = workbookFile('network.xlsx', (book) => {
    book.addWorksheet('Elements').addRows([['Label'], ['Ana Silva']]);
  });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00]);

  it('tells each format from the content', async () => {
    expect(contentKindOf((await workbook).bytes)).toBe('workbook');
    expect(contentKindOf(csv.bytes)).toBe('csv');
    expect(contentKindOf(gexfFile.bytes)).toBe('gexf');
    expect(contentKindOf(Buffer.from(graphmlText))).toBe('graphml');
    expect(contentKindOf(Buffer.from('<svg></svg>'))).toBe('other-xml');
    expect(contentKindOf(Buffer.from('\uFEFF {"format": 1}'))).toBe('json');
    expect(contentKindOf(png)).toBe('binary');
    expect(contentKindOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(
      'old-workbook',
    );
  });

  it('reads each allowed set with its reader, whatever the files are called', async () => {
    const fromWorkbook = await readUpload([{ ...(await workbook), name: 'download' }]);
    expect(tablesOf(fromWorkbook).elements[0]?.rows[0]?.cells.get('Label')).toBe('Ana Silva');
    expect(tablesOf(fromWorkbook).elements[0]?.location.sheet).toBe('Elements');

    const fromGexf = await readUpload([gexfFile]);
    expect(tablesOf(fromGexf).elements[0]?.rows[0]?.cells.get('Label')).toBe('A');

    const fromGraphml = await readUpload([textFile('graph.graphml', graphmlText)]);
    expect(tablesOf(fromGraphml).elements[0]?.rows[0]?.cells.get('ID')).toBe('a');

    const fromCsv = await readUpload([csv, textFile('links.txt', 'From,To\nAna Silva,x\n')]);
    expect(fromCsv.problems).toEqual([]);
    expect(tablesOf(fromCsv).connections).toHaveLength(1);

    const fromJson = await readUpload([textFile('backup', '{"nodes": []}')]);
    expect(fromJson.type).toBe('network');
  });

  it('refuses a file that is not what its extension claims', async () => {
    const problems = async (file: UploadedFile): Promise<readonly ImportProblem[]> =>
      (await readUpload([file])).problems;
    expect(await problems(textFile('network.xlsx', 'Label,Type\n'))).toEqual([
      error(
        at('network.xlsx', null, null),
        "'network.xlsx' is not an Excel workbook (.xlsx): its content is text (CSV)",
      ),
    ]);
    expect(await problems({ name: 'photo.csv', bytes: png })).toEqual([
      error(at('photo.csv', null, null), "'photo.csv' is not a CSV file: its content is not text"),
    ]);
    expect(await problems(textFile('graph.gexf', graphmlText))).toEqual([
      error(
        at('graph.gexf', null, null),
        "'graph.gexf' is not a GEXF file: its content is a GraphML file",
      ),
    ]);
    expectOneError(
      await problems(textFile('backup.json', 'Label,Type\n')),
      at('backup.json', null, null),
      /^'backup\.json' is not valid JSON: /,
    );
    expect(await problems(textFile('old.xls', 'Label\n'))).toEqual([
      error(
        at('old.xls', null, null),
        "'old.xls' is not an Excel workbook (.xls): its content is text (CSV)",
      ),
    ]);
    expect(await problems({ name: 'empty.csv', bytes: Buffer.alloc(0) })).toEqual([
      error(at('empty.csv', null, null), "'empty.csv' is empty"),
    ]);
  });

  it('refuses files that do not make one import', async () => {
    const sets =
      'upload one Excel workbook, one or two CSV files (elements and connections), one GEXF ' +
      'file, one GraphML file or one Octograph network file (JSON)';
    expect((await readUpload([])).problems).toEqual([
      error(at('', null, null), `no file was uploaded: ${sets}`),
    ]);
    expect((await readUpload([await workbook, gexfFile])).problems).toEqual([
      error(
        at('network.xlsx, graph.xml', null, null),
        `these files cannot be imported together: 'network.xlsx' (a workbook), 'graph.xml' ` +
          `(GEXF); ${sets}`,
      ),
    ]);
    expect((await readUpload([csv, csv, csv])).problems).toEqual([
      error(
        at('elements.csv, elements.csv, elements.csv', null, null),
        `these files cannot be imported together: 'elements.csv' (CSV), 'elements.csv' (CSV), ` +
          `'elements.csv' (CSV); ${sets}`,
      ),
    ]);
  });
});
