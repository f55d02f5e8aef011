/**
 * Builds the Fastify app: external plugins first, then the app's own (error handler, store),
 * then the routes under /api, then the built client with its SPA fallback. `server.ts` listens;
 * tests call `buildApp` and use `app.inject()`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import { InvalidUtf8Error } from './errors.js';
import errorHandler, { errorBodyOf, notFoundReply, sendError } from './plugins/error-handler.js';
import authPlugin from './plugins/auth.js';
import docsPlugin from './plugins/docs.js';
import backupsPlugin from './plugins/backups.js';
import securityPlugin from './plugins/security.js';
import storePlugin from './plugins/store.js';
import { validatorCompiler } from './plugins/validation.js';
import accountRoutes from './routes/accounts.js';
import auditRoutes from './routes/audit.js';
import eventRoutes from './routes/events.js';
import backupRoutes from './routes/backups.js';
import batchRoutes from './routes/batch.js';
import exportRoutes from './routes/export.js';
import healthRoutes from './routes/health.js';
import insightsRoutes from './routes/insights.js';
import layoutRoutes from './routes/layout.js';
import meetingRoutes from './routes/meetings.js';
import importRoutes from './routes/import.js';
import linkRoutes from './routes/links.js';
import mapRoutes from './routes/map.js';
import nodeRoutes from './routes/nodes.js';
import userRoutes from './routes/users.js';
import { reportUncarriableText } from './exchange/legacy-text.js';
import { withPlacement } from './services/placing-store.js';
import type { GraphStore } from './store/graph-store.js';
import { openStore } from './store/open-store.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Trusts the peer (the one proxy) only: what it appended to X-Forwarded-For is the caller. */
function trustFirstHop(_address: string, hop: number): boolean {
  return hop === 0;
}

/** What buildApp needs. */
export interface BuildAppOptions {
  config: AppConfig;
  /** A store to use instead of opening the one the config names; the caller closes it. */
  store?: GraphStore;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the app, ready to `listen()` or `inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logStream
      ? { level: config.logLevel, stream: options.logStream }
      : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Behind one reverse proxy: the caller's address is the one it appended to X-Forwarded-For
    // (not whatever the caller wrote there), for rate limits; https comes from X-Forwarded-Proto.
    trustProxy: config.trustProxy ? trustFirstHop : false,
    // Let a closing server finish the requests it has and refuse new ones.
    return503OnClosing: true,
    routerOptions: {
      // Longer than any valid id, so an over-long id reaches validation and gets its 400 there.
      maxParamLength: 1000,
    },
    // Errors the router raises before a route runs (a malformed URL) get the one error body too.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, errorBodyOf(error));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON must be UTF-8 (RFC 8259 §8.1): Fastify's own parser would store U+FFFD for bad bytes.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : STRICT_UTF8.decode(body);
    } catch {
      done(new InvalidUtf8Error(), undefined);
      return;
    }
    void parseJson(request, text, done);
  });

  // First, so that every route registered after it (the docs, the API, the client) gets the
  // security headers and the rate limit (plugins/security.ts).
  await app.register(securityPlugin, {
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
  });

  // Before the routes, so that the OpenAPI description lists them; /docs only with DOCS=true.
  await app.register(docsPlugin, { enabled: config.docs });

  await app.register(errorHandler);
  // Writes through the app give new nodes a saved spot on the map (services/placing-store.ts).
  const store = withPlacement(options.store ?? (await openStore(config)), {
    onError: (error) => {
      app.log.warn({ err: error }, 'a write succeeded but its new nodes got no saved position');
    },
  });
  await app.register(storePlugin, { store, ownsStore: options.store === undefined });
  // Text stored before control characters were refused is named in the log (exports clean it);
  // in the background, so the server starts answering at once (closing waits for it).
  let legacyTextCheck: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', (done) => {
    legacyTextCheck = reportUncarriableText(store, app.log).catch((error: unknown) => {
      app.log.warn(
        { err: error },
        'could not look for text stored before control characters were refused',
      );
    });
    done();
  });
  app.addHook('onClose', async () => {
    await legacyTextCheck;
  });
  // After the store: its schedule stops (and a backup in progress ends) before the store closes.
  await app.register(backupsPlugin, { settings: config.backups });
  // Before the routes: it checks that each declares who may call it (plugins/auth.ts).
  await app.register(authPlugin, {
    publicRead: config.publicRead,
    sessionDays: config.sessionDays,
    trustProxy: config.trustProxy,
  });
  if (config.firstAdmin && !(await store.hasAdmin())) {
    const { email, name, password } = config.firstAdmin;
    await app.accounts.ensureAdmin(email, name, password);
    app.log.info({ email }, 'created the first admin from OCTOGRAPH_ADMIN_EMAIL');
  } else if (!(await store.hasAdmin())) {
    // Whoever runs the server reads its log; only they get the code the browser set-up needs.
    const { setupCode } = app.accounts;
    if (config.trustProxy) {
      app.log.warn(
        'no admin yet: create one with `npm run create-admin` (behind a proxy there is no browser set-up)',
      );
    } else {
      app.log.warn(
        { setupCode },
        `no admin yet: open Octograph in a browser on this machine and create one with the set-up code ${setupCode}, or use \`npm run create-admin\``,
      );
    }
  }

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(accountRoutes, {
        signInLimitPerMinute: config.signInLimitPerMinute,
      });
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(eventRoutes, {
        streamsPerAddress: config.eventStreamsPerAddress,
      });
      await api.register(nodeRoutes);
      await api.register(linkRoutes);
      await api.register(mapRoutes);
      await api.register(batchRoutes);
      await api.register(layoutRoutes);
      await api.register(insightsRoutes);
      await api.register(meetingRoutes);
      await api.register(exportRoutes);
      await api.register(importRoutes, {
        importLimit: config.importLimit,
        limits: {
          maxUnzippedBytes: config.importMaxUnzippedBytes,
          maxRows: config.importMaxRows,
          maxColumns: config.importMaxColumns,
          maxXmlElements: config.importMaxXmlElements,
          maxXmlDepth: config.importMaxXmlDepth,
        },
      });
      await api.register(backupRoutes);
      api.setNotFoundHandler(notFoundReply);
    },
    { prefix: '/api' },
  );

  const hasClient = existsSync(join(config.clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: config.clientDir,
      wildcard: false,
    });
  } else {
    app.log.warn({ clientDir: config.clientDir }, 'no built client found; run `npm run build`');
  }
  app.setNotFoundHandler((request, reply) => {
    // The client routes in the browser, so every page GET that is not a file gets index.html.
    const wantsPage =
      request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (hasClient && wantsPage)
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return notFoundReply(request, reply);
  });

  return app;
}
