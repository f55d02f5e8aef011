/**
 * Starting with NEO4J_URI set: the configuration accepts only Neo4j addresses, and a server that
 * cannot be reached, refuses the login or is too old stops the start within 30 s with one readable
 * line (server.ts prints it after "octograph: could not start:"). No Neo4j is needed: a closed port
 * stands for an unreachable server, and a few lines of Bolt over a local socket for a server that
 * refuses the password or runs Neo4j 4.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, openStore } from '@octograph/server';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The start-up budget the issue sets for an unreachable server or a wrong password. */
const STARTUP_BUDGET_MS = 30_000;

/** A TCP port nobody listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function neo4jEnv(uri: string, extra: Record<string, string> = {}): Record<string, string> {
  return { NEO4J_URI: uri, NEO4J_PASSWORD: 'not-the-password', ...extra };
}

/** How a start-up attempt ended: its error message and how long it took. */
async function failedOpen(env: Record<string, string>): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  const error = await openStore(loadConfig(env)).then(
    async (store) => {
      await store.close();
      return new Error('expected opening the store to fail');
    },
    (caught: unknown) => caught,
  );
  return {
    message: error instanceof Error ? error.message : String(error),
    ms: Date.now() - started,
  };
}

// --- a Bolt server that answers just enough: the handshake, then one reply to HELLO ---

function packString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 16) return Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
  return Buffer.concat([Buffer.from([0xd0, bytes.length]), bytes]);
}

/** One Bolt message (a one-field structure holding a map of strings), chunked. */
function boltMessage(signature: number, fields: Record<string, string>): Buffer {
  const entries = Object.entries(fields);
  const body = Buffer.concat([
    Buffer.from([0xb1, signature, 0xa0 | entries.length]),
    ...entries.flatMap(([key, value]) => [packString(key), packString(value)]),
  ]);
  const header = Buffer.alloc(2);
  header.writeUInt16BE(body.length);
  return Buffer.concat([header, body, Buffer.from([0, 0])]);
}

const SUCCESS = 0x70;
const FAILURE = 0x7f;

/** A local TCP server for one test; `stop()` also ends the connections the driver left open. */
interface LocalServer {
  uri: string;
  stop: () => Promise<void>;
}

async function localServer(onConnection: (socket: Socket) => void): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * A Bolt server that agrees on Bolt `major.minor`, then answers the client's first message (HELLO,
 * which carries the login) with `reply`.
 */
function boltServer(version: [number, number], reply: Buffer): Promise<LocalServer> {
  return localServer((socket) => {
    let handshakeDone = false;
    socket.on('data', () => {
      if (!handshakeDone) {
        handshakeDone = true;
        socket.write(Buffer.from([0, 0, version[1], version[0]]));
      } else {
        socket.write(reply);
      }
    });
  });
}

describe('Neo4j configuration', () => {
  it('uses the embedded store when NEO4J_URI is unset or empty', () => {
    expect(loadConfig({}).neo4j).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: '' }).neo4j).toBeUndefined();
  });

  it.each([
    'bolt://localhost:7687',
    'bolt+s://db.example.org:7687',
    'bolt+ssc://10.0.0.5',
    'neo4j://localhost',
    'neo4j+s://abc123.databases.neo4j.io',
    'neo4j+ssc://cluster.example.org:7687?policy=eu',
  ])('accepts %s, with user and database defaulting to neo4j', (uri) => {
    expect(loadConfig(neo4jEnv(uri)).neo4j).toEqual({
      uri,
      user: 'neo4j',
      password: 'not-the-password',
      database: 'neo4j',
    });
  });

  it('takes NEO4J_USER and NEO4J_DATABASE', () => {
    const config = loadConfig(
      neo4jEnv('bolt://localhost', { NEO4J_USER: 'octo', NEO4J_DATABASE: 'network' }),
    );
    expect(config.neo4j).toMatchObject({ user: 'octo', database: 'network' });
  });

  it.each(['http://localhost:7474', 'https://localhost:7473', 'localhost:7687', 'bolt:/x'])(
    'refuses NEO4J_URI=%s with a config error naming NEO4J_URI',
    (uri) => {
      expect(() => loadConfig(neo4jEnv(uri))).toThrow(
        /^invalid configuration: NEO4J_URI: must be a Neo4j address such as bolt:\/\/localhost:7687/,
      );
    },
  );

  it('refuses NEO4J_URI without NEO4J_PASSWORD, naming NEO4J_PASSWORD', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://localhost' })).toThrow(
      'invalid configuration: NEO4J_PASSWORD: must be set when NEO4J_URI is set',
    );
  });
});

describe('opening a Neo4j store that cannot be used', () => {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  it.each(['bolt', 'neo4j'])(
    'says in one line that the server at a closed port (%s://) could not be reached',
    async (scheme) => {
      const port = await closedPort();
      const uri = `${scheme}://127.0.0.1:${port}`;
      const { message, ms } = await failedOpen(neo4jEnv(uri));
      expect(message).toBe(
        `the Neo4j server at ${uri} could not be reached: connect ECONNREFUSED 127.0.0.1:${port}`,
      );
      expect(ms).toBeLessThan(STARTUP_BUDGET_MS);
    },
  );

  it(
    'gives up on a server that accepts the connection but never answers',
    async () => {
      const server = await localServer(() => undefined);
      servers.push(server);
      const { uri } = server;
      const { message, ms } = await failedOpen(neo4jEnv(uri));
      expect(message).toMatch(
        new RegExp(`^the Neo4j server at ${uri} could not be reached: no answer within \\d+ s$`),
      );
      expect(ms).toBeLessThan(STARTUP_BUDGET_MS);
    },
    STARTUP_BUDGET_MS + 5_000,
  );

  it('says in one line that authentication failed for the user', async () => {
    const server = await boltServer(
      [5, 0],
      boltMessage(FAILURE, {
        code: 'Neo.ClientError.Security.Unauthorized',
        message: 'The client is unauthorized due to authentication failure.',
      }),
    );
    servers.push(server);
    const { uri } = server;
    const { message, ms } = await failedOpen(neo4jEnv(uri, { NEO4J_USER: 'octo' }));
    expect(message).toBe(
      `authentication failed for user 'octo' at ${uri} (check NEO4J_USER and NEO4J_PASSWORD)`,
    );
    expect(ms).toBeLessThan(STARTUP_BUDGET_MS);
  });

  it('refuses a server older than Neo4j 5, naming its version', async () => {
    const server = await boltServer(
      [4, 4],
      boltMessage(SUCCESS, { server: 'Neo4j/4.4.26', connection_id: 'bolt-1' }),
    );
    servers.push(server);
    const { uri } = server;
    const { message } = await failedOpen(neo4jEnv(uri));
    expect(message).toBe(
      `the server at ${uri} runs Neo4j/4.4.26; Octograph needs Neo4j 5 or later`,
    );
  });

  it('makes buildApp reject with the same line', async () => {
    const port = await closedPort();
    const uri = `bolt://127.0.0.1:${port}`;
    const dataDir = await mkdtemp(join(tmpdir(), 'octograph-neo4j-'));
    try {
      const config = loadConfig({ ...neo4jEnv(uri), DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      await expect(buildApp({ config })).rejects.toThrow(
        `the Neo4j server at ${uri} could not be reached: connect ECONNREFUSED 127.0.0.1:${port}`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** Runs server.ts (through tsx) to its end; resolves with its exit code and what it printed. */
function runServer(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server.ts was still running after 60 s:\n${stdout}${stderr}`));
    }, 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe('the server process with NEO4J_URI set', () => {
  it(
    'exits 1 with one line, no stack, when the Neo4j server cannot be reached',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'octograph-neo4j-'));
      try {
        const port = await closedPort();
        const uri = `bolt://127.0.0.1:${port}`;
        const result = await runServer({ ...neo4jEnv(uri), DATA_DIR: dataDir });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(
          `octograph: could not start: the Neo4j server at ${uri} could not be reached: connect ECONNREFUSED 127.0.0.1:${port}\n`,
        );
        expect(result.ms).toBeLessThan(STARTUP_BUDGET_MS);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    STARTUP_BUDGET_MS * 2,
  );

  it(
    'exits 1 with a config error naming NEO4J_URI for an http:// address',
    async () => {
      const result = await runServer(neo4jEnv('http://localhost:7474'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^octograph: could not start: invalid configuration: NEO4J_URI: must be a Neo4j address[^\n]*\n$/,
      );
    },
    STARTUP_BUDGET_MS * 2,
  );
});
