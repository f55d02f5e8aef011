/**
 * Child processes the benchmark starts (the built server, the bare Fastify server), and what
 * Linux says about them in /proc: memory and CPU time. Only children started here are ever
 * signalled, by their own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The last this many characters of a child's output are kept for error messages. */
const OUTPUT_TAIL_CHARS = 4000;
/** Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every mainstream build. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A free TCP port on 127.0.0.1, found by letting the OS pick one and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port > 0) resolve(port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** How to start a child. */
export interface ChildOptions {
  /** Shown in messages. */
  name: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A Node child process this benchmark started, with the tail of its output. */
export class Child {
  /** Resolves with the exit code (null when a signal ended it) once the process has gone. */
  readonly exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        resolve(code);
      });
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts `node <args>` with the same Node binary that runs the benchmark. */
  static start(options: ChildOptions): Child {
    const child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error(`${options.name}: could not start`);
    return new Child(options.name, child);
  }

  /** The process id. */
  get pid(): number {
    // start() refuses a child without a pid.
    return this.child.pid ?? -1;
  }

  /** Whether the process has ended. */
  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The end of what the child printed. */
  outputTail(): string {
    return this.output.trim();
  }

  /** SIGTERM, and SIGKILL if it has not gone within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const gone = await Promise.race([this.exited.then(() => true), sleep(graceMs, false)]);
    if (!gone) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, sleep(graceMs)]);
    }
  }
}

/** Polls `url` until it answers 200, the child dies, or `timeoutMs` passes. */
export async function waitUntilReady(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.hasExited) {
      throw new Error(`${child.name} exited before it was ready:\n${child.outputTail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error: unknown) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(
    `${child.name} was not ready within ${timeoutMs} ms (${lastProblem}):\n${child.outputTail()}`,
  );
}

/** Resident memory now (VmRSS) and its peak so far (VmHWM), in bytes. */
export interface Memory {
  rss: number;
  peak: number;
}

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]) * 1024;
}

/** Reads /proc/<pid>/status. */
export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: statusField(status, 'VmRSS'), peak: statusField(status, 'VmHWM') };
}

/** User plus system CPU time of a process so far, in ms, from /proc/<pid>/stat. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces; count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5) are utime and stime; fields[0] here is field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`cannot read CPU time of ${pid}`);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time the whole machine spent busy (everything but idle and iowait) so far, in ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // "cpu  user nice system idle iowait irq softirq steal ..." summed over all cores.
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = ticks.reduce(
    (sum, value, index) => (index === 3 || index === 4 ? sum : sum + value),
    0,
  );
  return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
}
