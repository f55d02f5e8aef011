/**
 * A Kumu-layout workbook: an `Elements` and a `Connections` sheet with the columns of columns.ts.
 * Every cell is written as text (dates as `YYYY-MM-DD`, ids, phone numbers), so Excel neither
 * turns it into a date or a number nor runs it as a formula, and it reads back exactly; only
 * Strength and Founded, which people sort and sum, are numbers.
 */
import ExcelJS from 'exceljs';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS } from './columns.js';
import type { ExportTable, ExportTables } from './export-content.js';

/** The sheet names, as Kumu names them. */
export const ELEMENTS_SHEET = 'Elements';
export const CONNECTIONS_SHEET = 'Connections';

const NUMBER_HEADERS: ReadonlySet<string> = new Set([
  CONNECTION_COLUMNS.strength.header,
  ELEMENT_COLUMNS.founded.header,
]);

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Wide enough for the header and the longest cell, within limits (widths are in characters). */
function widthOf(header: string, cells: readonly string[]): number {
  const longest = cells.reduce((widest, cell) => Math.max(widest, cell.length), header.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** An empty text leaves the cell empty. */
function cellValue(header: string, text: string): string | number | null {
  if (text === '') return null;
  return NUMBER_HEADERS.has(header) && /^\d+$/.test(text) ? Number(text) : text;
}

function addSheet<R>(workbook: ExcelJS.Workbook, name: string, table: ExportTable<R>): void {
  const sheet = workbook.addWorksheet(name, {
    // The header row stays in view while scrolling.
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.headers.map((header, index) => ({
    header,
    width: widthOf(
      header,
      table.rows.map((row) => row.cells[index] ?? ''),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(
    table.rows.map((row) =>
      row.cells.map((text, index) => cellValue(table.headers[index] ?? '', text)),
    ),
  );
}

/** The tables as an .xlsx workbook. */
export async function writeXlsx(tables: ExportTables): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Octograph';
  addSheet(workbook, ELEMENTS_SHEET, tables.elements);
  addSheet(workbook, CONNECTIONS_SHEET, tables.connections);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
