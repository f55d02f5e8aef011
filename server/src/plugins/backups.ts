/**
 * Decorates the app with its backups (`app.backups`, services/backups.ts) and runs their
 * schedule while the app is up. On close the schedule stops and a backup in progress finishes
 * first: this plugin is registered after the store's, and Fastify runs onClose hooks in reverse,
 * so the store is still open until then.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { BackupSettings } from '../config.js';
import { BackupService } from '../services/backups.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Scheduled, checked backups of the embedded store (issue 22). */
    backups: BackupService;
  }
}

/** Options of the backups plugin. */
export interface BackupsPluginOptions {
  settings: BackupSettings;
}

async function backupsPlugin(app: FastifyInstance, options: BackupsPluginOptions): Promise<void> {
  const service = new BackupService(app.store.backups, options.settings, app.log);
  app.decorate('backups', service);
  app.addHook('onClose', async () => {
    await service.stop();
  });
  await service.start();
}

export default fp(backupsPlugin, { name: 'backups', fastify: '5.x', dependencies: ['store'] });
