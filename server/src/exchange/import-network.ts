/**
 * Import: a network file (graph-schema/src/network-file.ts) into a store, through the GraphStore
 * port only, so a file exported from one adapter restores losslessly into any other. The file is
 * checked completely before the store is touched; a store that holds anything is refused unless
 * the caller asks to replace its content.
 */
import {
  NetworkFileSchema,
  summariseIssues,
  toFieldIssues,
  type NetworkFile,
} from '@octograph/graph-schema';
import { ConflictError, ValidationError } from '../errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { networkFileOf } from './export-network.js';

/** How many issues an error message lists; the error's `issues` hold all of them. */
const ISSUES_IN_MESSAGE = 3;

/** How to import. */
export interface ImportOptions {
  /** Delete everything in the store first; without it, a store holding any node is refused. */
  replace?: boolean;
  /**
   * Replace only: receives the store's content before anything is deleted, e.g. to save it to a
   * file, so a replace that was a mistake can be undone by importing that copy.
   */
  beforeReplace?: (previous: NetworkFile) => Promise<void>;
}

/** What an import wrote. */
export interface ImportOutcome {
  nodes: number;
  links: number;
  positions: number;
  /** Nodes that were in the store and were deleted first (replace). */
  nodesReplaced: number;
}

/** 409: the target store already holds nodes and the import was not asked to replace them. */
export class StoreNotEmptyError extends ConflictError {
  constructor(
    /** Nodes in the store. */
    readonly nodeCount: number,
    /** Links in the store. */
    readonly linkCount: number,
  ) {
    super(
      `the target store is not empty (${nodeCount} nodes, ${linkCount} links); ` +
        'import into an empty store, or replace its content',
    );
  }
}

/**
 * Checks that `file` (parsed JSON) is a network file. ValidationError otherwise, with one issue
 * per problem at its path in the file, e.g. `nodes[3].name` or `links[7].target`.
 */
export function parseNetworkFile(file: unknown): NetworkFile {
  const result = NetworkFileSchema.safeParse(file);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error.issues, undefined, file);
  const more = issues.length - ISSUES_IN_MESSAGE;
  throw new ValidationError(
    issues,
    `not an Octograph network file: ${summariseIssues(issues.slice(0, ISSUES_IN_MESSAGE))}` +
      (more > 0 ? ` (and ${more} more)` : ''),
  );
}

/**
 * Writes the network in `file` into `store`; see ImportOptions for a store that is not empty.
 * Either way it is one all-or-nothing restore, so a failed import leaves the store as it was.
 */
export async function importNetwork(
  store: GraphStore,
  file: unknown,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const network = parseNetworkFile(file);
  const content = { nodes: network.nodes, links: network.links, positions: network.positions };
  const before = await store.snapshot();
  const replacing = before.nodes.length > 0;
  if (replacing) {
    if (options.replace !== true) {
      throw new StoreNotEmptyError(before.nodes.length, before.links.length);
    }
    await options.beforeReplace?.(networkFileOf(before));
  }
  // The restore refuses to run if anything was written since the snapshot above, so the copy
  // handed to beforeReplace is exactly what gets replaced.
  await store.restore(content, { replace: replacing, expectedRevision: before.revision });
  return {
    nodes: content.nodes.length,
    links: content.links.length,
    positions: content.positions.length,
    nodesReplaced: replacing ? before.nodes.length : 0,
  };
}
