/**
 * Reads a workbook in Kumu's layout (exceljs): an `Elements` sheet and, optionally, a
 * `Connections` sheet, each a header row and one row per element or connection. Sheets whose name
 * contains "(ignore)" are skipped, as Kumu does; any other sheet is skipped with a warning.
 * Cells become the text a person sees in them, so a date reads as `YYYY-MM-DD` and a number as
 * written, whatever Excel stored.
 */
import ExcelJS from 'exceljs';
import {
  columnLetter,
  connectionEnds,
  errorAt,
  hasElementKey,
  locationIn,
  missingEndMessage,
  missingKeyMessage,
  tableOf,
  tablesSource,
  warningAt,
  type RawRow,
} from './read-common.js';
import type { ImportProblem, ImportSource, SourceTable, UploadedFile } from './source.js';

/** Excel shows 15 significant digits; the rest of a double is noise, as in 0.1 + 0.2. */
const SIGNIFICANT_DIGITS = 15;

function numberText(value: number): string {
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}

/** exceljs gives dates (and numbers formatted as dates) as UTC midnight of the day shown. */
function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

function richTextOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('richText' in value)) return null;
  const runs: unknown = value.richText;
  if (!Array.isArray(runs)) return null;
  return runs
    .map((run: unknown) =>
      typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string'
        ? run.text
        : '',
    )
    .join('');
}

/** A cell's text, or the Excel error it holds (such as `#REF!`). */
type CellText = { text: string } | { error: string };

function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'yes' : 'no' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('error' in value) return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  const rich = richTextOf(value);
  if (rich !== null) return { text: rich.trim() };
  // A hyperlink: its text, which exceljs gives as rich text when the text is formatted.
  const shown: unknown = 'text' in value ? value.text : '';
  return { text: (typeof shown === 'string' ? shown : (richTextOf(shown) ?? '')).trim() };
}

/** A sheet's rows as text, with the cells that hold an Excel error. */
function rowsOf(sheet: ExcelJS.Worksheet): {
  rows: RawRow[];
  errors: { row: number; index: number; error: string }[];
} {
  const rows: RawRow[] = [];
  const errors: { row: number; index: number; error: string }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      // A cell merged with one to its left shows nothing of its own (a header merged across two
      // columns is one header); one merged with a cell above shows that cell's value on its row.
      const read =
        cell.master.row === cell.row && cell.master !== cell ? { text: '' } : cellText(cell.value);
      if ('error' in read) {
        errors.push({ row: rowNumber, index: column - 1, error: read.error });
        cells.push('');
      } else {
        cells.push(read.text);
      }
    }
    rows.push({ row: rowNumber, cells });
  });
  return { rows, errors };
}

type SheetRole = 'elements' | 'connections' | 'ignored' | 'unknown';

function roleOf(sheetName: string): SheetRole {
  const name = sheetName.trim().toLowerCase();
  if (name.includes('(ignore)')) return 'ignored';
  if (name.startsWith('element')) return 'elements';
  if (name.startsWith('connection')) return 'connections';
  return 'unknown';
}

/** Reads one Elements or Connections sheet; null when it has no header row. */
function readSheet(
  file: string,
  sheet: ExcelJS.Worksheet,
  role: 'elements' | 'connections',
  problems: ImportProblem[],
): SourceTable | null {
  const { rows, errors } = rowsOf(sheet);
  const table = tableOf(file, sheet.name, rows, problems);
  if (table === null) {
    problems.push(
      errorAt(
        locationIn(file, { sheet: sheet.name }),
        `sheet '${sheet.name}' is empty: it needs a header row (such as ` +
          `${role === 'elements' ? 'Label, Type, Description' : 'From, To, Type'}) and a row per ` +
          (role === 'elements' ? 'element' : 'connection'),
      ),
    );
    return null;
  }
  const headerRow = rows.find((raw) => raw.cells.some((cell) => cell !== ''));
  for (const { row, index, error } of errors) {
    const header = headerRow?.cells[index] ?? '';
    problems.push(
      warningAt(
        locationIn(file, { sheet: sheet.name, row, column: header === '' ? null : header }),
        `cell ${columnLetter(index + 1)}${row} shows the error ${error}; it is read as empty`,
      ),
    );
  }
  const headerAt = locationIn(file, { sheet: sheet.name, row: headerRow?.row ?? null });
  const where = `sheet '${sheet.name}'`;
  if (role === 'elements' && !hasElementKey(table.headers)) {
    problems.push(errorAt(headerAt, missingKeyMessage(where)));
  }
  if (role === 'connections') {
    const ends = connectionEnds(table.headers);
    if (!ends.from) problems.push(errorAt(headerAt, missingEndMessage(where, 'from')));
    if (!ends.to) problems.push(errorAt(headerAt, missingEndMessage(where, 'to')));
  }
  return table;
}

/** Reads a Kumu-layout workbook. Problems, never an exception, for a file that is not one. */
export async function readWorkbook(file: UploadedFile): Promise<ImportSource> {
  const problems: ImportProblem[] = [];
  const workbook = new ExcelJS.Workbook();
  const notAWorkbook = tablesSource(
    [],
    [],
    [
      errorAt(
        locationIn(file.name),
        `'${file.name}' is not an Excel workbook (.xlsx) that can be read; ` +
          'save it from your spreadsheet program as an Excel workbook and try again',
      ),
    ],
  );
  try {
    // exceljs types its input as an ArrayBuffer (it takes a Buffer too), hence the copy.
    await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
  } catch {
    return notAWorkbook;
  }
  // Another zip archive (a Word document, say) loads as a workbook without sheets.
  if (workbook.worksheets.length === 0) return notAWorkbook;

  const elements: SourceTable[] = [];
  const connections: SourceTable[] = [];
  let elementSheets = 0;
  for (const sheet of workbook.worksheets) {
    const role = roleOf(sheet.name);
    if (role === 'ignored') continue;
    if (role === 'unknown') {
      problems.push(
        warningAt(
          locationIn(file.name, { sheet: sheet.name }),
          `sheet '${sheet.name}' is neither Elements nor Connections; skipped`,
        ),
      );
      continue;
    }
    if (role === 'elements') elementSheets++;
    const table = readSheet(file.name, sheet, role, problems);
    if (table !== null) (role === 'elements' ? elements : connections).push(table);
  }
  if (elementSheets === 0) {
    problems.unshift(
      errorAt(
        locationIn(file.name),
        `'${file.name}' has no Elements sheet: a workbook needs a sheet named 'Elements' ` +
          "(and may have one named 'Connections')",
      ),
    );
  }
  return tablesSource(elements, connections, problems);
}
