/**
 * Throughput under concurrent load with autocannon, run in this process. The server's CPU time
 * and this process's CPU time are read around the run, so a reader can tell whether the server
 * or the load generator was the bottleneck (both share this machine's cores).
 */
import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuTimeMs, machineBusyMs } from './processes.js';

/** How hard and how long to push. */
export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

/** What one autocannon run measured. */
export interface LoadResult {
  /** Mean requests per second over the run. */
  requestsPerSecond: number;
  /** Completed responses. */
  responses: number;
  /** Latency percentiles in ms. */
  p50: number;
  p975: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers (all should be 0). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Response bytes per second received. */
  bytesPerSecond: number;
  /** The run's length in seconds. */
  seconds: number;
  /** Server CPU use over the run, as a share of one core (1 = one core busy throughout). */
  serverCores: number;
  /** Server CPU time (user + system) per completed response, in ms. */
  serverCpuMsPerResponse: number;
  /** The load generator's (this process's) CPU use, the same way. */
  clientCores: number;
  /** Every process on the machine together; more than server plus client means others ran. */
  machineCores: number;
}

/**
 * Runs autocannon against `url`, sending `headers` (the session cookie) with every request; stops
 * it if it overruns its duration by 15 s.
 */
export async function runLoad(
  url: string,
  serverPid: number,
  options: LoadOptions,
  headers: Record<string, string>,
): Promise<LoadResult> {
  const serverCpuBefore = cpuTimeMs(serverPid);
  const clientCpuBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const guard = setTimeout(
      () => {
        instance.stop();
      },
      (options.durationSeconds + 15) * 1000,
    );
    const instance = autocannon(
      {
        url,
        headers,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 10,
      },
      (error: unknown, finished: autocannon.Result) => {
        clearTimeout(guard);
        if (error) {
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        } else resolve(finished);
      },
    );
  });
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuMs = cpuTimeMs(serverPid) - serverCpuBefore;
  const machineMs = machineBusyMs() - machineBefore;
  // Let sockets from the run close before the next step measures anything.
  await sleep(500);
  return {
    requestsPerSecond: result.requests.average,
    responses: result.requests.total,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerSecond: result.throughput.average,
    seconds: result.duration,
    serverCores: serverCpuMs / wallMs,
    serverCpuMsPerResponse: serverCpuMs / Math.max(result.requests.total, 1),
    clientCores: (clientCpu.user + clientCpu.system) / 1000 / wallMs,
    machineCores: machineMs / wallMs,
  };
}
