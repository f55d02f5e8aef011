/**
 * Export: a store's whole content as a network file (graph-schema/src/network-file.ts), through
 * the GraphStore port only, so every adapter exports the same way.
 */
import {
  NETWORK_FILE_FORMAT,
  NETWORK_FILE_VERSION,
  NetworkFileSchema,
  summariseIssues,
  toFieldIssues,
  type NetworkFile,
} from '@octograph/graph-schema';
import { ValidationError } from '../errors.js';
import { carriableContent } from './export-content.js';
import type { GraphStore, NetworkContent } from '../store/graph-store.js';

/** Orders by id in code-unit order, which unlike localeCompare is the same on every machine. */
function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Everything in `store` as a network file, each list sorted by id. Two exports of the same
 * content differ only in `exportedAt`, whichever adapter they come from.
 */
export async function exportNetwork(store: GraphStore): Promise<NetworkFile> {
  return networkFileOf(await store.snapshot());
}

/** Stored content as a network file, each list sorted by id. */
export function networkFileOf(content: NetworkContent): NetworkFile {
  // Text stored before control characters were refused is cleaned, so the file imports again.
  const snapshot = carriableContent(content);
  const file = {
    format: NETWORK_FILE_FORMAT,
    version: NETWORK_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    nodes: [...snapshot.nodes].sort(byId),
    links: [...snapshot.links].sort(byId),
    positions: [...snapshot.positions].sort(byId),
  };
  // Parsing what we write puts every record's fields in the schema's order (adapters may return
  // them in any order) and makes sure the file can be imported again.
  const result = NetworkFileSchema.safeParse(file);
  if (!result.success) {
    const issues = toFieldIssues(result.error.issues, undefined, file);
    throw new ValidationError(
      issues,
      `the store holds content a network file cannot carry: ${summariseIssues(issues.slice(0, 3))}`,
    );
  }
  return result.data;
}
