/**
 * The two tables as `elements.csv` and `connections.csv` in one zip: a browser download is one
 * file, and Kumu and spreadsheets take the two tables as separate CSV files. (The workbook is
 * the other single file that holds both; this is for tools that only read CSV.)
 */
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { ExportTable, ExportTables } from './export-content.js';

/** The names of the two files inside the zip. */
export const ELEMENTS_CSV = 'elements.csv';
export const CONNECTIONS_CSV = 'connections.csv';

/**
 * Excel takes a CSV without a byte order mark for the machine's legacy code page and garbles
 * accented names; with one it reads UTF-8.
 */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A cell whose own text begins with `'` gets a second one, so the reader can tell it from the
 * `'` escapeFormulae adds (read-csv.ts removes one `'` before `'` or a formula's first sign).
 */
function withOwnApostrophe(cell: string): string {
  return cell.startsWith("'") ? `'${cell}` : cell;
}

/**
 * A table as CSV. Cells that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) get a leading `'`, so opening an export never runs what someone typed;
 * a cell that really begins with `'` gets one more (withOwnApostrophe).
 */
export function tableCsv<R>(table: ExportTable<R>): string {
  return (
    BYTE_ORDER_MARK +
    Papa.unparse(
      {
        fields: table.headers,
        data: table.rows.map((row) => row.cells.map(withOwnApostrophe)),
      },
      { escapeFormulae: true, newline: '\r\n' },
    )
  );
}

/** The tables as a zip of two CSV files. */
export function writeCsvZip(tables: ExportTables): Buffer {
  const zipped = zipSync({
    [ELEMENTS_CSV]: strToU8(tableCsv(tables.elements)),
    [CONNECTIONS_CSV]: strToU8(tableCsv(tables.connections)),
  });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
