import {
  LINK_KINDS,
  LINK_RULES,
  type GraphNode,
  type Link,
  type LinkKind,
  type Subgraph,
} from '@octograph/graph-schema';
import { textComparer, type CompareText } from '../../i18n/collation';

/** Which end of the link the selected node is at: `out` it is the source, `in` the target. */
export type LinkDirection = 'out' | 'in';

/** One link of the selected node and the node at its other end. */
export interface Connection {
  link: Link;
  neighbour: GraphNode;
}

/** The selected node's links of one kind and direction. */
export interface ConnectionGroup {
  kind: LinkKind;
  direction: LinkDirection;
  connections: Connection[];
}

export interface NodeConnections {
  /** Themes it focuses on (FOCUSES_ON, outgoing). */
  themes: GraphNode[];
  /** Places it is based in (BASED_IN, outgoing). */
  places: GraphNode[];
  /** Every other link, grouped by kind then direction, in schema order. */
  groups: ConnectionGroup[];
  /** How many links it has in all. */
  total: number;
}

/**
 * Sorts the links of node `id` in a neighbourhood into the groups the details panel shows, each
 * by name in the reader's alphabet (`compareText`). Links between two neighbours (a
 * neighbourhood holds those too) are left out.
 */
export function groupConnections(
  id: string,
  subgraph: Subgraph,
  compareText: CompareText = textComparer('en'),
): NodeConnections {
  const byName = (a: GraphNode, b: GraphNode) => compareText(a.name, b.name);
  const nodes = new Map(subgraph.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, ConnectionGroup>();
  const themes: GraphNode[] = [];
  const places: GraphNode[] = [];
  let total = 0;

  for (const link of subgraph.links) {
    if (link.source !== id && link.target !== id) continue;
    const outgoing = link.source === id;
    const neighbour = nodes.get(outgoing ? link.target : link.source);
    if (!neighbour) continue;
    total += 1;
    if (outgoing && link.kind === 'FOCUSES_ON') {
      themes.push(neighbour);
      continue;
    }
    if (outgoing && link.kind === 'BASED_IN') {
      places.push(neighbour);
      continue;
    }
    // An undirected link reads the same from both ends: one group.
    const direction: LinkDirection = outgoing || !LINK_RULES[link.kind].directed ? 'out' : 'in';
    const key = `${link.kind}:${direction}`;
    const group = buckets.get(key) ?? { kind: link.kind, direction, connections: [] };
    group.connections.push({ link, neighbour });
    buckets.set(key, group);
  }

  const groups = LINK_KINDS.flatMap((kind) =>
    (['out', 'in'] as const).flatMap((direction) => {
      const group = buckets.get(`${kind}:${direction}`);
      if (!group) return [];
      group.connections.sort((a, b) => byName(a.neighbour, b.neighbour));
      return [group];
    }),
  );
  return { themes: themes.sort(byName), places: places.sort(byName), groups, total };
}
