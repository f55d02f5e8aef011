/**
 * The import's worker thread (issue 15): reads the uploaded files, matches them against the
 * store, and, for an apply, places the new nodes and writes everything, all away from the
 * server's event loop, which keeps answering meanwhile. It opens a connection of its own to the
 * embedded database (SQLite in WAL mode: the server's reads go on from its own connection and
 * see the import all at once when it commits). The ops and their positions are one transaction,
 * so a crash leaves either the whole import, placed, or nothing.
 *
 * Started by import-runner.ts and kept between imports (one at a time: each message is one job,
 * answered by one message); built as its own file (tsup entry `import-worker`).
 */
import { parentPort } from 'node:worker_threads';
import type { ImportPreview, ImportResult, UnknownType } from '@octograph/graph-schema';
import { AppError } from '../errors.js';
import { positionsAfterBatch } from '../services/placing-store.js';
import { EmbeddedGraphStore } from '../store/embedded/embedded-store.js';
import type { WriteContext } from '../store/graph-store.js';
import { applyImport, previewImport } from './import-service.js';
import type { UploadedFile } from './source.js';
import type { UploadLimits } from './upload-limits.js';

/** What the worker is asked to do (one message). */
export interface ImportJob {
  /** `place`: save positions for the stored nodes that have none (no files). */
  step: 'preview' | 'apply' | 'place';
  /** The embedded database file. */
  databaseFile: string;
  files: { name: string; bytes: Uint8Array }[];
  unknownType: UnknownType;
  /** The preview's revision, for an apply. */
  expectedRevision: number;
  context: WriteContext;
  limits: UploadLimits;
}

/**
 * What the worker posts back for each job: one answer, after `writing` when an apply starts its
 * transaction.
 */
export type ImportReply =
  | { type: 'writing' }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'applied'; result: ImportResult }
  | { type: 'placed'; placed: number }
  | {
      type: 'refused';
      statusCode: number;
      code: AppError['code'];
      message: string;
      issues: AppError['issues'];
    }
  | { type: 'failed'; message: string };

/**
 * The store this worker reads, kept open between a preview and the apply that follows it, so
 * that the apply finds the preview's plan (import-service.ts keeps plans per store) when nothing
 * was written in between, and does not read and match the files again.
 */
let opened: EmbeddedGraphStore | null = null;

function storeOf(file: string): EmbeddedGraphStore {
  if (opened?.file !== file) {
    void opened?.close();
    opened = EmbeddedGraphStore.open(file);
  }
  return opened;
}

/** Positions saved per transaction when placing nodes that have none. */
const PLACE_BATCH = 2_000;

/**
 * Saves a position for every stored node without one (left by a write that could not place its
 * nodes, or by the command line's import of a file without positions), in transactions of
 * PLACE_BATCH, so the server's own writes never wait long for the lock; nothing else moves.
 */
async function placeUnplaced(store: EmbeddedGraphStore, context: WriteContext): Promise<number> {
  const snapshot = await store.snapshot();
  const positions = positionsAfterBatch(snapshot, [], { revision: snapshot.revision, results: [] });
  for (let at = 0; at < positions.length; at += PLACE_BATCH) {
    await store.savePositions(positions.slice(at, at + PLACE_BATCH), context);
  }
  return positions.length;
}

async function run(job: ImportJob): Promise<ImportReply> {
  const store = storeOf(job.databaseFile);
  try {
    if (job.step === 'place') {
      return { type: 'placed', placed: await placeUnplaced(store, job.context) };
    }
    const files: UploadedFile[] = job.files.map((file) => ({
      name: file.name,
      bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
    }));
    if (job.step === 'preview') {
      return {
        type: 'preview',
        preview: await previewImport(store, files, job.unknownType, job.limits),
      };
    }
    const result = await applyImport(
      store,
      files,
      job.unknownType,
      job.expectedRevision,
      job.context,
      job.limits,
      (ops, state, context) => {
        // The request's thread stops waiting for the write lock while this transaction runs.
        parentPort?.postMessage({ type: 'writing' } satisfies ImportReply);
        return store.applyBatchPlaced(
          ops,
          state.revision,
          (batch) => positionsAfterBatch(state, ops, batch),
          context,
        );
      },
    );
    return { type: 'applied', result };
  } catch (error: unknown) {
    if (error instanceof AppError) {
      return {
        type: 'refused',
        statusCode: error.statusCode,
        code: error.code,
        message: error.message,
        issues: error.issues,
      };
    }
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** After an apply (or a placing) the store and the plans it kept go: nothing follows them. */
async function forget(): Promise<void> {
  const store = opened;
  opened = null;
  await store?.close();
}

// import-runner.ts is the only one to start this file, and sends it ImportJobs one at a time.
parentPort?.on('message', (job: ImportJob) => {
  void run(job).then(async (reply) => {
    if (job.step !== 'preview') await forget();
    parentPort?.postMessage(reply);
  });
});
