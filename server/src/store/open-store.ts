/** Chooses and opens the GraphStore for a configuration. */
import { databaseFile, type AppConfig } from '../config.js';
import { EmbeddedGraphStore } from './embedded/embedded-store.js';
import type { GraphStore } from './graph-store.js';

/** Opens the store the configuration names (today: the embedded store under DATA_DIR). */
export function openStore(config: Pick<AppConfig, 'dataDir'>): Promise<GraphStore> {
  return Promise.resolve(EmbeddedGraphStore.open(databaseFile(config)));
}
