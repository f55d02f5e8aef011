/**
 * `npm run backup` and `npm run restore` as people run them (issue 22): the built CLI
 * (server/dist/cli.js) on a seeded store in a temp folder. A backup is written and checked, a
 * second one is skipped while nothing changed, a damaged file is refused with the reason and
 * exit code 1, and a good one is restored with the way back named.
 *
 * Needs `npm run build -w server` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/app-process.js';

const CLI = join(REPO_ROOT, 'server/dist/cli.js');
const RUN_TIMEOUT_MS = 60_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;

/** Runs the built CLI on the store in `dataDir`. */
function runCli(args: string[]): Promise<CliRun> {
  // The environment's own store settings must not send the CLI elsewhere.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NEO4J_|BACKUP_)/.test(name)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} took more than ${RUN_TIMEOUT_MS} ms`));
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

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -w server\` first`);
  dataDir = await mkdtemp(join(tmpdir(), 'octograph-backup-cli-'));
  const seeded = await runCli(['seed']);
  expect(seeded.code, seeded.stderr).toBe(0);
}, RUN_TIMEOUT_MS);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  it('backs up, skips an unchanged store, refuses a damaged file and restores', async () => {
    const made = await runCli(['backup']);
    expect(made.code, made.stderr).toBe(0);
    const written =
      /^backup: wrote (\S+octograph-\d{8}T\d{6}Z-r(\d+)\.db\.gz) \(revision (\d+), (\d+) nodes, .*\); checked\n$/.exec(
        made.stdout,
      );
    expect(written, made.stdout).not.toBeNull();
    const [, file = '', named = '', revision = ''] = written ?? [];
    expect(named).toBe(revision);
    expect(file.startsWith(join(dataDir, 'backups'))).toBe(true);

    const again = await runCli(['backup']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      `backup: nothing changed since ${file} (revision ${revision}); no new backup\n`,
    );

    const damaged = join(dataDir, 'damaged.db.gz');
    await writeFile(damaged, 'not a backup');
    const refused = await runCli(['restore', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^octograph restore: .*damaged\.db\.gz .*; nothing was changed\n$/,
    );

    const restored = await runCli(['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(
      `restore: the store in ${dataDir} now holds revision ${revision} (`,
    );
    expect(restored.stdout).toMatch(
      /the previous store \(revision \d+\) is saved in \S+before-restore-\d{8}T\d{6}Z-r\d+\.db\.gz; to go back: npm run restore -- \S+\n$/,
    );

    const usage = await runCli(['restore']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('restore needs the backup file to read');
  }, 120_000);
});
