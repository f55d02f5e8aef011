/**
 * Import limits (issue 15): a workbook whose parts would inflate to more than
 * IMPORT_MAX_UNZIPPED_BYTES (a zip bomb: megabytes of zeros packed into kilobytes) is refused
 * with a 413 that names the file and the setting, before anything is inflated, and nothing is
 * written; a workbook within the limit is read as before.
 */
import { ErrorBodySchema, ImportPreviewSchema } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

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
