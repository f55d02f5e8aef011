/**
 * The app under test over Neo4j: in the `neo4j` vitest project (OCTOGRAPH_TEST_STORE=neo4j),
 * startTestApp and the process helpers point the app at the Neo4j of neo4j-env.ts, emptied first.
 */
import type { Neo4jConfig } from '../../server/src/config.js';
import { emptyNeo4jDatabase } from '../../server/src/store/neo4j/test-support.js';
import { NOT_SET_REASON, neo4jTestRun, neo4jVariables } from './neo4j-env.js';

/** Whether this test process runs its app over Neo4j (the `neo4j` vitest project). */
export function testStoreIsNeo4j(): boolean {
  return process.env.OCTOGRAPH_TEST_STORE === 'neo4j';
}

/**
 * The Neo4j variables for an app under test, after emptying that database; `{}` outside the
 * `neo4j` project (the app then opens the embedded store in its temp folder).
 */
export async function freshTestStoreEnv(): Promise<Record<string, string>> {
  if (!testStoreIsNeo4j()) return {};
  const reason = neo4jTestRun(process.env).reason;
  if (reason !== null) throw new Error(reason);
  const variables = neo4jVariables(process.env);
  await emptyNeo4jDatabase(neo4jConfigOf(variables));
  return variables;
}

/** The connection settings of a set of Neo4j variables, with the app's defaults. */
export function neo4jConfigOf(variables: Record<string, string>): Neo4jConfig {
  const uri = variables.NEO4J_URI;
  const password = variables.NEO4J_PASSWORD;
  if (uri === undefined || password === undefined) throw new Error(NOT_SET_REASON);
  return {
    uri,
    user: variables.NEO4J_USER ?? 'neo4j',
    password,
    database: variables.NEO4J_DATABASE ?? 'neo4j',
  };
}
