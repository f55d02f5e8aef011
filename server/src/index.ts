/**
 * @octograph/server as a library, for tests and benchmarks. Start reading at app.ts (routes and
 * plugins), then store/graph-store.ts (the storage port) and store/embedded/.
 */
export { buildApp, type BuildAppOptions } from './app.js';
export { loadConfig, databaseFile, type AppConfig } from './config.js';
export * from './errors.js';
export type * from './store/graph-store.js';
export { EmbeddedGraphStore } from './store/embedded/embedded-store.js';
export { openStore } from './store/open-store.js';
export { seedStore, type SeedOutcome } from './seeding.js';
export { AccountService } from './services/accounts.js';
export { BackupService } from './services/backups.js';
export { computeLayout, placeNewNodes } from './services/layout.js';
export { PUBLIC_READER, visibleNode, visibleSubgraph, type Reader } from './services/privacy.js';
export { exportNetwork } from './exchange/export-network.js';
export { importNetwork, StoreNotEmptyError } from './exchange/import-network.js';
