/**
 * Octograph's command line: `node server/dist/cli.js seed [--reset] [--if-empty]`.
 * Root scripts call it (`npm run seed`, and `npm start` with --if-empty).
 */
import { parseArgs } from 'node:util';
import { demoNetwork } from '@octograph/seed';
import { loadConfig } from './config.js';
import { seedStore } from './seeding.js';
import { openStore } from './store/open-store.js';

const USAGE = `usage: octograph seed [--reset] [--if-empty]
  seed         write the fictional demo network (only what is not stored yet)
  --reset      delete everything first and start over
  --if-empty   do nothing if the store already holds any node`;

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      reset: { type: 'boolean', default: false },
      'if-empty': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const outcome = await seedStore(store, demoNetwork(), {
      reset: values.reset,
      ifEmpty: values['if-empty'],
    });
    if (outcome.skipped) {
      process.stdout.write(
        `seed: the store in ${config.dataDir} already has data; left as it is\n`,
      );
    } else {
      process.stdout.write(
        `seed: ${outcome.nodesCreated} nodes and ${outcome.linksCreated} links written` +
          (outcome.nodesDeleted > 0 ? ` after deleting ${outcome.nodesDeleted} nodes` : '') +
          `, ${outcome.positionsSaved} positions laid out, in ${config.dataDir}\n`,
      );
    }
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'seed') return seed(rest);
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`octograph: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
