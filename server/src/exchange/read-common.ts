/**
 * What the file readers share: problems with their locations, decoding text files, and turning
 * rows of cells (from a sheet or a CSV file) into a SourceTable under its header row.
 */
import {
  CONNECTION_COLUMNS,
  ELEMENT_COLUMNS,
  fieldOfHeader,
  normalised,
  type ConnectionField,
  type ElementField,
} from './columns.js';
import type { ImportProblem, ImportSource, Location, SourceRow, SourceTable } from './source.js';

/** Where in which file: a whole file unless sheet, row or column are given. */
export function locationIn(
  file: string,
  at: { sheet?: string | null; row?: number | null; column?: string | null } = {},
): Location {
  return { file, sheet: at.sheet ?? null, row: at.row ?? null, column: at.column ?? null };
}

export function errorAt(location: Location, message: string): ImportProblem {
  return { ...location, severity: 'error', message };
}

export function warningAt(location: Location, message: string): ImportProblem {
  return { ...location, severity: 'warning', message };
}

/** What a reader returns when it found tables (or, with errors, perhaps none). */
export function tablesSource(
  elements: readonly SourceTable[],
  connections: readonly SourceTable[],
  problems: readonly ImportProblem[],
): ImportSource {
  return { type: 'tables', elements, connections, problems };
}

/** Control characters other than tab, line feed, form feed and carriage return: not in text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY_BYTES = /[\x00-\x08\x0b\x0e-\x1f]/;

/**
 * The text of a text file: UTF-8 (a byte order mark is dropped), or, for a file that is not valid
 * UTF-8 but has no control characters, Windows-1252, which is what Excel's plain "CSV" format
 * writes on Windows. Null for a binary file.
 */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: 'utf-8' | 'windows-1252' } | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return BINARY_BYTES.test(text) ? null : { text, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: perhaps the older single-byte encoding, perhaps not text at all.
  }
  text = new TextDecoder('windows-1252').decode(bytes);
  return BINARY_BYTES.test(text) ? null : { text, encoding: 'windows-1252' };
}

/** The spreadsheet name of a 1-based column: A, B, …, Z, AA, … */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** One row as read: its 1-based number in the file and its cells' text, by 0-based column. */
export interface RawRow {
  row: number;
  cells: readonly string[];
}

/**
 * Turns rows into a table: the first row with any text is the header row; fully empty rows are
 * skipped. A header written twice (without case) is an error; text in a column without a header
 * is not read, with a warning. Null when no row has text (the caller says why that matters).
 * `sheet` is null for a CSV file.
 */
export function tableOf(
  file: string,
  sheet: string | null,
  rawRows: readonly RawRow[],
  problems: ImportProblem[],
): SourceTable | null {
  const nonEmpty = rawRows.filter((raw) => raw.cells.some((cell) => cell.trim() !== ''));
  const [headerRow, ...dataRows] = nonEmpty;
  if (headerRow === undefined) return null;
  const at = (row: number | null, column: string | null): Location =>
    locationIn(file, { sheet, row, column });

  // Which column holds which header; a repeated header keeps its first column.
  const headerColumns: { header: string; index: number }[] = [];
  const firstColumnOf = new Map<string, number>();
  headerRow.cells.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') return;
    const earlier = firstColumnOf.get(normalised(header));
    if (earlier !== undefined) {
      problems.push(
        errorAt(
          at(headerRow.row, header),
          `the header '${header}' is written twice (columns ${columnLetter(earlier + 1)} and ` +
            `${columnLetter(index + 1)}); each column needs a header of its own`,
        ),
      );
      return;
    }
    firstColumnOf.set(normalised(header), index);
    headerColumns.push({ header, index });
  });

  const unread = new Set<number>();
  const rows: SourceRow[] = [];
  for (const raw of dataRows) {
    raw.cells.forEach((cell, index) => {
      const header = headerRow.cells[index]?.trim() ?? '';
      if (header === '' && cell.trim() !== '') unread.add(index);
    });
    // Line breaks in a cell come as Windows wrote them or not; they are kept as plain \n.
    const cells = new Map(
      headerColumns.map(({ header, index }) => [
        header,
        (raw.cells[index] ?? '').trim().replace(/\r\n?/g, '\n'),
      ]),
    );
    // A row whose only text is in columns without a header is as good as empty.
    if ([...cells.values()].some((cell) => cell !== '')) {
      rows.push({ location: at(raw.row, null), cells });
    }
  }
  for (const index of [...unread].sort((a, b) => a - b)) {
    problems.push(
      warningAt(
        at(headerRow.row, null),
        `column ${columnLetter(index + 1)} has no header, so its cells are not read`,
      ),
    );
  }
  return { headers: headerColumns.map(({ header }) => header), rows, location: at(null, null) };
}

/** The first header of `headers` that names one of `fields`, if any. */
function headerFor<F extends string>(
  columns: Readonly<Record<F, { header: string; aliases: readonly string[] }>>,
  headers: readonly string[],
  fields: readonly F[],
): string | undefined {
  return headers.find((header) => {
    const field = fieldOfHeader(columns, header);
    return field !== null && fields.includes(field);
  });
}

const ELEMENT_KEY_FIELDS: readonly ElementField[] = ['id', 'name'];

/** Whether a table's headers include an element's ID or Label (or an alias of either). */
export function hasElementKey(headers: readonly string[]): boolean {
  return headerFor(ELEMENT_COLUMNS, headers, ELEMENT_KEY_FIELDS) !== undefined;
}

/** Which of a connection's ends have a column among `headers`. */
export function connectionEnds(headers: readonly string[]): { from: boolean; to: boolean } {
  const has = (field: ConnectionField): boolean =>
    headerFor(CONNECTION_COLUMNS, headers, [field]) !== undefined;
  return { from: has('from'), to: has('to') };
}

/** The message for a connections table that lacks its From or its To column. */
export function missingEndMessage(where: string, end: 'from' | 'to'): string {
  const column = CONNECTION_COLUMNS[end];
  const names = [column.header, ...column.aliases].map((name) => `'${name}'`).join(' or ');
  return `${where} has no ${names} column: each connection needs the element it goes ${end}`;
}

/** The message for an elements table that has neither an ID nor a Label column. */
export function missingKeyMessage(where: string): string {
  const names = ELEMENT_KEY_FIELDS.flatMap((field) => [
    ELEMENT_COLUMNS[field].header,
    ...ELEMENT_COLUMNS[field].aliases,
  ]).map((name) => `'${name}'`);
  return `${where} has no ${names.join(', ')} column: each element needs a name or an ID`;
}
