/**
 * Import and export in a real browser. A coordinator imports a small Kumu-layout workbook (made
 * here with exceljs) through the Import dialog: the preview's counts are the API's own preview of
 * the same file, and after Import the dialog closes and the map (status line, canvas and GET
 * /api/map) has the three new organisations and their links. A workbook with a bad row shows the
 * problem on that row (on a phone) and cannot be imported. The Export menu downloads each format.
 *
 * Needs `npm run build` and `npm run build:test -w client` first (client/dist-test, server/dist). On failure a screenshot is saved to
 * tests/.artifacts/<test name>.png.
 */
import { readFile } from 'node:fs/promises';
import {
  ImportPreviewSchema,
  NetworkFileSchema,
  type ImportPreview,
  type MapResponse,
} from '@octograph/graph-schema';
import ExcelJS from 'exceljs';
import { en } from '../../client/src/i18n/en';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSuite,
  canvasCounts,
  loadedCounts,
  PHONE,
  statusCounts,
  type Counts,
} from '../helpers/browser';

const suite = browserSuite();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_GROUPS = ['Quayside Choir', 'Ropewalk Tool Library', 'Saltmarsh Walkers'] as const;

type Row = readonly (string | number)[];

/** A Kumu-layout workbook: an Elements and a Connections sheet. */
async function workbook(elements: readonly Row[], connections: readonly Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Elements').addRows([['Label', 'Type', 'Description', 'Tags'], ...elements]);
  book.addWorksheet('Connections').addRows([['From', 'To', 'Type', 'Strength'], ...connections]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ELEMENTS: readonly Row[] = [
  ['Quayside Choir', 'Community group', 'A choir that sings on the quay', ''],
  ['Ropewalk Tool Library', 'Social enterprise', 'Lends tools to neighbours', ''],
  ['Saltmarsh Walkers', 'Charity', 'Walks for wellbeing', ''],
];

/** The three new groups linked in a chain, and the last to `existing` (a seeded organisation). */
function connections(existing: string): Row[] {
  return [
    ['Quayside Choir', 'Ropewalk Tool Library', 'collaborates with', 2],
    ['Ropewalk Tool Library', 'Saltmarsh Walkers', 'collaborates with', 1],
    ['Saltmarsh Walkers', existing, 'collaborates with', 3],
  ];
}

/** POST /api/import/preview from the test, as the dialog sends it. */
async function apiPreview(bytes: Buffer, name: string): Promise<ImportPreview> {
  const form = new FormData();
  form.set('unknownType', 'organisation:community_group');
  form.append('files', new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }), name);
  const response = await fetch(`${suite.baseUrl()}/api/import/preview`, {
    method: 'POST',
    headers: await suite.adminHeaders(),
    body: form,
  });
  expect(response.status).toBe(200);
  return ImportPreviewSchema.parse(await response.json());
}

/** An organisation of the seeded map, to link the new groups to by its name. */
function seededOrganisation(map: MapResponse): string {
  const names = map.nodes.filter((node) => node.kind === 'organisation').map((node) => node.name);
  const name = names.find((candidate) => names.filter((other) => other === candidate).length === 1);
  if (name === undefined) throw new Error('the seed has no organisation with a unique name');
  return name;
}

/** Opens the Import dialog from the map's toolbar, chooses the file and previews it. */
async function previewInDialog(page: Page, bytes: Buffer, name: string): Promise<Locator> {
  await page
    .getByRole('toolbar', { name: 'Map tools' })
    .getByRole('button', { name: 'Import…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByLabel('Files').setInputFiles({ name, mimeType: XLSX_TYPE, buffer: bytes });
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  await dialog.getByRole('table', { name: 'What the import would do' }).waitFor();
  return dialog;
}

/** The counts table as text: a row each for nodes and links, New/Updated/Unchanged/Skipped. */
function countsShown(dialog: Locator): Promise<string[][]> {
  return dialog
    .getByRole('table', { name: 'What the import would do' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent.trim()),
      ),
    );
}

function countsOf(preview: ImportPreview): string[][] {
  return (['nodes', 'links'] as const).map((what) => [
    what === 'nodes' ? 'Nodes' : 'Links',
    ...(['create', 'update', 'unchanged', 'skipped'] as const).map((action) =>
      String(preview[what][action]),
    ),
  ]);
}

describe('importing a workbook', () => {
  it(
    ...suite.inPage(
      'previews the counts the API gives, imports, and shows the new groups on the map',
      async (page) => {
        const before = await suite.map();
        const existing = seededOrganisation(before);
        for (const name of NEW_GROUPS) {
          expect(before.nodes.map((node) => node.name)).not.toContain(name);
        }
        const bytes = await workbook(ELEMENTS, connections(existing));
        const expected = await apiPreview(bytes, 'new-groups.xlsx');
        expect(expected.canApply).toBe(true);
        expect(expected.nodes.create).toBe(3);
        expect(expected.links.create).toBe(3);
        const shownBefore = await loadedCounts(page);
        expect(shownBefore).toEqual({ nodes: before.nodes.length, links: before.links.length });

        const dialog = await previewInDialog(page, bytes, 'new-groups.xlsx');
        expect(await countsShown(dialog)).toEqual(countsOf(expected));
        const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
        expect(await importButton.isEnabled()).toBe(true);
        await importButton.click();

        await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(false);
        await expect
          .poll(() => page.getByText('Imported: 3 new nodes, 3 new links.').isVisible())
          .toBe(true);

        const after = await suite.map();
        const id = (name: string) => after.nodes.find((node) => node.name === name)?.id;
        for (const name of NEW_GROUPS) expect(id(name), name).toBeDefined();
        const pairs = new Set(after.links.map((link) => [link.source, link.target].sort().join()));
        for (const [from, to] of connections(existing)) {
          const key = [id(String(from)), id(String(to))].sort().join();
          expect(pairs.has(key), `${String(from)} – ${String(to)}`).toBe(true);
        }
        const grown: Counts = { nodes: before.nodes.length + 3, links: before.links.length + 3 };
        expect({ nodes: after.nodes.length, links: after.links.length }).toEqual(grown);
        // What a person sees: the status line and the canvas count the new groups and links.
        await expect.poll(() => statusCounts(page), { timeout: 20_000 }).toEqual(grown);
        await expect.poll(() => canvasCounts(page), { timeout: 20_000 }).toEqual(grown);
      },
    ),
  );

  it(
    ...suite.inPage(
      'shows a connection to an unknown element as an error on its row, and cannot import',
      async (page) => {
        const before = await suite.map();
        const bytes = await workbook(
          [['Harbour Kites', 'Community group', 'Kites on the beach', '']],
          [
            ['Harbour Kites', seededOrganisation(before), 'collaborates with', 2],
            ['Harbour Kites', 'Ghost Group', 'collaborates with', 1],
          ],
        );
        const expected = await apiPreview(bytes, 'bad-row.xlsx');
        expect(expected.canApply).toBe(false);
        const error = expected.problems.find((problem) => problem.severity === 'error');
        expect(error).toMatchObject({ sheet: 'Connections', row: 3, column: 'To' });
        // (A phone has no status line: the map is drawn once the canvas holds it.)
        await expect
          .poll(() => canvasCounts(page), { timeout: 20_000 })
          .toEqual({ nodes: before.nodes.length, links: before.links.length });

        const dialog = await previewInDialog(page, bytes, 'bad-row.xlsx');
        expect(await countsShown(dialog)).toEqual(countsOf(expected));
        // The problem is on its row: the row group of Connections row 3 holds the error.
        const row = dialog
          .getByRole('rowgroup')
          .filter({ hasText: 'Row 3' })
          .filter({ hasText: 'bad-row.xlsx · Connections' });
        expect(await row.count()).toBe(1);
        const rowText = (await row.textContent()) ?? '';
        expect(rowText).toContain('Error');
        expect(rowText).toContain('Column To:');
        // The server's problem in the reader's words (the client's translation of it).
        expect(rowText).toContain(en.import.problem.unknownEnd.replace('{{name}}', 'Ghost Group'));
        expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(
          true,
        );
        // The dialog fits the phone's screen.
        const box = await dialog.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);

        // Esc closes it; nothing was written.
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.isVisible()).toBe(false);
        const after = await suite.map();
        expect(after.nodes.length).toBe(before.nodes.length);
      },
      { device: PHONE },
    ),
  );
});

describe('importing after the network changed', () => {
  it(
    ...suite.inPage(
      'says the network changed since the preview, and imports after Preview again',
      async (page) => {
        const before = await suite.map();
        const bytes = await workbook(
          [['Lighthouse Lunch Club', 'Community group', 'Lunches for older people', '']],
          [['Lighthouse Lunch Club', seededOrganisation(before), 'collaborates with', 2]],
        );
        await loadedCounts(page);
        const dialog = await previewInDialog(page, bytes, 'lunch-club.xlsx');

        // Someone else adds a group meanwhile: the preview no longer describes the network.
        const response = await fetch(`${suite.baseUrl()}/api/nodes`, {
          method: 'POST',
          headers: { ...(await suite.adminHeaders()), 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'organisation',
            name: 'Beacon Men’s Shed',
            orgKind: 'charity',
          }),
        });
        expect(response.status).toBe(201);

        await dialog.getByRole('button', { name: 'Import', exact: true }).click();
        await expect
          .poll(() => dialog.getByText('The network changed since this preview').isVisible())
          .toBe(true);
        expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(
          true,
        );
        expect((await suite.map()).nodes.map((node) => node.name)).not.toContain(
          'Lighthouse Lunch Club',
        );

        await dialog.getByRole('alert').getByRole('button', { name: 'Preview again' }).click();
        const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
        await expect.poll(() => importButton.isEnabled()).toBe(true);
        await importButton.click();
        await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(false);
        expect((await suite.map()).nodes.map((node) => node.name)).toContain(
          'Lighthouse Lunch Club',
        );
      },
    ),
  );
});

/** Chooses a format in the Export menu and returns the file it downloads. */
async function exportFile(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page
    .getByRole('toolbar', { name: 'Map tools' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: new RegExp(`^${format}`) }).click(),
  ]);
  const bytes = await readFile(await download.path());
  await expect.poll(() => dialog.isVisible()).toBe(false);
  return { name: download.suggestedFilename(), bytes };
}

describe('the Export menu', () => {
  it(
    ...suite.inPage(
      'downloads the whole network as a Kumu-layout workbook and as GEXF',
      async (page) => {
        await loadedCounts(page);
        const xlsx = await exportFile(page, 'Excel workbook');
        expect(xlsx.name).toMatch(/\.xlsx$/);
        // An .xlsx is a zip: it starts with "PK".
        expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

        const gexf = await exportFile(page, 'GEXF');
        expect(gexf.name).toMatch(/\.gexf$/);
        expect(gexf.bytes.toString('utf8')).toContain('<gexf');
      },
    ),
  );

  it(
    ...suite.inPage(
      'downloads this view (the filtered map) as Octograph JSON',
      async (page) => {
        const view = await suite.map('?orgKind=charity');
        const whole = await suite.map();
        expect(view.nodes.length).toBeLessThan(whole.nodes.length);
        await loadedCounts(page);
        const json = await exportFile(page, 'Octograph JSON');
        expect(json.name).toMatch(/\.json$/);
        const file = NetworkFileSchema.parse(JSON.parse(json.bytes.toString('utf8')));
        // "This view" is chosen when filters are on: the file holds what the map shows.
        expect(file.nodes.map((node) => node.id).sort()).toEqual(
          view.nodes.map((node) => node.id).sort(),
        );
      },
      { path: '/?orgKind=charity' },
    ),
  );
});
