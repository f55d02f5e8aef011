/**
 * Starts the server: reads the configuration, listens, and closes gracefully on SIGTERM/SIGINT
 * (in-flight requests finish, the store closes). A configuration or start-up problem prints one
 * line and exits non-zero.
 */
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp({ config });
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`Octograph is running at ${address}`);
  // The log is JSON for machines; whoever started `npm start` also gets the set-up code in words.
  if (!config.trustProxy && !(await app.store.hasAdmin())) {
    process.stderr.write(
      `\nOctograph is running at ${address}\nNo administrator yet: open it in a browser on this machine and enter the set-up code ${app.accounts.setupCode}\n(or run \`npm run create-admin\`).\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`octograph: could not start: ${message}\n`);
  process.exit(1);
});
