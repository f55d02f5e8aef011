/**
 * What a reader makes of uploaded files, before anything is matched against the store: the rows
 * of an Elements and a Connections table (from a Kumu workbook, a pair of CSV files, or a GEXF /
 * GraphML graph turned into the same two tables), or a whole network file. Every row and every
 * problem says where it came from, so a report can name the file, sheet, row and column.
 */
import type { NetworkContent } from '../store/graph-store.js';

/** A file as uploaded. */
export interface UploadedFile {
  /** The file's name as the user's computer called it. */
  name: string;
  bytes: Buffer;
}

/** Where something is in the uploaded files. */
export interface Location {
  file: string;
  /** The sheet of a workbook; null for CSV, GEXF, GraphML and JSON. */
  sheet: string | null;
  /**
   * 1-based: the spreadsheet row (the header is row 1 when it is the first row), or for GEXF and
   * GraphML the node's or edge's position in the file; null for the file as a whole.
   */
  row: number | null;
  /** The column header as written (or the XML attribute); null for a whole row. */
  column: string | null;
}

/** Something wrong (an error: nothing can be imported) or worth saying (a warning). */
export interface ImportProblem extends Location {
  severity: 'error' | 'warning';
  message: string;
}

/** One row of a table: each cell's text (trimmed; '' when empty) by its header as written. */
export interface SourceRow {
  location: Location;
  cells: ReadonlyMap<string, string>;
}

/** A table of rows with the headers they use, in the order written. */
export interface SourceTable {
  headers: readonly string[];
  rows: readonly SourceRow[];
  /** Where the table is (row null), for problems about a whole table, such as a missing header. */
  location: Location;
}

/** What the readers found in the uploaded files. */
export type ImportSource =
  | {
      type: 'tables';
      /** Elements tables (usually one); rows of all of them are imported. */
      elements: readonly SourceTable[];
      connections: readonly SourceTable[];
      problems: readonly ImportProblem[];
    }
  | {
      /** Octograph's own JSON network file: stored records, imported as they are. */
      type: 'network';
      file: string;
      content: NetworkContent;
      problems: readonly ImportProblem[];
    };
