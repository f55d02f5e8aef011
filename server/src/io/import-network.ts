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
  type BatchOpInput,
  type NetworkFile,
} from '@octograph/graph-schema';
import { ConflictError, ValidationError } from '../errors.js';
import type { GraphStore, NetworkContent, Snapshot } from '../store/graph-store.js';
import { networkFileOf } from './export-network.js';

/** How many issues an error message lists; the error's `issues` hold all of them. */
const ISSUES_IN_MESSAGE = 3;

/** The most writes one `applyBatch` accepts (graph-schema's BatchBodySchema). */
const BATCH_LIMIT = 5000;

/** How to import. */
export interface ImportOptions {
  /** Delete everything in the store first; without it, a store holding any node is refused. */
  replace?: boolean;
  /**
   * Replace only: receives the store's content before anything is deleted, e.g. to save it to a
   * file. A replace is more than one write, so this is the copy that survives a crash between
   * them; an import that fails on its own puts that content back itself.
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
 * A replace failed and the store's previous content could not be put back either: the store may
 * now miss some or all of it. The copy given to `beforeReplace` is the way back.
 */
export class ReplaceRollbackError extends Error {
  constructor(
    /** Why the replace failed. */
    readonly importError: unknown,
    /** Why putting the previous content back failed. */
    readonly rollbackError: unknown,
  ) {
    super(
      `the import failed (${messageOf(importError)}) and the store's previous content could ` +
        `not be put back (${messageOf(rollbackError)})`,
      { cause: importError },
    );
    this.name = 'ReplaceRollbackError';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/** Writes the network in `file` into `store`; see ImportOptions for a store that is not empty. */
export async function importNetwork(
  store: GraphStore,
  file: unknown,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const network = parseNetworkFile(file);
  const content: NetworkContent = {
    nodes: network.nodes,
    links: network.links,
    positions: network.positions,
  };
  const outcome = (nodesReplaced: number): ImportOutcome => ({
    nodes: content.nodes.length,
    links: content.links.length,
    positions: content.positions.length,
    nodesReplaced,
  });

  const before = await store.snapshot();
  if (before.nodes.length === 0) {
    // restore() is all or nothing, so a failure here leaves the store empty, as it was.
    await store.restore(content);
    return outcome(0);
  }
  if (options.replace !== true) {
    throw new StoreNotEmptyError(before.nodes.length, before.links.length);
  }
  await replaceContent(store, before, content, options);
  return outcome(before.nodes.length);
}

/**
 * Replaces everything in `store` with `content`. The port has no single write that does both (a
 * batch cannot write stored timestamps; restore cannot delete), so this takes several: delete
 * every node (their links and positions go with them) in batches, then restore. The order is
 * chosen so that a failure changes nothing: the file was checked in full before, the previous
 * content is kept in memory (and handed to `beforeReplace`), and if any step fails, whatever was
 * deleted is restored exactly as it was before the error is passed on.
 */
async function replaceContent(
  store: GraphStore,
  before: Snapshot,
  content: NetworkContent,
  options: ImportOptions,
): Promise<void> {
  const previous = networkFileOf(before);
  await options.beforeReplace?.(previous);
  try {
    const deletes: BatchOpInput[] = previous.nodes.map((node) => ({
      op: 'deleteNode',
      id: node.id,
    }));
    for (let start = 0; start < deletes.length; start += BATCH_LIMIT) {
      await store.applyBatch(deletes.slice(start, start + BATCH_LIMIT), { actor: 'import' });
    }
    // Another writer (a running server on the same store) could have added nodes meanwhile;
    // restoring next to them would mix two networks.
    const left = (await store.snapshot()).nodes.length;
    if (left > 0) {
      throw new ConflictError(
        `the store changed during the import (${left} nodes were added meanwhile); ` +
          'stop other writers and try again',
      );
    }
    await store.restore(content);
  } catch (error: unknown) {
    try {
      await putBack(store, previous);
    } catch (rollbackError: unknown) {
      throw new ReplaceRollbackError(error, rollbackError);
    }
    throw error;
  }
}

/** Restores whatever of `previous` is no longer in the store, exactly as it was stored. */
async function putBack(store: GraphStore, previous: NetworkFile): Promise<void> {
  const now = await store.snapshot();
  const nodeIds = new Set(now.nodes.map((node) => node.id));
  const linkIds = new Set(now.links.map((link) => link.id));
  const positionIds = new Set(now.positions.map((position) => position.id));
  const missing: NetworkContent = {
    nodes: previous.nodes.filter((node) => !nodeIds.has(node.id)),
    links: previous.links.filter((link) => !linkIds.has(link.id)),
    positions: previous.positions.filter((position) => !positionIds.has(position.id)),
  };
  if (missing.nodes.length + missing.links.length + missing.positions.length > 0) {
    await store.restore(missing);
  }
}
