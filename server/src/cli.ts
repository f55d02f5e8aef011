/**
 * Octograph's command line: `node server/dist/cli.js seed|export|import ...` (see USAGE).
 * Root scripts call it (`npm run seed`, `npm run export`, `npm run import`, `npm run backup`,
 * `npm run restore`, and `npm start` with `seed --if-empty`). It works on whichever store the configuration opens.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AccountEmailSchema, PasswordSchema, type NetworkFile } from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';
import { databaseFile, loadConfig, type AppConfig } from './config.js';
import { ValidationError } from './errors.js';
import { exportNetwork } from './exchange/export-network.js';
import { importNetwork, parseNetworkFile, StoreNotEmptyError } from './exchange/import-network.js';
import { seedStore } from './seeding.js';
import { AccountService } from './services/accounts.js';
import { BackupService, type BackupLog } from './services/backups.js';
import { restoreBackup } from './services/restore.js';
import type { GraphStore } from './store/graph-store.js';
import { openStore } from './store/open-store.js';

const USAGE = `usage: octograph <command>
  seed [--reset] [--if-empty]
               write the fictional demo network (only what is not stored yet)
    --reset      delete everything first and start over
    --if-empty   do nothing if the store already holds any node
  export [--out <file>]
               write every node, link and position to a network file (JSON);
               without --out, or with --out -, to standard output
  import <file> [--replace]
               read a network file into the store, which must be empty
    --replace    delete everything in the store first (a copy is saved under
                 DATA_DIR/backups; if the import fails, the store is left as it was)
  backup       copy the store now into BACKUP_DIR (compressed, then checked),
               unless nothing changed since the newest backup; works while the
               server runs (embedded store only)
  restore <file>
               replace the store with a backup (server stopped): the file is
               checked first and refused if damaged or from a newer Octograph;
               the current store is saved in BACKUP_DIR before it is replaced
  create-admin --email <address> [--name <name>]
               create an admin (or make this user an admin) with a new password,
               typed without echo, or read from standard input when it is not a
               terminal (e.g. echo "$PASSWORD" | npm run create-admin -- --email …)`;

/** A mistake on the command line: the message and the usage, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs parseArgs, turning its complaint about an unknown or malformed option into a UsageError. */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error: unknown) {
    throw new UsageError(messageOf(error), { cause: error });
  }
}

async function withStore<T>(
  work: (store: GraphStore, config: AppConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** Names the store in messages: the folder of an embedded store, or the adapter. */
function describeStore(store: GraphStore, config: AppConfig): string {
  return store.kind === 'embedded' ? `the store in ${config.dataDir}` : `the ${store.kind} store`;
}

/** Writes `text` to `file` through a temporary file, so a failed write leaves no half file. */
async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function sizes(file: NetworkFile): { nodes: number; links: number; positions: number } {
  return { nodes: file.nodes.length, links: file.links.length, positions: file.positions.length };
}

function counts(written: { nodes: number; links: number; positions: number }): string {
  return `${written.nodes} nodes, ${written.links} links and ${written.positions} positions`;
}

async function seed(args: string[]): Promise<void> {
  const { values } = usageErrors(() =>
    parseArgs({
      args,
      options: {
        reset: { type: 'boolean', default: false },
        'if-empty': { type: 'boolean', default: false },
      },
      strict: true,
    }),
  );
  await withStore(async (store, config) => {
    const outcome = await seedStore(store, demoNetwork(), {
      reset: values.reset,
      ifEmpty: values['if-empty'],
    });
    if (outcome.skipped) {
      process.stdout.write(
        `seed: ${describeStore(store, config)} already has data; left as it is\n`,
      );
    } else {
      process.stdout.write(
        `seed: wrote ${outcome.nodesCreated} nodes and ${outcome.linksCreated} links` +
          (outcome.nodesDeleted > 0 ? ` after deleting ${outcome.nodesDeleted} nodes` : '') +
          ` and laid out ${outcome.positionsSaved} positions in ${describeStore(store, config)}\n`,
      );
    }
  });
}

async function exportCommand(args: string[]): Promise<void> {
  const { values } = usageErrors(() =>
    parseArgs({ args, options: { out: { type: 'string', short: 'o' } }, strict: true }),
  );
  const out = values.out ?? '-';
  await withStore(async (store, config) => {
    const file = await exportNetwork(store);
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (out === '-') {
      process.stdout.write(text);
      // The summary goes to stderr so that standard output is exactly the file.
      process.stderr.write(`export: ${counts(sizes(file))} from ${describeStore(store, config)}\n`);
      return;
    }
    const path = resolve(out);
    try {
      await writeFileAtomically(path, text);
    } catch (error: unknown) {
      const reason = isErrnoCode(error, 'ENOENT')
        ? `there is no folder ${dirname(path)}`
        : messageOf(error);
      throw new Error(`cannot write ${path}: ${reason}`, { cause: error });
    }
    process.stdout.write(
      `export: ${counts(sizes(file))} from ${describeStore(store, config)} written to ${path}\n`,
    );
  });
}

/** Reads and parses a JSON file, with one-line errors for a missing file or bad JSON. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    if (isErrnoCode(error, 'ENOENT')) throw new Error(`no file at ${file}`, { cause: error });
    if (isErrnoCode(error, 'EISDIR')) {
      throw new Error(`${file} is a folder, not a file`, { cause: error });
    }
    throw new Error(`cannot read ${file}: ${messageOf(error)}`, { cause: error });
  }
  try {
    // Editors on Windows may start the file with a byte order mark, which JSON.parse rejects.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error: unknown) {
    throw new Error(`${file} is not JSON (${messageOf(error)})`, { cause: error });
  }
}

async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      options: { replace: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('import needs the network file to read');
  if (extra.length > 0) throw new UsageError(`import reads one file, not ${positionals.length}`);
  const content = await readJson(file);
  // Checked before the store is opened, so a bad file never waits on (or touches) a database.
  try {
    parseNetworkFile(content);
  } catch (error: unknown) {
    if (error instanceof ValidationError)
      throw new Error(`${file}: ${error.message}`, { cause: error });
    throw error;
  }
  await withStore(async (store, config) => {
    // An object, not a `let`: TypeScript would keep a `let` narrowed to null past the callback.
    const saved: { backup: string | null } = { backup: null };
    try {
      const outcome = await importNetwork(store, content, {
        replace: values.replace,
        beforeReplace: async (previous) => {
          saved.backup = await saveBackup(config, previous);
        },
      });
      process.stdout.write(
        `import: ${counts(outcome)} from ${file} written to ${describeStore(store, config)}` +
          (saved.backup === null
            ? '\n'
            : `, replacing ${outcome.nodesReplaced} nodes (saved in ${saved.backup})\n`),
      );
    } catch (error: unknown) {
      if (error instanceof ValidationError) {
        throw new Error(`${file}: ${error.message}`, { cause: error });
      }
      if (error instanceof StoreNotEmptyError) {
        throw new Error(
          `${describeStore(store, config)} already holds ${error.nodeCount} nodes and ` +
            `${error.linkCount} links; add --replace to delete them and import ${file} instead`,
          { cause: error },
        );
      }
      // Any failure after the backup was written: say where the previous content is.
      if (saved.backup !== null) {
        throw new Error(`${messageOf(error)} (previous content: ${saved.backup})`, {
          cause: error,
        });
      }
      throw error;
    }
  });
}

/** Saves the store's content before a replace; returns the file's path. */
async function saveBackup(config: AppConfig, previous: NetworkFile): Promise<string> {
  const folder = join(config.dataDir, 'backups');
  // A timestamp with no ':' so the name is valid on every file system.
  const stamp = previous.exportedAt.replace(/[:.]/g, '-');
  const path = join(folder, `before-import-${stamp}.json`);
  await mkdir(folder, { recursive: true });
  await writeFileAtomically(path, `${JSON.stringify(previous, null, 2)}\n`);
  return path;
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a password: typed without echo at a terminal, else the first line of standard input. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((done, fail) => {
      let typed = '';
      const onData = (key: string) => {
        for (const character of key) {
          if (character === '\r' || character === '\n') {
            input.off('data', onData);
            process.stderr.write('\n');
            done(typed);
            return;
          }
          if (character === '\u0003') {
            input.off('data', onData);
            fail(new Error('cancelled'));
            return;
          }
          typed = character === '\u007f' ? typed.slice(0, -1) : typed + character;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = usageErrors(() =>
    parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } },
      strict: true,
    }),
  );
  if (values.email === undefined) throw new UsageError('create-admin needs --email <address>');
  const email = AccountEmailSchema.safeParse(values.email);
  if (!email.success) throw new UsageError(`--email ${values.email} is not an e-mail address`);
  const typed = await readPassword('New password (10 characters or more): ');
  const password = PasswordSchema.safeParse(typed);
  if (!password.success) {
    throw new Error(`the password ${password.error.issues[0]?.message ?? 'is not accepted'}`);
  }
  if (process.stdin.isTTY && (await readPassword('Same password again: ')) !== typed) {
    throw new Error('the two passwords differ; nothing was changed');
  }
  await withStore(async (store, config) => {
    const outcome = await new AccountService(store, config.sessionDays).ensureAdmin(
      email.data,
      values.name,
      password.data,
    );
    process.stdout.write(
      `create-admin: ${outcome === 'created' ? 'created the admin' : 'made'} ${email.data}` +
        `${outcome === 'created' ? '' : ' an admin with the new password'} in ${describeStore(store, config)}\n`,
    );
  });
}

async function backupCommand(args: string[]): Promise<void> {
  usageErrors(() => parseArgs({ args, options: {}, strict: true }));
  await withStore(async (store, config) => {
    if (!store.backups) throw new Error(NEO4J_BACKUPS);
    // The command line serves no requests, so the copy is made in one step.
    const service = new BackupService(store.backups, config.backups, cliLog, ALL_PAGES);
    const result = await service.backUp({ by: 'cli' });
    if (result.outcome === 'failed') throw new Error(result.problem.message);
    const { backup } = result;
    const where = join(config.backups.dir, backup.name);
    process.stdout.write(
      result.outcome === 'unchanged'
        ? `backup: nothing changed since ${where} (revision ${backup.revision}); no new backup\n`
        : `backup: wrote ${where} (revision ${backup.revision}, ${describeCounts(backup)}); checked\n`,
    );
  });
}

async function restoreCommand(args: string[]): Promise<void> {
  const { positionals } = usageErrors(() =>
    parseArgs({ args, options: {}, allowPositionals: true, strict: true }),
  );
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('restore needs the backup file to read');
  if (extra.length > 0) throw new UsageError(`restore reads one file, not ${positionals.length}`);
  const config = loadConfig();
  if (config.neo4j) throw new Error(NEO4J_BACKUPS);
  const outcome = await restoreBackup({
    file: resolve(file),
    databaseFile: databaseFile(config),
    backupDir: config.backups.dir,
  });
  // Opening it brings an older schema up to date, and proves the server will open it.
  const store = await openStore(config);
  await store.close();
  const { restored, setAside } = outcome;
  process.stdout.write(
    `restore: the store in ${config.dataDir} now holds revision ${restored.revision} ` +
      `(${describeCounts({ counts: restored })}) from ${resolve(file)}\n` +
      (setAside === null
        ? ''
        : `restore: the previous store (revision ${setAside.facts.revision}) is saved in ` +
          `${setAside.path}; to go back: npm run restore -- ${setAside.path}\n`),
  );
}

const NEO4J_BACKUPS =
  'backup and restore copy the embedded store; a Neo4j store is backed up with neo4j-admin (README, "Backups and restore")';

/** Pages per backup step for the command line: all of them at once. */
const ALL_PAGES = 0x7fffffff;

const cliLog: BackupLog = {
  info: () => undefined,
  error: () => undefined,
};

function describeCounts(backup: {
  counts: {
    nodes: number;
    links: number;
    positions: number;
    users: number;
    auditEntries: number;
  } | null;
}): string {
  const { counts } = backup;
  if (counts === null) return 'contents not checked';
  return `${counts.nodes} nodes, ${counts.links} links, ${counts.positions} positions, ${counts.users} users, ${counts.auditEntries} audit entries`;
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  seed,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'create-admin': createAdmin,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (run === undefined) {
    if (command !== undefined) process.stderr.write(`octograph: unknown command '${command}'\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await run(rest);
  } catch (error: unknown) {
    // Every failure is one line naming the command; a usage mistake also shows the usage.
    process.stderr.write(`octograph ${command}: ${messageOf(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`octograph: ${messageOf(error)}\n`);
  process.exitCode = 1;
});
