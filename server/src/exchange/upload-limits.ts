/**
 * Limits an upload is checked against before any reader inflates it (issue 15). A workbook is a
 * zip archive: a 4 MB .xlsx can hold a sheet that inflates to gigabytes, which exceljs would
 * build in memory. The archive's directory says how large each part is once inflated; an upload
 * whose parts add up to more than IMPORT_MAX_UNZIPPED_BYTES is refused with a 413 naming the file
 * and the setting, without inflating anything.
 *
 * The directory's sizes are what the archive claims: a forged archive that understates them is
 * not caught here (reading sheets as a stream with a running count is the complete defence, and
 * is still to come).
 */
import { unzipSync } from 'fflate';
import { AppError } from '../errors.js';
import type { UploadedFile } from './source.js';

/** The limits of one import. */
export interface UploadLimits {
  /** The most bytes the parts of a zip archive (a workbook) may inflate to, all together. */
  maxUnzippedBytes: number;
}

/** 413: an upload over one of the import limits; the message names the file and the setting. */
export class ImportLimitError extends AppError {
  constructor(file: string, what: string, setting: string, limit: number) {
    super(
      413,
      'PAYLOAD_TOO_LARGE',
      `'${file}' ${what}, more than this server imports (${setting}=${String(limit)})`,
    );
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

/** Throws ImportLimitError for the first file over a limit. */
export function checkUploadLimits(files: readonly UploadedFile[], limits: UploadLimits): void {
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
