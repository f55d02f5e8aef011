/**
 * Import limits (issue 15): a workbook whose parts would inflate to more than
 * IMPORT_MAX_UNZIPPED_BYTES (a zip bomb: megabytes of zeros packed into kilobytes) is refused
 * with a 413 that names the file and the setting, before anything is inflated (or, when the
 * archive understates its sizes, while inflating), and nothing is written; a workbook within the
 * limit is read as before. Rows, cells of a row, XML elements and their depth are counted while
 * the files are read, each refused past its setting (set low here) with the place it was reached.
 */
import { ErrorBodySchema, ImportPreviewSchema } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Imports run in a worker thread, which from TypeScript sources (tsx) takes a second or more to
// start on a busy machine: more than the default 5 s for a test of several imports.
vi.setConfig({ testTimeout: 30_000 });

let api: TestApp | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const LIMIT = 1_048_576;

/** A workbook-shaped zip whose one sheet inflates to `bytes` bytes of zeros. */
function zipBomb(bytes: number): Buffer {
  const zipped = zipSync(
    {
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(bytes),
    },
    { level: 9 },
  );
  return Buffer.from(zipped);
}

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Elements').addRows([
    ['Label', 'Type'],
    ['Harbour Larder', 'Charity'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function send(app: TestApp, step: 'preview' | 'apply', bytes: Buffer) {
  const fields: Record<string, string> = step === 'apply' ? { expectedRevision: '0' } : {};
  const { payload, headers } = multipart([{ name: 'bomb.xlsx', bytes }], fields);
  return app.request({ method: 'POST', url: `/api/import/${step}`, payload, headers });
}

describe('a workbook that inflates past IMPORT_MAX_UNZIPPED_BYTES', () => {
  it.each(['preview', 'apply'] as const)(
    'is refused by %s with 413 naming the file and the setting, and nothing is written',
    async (step) => {
      api = await startTestApp({ env: { IMPORT_MAX_UNZIPPED_BYTES: String(LIMIT) } });
      const bomb = zipBomb(16 * LIMIT);
      expect(bomb.length).toBeLessThan(LIMIT / 4);
      const before = await api.app.store.snapshot();
      const { status, body } = await send(api, step, bomb);
      expect(status).toBe(413);
      const error = ErrorBodySchema.parse(body);
      expect(error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(error.message).toContain(`'bomb.xlsx' inflates to ${String(16 * LIMIT + 8)} bytes`);
      expect(error.message).toContain(`IMPORT_MAX_UNZIPPED_BYTES=${String(LIMIT)}`);
      expect(await api.app.store.snapshot()).toEqual(before);
    },
  );

  it('lets a workbook within the limit through', async () => {
    api = await startTestApp({ env: { IMPORT_MAX_UNZIPPED_BYTES: String(LIMIT) } });
    const { status, body } = await send(api, 'preview', await smallWorkbook());
    expect(status, JSON.stringify(body)).toBe(200);
    expect(ImportPreviewSchema.parse(body).nodes.create).toBe(1);
  });
});

/** Sends files to preview (or apply) and answers the error body, with the status. */
async function refusal(
  app: TestApp,
  files: { name: string; bytes: Buffer }[],
  step: 'preview' | 'apply' = 'preview',
): Promise<{ status: number; message: string; code: string }> {
  const fields: Record<string, string> = step === 'apply' ? { expectedRevision: '0' } : {};
  const { payload, headers } = multipart(files, fields);
  const { status, body } = await app.request({
    method: 'POST',
    url: `/api/import/${step}`,
    payload,
    headers,
  });
  const error = ErrorBodySchema.parse(body);
  return { status, message: error.message, code: error.code };
}

/** An elements CSV of `rows` organisations (and a header). */
function elementsCsv(rows: number, extraColumns = 0): Buffer {
  const extra = Array.from({ length: extraColumns }, (_, index) => `Note ${String(index)}`);
  const lines = [['Label', 'Type', ...extra].join(',')];
  for (let row = 0; row < rows; row++) {
    lines.push([`Group ${String(row)}`, 'Charity', ...extra.map(() => 'x')].join(','));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** A GEXF file of `nodes` nodes, each nested `depth` elements deep in its graph. */
function gexf(nodes: number, depth = 0): Buffer {
  const open = Array.from({ length: depth }, () => '<nodes>').join('');
  const close = Array.from({ length: depth }, () => '</nodes>').join('');
  const body = Array.from(
    { length: nodes },
    (_, index) => `<node id="n${String(index)}" label="Group ${String(index)}"/>`,
  ).join('\n');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n` +
      `<graph>${open}<nodes>\n${body}\n</nodes>${close}<edges/></graph>\n</gexf>\n`,
  );
}

describe('limits checked while reading', () => {
  const LOW = {
    IMPORT_MAX_ROWS: '50',
    IMPORT_MAX_COLUMNS: '20',
    IMPORT_MAX_XML_ELEMENTS: '200',
    IMPORT_MAX_XML_DEPTH: '8',
  };

  it('refuses CSV files with more rows than IMPORT_MAX_ROWS, naming the row, and writes nothing', async () => {
    api = await startTestApp({ env: LOW });
    const before = await api.app.store.snapshot();
    const { status, code, message } = await refusal(
      api,
      [{ name: 'groups.csv', bytes: elementsCsv(60) }],
      'apply',
    );
    expect(status).toBe(413);
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    expect(message).toBe(
      "'groups.csv' reaches 51 rows at row 52, more than this server imports (IMPORT_MAX_ROWS=50)",
    );
    expect(await api.app.store.snapshot()).toEqual(before);
    // As many rows as the limit are read.
    const { payload, headers } = multipart([{ name: 'groups.csv', bytes: elementsCsv(50) }]);
    const preview = await api.request({
      method: 'POST',
      url: '/api/import/preview',
      payload,
      headers,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(ImportPreviewSchema.parse(preview.body).nodes.create).toBe(50);
    // The rows of both files count: 40 elements and 20 connections are 60.
    const connections = ['From,To,Type'];
    for (let row = 0; row < 20; row++)
      connections.push(`Group ${String(row)},Group 0,Collaboration`);
    const both = await refusal(api, [
      { name: 'groups.csv', bytes: elementsCsv(40) },
      { name: 'links.csv', bytes: Buffer.from(connections.join('\n')) },
    ]);
    expect(both.status).toBe(413);
    expect(both.message).toBe(
      "'links.csv' reaches 51 rows at row 12, more than this server imports (IMPORT_MAX_ROWS=50)",
    );
  });

  it('refuses a CSV row with more cells than IMPORT_MAX_COLUMNS, naming the row', async () => {
    api = await startTestApp({ env: LOW });
    const { status, message } = await refusal(api, [
      { name: 'wide.csv', bytes: elementsCsv(3, 30) },
    ]);
    expect(status).toBe(413);
    expect(message).toBe(
      "'wide.csv' has 32 cells in row 1, more than this server imports (IMPORT_MAX_COLUMNS=20)",
    );
  });

  it('refuses a workbook sheet with more rows than IMPORT_MAX_ROWS, naming the sheet and row', async () => {
    api = await startTestApp({ env: LOW });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Elements');
    sheet.addRow(['Label', 'Type']);
    for (let row = 0; row < 60; row++) sheet.addRow([`Group ${String(row)}`, 'Charity']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, message } = await refusal(api, [{ name: 'big.xlsx', bytes }]);
    expect(status).toBe(413);
    expect(message).toBe(
      "'big.xlsx' reaches 51 rows at sheet 'Elements', row 52, more than this server imports " +
        '(IMPORT_MAX_ROWS=50)',
    );
  });

  it('refuses wide XML (more elements than IMPORT_MAX_XML_ELEMENTS) naming the line and element', async () => {
    api = await startTestApp({ env: { ...LOW, IMPORT_MAX_ROWS: '100000' } });
    const { status, message } = await refusal(api, [{ name: 'wide.gexf', bytes: gexf(500) }]);
    expect(status).toBe(413);
    expect(message).toBe(
      "'wide.gexf' has more than 200 elements, at <node> (line 201), more than this server " +
        'imports (IMPORT_MAX_XML_ELEMENTS=200)',
    );
  });

  it('refuses deep XML (nesting past IMPORT_MAX_XML_DEPTH) naming the line and element', async () => {
    api = await startTestApp({ env: LOW });
    const { status, message } = await refusal(api, [{ name: 'deep.gexf', bytes: gexf(1, 20) }]);
    expect(status).toBe(413);
    expect(message).toBe(
      "'deep.gexf' nests elements more than 8 deep, at <nodes> (line 3), more than this " +
        'server imports (IMPORT_MAX_XML_DEPTH=8)',
    );
  });

  it('refuses a GraphML file with more nodes than IMPORT_MAX_ROWS', async () => {
    api = await startTestApp({ env: { ...LOW, IMPORT_MAX_XML_ELEMENTS: '100000' } });
    const nodes = Array.from({ length: 60 }, (_, index) => `<node id="n${String(index)}"/>`);
    const bytes = Buffer.from(
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">\n${nodes.join('\n')}\n</graph></graphml>`,
    );
    const { status, message } = await refusal(api, [{ name: 'net.graphml', bytes }]);
    expect(status).toBe(413);
    expect(message).toBe(
      "'net.graphml' reaches 51 rows at <node> (line 52), more than this server imports " +
        '(IMPORT_MAX_ROWS=50)',
    );
  });
});

/**
 * A zip bomb whose archive lies about its sizes: the directory says each part inflates to a few
 * bytes, so only counting while inflating can stop it.
 */
function lyingZipBomb(bytes: number): Buffer {
  const zipped = Buffer.from(zipBomb(bytes));
  for (let at = 0; at + 30 < zipped.length; at++) {
    const signature = zipped.readUInt32LE(at);
    // Local file header: uncompressed size at +22; central directory entry: at +24.
    if (signature === 0x04034b50) zipped.writeUInt32LE(8, at + 22);
    if (signature === 0x02014b50) zipped.writeUInt32LE(8, at + 24);
  }
  return zipped;
}

describe('a zip bomb that understates its sizes', () => {
  it('is refused while inflating, within a second and without the memory it would take', async () => {
    api = await startTestApp({ env: { IMPORT_MAX_UNZIPPED_BYTES: String(LIMIT) } });
    await send(api, 'preview', await smallWorkbook()); // the worker is started before timing
    const bomb = lyingZipBomb(256 * LIMIT); // 256 MiB of zeros, a quarter of a megabyte zipped
    expect(bomb.length).toBeLessThan(LIMIT);
    const before = await api.app.store.snapshot();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { status, body } = await send(api, 'apply', bomb);
    const took = performance.now() - started;
    const grown = process.memoryUsage().rss - rssBefore;
    expect(status).toBe(413);
    const error = ErrorBodySchema.parse(body);
    expect(error.message).toBe(
      `'bomb.xlsx' inflates to more than ${String(LIMIT)} bytes (part xl/worksheets/sheet1.xml), ` +
        `more than this server imports (IMPORT_MAX_UNZIPPED_BYTES=${String(LIMIT)})`,
    );
    expect(took).toBeLessThan(1000);
    expect(grown).toBeLessThan(100 * 1024 * 1024);
    expect(await api.app.store.snapshot()).toEqual(before);
  }, 30_000); // making the bomb takes seconds; refusing it is what is timed
});

describe('XML entities', () => {
  it('are never expanded: a billion-laughs GEXF is previewed as not well-formed XML', async () => {
    api = await startTestApp();
    const entities = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level++) {
      const ten = Array.from({ length: 10 }, () => `&lol${String(level - 1)};`).join('');
      entities.push(`<!ENTITY lol${String(level)} "${ten}">`);
    }
    const bytes = Buffer.from(
      `<?xml version="1.0"?>\n<!DOCTYPE gexf [\n${entities.join('\n')}\n]>\n` +
        '<gexf version="1.3"><graph><nodes><node id="n0" label="&lol9;"/></nodes></graph></gexf>\n',
    );
    const { payload, headers } = multipart([{ name: 'laughs.gexf', bytes }]);
    const { status, body } = await api.request({
      method: 'POST',
      url: '/api/import/preview',
      payload,
      headers,
    });
    expect(status).toBe(200);
    const preview = ImportPreviewSchema.parse(body);
    expect(preview.canApply).toBe(false);
    expect(preview.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining("'laughs.gexf' is not a GEXF file: it is not well-formed XML"),
    ]);
  });
});
