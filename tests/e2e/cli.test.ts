/**
 * The BUILT command line as a person runs it: `node server/dist/cli.js seed`, `export` and
 * `import`, as child processes, each with its own DATA_DIR in a temp folder. Checks exit codes,
 * the one-line messages, and that the imported store holds exactly what the exported one did.
 *
 * Needs `npm run build -w server` first (`npm test` builds before this project runs).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AccountService,
  EmbeddedGraphStore,
  databaseFile,
  type NetworkContent,
} from '@octograph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/app-process.js';

const CLI = join(REPO_ROOT, 'server/dist/cli.js');
/** Sources bundled into server/dist/cli.js. */
const CLI_SOURCES = ['server/src', 'graph-schema/src', 'seed/src'];
const RUN_TIMEOUT_MS = 60_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let workDir: string;
let sourceDir: string;
let targetDir: string;
let networkFile: string;

/** Fails with what to do if the built CLI is missing or older than its sources. */
async function checkBuild(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -w server\` first`);
  const built = statSync(CLI).mtimeMs;
  for (const folder of CLI_SOURCES) {
    const files = await readdir(join(REPO_ROOT, folder), { recursive: true });
    for (const file of files) {
      const path = join(REPO_ROOT, folder, file);
      if ((await stat(path)).mtimeMs > built) {
        throw new Error(`${path} is newer than ${CLI}: run \`npm run build -w server\` first`);
      }
    }
  }
}

/** Runs the built CLI on the store in `dataDir` and collects its exit code and output. */
function runCli(args: string[], dataDir: string, stdin?: string): Promise<CliRun> {
  // The environment's own Neo4j settings, if any, must not send the CLI to another store.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...env, DATA_DIR: dataDir },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} took more than ${RUN_TIMEOUT_MS} ms:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the store in `dataDir` holds, sorted by id; opened only while no CLI runs on it. */
async function contentIn(dataDir: string): Promise<NetworkContent> {
  const store = EmbeddedGraphStore.open(databaseFile({ dataDir }));
  try {
    const snapshot = await store.snapshot();
    return {
      nodes: [...snapshot.nodes].sort(byId),
      links: [...snapshot.links].sort(byId),
      positions: [...snapshot.positions].sort(byId),
    };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  await checkBuild();
  workDir = await mkdtemp(join(tmpdir(), 'octograph-cli-'));
  sourceDir = join(workDir, 'source');
  targetDir = join(workDir, 'target');
  networkFile = join(workDir, 'network.json');
  const seeded = await runCli(['seed'], sourceDir);
  expect(seeded, seeded.stderr).toMatchObject({ code: 0 });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('octograph seed', () => {
  it('writes the demo network once, then only what is missing, and starts over with --reset', async () => {
    const dataDir = join(workDir, 'seeded');
    const first = await runCli(['seed', '--if-empty'], dataDir);
    expect(first.stdout).toMatch(
      /^seed: wrote (\d+) nodes and (\d+) links and laid out \1 positions/,
    );
    const seeded = await contentIn(dataDir);

    const again = await runCli(['seed', '--if-empty'], dataDir);
    expect(again.stdout).toMatch(/already has data; left as it is/);
    const idempotent = await runCli(['seed'], dataDir);
    expect(idempotent.stdout).toMatch(/^seed: wrote 0 nodes and 0 links and laid out 0 positions/);
    expect(await contentIn(dataDir)).toEqual(seeded);

    const reset = await runCli(['seed', '--reset'], dataDir);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(
      new RegExp(
        `^seed: wrote ${seeded.nodes.length} nodes and ${seeded.links.length} links after deleting ${seeded.nodes.length} nodes`,
      ),
    );
    const after = await contentIn(dataDir);
    expect(after.nodes.map((node) => node.id)).toEqual(seeded.nodes.map((node) => node.id));
    expect(after.positions).toEqual(seeded.positions);
  });
});

describe('octograph export and import', () => {
  it('moves the network to another data folder through a file, losing nothing', async () => {
    const exported = await runCli(['export', '--out', networkFile], sourceDir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^export: \d+ nodes, \d+ links and \d+ positions from /);

    const imported = await runCli(['import', networkFile], targetDir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^import: \d+ nodes, \d+ links and \d+ positions from /);

    const expected = await contentIn(sourceDir);
    expect(expected.nodes.length).toBeGreaterThan(100);
    expect(await contentIn(targetDir)).toEqual(expected);
  });

  it('writes the same file to standard output without --out, its summary to stderr', async () => {
    const run = await runCli(['export'], sourceDir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^export: \d+ nodes/);
    const fromFile = JSON.parse(await readFile(networkFile, 'utf8')) as Record<string, unknown>;
    const fromStdout = JSON.parse(run.stdout) as Record<string, unknown>;
    expect({ ...fromStdout, exportedAt: 'x' }).toEqual({ ...fromFile, exportedAt: 'x' });
  });

  it('refuses a data folder that holds a network, suggesting --replace', async () => {
    const before = await contentIn(targetDir);
    const run = await runCli(['import', networkFile], targetDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^octograph import: .* already holds \d+ nodes .*--replace.*\n$/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await contentIn(targetDir)).toEqual(before);
  });

  it('replaces the network with --replace, saving the previous one in DATA_DIR/backups', async () => {
    const run = await runCli(['import', networkFile, '--replace'], targetDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const backup = /saved in (\S+\.json)\)/.exec(run.stdout)?.[1];
    expect(backup, run.stdout).toMatch(new RegExp(`^${join(targetDir, 'backups')}/`));
    const saved = JSON.parse(await readFile(backup ?? '', 'utf8')) as NetworkContent;
    const { nodes, links, positions } = await contentIn(targetDir);
    expect({ nodes: saved.nodes, links: saved.links, positions: saved.positions }).toEqual({
      nodes,
      links,
      positions,
    });
  });

  const failures: { name: string; file: () => Promise<string>; message: RegExp }[] = [
    {
      name: 'a file that does not exist',
      file: () => Promise.resolve(join(workDir, 'no-such-file.json')),
      message: /no file at .*no-such-file\.json/,
    },
    {
      name: 'a file that is not JSON',
      file: async () => {
        const path = join(workDir, 'not-json.json');
        await writeFile(path, 'format: octograph-network\n');
        return path;
      },
      message: /not-json\.json is not JSON/,
    },
    {
      name: 'JSON that is not a network file',
      file: async () => {
        const path = join(workDir, 'other.json');
        await writeFile(path, JSON.stringify({ format: 'something-else', nodes: [] }));
        return path;
      },
      message: /other\.json: not an Octograph network file: format must be 'octograph-network'/,
    },
  ];

  it.each(failures)('rejects $name with one line and exit code 1', async (row) => {
    const emptyDir = join(workDir, `empty-${row.name.replace(/\W+/g, '-')}`);
    const run = await runCli(['import', await row.file()], emptyDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(row.message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('shows the usage with exit code 2 when import has no file', async () => {
    const run = await runCli(['import'], join(workDir, 'unused'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^octograph import: import needs the network file to read\n/);
    expect(run.stderr).toMatch(/import <file> \[--replace\]/);
  });
});

describe('create-admin', () => {
  it('creates an admin who can then sign in, with the password read from standard input', async () => {
    const dataDir = join(workDir, 'admin');
    const run = await runCli(
      ['create-admin', '--email', 'Coordinator@Example.org', '--name', 'Ada'],
      dataDir,
      'a long enough secret\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created the admin coordinator@example.org');
    const store = EmbeddedGraphStore.open(databaseFile({ dataDir }));
    try {
      const accounts = new AccountService(store, 1);
      const signedIn = await accounts.signIn('coordinator@example.org', 'a long enough secret');
      expect([signedIn.user.role, signedIn.user.name]).toEqual(['admin', 'Ada']);
      await expect(accounts.signIn('coordinator@example.org', 'another secret')).rejects.toThrow(
        'the e-mail or password is wrong',
      );
    } finally {
      await store.close();
    }
  });

  it('refuses a short password and a missing e-mail, creating nobody', async () => {
    const dataDir = join(workDir, 'no-admin');
    const short = await runCli(['create-admin', '--email', 'a@example.org'], dataDir, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('must be at least 10 characters');
    const missing = await runCli(['create-admin'], dataDir, 'a long enough secret\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('create-admin needs --email');
    expect(existsSync(databaseFile({ dataDir }))).toBe(false);
  });
});
