/**
 * POST /api/import/preview and /api/import/apply: files sent as multipart/form-data (the files
 * under any field name, plus the fields of ImportFormSchema / ApplyImportFormSchema). Uploads
 * larger than IMPORT_LIMIT (all files together) get 413; one import runs at a time per server,
 * others get 429 (exchange/import-gate.ts). The files are read, matched and written in a worker
 * thread (exchange/import-runner.ts), within the import limits (exchange/upload-limits.ts).
 */
import multipart from '@fastify/multipart';
import {
  ApplyImportFormSchema,
  ImportFormSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  toFieldIssues,
} from '@octograph/graph-schema';
import type { FastifyRequest } from 'fastify';
import { writerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, ValidationError } from '../errors.js';
import { ImportGate } from '../exchange/import-gate.js';
import { ImportRunner } from '../exchange/import-runner.js';
import { checkUploadLimits, type UploadLimits } from '../exchange/upload-limits.js';
import type { UploadedFile } from '../exchange/source.js';
import { errorResponses } from './responses.js';

/** The most files one upload may hold (a workbook, or a pair of CSV files, with room to spare). */
const MAX_FILES = 5;

const tags = ['import and export'];

/** 413: the files together are larger than the configured limit. */
class UploadTooLargeError extends AppError {
  constructor(limit: number) {
    super(
      413,
      'PAYLOAD_TOO_LARGE',
      `the upload is larger than this server accepts (${String(limit)} bytes, IMPORT_LIMIT)`,
    );
  }
}

interface Upload {
  files: UploadedFile[];
  fields: Record<string, string>;
}

/** Reads every part of a multipart request, refusing more than `limit` bytes in all. */
async function readUploadParts(request: FastifyRequest, limit: number): Promise<Upload> {
  const upload: Upload = { files: [], fields: {} };
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > limit) throw new UploadTooLargeError(limit);
        upload.files.push({ name: part.filename || part.fieldname, bytes });
      } else {
        upload.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error: unknown) {
    // busboy throws plain errors for a body that is not well-formed multipart (no boundary,
    // cut short); ours and the multipart plugin's own 4xx errors (with a status) pass through.
    if (error instanceof AppError || (error instanceof Error && 'statusCode' in error)) throw error;
    throw new ValidationError(
      [
        {
          path: 'body',
          message: 'is not well-formed multipart/form-data (no boundary, or cut short)',
        },
      ],
      'the upload is not well-formed multipart/form-data (no boundary, or cut short); send it again',
    );
  }
  if (upload.files.length === 0) {
    throw new ValidationError([{ path: 'files', message: 'is required: send at least one file' }]);
  }
  return upload;
}

function parseForm<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.output<T> {
  const result = schema.safeParse(fields);
  if (!result.success)
    throw new ValidationError(toFieldIssues(result.error.issues, undefined, fields));
  return result.data;
}

/** Options of the import routes. */
export interface ImportRoutesOptions {
  /** Largest upload in bytes, all files together. */
  importLimit: number;
  /** The limits files are read within (IMPORT_MAX_UNZIPPED_BYTES, IMPORT_MAX_ROWS, …). */
  limits: UploadLimits;
}

const importRoutes: FastifyPluginAsyncZod<ImportRoutesOptions> = async (app, options) => {
  const limit = options.importLimit;
  // Before the upload is read, so a refused one costs nothing.
  const gate = new ImportGate();
  const runner = new ImportRunner(app.store);
  app.addHook('onClose', async () => {
    await runner.close();
  });
  // Nodes left without a position (a crash before the import placed them all at once, or the
  // command line's import) are placed once the server is up, in the worker, in batches; until
  // then the map places them when it is read. Imports wait for it (429 BUSY meanwhile).
  app.addHook('onReady', (done) => {
    void gate
      .run(() => runner.placeUnplaced())
      .then(
        (placed) => {
          if (placed > 0) app.log.info({ placed }, 'placed the nodes that had no position');
        },
        (error: unknown) => {
          app.log.warn({ err: error }, 'could not place the nodes that have no position');
        },
      );
    done();
  });
  await app.register(multipart, {
    limits: { fileSize: limit, files: MAX_FILES, fields: 10, fieldSize: 1000 },
  });

  app.post(
    '/import/preview',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'What importing these files would do, and every problem with its place',
        description:
          'multipart/form-data: the files (a Kumu-layout .xlsx workbook; one or two .csv files, Elements and Connections; a .gexf; a .graphml; or an Octograph .json network file) and `unknownType`, what an element of an unknown Type becomes (default `organisation:community_group`). Nothing is written.',
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreviewSchema, ...errorResponses(400, 413, 415, 429) },
      },
    },
    async (request) =>
      gate.run(async () => {
        const upload = await readUploadParts(request, limit);
        checkUploadLimits(upload.files, options.limits);
        const form = parseForm(ImportFormSchema, upload.fields);
        return runner.preview({
          files: upload.files,
          unknownType: form.unknownType,
          limits: options.limits,
          context: writerOf(request),
        });
      }),
  );

  app.post(
    '/import/apply',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Import the files previewed, all or nothing',
        description:
          "The same files and fields as the preview, plus `expectedRevision` (the preview's `revision`). 400 when any problem is an error (nothing is written), 409 when the network changed since the preview.",
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResultSchema, ...errorResponses(400, 409, 413, 415, 429) },
      },
    },
    async (request) =>
      gate.run(async () => {
        const upload = await readUploadParts(request, limit);
        checkUploadLimits(upload.files, options.limits);
        const form = parseForm(ApplyImportFormSchema, upload.fields);
        return runner.apply(
          {
            files: upload.files,
            unknownType: form.unknownType,
            limits: options.limits,
            context: writerOf(request),
          },
          form.expectedRevision,
        );
      }),
  );
};

export default importRoutes;
