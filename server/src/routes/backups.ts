/**
 * /api/backups (issue 22): admins list the backups of the embedded store, make one now, and
 * download one. Backups hold every account and contact detail, so no other role gets near them;
 * "Back up now" and each download enter the audit log.
 */
import { readFile } from 'node:fs/promises';
import { BackupListSchema, BackupParamsSchema, BackUpResultSchema } from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BackupNotFoundError } from '../errors.js';
import { writerOf } from '../plugins/auth.js';
import { errorResponses } from './responses.js';

const tags = ['backups'];
/** The file as the OpenAPI document describes it (a compressed store is a few megabytes). */
const BackupFileSchema = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/backups',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'The backups of the store, newest first, with their checks and any problem',
        description:
          'Only the embedded store is backed up here (`supported: false` with Neo4j; see the README, "Backups and restore").',
        tags,
        response: { 200: BackupListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => app.backups.list(),
  );

  app.post(
    '/backups',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Back up now: copy, compress and check the store (skipped when nothing changed)',
        description:
          '`created` with the new backup, `unchanged` with the newest one when nothing changed since, or `failed` with the problem (a folder that cannot be written, a full disk, a failed check), which the list then shows too.',
        tags,
        response: { 200: BackUpResultSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      return app.backups.backUp({ by: 'admin', actor: writerOf(request).actor ?? null });
    },
  );

  app.get(
    '/backups/:name',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Download one backup (a gzip-compressed SQLite database)',
        tags,
        params: BackupParamsSchema,
        response: {
          200: {
            description: 'The backup file, as an attachment.',
            content: { 'application/gzip': { schema: BackupFileSchema } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const found = await app.backups.fileOf(request.params.name);
      if (!found) throw new BackupNotFoundError(request.params.name);
      await app.backups.auditDownload(writerOf(request).actor ?? null, found.backup);
      return reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="${found.backup.name}"`)
        .header('cache-control', 'no-store')
        .send(await readFile(found.path));
    },
  );
  await Promise.resolve();
};

export default backupRoutes;
