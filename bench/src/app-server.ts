/**
 * The built server (server/dist) started for a bench script on a free port of 127.0.0.1 over a
 * data folder the script filled, waited for until /api/health answers. The script stops it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child, freePort, waitUntilReady } from './processes.js';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = join(rootDir, 'server', 'dist', 'server.js');
const HOST = '127.0.0.1';

/** A started server and where it answers. */
export interface AppServer {
  server: Child;
  baseUrl: string;
}

/** Starts the server with `env` (DATA_DIR among it), ready within `readyMs`. */
export async function startAppServer(env: NodeJS.ProcessEnv, readyMs = 60_000): Promise<AppServer> {
  const port = await freePort();
  const server = Child.start({
    name: 'server',
    args: [SERVER_ENTRY],
    cwd: rootDir,
    env: { ...env, PORT: String(port), HOST },
  });
  const baseUrl = `http://${HOST}:${String(port)}`;
  await waitUntilReady(`${baseUrl}/api/health`, server, readyMs);
  return { server, baseUrl };
}
