/** Walking a graph held in memory: the part of neighbourhood and focus queries both adapters share. */
import {
  isWalkThrough,
  WORK_LINK_KINDS,
  type FocusWalk,
  type GraphNode,
  type Link,
  type LinkKind,
} from '@octograph/graph-schema';

const WORK_LINKS: ReadonlySet<LinkKind> = new Set(WORK_LINK_KINDS);

/** Pairs of ids that a link joins (direction ignored). */
export interface Edge {
  readonly source: string;
  readonly target: string;
}

/**
 * The ids within `depth` steps of `start` (including it), walking links both ways. A node for
 * which `walkThrough` is false is reached but not walked on from (graph-schema's
 * WALK_STOP_KINDS); the start itself is always walked from.
 */
export function withinSteps(
  start: string,
  depth: number,
  edges: Iterable<Edge>,
  walkThrough: (id: string) => boolean,
): Set<string> {
  const adjacency = new Map<string, string[]>();
  const connect = (from: string, to: string): void => {
    const list = adjacency.get(from);
    if (list) list.push(to);
    else adjacency.set(from, [to]);
  };
  for (const edge of edges) {
    connect(edge.source, edge.target);
    connect(edge.target, edge.source);
  }
  const reached = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of adjacency.get(id) ?? []) {
        if (!reached.has(neighbour)) {
          reached.add(neighbour);
          if (walkThrough(neighbour)) next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * The map's focus: of the nodes and links that passed the filters, what lies within `depth`
 * steps of `focus`, walking only along those links and never through themes or places; with
 * `walk: 'work'`, only along working links (graph-schema WORK_LINK_KINDS), so a step does not go
 * through a meeting to everyone who attended it.
 */
export function focusOn(
  focus: string,
  depth: number,
  nodes: ReadonlyMap<string, GraphNode>,
  links: readonly Link[],
  walk: FocusWalk = 'all',
): { nodes: GraphNode[]; links: Link[] } {
  const walked = walk === 'work' ? links.filter((link) => WORK_LINKS.has(link.kind)) : links;
  const reached = withinSteps(focus, depth, walked, (id) => {
    const kind = nodes.get(id)?.kind;
    return kind !== undefined && isWalkThrough(kind);
  });
  return {
    nodes: [...nodes.values()].filter((node) => reached.has(node.id)),
    links: walked.filter((link) => reached.has(link.source) && reached.has(link.target)),
  };
}
