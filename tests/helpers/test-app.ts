/**
 * The real app over a real embedded store in a fresh temp folder, for `inject()` tests
 * (STYLE.md: no mocked database). `close()` closes the app and removes the folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, loadConfig } from '@octograph/server';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A running test app and its data folder. */
export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  /** Sends a request and parses the JSON answer. */
  request: (
    options: InjectOptions,
  ) => Promise<{ status: number; body: unknown; response: LightMyRequestResponse }>;
  close: () => Promise<void>;
}

/** Builds the app over an empty store in a new temp folder. */
export async function startTestApp(
  options: { env?: Record<string, string>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'octograph-api-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: options.logStream ? 'error' : 'silent',
    CLIENT_DIR: join(dataDir, 'no-client'),
    // Tests send hundreds of requests a minute from one address; a test of the limit sets its own.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  });
  const app = await buildApp({
    config,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  return {
    app,
    dataDir,
    request: async (options) => {
      const response = await app.inject(options);
      const text = response.body;
      return {
        status: response.statusCode,
        body: text === '' ? null : (JSON.parse(text) as unknown),
        response,
      };
    },
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
