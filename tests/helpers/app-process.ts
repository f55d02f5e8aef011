/**
 * The BUILT app as a real child process, for browser tests: a fresh temp data folder, seeded
 * with `node server/dist/cli.js seed`, then `node server/dist/server.js` on a free port.
 * `stop()` ends only that child (SIGTERM, then SIGKILL) and removes the folder.
 * Build first: `npm run build` (client and server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshTestStoreEnv } from './neo4j.js';

/** The repository root, from this file's place in tests/helpers/. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ENTRY = join(REPO_ROOT, 'server/dist/server.js');
const CLI_ENTRY = join(REPO_ROOT, 'server/dist/cli.js');
/**
 * The client's test build: the production build with the read-only test handle the browser
 * tests read the map through (client/src/map/test-handle.ts), which production does not carry.
 * OCTOGRAPH_TEST_CLIENT_DIR names another build of it, e.g. one kept apart from a rebuild going on
 * in this folder.
 */
const TEST_CLIENT_DIR =
  process.env.OCTOGRAPH_TEST_CLIENT_DIR ?? join(REPO_ROOT, 'client/dist-test');
const CLIENT_INDEX = join(TEST_CLIENT_DIR, 'index.html');

const READY_TIMEOUT_MS = 30_000;
const SEED_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

/** A running app. */
export interface AppProcess {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** Its temp data folder. */
  dataDir: string;
  /** The admin created on start (OCTOGRAPH_ADMIN_EMAIL / OCTOGRAPH_ADMIN_PASSWORD). */
  admin: { email: string; password: string };
  /** What the server has printed so far, stderr and stdout (for failure messages). */
  output: () => string;
  /** Stops the server and removes the data folder. Safe to call twice. */
  stop: () => Promise<void>;
}

/** A TCP port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** Runs a node script to completion; rejects with its output if it fails or takes too long. */
function runToCompletion(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'pipe' });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} took more than ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const how = signal ?? `code ${String(code)}`;
        reject(new Error(`node ${args.join(' ')} failed (${how}):\n${output}`));
      }
    });
  });
}

/** Waits until the child exits, or until `ms` have passed; true if it exited. */
function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Polls GET /api/health until it answers 200; fails early if the child dies. */
async function waitUntilHealthy(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.signalCode ?? `code ${String(child.exitCode)}`;
      throw new Error(`the server exited (${how}) before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `GET /api/health answered ${response.status}`;
    } catch (error: unknown) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `the server was not ready after ${READY_TIMEOUT_MS} ms (${lastProblem}):\n${output()}`,
  );
}

/** How a test app is started. */
export interface AppProcessOptions {
  /** PUBLIC_READ: whether visitors who are not signed in may read (true unless told). */
  publicRead?: boolean;
  /** More environment variables for the server. */
  env?: Record<string, string>;
}

/**
 * Seeds a fresh data folder and starts the built server on a free port, with an admin created
 * from the environment on start (its e-mail and a random password are in `admin`).
 */
export async function startAppProcess(options: AppProcessOptions = {}): Promise<AppProcess> {
  for (const [file, hint] of [
    [SERVER_ENTRY, 'npm run build -w server'],
    [CLI_ENTRY, 'npm run build -w server'],
    [CLIENT_INDEX, 'npm run build:test -w client'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${hint}\` first`);
  }

  // In the `neo4j` project the child inherits the Neo4j variables: that database, emptied.
  await freshTestStoreEnv();
  const dataDir = await mkdtemp(join(tmpdir(), 'octograph-e2e-'));
  const admin = {
    email: 'admin@octograph.test',
    password: `test-${randomBytes(12).toString('hex')}`,
  };
  let child: ChildProcess | undefined;
  let outputText = '';
  const output = () => outputText;

  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    // A test drives the app much faster than a person (tests/api/security.test.ts tests the limit).
    const baseEnv = {
      ...process.env,
      CLIENT_DIR: TEST_CLIENT_DIR,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      SIGN_IN_LIMIT_PER_MINUTE: '1000000',
      OCTOGRAPH_ADMIN_EMAIL: admin.email,
      OCTOGRAPH_ADMIN_PASSWORD: admin.password,
      PUBLIC_READ: options.publicRead === false ? 'false' : 'true',
      ...options.env,
    };
    await runToCompletion([CLI_ENTRY, 'seed'], baseEnv, SEED_TIMEOUT_MS);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...baseEnv, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Both streams are read (so the child never blocks on a full pipe) and kept for errors.
    const collect = (chunk: Buffer) => {
      outputText += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await waitUntilHealthy(baseUrl, child, output);
    return { baseUrl, dataDir, admin, output, stop };
  } catch (error: unknown) {
    await stop();
    throw error;
  }
}

/** A signed-in session over HTTP: the headers a browser would send with each request. */
export async function signIn(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in answered ${String(response.status)}: ${await response.text()}`);
  }
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = (await response.json()) as { csrfToken: string | null };
  return { cookie, 'x-csrf-token': session.csrfToken ?? '' };
}

/** A built server over a data folder the test owns: it can be killed and started again. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** What the server has printed so far, stderr and stdout (for failure messages). */
  output: () => string;
  /** Sends `signal` and waits until the server has exited (SIGKILL: at once, mid-write). */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts the built server on a free port over `dataDir` as it is: nothing is seeded, and the
 * folder is neither created nor removed, so a test can kill the server and start it again over
 * the same data (startAppProcess owns and removes its folder). The admin is created on the first
 * start, as startAppProcess does it.
 */
export async function startServerProcess(options: {
  dataDir: string;
  admin: { email: string; password: string };
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build -w server\` first`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let outputText = '';
  const output = () => outputText;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      CLIENT_DIR: TEST_CLIENT_DIR,
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      SIGN_IN_LIMIT_PER_MINUTE: '1000000',
      OCTOGRAPH_ADMIN_EMAIL: options.admin.email,
      OCTOGRAPH_ADMIN_PASSWORD: options.admin.password,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    outputText += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  };
  try {
    await waitUntilHealthy(baseUrl, child, output);
  } catch (error: unknown) {
    await kill('SIGKILL');
    throw error;
  }
  return { baseUrl, output, kill };
}
