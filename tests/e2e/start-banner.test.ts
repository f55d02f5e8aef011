/**
 * `npm start` on a fresh machine: the built server, with no administrator yet, tells whoever
 * started it the one-time set-up code in words (its log is JSON), and that code is the one the
 * browser's set-up takes.
 *
 * Needs `npm run build -w server` first.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT } from '../helpers/app-process.js';

const SERVER = join(REPO_ROOT, 'server/dist/server.js');

describe('the server started by hand', () => {
  it('prints the set-up code in words while no administrator exists', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'octograph-banner-'));
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !name.startsWith('NEO4J_') && !name.startsWith('OCTOGRAPH_ADMIN_'),
      ),
    );
    const child = spawn(process.execPath, [SERVER], {
      cwd: REPO_ROOT,
      env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      let stderr = '';
      const code = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no set-up code within 30 s; stderr: ${stderr}`));
        }, 30_000);
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
          const found = /enter the set-up code (\S+)/.exec(stderr);
          if (found?.[1]) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
      });
      expect(stderr).toContain(`Octograph is running at http://127.0.0.1:${String(port)}`);
      // The code printed is the one the set-up takes.
      const response = await fetch(`http://localhost:${String(port)}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'first@example.org',
          name: 'First Admin',
          password: 'a long enough password',
          code,
        }),
      });
      expect(response.status).toBe(201);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
