/**
 * The real app over a real embedded store in a fresh temp folder, for `inject()` tests
 * (STYLE.md: no mocked database). `close()` closes the app and removes the folder. In the `neo4j`
 * vitest project the same app runs over the test Neo4j server instead, emptied first.
 *
 * Requests are signed in: `request()` and `inject()` act as an editor unless told `as` another
 * role ('admin', 'viewer') or 'anonymous'. Each role's user is created (with a real scrypt hash)
 * and signed in through the account service the first time it is used; its cookie and CSRF token
 * are then sent like a browser sends them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@octograph/graph-schema';
import { buildApp, loadConfig } from '@octograph/server';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { freshTestStoreEnv } from './neo4j.js';

/** Who a test request is from. */
export type TestCaller = Role | 'anonymous';

/** A request as a test sends it: inject's options, and who sends it. */
export type TestRequest = InjectOptions & { as?: TestCaller };

/** A signed-in test user: who they are and what their browser would send. */
export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** The cookie and CSRF headers of their session. */
  headers: Record<string, string>;
}

/** A running test app and its data folder. */
export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  /** Sends a request and parses the JSON answer. */
  request: (
    options: TestRequest,
  ) => Promise<{ status: number; body: unknown; response: LightMyRequestResponse }>;
  /** Sends a request and returns the raw response. */
  inject: (options: TestRequest) => Promise<LightMyRequestResponse>;
  /** The user of a role (created and signed in on first use). */
  user: (role: Role, options?: { personId?: string }) => Promise<TestUser>;
  close: () => Promise<void>;
}

/** The test password of every role's user: long enough for the password rules. */
export const TEST_PASSWORD = 'correct horse battery staple';

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
    SIGN_IN_LIMIT_PER_MINUTE: '1000000',
    // In the `neo4j` project: that server, emptied (helpers/neo4j.ts); elsewhere nothing.
    ...(await freshTestStoreEnv()),
    ...options.env,
  });
  const app = await buildApp({
    config,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const users = new Map<Role, Promise<TestUser>>();

  const user = (role: Role, userOptions: { personId?: string } = {}): Promise<TestUser> => {
    const known = users.get(role);
    if (known && userOptions.personId === undefined) return known;
    const made = signedInUser(app, role, userOptions.personId ?? null);
    users.set(role, made);
    return made;
  };

  const inject = async ({ as = 'editor', ...request }: TestRequest) => {
    if (as === 'anonymous') return app.inject(request);
    const { headers } = await user(as);
    return app.inject({ ...request, headers: { ...headers, ...request.headers } });
  };

  return {
    app,
    dataDir,
    inject,
    user,
    request: async (options) => {
      const response = await inject(options);
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

/** Creates a user of `role` through the account service and signs them in. */
async function signedInUser(
  app: FastifyInstance,
  role: Role,
  personId: string | null,
): Promise<TestUser> {
  const email = `${role}-${String(Date.now())}-${String(Math.random()).slice(2, 8)}@octograph.test`;
  if (role === 'admin') {
    await app.accounts.ensureAdmin(email, 'Test admin', TEST_PASSWORD);
  } else {
    const invitation = await app.accounts.invite({ email, name: `Test ${role}`, role, personId });
    await app.accounts.acceptInvitation(invitation.token, TEST_PASSWORD);
  }
  if (role === 'admin' && personId !== null) {
    const admin = await app.store.findUserByEmail(email);
    if (admin) await app.accounts.update(admin.id, { personId });
  }
  const opened = await app.accounts.signIn(email, TEST_PASSWORD);
  return {
    id: opened.user.id,
    email,
    password: TEST_PASSWORD,
    headers: {
      cookie: `octograph_session=${opened.token}`,
      'x-csrf-token': opened.session.csrfToken,
    },
  };
}
