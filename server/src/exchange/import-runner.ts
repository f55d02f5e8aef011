/**
 * Runs an import's preview or apply where it cannot hold up the server (issue 15). With the
 * embedded store, in a worker thread of its own (import-worker.ts): reading, matching, placing
 * and writing all happen there, and the request's thread only awaits one message. The worker's
 * heap is capped, so a file that would need more memory than that stops the worker, not the
 * server (413). Stopping the server stops an import in progress; its transaction is rolled back.
 *
 * With another store (Neo4j), whose connection a worker cannot share, the import runs in the
 * server's process as before, through the same bounded readers.
 */
import type { ImportPreview, ImportResult, UnknownType } from '@octograph/graph-schema';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { EmbeddedGraphStore } from '../store/embedded/embedded-store.js';
import type { GraphStore, WriteContext } from '../store/graph-store.js';
import { applyImport, previewImport } from './import-service.js';
import type { ImportJob, ImportReply } from './import-worker.js';
import type { UploadedFile } from './source.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

/**
 * The worker's heap: room for the largest file the limits allow (about 400 MB at 100,000 rows
 * and 100,000 connections), while the server's own memory and the worker's stay under 1 GB.
 */
const WORKER_HEAP_MB = 640;

// Under vitest and `tsx` the server runs from its TypeScript sources, and so must the worker;
// the built server (tsup) has it as dist/import-worker.js, next to the code that starts it.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** How long the worker is kept after an import, for the apply that usually follows a preview. */
const IDLE_MS = 60_000;

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!FROM_SOURCE) return new Worker(new URL('./import-worker.js', import.meta.url), options);
  // Node 20 does not apply `--import tsx` to a worker's own entry file, so a two-line CommonJS
  // entry registers tsx's require hook and then loads the TypeScript worker through it.
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const file = fileURLToPath(new URL('./import-worker.ts', import.meta.url));
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`,
    { ...options, eval: true },
  );
}

/** 413: the worker ran out of the memory an import may use. */
class ImportTooLargeError extends AppError {
  constructor(files: readonly UploadedFile[]) {
    super(
      413,
      'PAYLOAD_TOO_LARGE',
      `${files.map((file) => `'${file.name}'`).join(', ')} need more memory to import than this ` +
        `server gives an import (${String(WORKER_HEAP_MB)} MB); split the file, or lower the ` +
        'import limits (IMPORT_MAX_ROWS, IMPORT_MAX_UNZIPPED_BYTES)',
    );
  }
}

/** What a preview or an apply needs. */
export interface ImportRequest {
  files: readonly UploadedFile[];
  unknownType: UnknownType;
  limits: UploadLimits;
  context: WriteContext;
}

/**
 * Runs imports for one server, one at a time (the routes' ImportGate sees to that), in a worker
 * kept between them (an apply reuses its preview's plan) and stopped after a minute without an
 * import; `close()` stops it.
 */
export class ImportRunner {
  private worker: Worker | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly store: GraphStore) {}

  preview(request: ImportRequest): Promise<ImportPreview> {
    const file = this.databaseFile();
    if (file === null) {
      return previewImport(this.store, request.files, request.unknownType, request.limits);
    }
    return this.inWorker(file, request, 'preview', 0).then((reply) => {
      if (reply.type !== 'preview') throw new Error(`the import worker answered ${reply.type}`);
      return reply.preview;
    });
  }

  apply(request: ImportRequest, expectedRevision: number): Promise<ImportResult> {
    const file = this.databaseFile();
    if (file === null) {
      return applyImport(
        this.store,
        request.files,
        request.unknownType,
        expectedRevision,
        request.context,
        request.limits,
      );
    }
    return this.inWorker(file, request, 'apply', expectedRevision).then((reply) => {
      if (reply.type !== 'applied') throw new Error(`the import worker answered ${reply.type}`);
      return reply.result;
    });
  }

  /**
   * Saves positions for the stored nodes that have none, in the worker, a batch per transaction
   * (import-worker.ts); answers how many. Nothing to do for a store a worker cannot open.
   */
  async placeUnplaced(): Promise<number> {
    const file = this.databaseFile();
    if (file === null || !this.hasUnplaced()) return 0;
    const request = {
      files: [],
      unknownType: 'organisation:community_group',
      limits: DEFAULT_UPLOAD_LIMITS,
      context: {},
    } as const;
    const reply = await this.inWorker(file, request, 'place', 0);
    if (reply.type !== 'placed') throw new Error(`the import worker answered ${reply.type}`);
    return reply.placed;
  }

  /** Stops the worker, and with it an import in progress (its transaction rolls back). */
  async close(): Promise<void> {
    if (this.idle !== null) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /**
   * While the worker writes an import (seconds, holding SQLite's write lock), the server's own
   * writes are refused at once (503 BUSY) rather than each holding up the event loop while it
   * waits for the lock.
   */
  private writing(on: boolean): void {
    if (this.store instanceof EmbeddedGraphStore) this.store.waitForWriteLock(!on);
  }

  /** Whether some stored node has no position (false for a store a worker cannot open). */
  private hasUnplaced(): boolean {
    return this.store instanceof EmbeddedGraphStore && this.store.unplacedCount() > 0;
  }

  /** The embedded store's file, or null for a store a worker cannot open. */
  private databaseFile(): string | null {
    return this.store instanceof EmbeddedGraphStore ? this.store.file : null;
  }

  private inWorker(
    databaseFile: string,
    request: ImportRequest,
    step: ImportJob['step'],
    expectedRevision: number,
  ): Promise<ImportReply> {
    const job: ImportJob = {
      step,
      databaseFile,
      // Copies, handed over to the worker without another copy (transferred).
      files: request.files.map((file) => ({ name: file.name, bytes: new Uint8Array(file.bytes) })),
      unknownType: request.unknownType,
      expectedRevision,
      context: request.context,
      limits: request.limits,
    };
    if (this.idle !== null) clearTimeout(this.idle);
    if (this.worker === null) {
      this.worker = startWorker();
      // The server's listening socket keeps the process alive, not an idle import worker.
      this.worker.unref();
    }
    const worker = this.worker;
    return new Promise<ImportReply>((resolve, reject) => {
      const done = () => {
        this.writing(false);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (this.worker !== worker) return;
        // Kept for the apply that usually follows a preview (and the next import): a worker's
        // start costs a moment. After a minute without an import it goes, and its memory too.
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      };
      const onMessage = (reply: ImportReply) => {
        if (reply.type === 'writing') {
          this.writing(true);
          return;
        }
        done();
        settle(reply, resolve, reject);
      };
      const onError = (error: Error) => {
        done();
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(
          'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportTooLargeError(request.files)
            : error,
        );
      };
      const onExit = (code: number) => {
        done();
        if (this.worker === worker) this.worker = null;
        reject(
          new Error(`the import worker stopped (exit code ${String(code)}) without an answer`),
        );
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(
        job,
        job.files.map((file) => file.bytes.buffer as ArrayBuffer),
      );
    });
  }
}

function settle(
  reply: ImportReply,
  resolve: (reply: ImportReply) => void,
  reject: (error: Error) => void,
): void {
  if (reply.type === 'refused') {
    reject(new AppError(reply.statusCode, reply.code, reply.message, reply.issues));
  } else if (reply.type === 'failed') {
    reject(new Error(`the import failed: ${reply.message}`));
  } else {
    resolve(reply);
  }
}
