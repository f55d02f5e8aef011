/**
 * Reads the Kumu layout as CSV files (papaparse): an elements file, a connections file, or one of
 * each. Which is which is told by the headers, not the file names: a file with From and To
 * columns holds connections, one with a Label or ID column holds elements. Rows are numbered as
 * a spreadsheet shows the file, the header being row 1, so a cell spanning several lines is one
 * row.
 */
import Papa from 'papaparse';
import {
  connectionEnds,
  decodeText,
  errorAt,
  hasElementKey,
  locationIn,
  missingKeyMessage,
  tableOf,
  tablesSource,
  warningAt,
  type RawRow,
} from './read-common.js';
import type { ImportProblem, ImportSource, SourceTable, UploadedFile } from './source.js';
import {
  DEFAULT_UPLOAD_LIMITS,
  overLimit,
  RowBudget,
  type ImportLimitError,
  type UploadLimits,
} from './upload-limits.js';

/** The delimiters a spreadsheet program writes; `|` is left out, as it separates values. */
const DELIMITERS = [',', ';', '\t'];
/** How many rows the delimiter is guessed from. */
const DELIMITER_PREVIEW_ROWS = 20;

/**
 * A cell as written before a spreadsheet-safe export: Octograph's and papaparse's
 * `escapeFormulae` put a `'` before a leading `= + - @`, tab or carriage return (so that a phone
 * number like `+44 …` reads back as it was), and Octograph doubles a `'` the text itself began
 * with (write-csv.ts). Only that added `'` goes: `''=already quoted` reads `'=already quoted`,
 * and `'Twas` stays `'Twas`.
 */
function unescapedFormula(cell: string): string {
  return /^'['=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * The rows of a CSV file, read one at a time (papaparse's step mode) and counted as they come:
 * the row that takes the import past IMPORT_MAX_ROWS (rows after the first, of both files) or a
 * row with more cells than IMPORT_MAX_COLUMNS stops the reading there with ImportLimitError,
 * naming the row.
 */
function csvRows(
  file: UploadedFile,
  text: string,
  delimiter: string,
  limits: UploadLimits,
  budget: RowBudget,
  problems: ImportProblem[],
): RawRow[] {
  const rows: RawRow[] = [];
  let row = 0;
  // An object, not a `let`: TypeScript would keep a `let` narrowed to null past the callback.
  const stop: { over: ImportLimitError | null } = { over: null };
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      row += 1;
      const empty = result.data.every((cell) => cell.trim() === '');
      // Empty lines past the limit (a trailing one, say) are as good as none, and not kept.
      if (empty && row > limits.maxRows + 1) return;
      if (!empty && row > 1) {
        try {
          budget.take(file.name, `row ${String(row)}`);
        } catch (error: unknown) {
          stop.over = error as ImportLimitError;
          parser.abort();
          return;
        }
      }
      if (result.data.length > limits.maxColumns) {
        stop.over = overLimit(
          file.name,
          `has ${String(result.data.length)} cells in row ${String(row)}`,
          limits,
          'maxColumns',
        );
        parser.abort();
        return;
      }
      for (const error of result.errors) {
        // A file of one column has no delimiter to find; papaparse then reads it as it should.
        if (error.type === 'Delimiter') continue;
        problems.push(
          errorAt(
            locationIn(file.name, { row }),
            `'${file.name}' could not be read as CSV: ${error.message}`,
          ),
        );
      }
      rows.push({ row, cells: result.data.map(unescapedFormula) });
    },
  });
  if (stop.over !== null) throw stop.over;
  return rows;
}

/** One CSV file as a table, or null (with an error) when it cannot be read as one. */
function readCsvFile(
  file: UploadedFile,
  limits: UploadLimits,
  budget: RowBudget,
  problems: ImportProblem[],
): { role: 'elements' | 'connections'; table: SourceTable } | null {
  const whole = locationIn(file.name);
  const decoded = decodeText(file.bytes);
  if (decoded === null) {
    problems.push(errorAt(whole, `'${file.name}' is not a CSV file: it is not text`));
    return null;
  }
  if (decoded.encoding === 'windows-1252') {
    problems.push(
      warningAt(
        whole,
        `'${file.name}' is not UTF-8, so it was read as Windows-1252 (what Excel's "CSV" ` +
          'format writes); check that accented letters came through, or save it as "CSV UTF-8"',
      ),
    );
  }
  // The delimiter is guessed without empty lines (a trailing one is enough to hide the tabs of
  // a two-column file); the file is then read with them, so that rows keep their numbers.
  const { delimiter } = Papa.parse<string[]>(decoded.text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: DELIMITER_PREVIEW_ROWS,
  }).meta;
  const rows = csvRows(file, decoded.text, delimiter, limits, budget, problems);
  const table = tableOf(file.name, null, rows, problems);
  if (table === null) {
    problems.push(errorAt(whole, `'${file.name}' is empty`));
    return null;
  }
  const ends = connectionEnds(table.headers);
  if (ends.from && ends.to) return { role: 'connections', table };
  if (hasElementKey(table.headers)) return { role: 'elements', table };
  const headerRow = rows.find((raw) => raw.cells.some((cell) => cell.trim() !== ''))?.row ?? 1;
  const at = locationIn(file.name, { row: headerRow });
  if (ends.from || ends.to) {
    problems.push(
      errorAt(
        at,
        `'${file.name}' has a ${ends.from ? 'From' : 'To'} column but no ` +
          `${ends.from ? 'To' : 'From'} column: a connections file needs both`,
      ),
    );
  } else {
    problems.push(
      errorAt(
        at,
        missingKeyMessage(`'${file.name}'`) + ' (or, for connections, needs From and To columns)',
      ),
    );
  }
  return null;
}

/**
 * Reads one or two CSV files: at most one of elements and one of connections. Problems, never
 * an exception, for files that are not that.
 */
export function readCsvFiles(
  files: readonly UploadedFile[],
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ImportSource {
  const problems: ImportProblem[] = [];
  if (files.length === 0) problems.push(errorAt(locationIn(''), 'no CSV file was uploaded'));
  const elements: { file: string; table: SourceTable }[] = [];
  const connections: { file: string; table: SourceTable }[] = [];
  const budget = new RowBudget(limits);
  for (const file of files) {
    const read = readCsvFile(file, limits, budget, problems);
    if (read !== null) {
      (read.role === 'elements' ? elements : connections).push({
        file: file.name,
        table: read.table,
      });
    }
  }
  for (const [kind, found] of [
    ['elements', elements],
    ['connections', connections],
  ] as const) {
    if (found.length > 1) {
      problems.push(
        errorAt(
          locationIn(found.map(({ file }) => file).join(', ')),
          `${found.map(({ file }) => `'${file}'`).join(' and ')} both hold ${kind}: upload one ` +
            'elements file (with a Label or ID column) and at most one connections file ' +
            '(with From and To columns)',
        ),
      );
    }
  }
  return tablesSource(
    elements.map(({ table }) => table),
    connections.map(({ table }) => table),
    problems,
  );
}
