/**
 * `npm run restore -- <file>` (issue 22): puts a backup in place of the embedded store, with the
 * server stopped. The file is decompressed beside the store and checked (store/embedded/
 * backups.ts `inspectDatabase`) before anything else happens, so a damaged, truncated, foreign
 * or newer file is refused with the reason and changes nothing. Then the current store is saved,
 * compressed and checked, into the backup folder as `before-restore-…` (restorable the same way),
 * and only then is the store's file replaced.
 */
import { open, rm, mkdir, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatabaseFacts } from '../store/graph-store.js';
import { inspectDatabase, replaceDatabase } from '../store/embedded/backups.js';
import {
  backupFileName,
  compressFile,
  decompressFile,
  differences,
  writeSidecar,
} from './backups.js';

/** What a restore did. */
export interface RestoreOutcome {
  /** What the store holds now. */
  restored: DatabaseFacts;
  /** Where the previous store was saved, and what it held; null when there was none. */
  setAside: { path: string; facts: DatabaseFacts } | null;
}

/** The first bytes of every gzip file. */
const GZIP_MAGIC = [0x1f, 0x8b];

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/** Restores `file` (a .db.gz backup, or an uncompressed database) into `databaseFile`. */
export async function restoreBackup(options: {
  file: string;
  databaseFile: string;
  backupDir: string;
}): Promise<RestoreOutcome> {
  const { file, databaseFile, backupDir } = options;
  const stamp = `${process.pid}-${Date.now()}`;
  const incoming = join(dirname(databaseFile), `.restore-${stamp}.db`);
  const outgoing = join(dirname(databaseFile), `.before-restore-${stamp}.db`);
  const check = join(dirname(databaseFile), `.before-restore-${stamp}.check.db`);
  await mkdir(dirname(databaseFile), { recursive: true });
  try {
    let gzip: boolean;
    try {
      gzip = await isGzip(file);
    } catch (error: unknown) {
      throw new Error(`cannot read ${file} (${codeOf(error)}); nothing was changed`, {
        cause: error,
      });
    }
    if (gzip) await decompressFile(file, incoming);
    else await copyFile(file, incoming);
    const restored = inspectDatabase(incoming, file);
    let setAside: RestoreOutcome['setAside'] = null;
    await replaceDatabase({
      databaseFile,
      checkedCopy: incoming,
      saveAsideTo: outgoing,
      // Runs with the old store still in place: a backup folder that cannot be written stops
      // the restore here, before anything changed.
      whenSetAside: async (facts) => {
        await mkdir(backupDir, { recursive: true });
        const path = join(backupDir, backupFileName('before-restore', new Date(), facts.revision));
        await compressFile(outgoing, path);
        await decompressFile(path, check);
        const wrong = differences(facts, inspectDatabase(check, path));
        if (wrong.length > 0) {
          throw new Error(`the copy of the current store came out wrong (${wrong.join(', ')})`);
        }
        await writeSidecar(path, facts, {
          ok: true,
          checkedAt: new Date().toISOString(),
          problem: null,
        });
        setAside = { path, facts };
      },
    });
    return { restored, setAside };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      message.endsWith('nothing was changed') ? message : `${message}; nothing was changed`,
      { cause: error },
    );
  } finally {
    for (const scratch of [incoming, outgoing, check]) await rm(scratch, { force: true });
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
