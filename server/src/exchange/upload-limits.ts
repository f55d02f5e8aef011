/**
 * The limits of one import (issue 15), each with its setting, checked while the files are read so
 * that no file can make the server build more than they allow:
 *
 * - IMPORT_MAX_UNZIPPED_BYTES: what a workbook (a zip archive) may inflate to, all parts
 *   together. Checked twice: against the sizes the archive's directory declares, before anything
 *   is inflated (the request thread, at once), and while inflating (the import worker), so an
 *   archive that understates its sizes is stopped at the limit too.
 * - IMPORT_MAX_ROWS: rows of one import, all files and sheets together, headers not counted (for
 *   GEXF/GraphML nodes and edges, for a network file nodes and links).
 * - IMPORT_MAX_COLUMNS: cells of one row (or attributes of one GEXF/GraphML file).
 * - IMPORT_MAX_XML_ELEMENTS and IMPORT_MAX_XML_DEPTH: elements of a GEXF or GraphML file, and how
 *   deep they nest.
 *
 * A file over a limit is refused with a 413 that names the file, the place (sheet, row, line,
 * element) and the setting with its value; nothing is written.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '../errors.js';
import type { UploadedFile } from './source.js';

/** The limits of one import. */
export interface UploadLimits {
  /** The most bytes the parts of a zip archive (a workbook) may inflate to, all together. */
  maxUnzippedBytes: number;
  /** The most rows of one import, all tables together (elements and connections). */
  maxRows: number;
  /** The most cells of one row, or attributes declared in one graph file. */
  maxColumns: number;
  /** The most elements of one GEXF or GraphML file. */
  maxXmlElements: number;
  /** How deep the elements of a GEXF or GraphML file may nest. */
  maxXmlDepth: number;
}

/**
 * The defaults: room for the largest real network (100,000 rows in all: elements and
 * connections, a few dozen columns each) with the server under 1 GB of memory while it imports.
 */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = {
  maxUnzippedBytes: 104_857_600,
  maxRows: 100_000,
  maxColumns: 500,
  maxXmlElements: 3_000_000,
  maxXmlDepth: 32,
};

/** The setting of each limit. */
export const LIMIT_SETTINGS: Readonly<Record<keyof UploadLimits, string>> = {
  maxUnzippedBytes: 'IMPORT_MAX_UNZIPPED_BYTES',
  maxRows: 'IMPORT_MAX_ROWS',
  maxColumns: 'IMPORT_MAX_COLUMNS',
  maxXmlElements: 'IMPORT_MAX_XML_ELEMENTS',
  maxXmlDepth: 'IMPORT_MAX_XML_DEPTH',
};

/**
 * 413: an upload over one of the import limits. The message names the file, what it holds (with
 * the place: sheet, row, line, element) and the setting with its value.
 */
export class ImportLimitError extends AppError {
  constructor(file: string, what: string, setting: string, limit: number) {
    super(
      413,
      'PAYLOAD_TOO_LARGE',
      `'${file}' ${what}, more than this server imports (${setting}=${String(limit)})`,
    );
  }
}

/** The ImportLimitError of a file past one of the limits. */
export function overLimit(
  file: string,
  what: string,
  limits: UploadLimits,
  limit: keyof UploadLimits,
): ImportLimitError {
  return new ImportLimitError(file, what, LIMIT_SETTINGS[limit], limits[limit]);
}

/**
 * Counts the rows of one import against IMPORT_MAX_ROWS, all its files and sheets together.
 * `take` is called for each row as it is read and throws ImportLimitError at the first one past
 * the limit, naming it.
 */
export class RowBudget {
  private used = 0;

  constructor(private readonly limits: UploadLimits) {}

  /** Counts one row of `file`; `where` names it ("row 52", "sheet 'Elements', row 52"). */
  take(file: string, where: string): void {
    this.used += 1;
    if (this.used > this.limits.maxRows) {
      throw overLimit(
        file,
        `reaches ${String(this.used)} rows at ${where}`,
        this.limits,
        'maxRows',
      );
    }
  }
}

/** Whether the bytes begin as a zip archive does (a local file header). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What the parts of a zip archive say they inflate to, or null when it is not a readable zip. */
function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    // The filter sees each part's directory entry and keeps none, so nothing is inflated.
    unzipSync(bytes, {
      filter: (part) => {
        total += part.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}

/**
 * Throws ImportLimitError for the first file whose archive declares more than the limit: cheap
 * (nothing is inflated), so it runs on the request's thread before any work starts.
 */
export function checkUploadLimits(
  files: readonly UploadedFile[],
  limits: Pick<UploadLimits, 'maxUnzippedBytes'>,
): void {
  for (const file of files) {
    if (!isZip(file.bytes)) continue;
    const unzipped = declaredUnzippedBytes(file.bytes);
    if (unzipped !== null && unzipped > limits.maxUnzippedBytes) {
      throw new ImportLimitError(
        file.name,
        `inflates to ${String(unzipped)} bytes`,
        'IMPORT_MAX_UNZIPPED_BYTES',
        limits.maxUnzippedBytes,
      );
    }
  }
}

/** Bytes pushed to the inflater at a time: each push inflates to at most ~1,000 times as much. */
const PUSH_BYTES = 16_384;

/**
 * Inflates every part of a zip archive as a stream, counting the bytes that come out, and throws
 * ImportLimitError as soon as they pass the limit (naming the part it was inflating). The
 * inflated bytes are dropped as they come: this only proves the archive is within the limit, so
 * that the workbook reader after it cannot inflate more. Memory stays at a few chunks.
 */
export function checkInflatedSize(file: UploadedFile, limits: UploadLimits): void {
  if (!isZip(file.bytes)) return;
  // An object, not `let`s: TypeScript would keep a `let` narrowed to null past the callback.
  const state: { total: number; over: string | null } = { total: 0, over: null };
  const unzip = new Unzip((part) => {
    part.ondata = (error, chunk) => {
      // A part that cannot be inflated is for the workbook reader to report; it stops here.
      if (error !== null || state.over !== null) return;
      state.total += chunk.length;
      if (state.total > limits.maxUnzippedBytes) {
        state.over = part.name;
        part.terminate();
      }
    };
    part.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < file.bytes.length && state.over === null; at += PUSH_BYTES) {
      const end = Math.min(at + PUSH_BYTES, file.bytes.length);
      unzip.push(file.bytes.subarray(at, end), end === file.bytes.length);
    }
  } catch {
    // Not a zip archive fflate can read: the workbook reader says so.
  }
  if (state.over !== null) {
    throw overLimit(
      file.name,
      `inflates to more than ${String(limits.maxUnzippedBytes)} bytes (part ${state.over})`,
      limits,
      'maxUnzippedBytes',
    );
  }
}
