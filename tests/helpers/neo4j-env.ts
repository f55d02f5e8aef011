/**
 * Which Neo4j the tests may use, if any (no imports: vitest.config.ts reads this). One switch, as `npm run test:neo4j` has always set it:
 * NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) names the server, and
 * OCTOGRAPH_TEST_NEO4J=1 says "this database may be emptied" (every case deletes everything in
 * it). `.ci/run` starts a local Neo4j (tests/neo4j-server/) and sets both.
 *
 * vitest.config.ts reads them once: the `neo4j` project gets them (and OCTOGRAPH_TEST_STORE=neo4j,
 * which makes startTestApp open Neo4j); every other project runs without them, so a server process
 * a browser test starts cannot wander into the database the Neo4j suites empty.
 */

/** The variables that point the app (and the tests) at a Neo4j server. */
export const NEO4J_VARIABLES = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
] as const;

export const NOT_SET_REASON =
  'Neo4j suites skipped: NEO4J_URI is not set (`.ci/run` starts a local Neo4j; by hand: `npm run neo4j:local`, then NEO4J_URI=… NEO4J_PASSWORD=… `npm run test:neo4j`)';
export const NOT_ASKED_REASON =
  'Neo4j suites skipped: NEO4J_URI is set, but the run empties that database, so it runs only through `npm run test:neo4j` (OCTOGRAPH_TEST_NEO4J=1)';

/**
 * Whether to run the Neo4j suites, and if not, why. A NEO4J_URI left set for other work (an
 * import, say) is not enough: OCTOGRAPH_TEST_NEO4J=1 must say the database may be emptied.
 */
export function neo4jTestRun(env: NodeJS.ProcessEnv): { reason: string | null } {
  if (!env.NEO4J_URI) return { reason: NOT_SET_REASON };
  if (env.OCTOGRAPH_TEST_NEO4J !== '1') return { reason: NOT_ASKED_REASON };
  return { reason: null };
}

/** The Neo4j variables of `env` that are set. */
export function neo4jVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const name of NEO4J_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') variables[name] = value;
  }
  return variables;
}
