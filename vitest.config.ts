import { configDefaults, defineConfig } from 'vitest/config';
import { neo4jTestRun, neo4jVariables, NEO4J_VARIABLES } from './tests/helpers/neo4j-env.js';

/**
 * The suites that run a second time against a real Neo4j (`neo4j` project): the store contract
 * (with the accounts and audit contract), the API suites that touch the store, the 20-editor
 * test with a SIGKILL of the app, and the Neo4j-only tests (tests/neo4j/).
 */
const NEO4J_SUITES = [
  'tests/contract/neo4j.test.ts',
  ...[
    'nodes',
    'links',
    'map',
    'batch',
    'import',
    'export',
    'insights',
    'meetings',
    'privacy',
    'authorization',
    'audit',
  ].map((name) => `tests/api/${name}.test.ts`),
  'tests/durability/concurrency.test.ts',
  'tests/neo4j/**/*.test.ts',
];

// NEO4J_URI and OCTOGRAPH_TEST_NEO4J=1 (set by .ci/run or `npm run test:neo4j`) say which Neo4j
// the `neo4j` project may empty. Only that project sees them: every other project's workers, and
// the servers they start, must open their own embedded stores.
const neo4jRun = neo4jTestRun(process.env);
const neo4jEnv = neo4jVariables(process.env);
for (const name of NEO4J_VARIABLES) Reflect.deleteProperty(process.env, name);

// One vitest run, several projects: `npx vitest run --project api` runs one of them.
export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/store-counts-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'api', include: ['tests/api/**/*.test.ts'] } },
      { test: { name: 'contract', include: ['tests/contract/**/*.test.ts'] } },
      {
        test: {
          name: 'durability',
          include: ['tests/durability/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The same suites over one shared Neo4j database, one file at a time (each case empties
        // it). Without a Neo4j, one file says why they were skipped (and fails when CI=true).
        test: {
          name: 'neo4j',
          include: neo4jRun.reason === null ? NEO4J_SUITES : ['tests/neo4j/not-available.test.ts'],
          exclude:
            neo4jRun.reason === null
              ? [...configDefaults.exclude, 'tests/neo4j/not-available.test.ts']
              : configDefaults.exclude,
          env: {
            ...neo4jEnv,
            OCTOGRAPH_TEST_STORE: 'neo4j',
            ...(neo4jRun.reason === null ? {} : { OCTOGRAPH_NEO4J_SKIPPED: neo4jRun.reason }),
          },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
