/**
 * The backups' worker thread (issue 22): copies the live database through a read-only connection
 * of its own, or checks a copy, and posts what it found. Everything SQLite does for a backup
 * (reading every page, the copy's commit and fsyncs, integrity_check) happens here, so the
 * server's event loop only waits for a message. Started by backups.ts (`runInWorker`); built as
 * its own file (tsup entry `backup-worker`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseFacts } from '../graph-store.js';
import { copyDatabase, inspectDatabase } from './backups.js';

/** What the worker is asked to do (its workerData). */
export type BackupWorkerTask =
  | { task: 'copy'; databaseFile: string; file: string; pagesPerStep: number }
  | { task: 'inspect'; file: string; label: string };

/** What the worker posts once: the facts, or why it failed (an Error does not cross whole). */
export type BackupWorkerMessage =
  | { type: 'done'; facts: DatabaseFacts }
  | { type: 'failed'; name: string; message: string; code: string | null };

async function run(task: BackupWorkerTask): Promise<DatabaseFacts> {
  return task.task === 'copy'
    ? copyDatabase(task.databaseFile, task.file, task.pagesPerStep)
    : inspectDatabase(task.file, task.label);
}

function post(message: BackupWorkerMessage): void {
  parentPort?.postMessage(message);
}

// backups.ts is the only one to start this file, with a BackupWorkerTask.
run(workerData as BackupWorkerTask).then(
  (facts) => {
    post({ type: 'done', facts });
  },
  (error: unknown) => {
    post({
      type: 'failed',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      code:
        error instanceof Error && 'code' in error && typeof error.code === 'string'
          ? error.code
          : null,
    });
  },
);
