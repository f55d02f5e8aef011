/**
 * An import preview's problems in the reader's language (issue 17): the server writes them in
 * English; the client recognises them (client/src/i18n/server-words.ts) and says them from its
 * translations. A workbook with the problems people make most is previewed by the real server,
 * and every problem it reports reads in Polish: none is left as the server wrote it.
 */
import { ImportPreviewSchema, type ImportProblem } from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importProblemText } from '../../client/src/i18n/server-words.js';
import { clientI18n } from '../helpers/client-i18n.js';
import { organisation } from '../helpers/fixtures.js';
import { multipart } from '../helpers/multipart.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Imports run in a worker thread, which from TypeScript sources (tsx) takes a second or more to
// start on a busy machine: more than the default 5 s for a test of several imports.
vi.setConfig({ testTimeout: 30_000 });

let api: TestApp;

beforeEach(async () => {
  api = await startTestApp();
  await api.app.store.applyBatch([
    { op: 'createNode', node: organisation('org-klub', 'Klub Seniora „Złota Jesień”') },
  ]);
});

afterEach(async () => {
  await api.close();
});

type Row = (string | number)[];

async function workbook(elements: Row[], connections: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Elements').addRows(elements);
  book.addWorksheet('Connections').addRows(connections);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function problemsOf(bytes: Buffer): Promise<ImportProblem[]> {
  const { payload, headers } = multipart([{ name: 'klub.xlsx', bytes }]);
  const { status, body } = await api.request({
    method: 'POST',
    url: '/api/import/preview',
    payload,
    headers,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return ImportPreviewSchema.parse(body).problems;
}

describe('import problems in Polish', () => {
  const polish = clientI18n('pl').t;

  it('says every problem of a workbook full of common mistakes in Polish', async () => {
    const bytes = await workbook(
      [
        ['Label', 'Type', 'Founded', 'Tags', 'Ulubiony kolor'],
        ['Klub Brydżowy „As”', 'Community group', '', '', 'zielony'],
        ['Stary Klub', 'Community group', 'dawno', '', ''],
        ['', '', '', '', ''],
        ['Kosmiczny Klub', 'Statek kosmiczny', '', '', ''],
        ['Klub bez rodzaju', '', '', '', ''],
      ],
      [
        ['From', 'To', 'Type', 'Strength', 'Meeting'],
        ['Klub Brydżowy „As”', 'Nieznana Grupa', 'collaborates with', 2, ''],
        ['Klub Brydżowy „As”', '', 'collaborates with', 2, ''],
        ['Klub Brydżowy „As”', 'Klub Seniora „Złota Jesień”', 'collaborates with', 'mocno', ''],
        ['Kosmiczny Klub', 'Klub Seniora „Złota Jesień”', 'collaborates with', 1, 'Zjazd'],
      ],
    );
    const problems = await problemsOf(bytes);
    expect(problems.length).toBeGreaterThanOrEqual(8);
    const said = problems.map((problem) => importProblemText(problem.message, polish));
    // Nothing left as the server wrote it.
    expect(said.filter((text, index) => text === problems[index]?.message)).toEqual([]);
    expect(said).toContain('„Nieznana Grupa” nie ma ani w pliku, ani na mapie');
    expect(said).toContain('„dawno” to nie jest rok');
    expect(said).toContain('„mocno” to nie jest liczba');
    expect(said).toContain('Kolumna To jest pusta');
    // The kind the unknown types became is named in Polish too.
    expect(said).toContain(
      'Octograph nie zna rodzaju „Statek kosmiczny”; wczytane jako wybrany rodzaj: grupa lokalna',
    );
  });
});
