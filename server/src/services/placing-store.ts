/**
 * Keeps the map still as the network grows. `withPlacement(store)` is the same GraphStore, except
 * that after a write that adds nodes or links it saves a position for each node that needs one,
 * and for no other:
 *
 * - a new node created at a spot (`createNode`'s `position`) stays exactly there;
 * - a new node goes next to its neighbours, or, with none yet, onto a free spot of the ring of
 *   unconnected nodes around the map;
 * - a node that gets its first link while on that ring moves next to its new neighbour; of two
 *   unconnected nodes on the ring linked to each other, the first (by id) stays and the other
 *   joins it. A node someone placed (created at a spot, or dragged into the map) stays where they
 *   put it. "On the ring" is decided from positions alone (layout.ts `isApart`): further out from
 *   the main linked part (the largest connected group, not counting this write's links) than the
 *   ring's inner edge. No flag is stored, so a restart or a second server decides the same; the
 *   cost is that a node someone put far outside the map counts as on the ring and joins its first
 *   neighbour, and a ring node that the growing map has caught up with stays put.
 *
 * So a node's position, once given, is saved: it is the same with any filter and after a
 * restart, and adding a link moves at most the one node that had no link before. The positions
 * are a second write straight after the first (GraphStore has no way to add them to the same
 * transaction), so such a write raises the revision by two. If that second write fails (the
 * database busy, the server stopped), the node has no saved position until the next write that
 * adds a node or link places it; meanwhile the map places it when it is read, as for any node
 * without a position (map-view.ts).
 *
 * Knowing which nodes need a spot takes every node's position and links. Reading them all on
 * each write would be slow on a big network, so they are kept in memory (`NetworkIndex`) and
 * updated by each write made through this store. If the store's revision shows a write made
 * elsewhere (another server, the CLI, or a write method this file does not know), the index is
 * read again from a snapshot before it is next needed.
 */
import type { BatchOpInput, Position } from '@octograph/graph-schema';
import type { BatchResult, GraphStore, Snapshot, WriteContext } from '../store/graph-store.js';
import { isApart, placeNodes, type Point } from './layout.js';

/** Options of withPlacement. */
export interface PlacementOptions {
  /** Told when positions could not be saved after a write that succeeded (to log it). */
  onError?: (error: unknown) => void;
}

/** What one write did to the nodes, links and positions, as far as placement cares. */
type Edit =
  | { kind: 'addNode'; id: string }
  | { kind: 'removeNode'; id: string }
  | { kind: 'addLink'; id: string; source: string; target: string }
  | { kind: 'removeLink'; id: string }
  | { kind: 'position'; position: Position }
  /** Anything this file cannot follow (a restore): the index is read again. */
  | { kind: 'unknown' };

/** Every node's position and links, as of one store revision. */
class NetworkIndex {
  private readonly spots = new Map<string, Point>();
  private readonly linksOf = new Map<string, Set<string>>();
  private readonly ends = new Map<string, readonly [string, string]>();
  /** Nodes without a saved position, kept apart so that no write has to look at every node. */
  private readonly withoutSpot = new Set<string>();

  constructor(public revision: number) {}

  static of(snapshot: Snapshot): NetworkIndex {
    const index = new NetworkIndex(snapshot.revision);
    for (const node of snapshot.nodes) index.addNode(node.id);
    for (const link of snapshot.links) index.addLink(link.id, link.source, link.target);
    for (const position of snapshot.positions) index.setPosition(position);
    return index;
  }

  apply(edit: Exclude<Edit, { kind: 'unknown' }>): void {
    switch (edit.kind) {
      case 'addNode':
        this.addNode(edit.id);
        break;
      case 'removeNode':
        for (const link of this.linksOf.get(edit.id) ?? []) this.removeLink(link);
        this.linksOf.delete(edit.id);
        this.spots.delete(edit.id);
        this.withoutSpot.delete(edit.id);
        break;
      case 'addLink':
        this.addLink(edit.id, edit.source, edit.target);
        break;
      case 'removeLink':
        this.removeLink(edit.id);
        break;
      case 'position':
        this.setPosition(edit.position);
        break;
    }
  }

  /** Every saved position, by node id. */
  get positions(): ReadonlyMap<string, Point> {
    return this.spots;
  }

  private setPosition(position: Position): void {
    // The store refuses positions of unknown nodes, so this node is in the index.
    this.spots.set(position.id, { x: position.x, y: position.y });
    this.withoutSpot.delete(position.id);
  }

  private addNode(id: string): void {
    if (this.linksOf.has(id)) return;
    this.linksOf.set(id, new Set());
    if (!this.spots.has(id)) this.withoutSpot.add(id);
  }

  private addLink(id: string, source: string, target: string): void {
    this.ends.set(id, [source, target]);
    this.linksOf.get(source)?.add(id);
    this.linksOf.get(target)?.add(id);
  }

  private removeLink(id: string): void {
    for (const end of this.ends.get(id) ?? []) this.linksOf.get(end)?.delete(id);
    this.ends.delete(id);
  }

  /** The links of a node (none for an unknown node). */
  links(id: string): ReadonlySet<string> {
    return this.linksOf.get(id) ?? new Set();
  }

  /** The nodes at the other end of a node's links. */
  neighbours(id: string): string[] {
    return [...this.links(id)].flatMap((link) => {
      const [source, target] = this.ends.get(link) ?? [];
      if (source === undefined || target === undefined) return [];
      return [source === id ? target : source];
    });
  }

  /** Nodes without a saved position. */
  unplaced(): string[] {
    return [...this.withoutSpot];
  }

  /** The two ends of a link, if known. */
  endsOf(link: string): readonly string[] {
    return this.ends.get(link) ?? [];
  }

  /**
   * The saved spots of the largest connected group of nodes, leaving out the links in `without`
   * (ties: the group with the smallest id), where the map's linked part is.
   */
  mainPart(without: ReadonlySet<string>): Point[] {
    const seen = new Set<string>();
    let best: string[] = [];
    for (const start of [...this.linksOf.keys()].sort()) {
      if (seen.has(start)) continue;
      seen.add(start);
      const group = [start];
      for (let head = 0; head < group.length; head += 1) {
        const id = group[head] ?? '';
        for (const link of this.links(id)) {
          if (without.has(link)) continue;
          for (const end of this.endsOf(link)) {
            if (!seen.has(end)) {
              seen.add(end);
              group.push(end);
            }
          }
        }
      }
      if (group.length > 1 && group.length > best.length) best = group;
    }
    return best.flatMap((id) => {
      const spot = this.spots.get(id);
      return spot ? [spot] : [];
    });
  }
}

/**
 * The positions to save after a write that created `createdLinks`: every node without one, and
 * every node on the ring of unconnected nodes whose links were all created by this write (it had
 * none before) moved next to its neighbours. Nothing else moves.
 */
function placementAfter(index: NetworkIndex, createdLinks: ReadonlySet<string>): Position[] {
  const firstLinked = new Set<string>();
  let mainPart: Point[] | null = null;
  for (const link of createdLinks) {
    for (const end of index.endsOf(link)) {
      const spot = index.positions.get(end);
      const links = index.links(end);
      if (!spot || firstLinked.has(end) || ![...links].every((other) => createdLinks.has(other))) {
        continue;
      }
      // Worked out once per write, and only when a node gets its first link.
      mainPart ??= index.mainPart(createdLinks);
      if (isApart(spot, mainPart)) firstLinked.add(end);
    }
  }
  const ids = [...index.unplaced(), ...firstLinked];
  if (ids.length === 0) return [];
  const placed = placeNodes({
    ids,
    neighbours: new Map(ids.map((id) => [id, index.neighbours(id)])),
    positions: index.positions,
    linked: (id) => index.links(id).size > 0,
  });
  return [...placed]
    .filter(([id, point]) => {
      const before = index.positions.get(id);
      return !before || before.x !== point.x || before.y !== point.y;
    })
    .map(([id, point]) => ({ id, x: point.x, y: point.y }));
}

/** What a batch did, from its ops and their results (in the same order). */
function batchEdits(ops: readonly BatchOpInput[], result: BatchResult): Edit[] {
  return ops.flatMap((op, index): Edit[] => {
    const id = result.results[index]?.id;
    if (id === undefined) return [{ kind: 'unknown' }];
    switch (op.op) {
      case 'createNode':
        return [{ kind: 'addNode', id }];
      case 'deleteNode':
        return [{ kind: 'removeNode', id }];
      case 'createLink':
        return [{ kind: 'addLink', id, source: op.link.source, target: op.link.target }];
      case 'deleteLink':
        return [{ kind: 'removeLink', id }];
      case 'updateNode':
      case 'updateLink':
        // Neither changes which nodes exist or what they are linked to.
        return [];
    }
  });
}

/**
 * The positions withPlacement would save after `ops` were applied to the network of `before`
 * (with `result`): for a write that saves them itself, in the same transaction (an import,
 * exchange/import-worker.ts). Every step is linear or n log n in nodes and links.
 */
export function positionsAfterBatch(
  before: Snapshot,
  ops: readonly BatchOpInput[],
  result: BatchResult,
): Position[] {
  const index = NetworkIndex.of(before);
  const edits = batchEdits(ops, result);
  for (const edit of edits) if (edit.kind !== 'unknown') index.apply(edit);
  const createdLinks = new Set(edits.flatMap((edit) => (edit.kind === 'addLink' ? [edit.id] : [])));
  return placementAfter(index, createdLinks);
}

/** Places and saves the positions of new nodes after each write. */
class Placer {
  private index: NetworkIndex | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: GraphStore,
    private readonly options: PlacementOptions,
  ) {}

  /**
   * Runs a write, then places what it added. Writes through this store run one at a time, so
   * the index follows them in order.
   */
  write<T>(
    run: () => Promise<T>,
    edits: (result: T) => Edit[],
    context: WriteContext | undefined,
  ): Promise<T> {
    const task = async () => {
      const result = await run();
      try {
        await this.afterWrite(edits(result), context);
      } catch (error: unknown) {
        // The write itself succeeded; only the placement did not. See the file comment.
        this.index = null;
        this.options.onError?.(error);
      }
      return result;
    };
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Waits for the writes under way. */
  async idle(): Promise<void> {
    await this.tail;
  }

  /** Places what a write added; the positions are saved (and audited) as its writer's. */
  private async afterWrite(
    edits: readonly Edit[],
    context: WriteContext | undefined,
  ): Promise<void> {
    const revision = await this.store.revision();
    let index = this.index;
    this.index = null;
    const followed = edits.every((edit) => edit.kind !== 'unknown');
    // A write raises the revision by one: anything else means another writer was there too.
    if (index && followed && revision === index.revision + 1) {
      for (const edit of edits) index.apply(edit);
      index.revision = revision;
    } else {
      index = null;
    }
    // Only a new node or link can leave a node in need of a spot.
    const grows = edits.some(
      (edit) => edit.kind === 'addNode' || edit.kind === 'addLink' || edit.kind === 'unknown',
    );
    if (!grows) {
      this.index = index;
      return;
    }
    index ??= NetworkIndex.of(await this.store.snapshot());
    const createdLinks = new Set(
      edits.flatMap((edit) => (edit.kind === 'addLink' ? [edit.id] : [])),
    );
    const positions = placementAfter(index, createdLinks);
    if (positions.length > 0) {
      await this.store.savePositions(positions, context);
      const after = await this.store.revision();
      if (after !== index.revision + 1) return;
      for (const position of positions) index.apply({ kind: 'position', position });
      index.revision = after;
    }
    this.index = index;
  }
}

/** The methods withPlacement takes over: the writes, and close (which waits for them). */
type WriteMethods =
  | 'createNode'
  | 'deleteNode'
  | 'createLink'
  | 'deleteLink'
  | 'updateNode'
  | 'updateLink'
  | 'savePositions'
  | 'applyBatch'
  | 'restore'
  | 'close';

/**
 * `store` with new nodes placed and saved after each write (see the file comment). Every other
 * method is the store's own, so a method added to GraphStore later passes straight through; a
 * write it makes is noticed by its revision.
 */
export function withPlacement(store: GraphStore, options: PlacementOptions = {}): GraphStore {
  const placer = new Placer(store, options);
  const writes: Pick<GraphStore, WriteMethods> = {
    createNode: (input, context, createOptions) =>
      placer.write(
        () => store.createNode(input, context, createOptions),
        (node): Edit[] => {
          const at = createOptions?.position;
          // A node created at a spot has its position already, so placement leaves it there.
          return at
            ? [
                { kind: 'addNode', id: node.id },
                { kind: 'position', position: { id: node.id, x: at.x, y: at.y } },
              ]
            : [{ kind: 'addNode', id: node.id }];
        },
        context,
      ),
    deleteNode: (id, context) =>
      placer.write(
        () => store.deleteNode(id, context),
        () => [{ kind: 'removeNode', id }],
        context,
      ),
    createLink: (input, context) =>
      placer.write(
        () => store.createLink(input, context),
        (link) => [{ kind: 'addLink', id: link.id, source: link.source, target: link.target }],
        context,
      ),
    deleteLink: (id, context) =>
      placer.write(
        () => store.deleteLink(id, context),
        () => [{ kind: 'removeLink', id }],
        context,
      ),
    updateNode: (id, patch, context) =>
      placer.write(
        () => store.updateNode(id, patch, context),
        () => [],
        context,
      ),
    updateLink: (id, patch, context) =>
      placer.write(
        () => store.updateLink(id, patch, context),
        () => [],
        context,
      ),
    savePositions: (positions, context) =>
      placer.write(
        () => store.savePositions(positions, context),
        () => positions.map((position) => ({ kind: 'position', position })),
        context,
      ),
    applyBatch: (ops, context) =>
      placer.write(
        () => store.applyBatch(ops, context),
        (result) => batchEdits(ops, result),
        context,
      ),
    restore: (content, restoreOptions, context) =>
      placer.write(
        () => store.restore(content, restoreOptions, context),
        () => [{ kind: 'unknown' }],
        context,
      ),
    close: async () => {
      await placer.idle();
      await store.close();
    },
  };
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(writes, property)) return writes[property as WriteMethods];
      const value: unknown = Reflect.get(target, property, target);
      // The store's own methods run on the store itself, not on this proxy.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
