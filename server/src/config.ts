/**
 * Configuration from the environment, validated once at start-up. A bad value stops the server
 * with one line naming the variable.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the built client is, relative to this file once bundled into server/dist. */
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().min(1).default(DEFAULT_CLIENT_DIR),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
});

/** The server's settings. */
export interface AppConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host: string;
  /** Folder of the embedded database (absolute). */
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Folder of the built client served at / (absolute). */
  clientDir: string;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
}

/** A configuration value that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const values = result.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: resolve(values.DATA_DIR),
    logLevel: values.LOG_LEVEL,
    clientDir: resolve(values.CLIENT_DIR),
    bodyLimit: values.BODY_LIMIT,
  };
}

/** The embedded database file inside the data folder. */
export function databaseFile(config: Pick<AppConfig, 'dataDir'>): string {
  return resolve(config.dataDir, 'octograph.db');
}
