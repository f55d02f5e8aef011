/**
 * docker-compose.yml is valid for docker-compose v1 (Debian's package, which CI installs) and says
 * what the README promises: the app waits for a healthy Neo4j 5, is published on port 3000, and
 * refuses to start without NEO4J_PASSWORD. `docker-compose config` needs no Docker engine.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/app-process.js';

interface ComposeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `docker-compose <args>` at the repository root with `env` instead of any NEO4J_ values. */
function compose(args: string[], env: Record<string, string>): ComposeRun {
  // The caller's own NEO4J_ settings must not decide whether the file is complete.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')),
  );
  const run = spawnSync('docker-compose', args, {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) {
    const missing = 'code' in run.error && run.error.code === 'ENOENT';
    throw new Error(
      missing
        ? 'docker-compose is not installed: apt-get install -y docker-compose'
        : `docker-compose ${args.join(' ')} did not run: ${run.error.message}`,
    );
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The lines of one top-level service in `docker-compose config` output (two-space indent). */
function serviceBlock(config: string, service: string): string {
  const lines = config.split('\n');
  const start = lines.indexOf(`  ${service}:`);
  if (start === -1) throw new Error(`no service ${service} in:\n${config}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^ {0,2}\S/.test(line));
  return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

describe('docker-compose.yml', () => {
  const env = { NEO4J_PASSWORD: 'a-test-password' };

  it('passes `docker-compose config -q` without a word on stderr', () => {
    const run = compose(['config', '-q'], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs the app after Neo4j 5 is healthy, on port 3000, pointed at the neo4j service', () => {
    const run = compose(['config'], env);
    expect(run.status, run.stderr).toBe(0);
    const app = serviceBlock(run.stdout, 'app');
    const neo4j = serviceBlock(run.stdout, 'neo4j');

    expect(app).toMatch(/depends_on:\n\s+neo4j:\n\s+condition: service_healthy\n/);
    // Published on this machine only: the API has no accounts yet, so it is not put on the network.
    expect(app).toMatch(/ports:\n\s+- 127\.0\.0\.1:3000:3000\/tcp\n/);
    expect(app).toMatch(/^\s+NEO4J_URI: bolt:\/\/neo4j:7687$/m);
    expect(app).toMatch(/^\s+NEO4J_PASSWORD: a-test-password$/m);
    expect(app).toMatch(/^\s+build:\n\s+context: /m);
    expect(app).toMatch(/^\s+restart: \S+$/m);
    expect(neo4j).toMatch(/^\s+image: neo4j:5-community$/m);
    expect(neo4j).toMatch(/^\s+healthcheck:$/m);
  });

  it('gives the neo4j container no NEO4J_ variable but NEO4J_AUTH', () => {
    // The image writes every other NEO4J_* variable into neo4j.conf as a setting, and Neo4j 5
    // does not start with a setting it does not know (neo4j/docker-neo4j#403).
    const run = compose(['config'], env);
    expect(run.status, run.stderr).toBe(0);
    const variables = [...serviceBlock(run.stdout, 'neo4j').matchAll(/^\s+(NEO4J_\w+):/gm)].map(
      (match) => match[1],
    );
    expect(variables).toEqual(['NEO4J_AUTH']);
  });

  it('refuses to start without NEO4J_PASSWORD, saying so', () => {
    const run = compose(['config', '-q'], {});
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/set NEO4J_PASSWORD/);
  });
});
