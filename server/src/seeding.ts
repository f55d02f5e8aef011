/**
 * Writes a seed network into a store through the GraphStore port, then lays it out. Seeding is
 * idempotent (only what is not stored yet is written), `reset` starts over in the same all-or-nothing
 * batch, and `ifEmpty` leaves a store that already holds nodes alone.
 */
import { LINK_RULES, SEED_ACTOR, type BatchOpInput, type LinkKind } from '@octograph/graph-schema';
import type { SeedNetwork } from '@octograph/seed';
import type { GraphStore } from './store/graph-store.js';
import { computeLayout, placeNewNodes } from './services/layout.js';

/** How to seed. */
export interface SeedOptions {
  /** Delete everything first. */
  reset?: boolean;
  /** Do nothing if the store holds any node. */
  ifEmpty?: boolean;
}

/** What seeding did. */
export interface SeedOutcome {
  skipped: boolean;
  nodesCreated: number;
  linksCreated: number;
  nodesDeleted: number;
  positionsSaved: number;
}

/** Keys under which a link of this kind joins these nodes (both ways for undirected kinds). */
function linkKeys(kind: LinkKind, source: string, target: string): string[] {
  const key = (from: string, to: string): string => JSON.stringify([kind, from, to]);
  return LINK_RULES[kind].directed
    ? [key(source, target)]
    : [key(source, target), key(target, source)];
}

/** Seeds `store` with `network`. */
export async function seedStore(
  store: GraphStore,
  network: SeedNetwork,
  options: SeedOptions = {},
): Promise<SeedOutcome> {
  const before = await store.snapshot();
  if (options.ifEmpty && before.nodes.length > 0) {
    return { skipped: true, nodesCreated: 0, linksCreated: 0, nodesDeleted: 0, positionsSaved: 0 };
  }
  const reset = options.reset === true;
  const nodeIds = reset ? new Set<string>() : new Set(before.nodes.map((node) => node.id));
  const linkIds = reset ? new Set<string>() : new Set(before.links.map((link) => link.id));
  const deletes: BatchOpInput[] = reset
    ? before.nodes.map((node) => ({ op: 'deleteNode', id: node.id }))
    : [];
  const nodeOps: BatchOpInput[] = network.nodes
    .filter((node) => node.id === undefined || !nodeIds.has(node.id))
    .map((node) => ({ op: 'createNode', node }));
  // A seed link is also there when the same kind of link joins the same nodes under another id
  // (someone deleted and re-added it), so re-seeding does not trip over it.
  const joined = new Set(
    reset ? [] : before.links.flatMap((link) => linkKeys(link.kind, link.source, link.target)),
  );
  const linkOps: BatchOpInput[] = network.links
    .filter((link) => link.id === undefined || !linkIds.has(link.id))
    .filter((link) => !joined.has(linkKeys(link.kind, link.source, link.target)[0] ?? ''))
    .map((link) => ({ op: 'createLink', link }));
  const ops = [...deletes, ...nodeOps, ...linkOps];
  if (ops.length > 0) await store.applyBatch(ops, { actor: SEED_ACTOR });

  const after = await store.snapshot();
  const saved = new Map(after.positions.map((position) => [position.id, position]));
  const ids = after.nodes.map((node) => node.id);
  const positions =
    saved.size === 0
      ? computeLayout(ids, after.links)
      : [...placeNewNodes(ids, after.links, saved)]
          .filter(([id]) => !saved.has(id))
          .map(([id, point]) => ({ id, ...point }));
  if (positions.length > 0) await store.savePositions(positions);
  return {
    skipped: false,
    nodesCreated: nodeOps.length,
    linksCreated: linkOps.length,
    nodesDeleted: deletes.length,
    positionsSaved: positions.length,
  };
}
