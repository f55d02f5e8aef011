/**
 * Step 1: generate the synthetic network and write it into a fresh embedded store (or the Neo4j
 * database of NEO4J_URI, emptied first), the way seeding does (one all-or-nothing batch, then a
 * ForceAtlas2 layout saved as positions), timing each part on its own.
 */
import { existsSync, statSync } from 'node:fs';
import type { BatchOpInput } from '@octograph/graph-schema';
import {
  computeLayout,
  databaseFile,
  loadConfig,
  openStore,
  type GraphStore,
} from '@octograph/server';
import { syntheticNetwork, type SeedNetwork, type SyntheticOptions } from '@octograph/seed';
import type { Neo4jConfig } from '../../server/src/config.js';
import { emptyNeo4jDatabase } from '../../server/src/store/neo4j/test-support.js';
import { since } from './stats.js';

/**
 * The Neo4j of NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), or undefined: then the
 * run uses embedded stores. Its servers inherit the same variables, so they open it too.
 */
export const BENCH_NEO4J: Neo4jConfig | undefined = loadConfig({
  NEO4J_URI: process.env.NEO4J_URI,
  NEO4J_USER: process.env.NEO4J_USER,
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
  NEO4J_DATABASE: process.env.NEO4J_DATABASE,
}).neo4j;

/** Empties the bench's Neo4j database (every step starts from an empty store); no-op without. */
export async function emptyBenchStore(): Promise<void> {
  if (BENCH_NEO4J) await emptyNeo4jDatabase(BENCH_NEO4J);
}

/** How long setting up took, and what it made. */
export interface SetupResult {
  network: SeedNetwork;
  /** The seeded store, still open; the caller closes it. */
  store: GraphStore;
  generateMs: number;
  /** Writing every node and link in one batch (one transaction). */
  writeMs: number;
  /** Computing the layout (ForceAtlas2 and the ring of unconnected nodes). */
  layoutMs: number;
  /** Saving the positions. */
  layoutSaveMs: number;
  positionsSaved: number;
}

/** Generates the network and seeds a new store in `dataDir`. */
export async function setUp(dataDir: string, options: SyntheticOptions): Promise<SetupResult> {
  let started = performance.now();
  const network = syntheticNetwork(options);
  const generateMs = since(started);

  await emptyBenchStore();
  const store = await openStore({ dataDir, neo4j: BENCH_NEO4J });
  try {
    const ops: BatchOpInput[] = [
      ...network.nodes.map((node) => ({ op: 'createNode' as const, node })),
      ...network.links.map((link) => ({ op: 'createLink' as const, link })),
    ];
    started = performance.now();
    await store.applyBatch(ops, { actor: 'bench' });
    const writeMs = since(started);

    const snapshot = await store.snapshot();
    started = performance.now();
    const positions = computeLayout(
      snapshot.nodes.map((node) => node.id),
      snapshot.links,
    );
    const layoutMs = since(started);
    started = performance.now();
    await store.savePositions(positions);
    const layoutSaveMs = since(started);
    return {
      network,
      store,
      generateMs,
      writeMs,
      layoutMs,
      layoutSaveMs,
      positionsSaved: positions.length,
    };
  } catch (error: unknown) {
    await store.close();
    throw error;
  }
}

/** Bytes of the database file and its write-ahead log, if any. */
export function databaseBytes(dataDir: string): number {
  const file = databaseFile({ dataDir });
  return [file, `${file}-wal`]
    .filter((path) => existsSync(path))
    .reduce((sum, path) => sum + statSync(path).size, 0);
}
