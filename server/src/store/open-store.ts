/** Chooses and opens the GraphStore for a configuration. */
import { databaseFile, type AppConfig } from '../config.js';
import { EmbeddedGraphStore } from './embedded/embedded-store.js';
import type { GraphStore } from './graph-store.js';
import { Neo4jGraphStore } from './neo4j/neo4j-store.js';

/**
 * Opens the store the configuration names: Neo4j when NEO4J_URI is set (after checking the server
 * answers and creating its schema), otherwise the embedded store under DATA_DIR. Any failure
 * rejects the promise with a one-line message.
 */
export async function openStore(config: Pick<AppConfig, 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  if (config.neo4j) return Neo4jGraphStore.open(config.neo4j);
  return EmbeddedGraphStore.open(databaseFile(config));
}
