/**
 * A Neo4j server of a test's own (tests/neo4j-server/, built by `.ci/run` or `npm run
 * neo4j:local`): started on a given port over a given folder, so a test can SIGKILL it and start it
 * again on the same address over the same data. The shared test Neo4j is never touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './app-process.js';

const LAUNCHER = join(REPO_ROOT, 'tests/neo4j-server/run.sh');
const LAUNCHER_CLASS = join(
  REPO_ROOT,
  'tests/neo4j-server/target/classes/org/octograph/neo4j/LocalNeo4j.class',
);
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** Why a test cannot start a Neo4j of its own here, or null when it can. */
export function neo4jLauncherMissing(): string | null {
  return existsSync(LAUNCHER_CLASS)
    ? null
    : `the Neo4j launcher is not built (${LAUNCHER_CLASS}): run \`mvn -q -f tests/neo4j-server/pom.xml package\` or \`.ci/run\``;
}

/** A running Neo4j of the test's own. */
export interface Neo4jProcess {
  /** `bolt://127.0.0.1:<port>`. */
  uri: string;
  pid: number;
  /** What it printed (for failure messages). */
  output: () => string;
  /** Sends `signal` and waits until the JVM has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
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

/** Starts Neo4j on 127.0.0.1:`port` over `dataDir` and waits for its ready line. */
export async function startNeo4jProcess(options: {
  dataDir: string;
  port: number;
  password: string;
}): Promise<Neo4jProcess> {
  const missing = neo4jLauncherMissing();
  if (missing !== null) throw new Error(missing);
  const child = spawn(LAUNCHER, ['--data', options.dataDir, '--port', String(options.port)], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_PASSWORD: options.password,
      NEO4J_SERVER_NO_BUILD: '1',
      NEO4J_HEAP: '512m',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = () => text;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Neo4j was not ready after ${String(READY_TIMEOUT_MS)} ms:\n${text}`));
    }, READY_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const uri = /ready at (bolt:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (uri !== undefined) {
        clearTimeout(timer);
        resolve(uri);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Neo4j exited (${signal ?? `code ${String(code)}`}) before it was ready:\n${text}`,
        ),
      );
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (!(await exited(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await exited(child, STOP_TIMEOUT_MS);
    }
  };
  try {
    const uri = await ready;
    if (child.pid === undefined) throw new Error('Neo4j has no pid');
    return { uri, pid: child.pid, output, kill };
  } catch (error: unknown) {
    await kill('SIGKILL');
    throw error;
  }
}
