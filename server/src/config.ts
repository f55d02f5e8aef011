/**
 * Configuration from the environment, validated once at start-up. A bad value stops the server
 * with one line naming the variable.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccountEmailSchema, PasswordSchema } from '@octograph/graph-schema';
import { z } from 'zod';

/** Where the built client is, relative to this file once bundled into server/dist. */
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

/**
 * `data/` at the repository root, from this file's place (server/src or, bundled, server/dist),
 * so `npm start` at the root and `npm run dev` (which runs in server/) use the same database.
 */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

/** The URI schemes neo4j-driver accepts: direct (bolt) or routing (neo4j), plain or TLS. */
const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

const NEO4J_URI_PATTERN = new RegExp(
  `^(${NEO4J_SCHEMES.map((scheme) => scheme.replace('+', '\\+')).join('|')})://[^\\s/?#]+`,
);

/** An unset or empty variable means "not configured", as `NEO4J_URI=` in a compose file does. */
function emptyAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** Whether `value` is exactly a web origin (`https://host[:port]`), as browsers send it. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
}

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CLIENT_DIR: z.string().min(1).default(DEFAULT_CLIENT_DIR),
    BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
    IMPORT_LIMIT: z.coerce.number().int().min(1024).default(20_971_520),
    IMPORT_MAX_UNZIPPED_BYTES: z.coerce.number().int().min(1024).default(104_857_600),
    IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
    IMPORT_MAX_COLUMNS: z.coerce.number().int().min(1).default(500),
    IMPORT_MAX_XML_ELEMENTS: z.coerce.number().int().min(1).default(3_000_000),
    IMPORT_MAX_XML_DEPTH: z.coerce.number().int().min(1).default(32),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    CORS_ORIGIN: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .transform((value) => value.split(',').map((origin) => origin.trim()))
        .pipe(
          z.array(
            z
              .string()
              .refine(
                isOrigin,
                'must be origins such as https://map.example.org, separated by commas (scheme, host and port only)',
              ),
          ),
        )
        .optional(),
    ),
    PUBLIC_READ: z.preprocess(
      emptyAsUnset,
      z
        .enum(['true', 'false'], 'must be true or false')
        .default('false')
        .transform((value) => value === 'true'),
    ),
    DOCS: z.preprocess(
      emptyAsUnset,
      z
        .enum(['true', 'false'], 'must be true or false')
        .default('true')
        .transform((value) => value === 'true'),
    ),
    TRUST_PROXY: z.preprocess(
      emptyAsUnset,
      z
        .enum(['true', 'false'], 'must be true or false')
        .default('false')
        .transform((value) => value === 'true'),
    ),
    SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    EVENT_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(12),
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    OCTOGRAPH_ADMIN_EMAIL: z.preprocess(emptyAsUnset, AccountEmailSchema.optional()),
    OCTOGRAPH_ADMIN_PASSWORD: z.preprocess(emptyAsUnset, PasswordSchema.optional()),
    OCTOGRAPH_ADMIN_NAME: z.preprocess(emptyAsUnset, z.string().default('Administrator')),
    BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(8760).default(24),
    BACKUP_DIR: z.preprocess(emptyAsUnset, z.string().optional()),
    BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(1000).default(7),
    BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(1000).default(4),
    BACKUP_KEEP_MONTHLY: z.coerce.number().int().min(0).max(1000).default(12),
    NEO4J_URI: z.preprocess(
      emptyAsUnset,
      z
        .string()
        .trim()
        .regex(
          NEO4J_URI_PATTERN,
          `must be a Neo4j address such as bolt://localhost:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`,
        )
        .optional(),
    ),
    NEO4J_USER: z.preprocess(emptyAsUnset, z.string().default('neo4j')),
    NEO4J_PASSWORD: z.preprocess(emptyAsUnset, z.string().optional()),
    NEO4J_DATABASE: z.preprocess(emptyAsUnset, z.string().trim().default('neo4j')),
  })
  .superRefine((env, ctx) => {
    // Neo4j always asks for a password unless its authentication is switched off; saying so
    // here beats "authentication failed" from the server.
    if (
      (env.OCTOGRAPH_ADMIN_EMAIL === undefined) !==
      (env.OCTOGRAPH_ADMIN_PASSWORD === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['OCTOGRAPH_ADMIN_PASSWORD'],
        message: 'OCTOGRAPH_ADMIN_EMAIL and OCTOGRAPH_ADMIN_PASSWORD go together',
      });
    }
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'must be set when NEO4J_URI is set',
      });
    }
  });

/** Where and how to reach Neo4j. */
export interface Neo4jConfig {
  /** bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc:// address. */
  uri: string;
  user: string;
  password: string;
  /** The database to use on that server (Neo4j's default is `neo4j`). */
  database: string;
}

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
  /** Largest accepted import upload in bytes, all files together (IMPORT_LIMIT). */
  importLimit: number;
  /** Most bytes the parts of an uploaded workbook may inflate to (IMPORT_MAX_UNZIPPED_BYTES). */
  importMaxUnzippedBytes: number;
  /**
   * The other import limits: rows of one import, all its files together (IMPORT_MAX_ROWS),
   * cells of a row (IMPORT_MAX_COLUMNS), elements of a GEXF/GraphML file and their depth
   * (IMPORT_MAX_XML_ELEMENTS, IMPORT_MAX_XML_DEPTH). See exchange/upload-limits.ts.
   */
  importMaxRows: number;
  importMaxColumns: number;
  importMaxXmlElements: number;
  importMaxXmlDepth: number;
  /** The Neo4j server to use (NEO4J_URI); absent: the embedded store under dataDir. */
  neo4j?: Neo4jConfig | undefined;
  /** API requests one address may make per minute (RATE_LIMIT_PER_MINUTE); 0: no global limit. */
  rateLimitPerMinute: number;
  /** Origins of other sites allowed to call the API (CORS_ORIGIN); empty: no CORS headers. */
  corsOrigins: string[];
  /**
   * Whether a reverse proxy in front sets X-Forwarded-For/-Proto (TRUST_PROXY): then the
   * caller's address and https come from those headers, and no browser visit counts as "from
   * this machine" (the first admin comes from create-admin or OCTOGRAPH_ADMIN_*).
   */
  trustProxy: boolean;
  /** Whether visitors who are not signed in may read the public map (PUBLIC_READ). */
  publicRead: boolean;
  /** Whether /docs serves the OpenAPI page and description (DOCS); off for public deployments. */
  docs: boolean;
  /** Sign-in attempts one address may make per minute (SIGN_IN_LIMIT_PER_MINUTE). */
  signInLimitPerMinute: number;
  /** Change streams (GET /api/events) one address may hold open (EVENT_STREAMS_PER_ADDRESS). */
  eventStreamsPerAddress: number;
  /** How long a session lasts without signing in again (SESSION_DAYS). */
  sessionDays: number;
  /**
   * The first admin, created on start while no admin exists (OCTOGRAPH_ADMIN_EMAIL,
   * OCTOGRAPH_ADMIN_PASSWORD, OCTOGRAPH_ADMIN_NAME); absent: `npm run create-admin` or the
   * set-up page from this machine.
   */
  firstAdmin?: { email: string; password: string; name: string } | undefined;
  /** Scheduled backups of the embedded store (README "Backups and restore"). */
  backups: BackupSettings;
}

/** Where backups go, how often, and how many are kept. */
export interface BackupSettings {
  /** Hours between scheduled backups (BACKUP_INTERVAL_HOURS); 0: none scheduled. */
  intervalHours: number;
  /** The folder (BACKUP_DIR, default DATA_DIR/backups). */
  dir: string;
  /** Newest backups kept per day, ISO week and month (BACKUP_KEEP_DAILY, _WEEKLY, _MONTHLY). */
  keep: { daily: number; weekly: number; monthly: number };
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
    importLimit: values.IMPORT_LIMIT,
    importMaxUnzippedBytes: values.IMPORT_MAX_UNZIPPED_BYTES,
    importMaxRows: values.IMPORT_MAX_ROWS,
    importMaxColumns: values.IMPORT_MAX_COLUMNS,
    importMaxXmlElements: values.IMPORT_MAX_XML_ELEMENTS,
    importMaxXmlDepth: values.IMPORT_MAX_XML_DEPTH,
    neo4j:
      values.NEO4J_URI === undefined
        ? undefined
        : {
            uri: values.NEO4J_URI,
            user: values.NEO4J_USER,
            // The refinement above guarantees a password whenever a URI is set.
            password: values.NEO4J_PASSWORD ?? '',
            database: values.NEO4J_DATABASE,
          },
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    corsOrigins: values.CORS_ORIGIN ?? [],
    publicRead: values.PUBLIC_READ,
    docs: values.DOCS,
    trustProxy: values.TRUST_PROXY,
    signInLimitPerMinute: values.SIGN_IN_LIMIT_PER_MINUTE,
    eventStreamsPerAddress: values.EVENT_STREAMS_PER_ADDRESS,
    sessionDays: values.SESSION_DAYS,
    firstAdmin:
      values.OCTOGRAPH_ADMIN_EMAIL === undefined
        ? undefined
        : {
            email: values.OCTOGRAPH_ADMIN_EMAIL,
            password: values.OCTOGRAPH_ADMIN_PASSWORD ?? '',
            name: values.OCTOGRAPH_ADMIN_NAME,
          },
    backups: {
      intervalHours: values.BACKUP_INTERVAL_HOURS,
      dir: resolve(values.BACKUP_DIR ?? resolve(values.DATA_DIR, 'backups')),
      keep: {
        daily: values.BACKUP_KEEP_DAILY,
        weekly: values.BACKUP_KEEP_WEEKLY,
        monthly: values.BACKUP_KEEP_MONTHLY,
      },
    },
  };
}

/** The embedded database file inside the data folder. */
export function databaseFile(config: Pick<AppConfig, 'dataDir'>): string {
  return resolve(config.dataDir, 'octograph.db');
}
