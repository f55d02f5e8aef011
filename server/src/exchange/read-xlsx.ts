/**
 * Reads a workbook in Kumu's layout (exceljs): an `Elements` sheet and, optionally, a
 * `Connections` sheet, each a header row and one row per element or connection. Sheets whose name
 * contains "(ignore)" are skipped, as Kumu does; any other sheet is skipped with a warning.
 * Cells become the text a person sees in them, so a date reads as `YYYY-MM-DD` and a number as
 * written, whatever Excel stored.
 *
 * The workbook is read as a stream (exceljs's streaming reader), row by row, after its parts were
 * inflated once as a stream and counted (upload-limits.ts `checkInflatedSize`): a workbook that
 * inflates past IMPORT_MAX_UNZIPPED_BYTES, a sheet with more rows than IMPORT_MAX_ROWS or a row
 * with more cells than IMPORT_MAX_COLUMNS is refused with a 413 naming the sheet and row. Merged
 * cells are read as the file stores them (the first cell of a merge holds the text).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
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
import {
  checkInflatedSize,
  DEFAULT_UPLOAD_LIMITS,
  ImportLimitError,
  overLimit,
  RowBudget,
  type UploadLimits,
} from './upload-limits.js';

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

/** The cells of one sheet that hold an Excel error. */
type CellErrors = { row: number; index: number; error: string }[];

/** A sheet as it is read: its name and its rows, one at a time. */
type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: unknown; id?: unknown };

/**
 * A sheet's rows as text, with the cells that hold an Excel error; ImportLimitError at the row
 * that takes the import past IMPORT_MAX_ROWS, or one with more than IMPORT_MAX_COLUMNS cells.
 */
async function rowsOf(
  file: string,
  sheetName: string,
  sheet: SheetReader,
  limits: UploadLimits,
  budget: RowBudget,
): Promise<{ rows: RawRow[]; errors: CellErrors }> {
  const rows: RawRow[] = [];
  const errors: CellErrors = [];
  for await (const row of sheet) {
    // The first row with text is the sheet's header, not counted.
    if (rows.length > 0) budget.take(file, `sheet '${sheetName}', row ${String(row.number)}`);
    if (row.cellCount > limits.maxColumns) {
      throw overLimit(
        file,
        `has ${String(row.cellCount)} columns in sheet '${sheetName}', row ${String(row.number)}`,
        limits,
        'maxColumns',
      );
    }
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const read = cellText(row.getCell(column).value);
      if ('error' in read) {
        errors.push({ row: row.number, index: column - 1, error: read.error });
        cells.push('');
      } else {
        cells.push(read.text);
      }
    }
    if (cells.some((cell) => cell !== '')) rows.push({ row: row.number, cells });
  }
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
async function readSheet(
  file: string,
  sheet: { name: string; reader: SheetReader },
  role: 'elements' | 'connections',
  limits: UploadLimits,
  budget: RowBudget,
  problems: ImportProblem[],
): Promise<SourceTable | null> {
  const { rows, errors } = await rowsOf(file, sheet.name, sheet.reader, limits, budget);
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

/** A sheet's name, as the workbook names it (exceljs's stream types leave it out). */
function sheetName(sheet: SheetReader): string {
  if (typeof sheet.name === 'string') return sheet.name;
  return `Sheet${typeof sheet.id === 'number' || typeof sheet.id === 'string' ? String(sheet.id) : ''}`;
}

/** The parts exceljs's streaming reader needs before any sheet, first in this order. */
const FIRST_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * The workbook's zip with the workbook, its relations and shared strings before the sheets.
 * exceljs's streaming reader copies a sheet it meets before those into a temporary file and reads
 * it back later; such a file that vanished broke imports now and then (seen in the Neo4j test
 * runs: ENOENT on /tmp/tmp-…). In this order it reads every sheet straight from the archive and
 * writes nothing to disk. The size is bounded already (checkInflatedSize); a file that is not a
 * zip goes through as it is, and the reader says what is wrong with it.
 */
function partsInReadingOrder(bytes: Uint8Array): Uint8Array {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return bytes;
  }
  const ordered: Record<string, Uint8Array> = {};
  for (const name of [...FIRST_PARTS, ...Object.keys(parts)]) {
    const part = parts[name];
    if (part !== undefined && !(name in ordered)) ordered[name] = part;
  }
  // Stored, not compressed again: nothing to inflate twice.
  return zipSync(ordered, { level: 0 });
}

/**
 * Reads a Kumu-layout workbook. Problems, never an exception, for a file that is not one;
 * ImportLimitError (413) for one past a limit.
 */
export async function readWorkbook(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<ImportSource> {
  checkInflatedSize(file, limits);
  const problems: ImportProblem[] = [];
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
  const elements: SourceTable[] = [];
  const connections: SourceTable[] = [];
  let elementSheets = 0;
  let sheets = 0;
  const budget = new RowBudget(limits);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([partsInReadingOrder(file.bytes)]),
      {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'cache',
        styles: 'cache',
        entries: 'ignore',
      },
    );
    for await (const reader of workbook as AsyncIterable<SheetReader>) {
      sheets++;
      const name = sheetName(reader);
      const role = roleOf(name);
      if (role === 'ignored') continue;
      if (role === 'unknown') {
        problems.push(
          warningAt(
            locationIn(file.name, { sheet: name }),
            `sheet '${name}' is neither Elements nor Connections; skipped`,
          ),
        );
        continue;
      }
      if (role === 'elements') elementSheets++;
      const table = await readSheet(file.name, { name, reader }, role, limits, budget, problems);
      if (table !== null) (role === 'elements' ? elements : connections).push(table);
    }
  } catch (error: unknown) {
    if (error instanceof ImportLimitError) throw error;
    return notAWorkbook;
  }
  // Another zip archive (a Word document, say) reads as a workbook without sheets.
  if (sheets === 0) return notAWorkbook;
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
