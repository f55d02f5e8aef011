/**
 * Articulation points and bridges of an undirected graphology graph, by Tarjan's lowlink method.
 * No graphology package provides either (graphology-components finds components, not cut
 * vertices), so this is the one hand-written graph algorithm of the insights. The depth-first
 * search is iterative (an explicit stack) so a long chain of 10,000 nodes cannot overflow the
 * call stack.
 *
 * A node v is an articulation point when some DFS child c cannot reach above v except through v
 * (low[c] ≥ disc[v]); for the DFS root, when it has two or more children. A tree edge (p, c) is
 * a bridge when c's subtree cannot reach p or above at all (low[c] > disc[p]).
 *
 * Which nodes lie in each part is told as ranges of the search's discovery order, where every DFS
 * subtree is one contiguous run: a few numbers per part instead of a list of its nodes. Listing
 * every part's nodes would cost the square of a chain's length (10^8 ids for 20,000 nodes), while
 * a caller only ever lists the parts of the few items it shows.
 */
import type Graph from 'graphology';

/** Positions `start` (included) to `end` (excluded) of the discovery order. */
export type OrderRange = readonly [start: number, end: number];

/** A part of a component: how many nodes it has and where they sit in the discovery order. */
export interface CutPart {
  size: number;
  ranges: OrderRange[];
}

/** An articulation point and the parts its removal leaves of its component. */
export interface CutVertex {
  node: string;
  /** The parts left when the node is removed, largest first (two or more). */
  parts: CutPart[];
}

/** A bridge: the edge between `parent` and `child` whose removal splits the component in two. */
export interface CutEdge {
  parent: string;
  child: string;
  /** The nodes on the child's side of the bridge. */
  childSide: CutPart;
  /** The nodes on the parent's side. */
  parentSide: CutPart;
}

/** Articulation points and bridges, and the discovery order their parts' ranges refer to. */
export interface CutPoints {
  /** Every node of the graph in the order the depth-first search discovered it. */
  order: string[];
  vertices: CutVertex[];
  edges: CutEdge[];
}

/** The nodes of a part. */
export function nodesOf(order: readonly string[], part: CutPart): string[] {
  return part.ranges.flatMap(([start, end]) => order.slice(start, end));
}

/** What is left of the range `whole` once the sorted, disjoint `holes` (inside it) are taken out. */
function rangesBetween(whole: OrderRange, holes: readonly OrderRange[]): CutPart {
  const ranges: OrderRange[] = [];
  let size = 0;
  let at = whole[0];
  for (const [start, end] of [...holes, [whole[1], whole[1]] as const]) {
    if (start > at) {
      ranges.push([at, start]);
      size += start - at;
    }
    at = end;
  }
  return { size, ranges };
}

/** Articulation points and bridges of a simple undirected graph (one edge per pair at most). */
export function findCutPoints(graph: Graph): CutPoints {
  const nodes = graph.nodes();
  const indexOf = new Map(nodes.map((node, index) => [node, index]));
  const adjacency = nodes.map((node) =>
    graph.neighbors(node).map((other) => indexOf.get(other) ?? -1),
  );
  const count = nodes.length;
  const order: string[] = [];
  const discovered = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const parent = new Int32Array(count).fill(-1);
  const subtree = new Int32Array(count);
  const nextNeighbour = new Int32Array(count);
  // Each node's DFS children whose subtrees only reach the rest through it, in discovery order.
  const separated = new Map<number, number[]>();
  const vertices: CutVertex[] = [];
  const edges: CutEdge[] = [];
  // A node's subtree: its discovery time and the times of its descendants, which follow it.
  const subtreeRange = (v: number): OrderRange => {
    const start = discovered[v] ?? 0;
    return [start, start + (subtree[v] ?? 0)];
  };
  let time = 0;

  for (let root = 0; root < count; root += 1) {
    if (discovered[root] !== -1) continue;
    const component: number[] = [];
    const bridges: [number, number][] = [];
    const stack = [root];
    discovered[root] = low[root] = time++;
    order.push(nodes[root] ?? '');
    subtree[root] = 1;
    component.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1] ?? root;
      const neighbours = adjacency[v] ?? [];
      const at = nextNeighbour[v] ?? 0;
      if (at < neighbours.length) {
        nextNeighbour[v] = at + 1;
        const w = neighbours[at] ?? -1;
        if (discovered[w] === -1) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          order.push(nodes[w] ?? '');
          subtree[w] = 1;
          component.push(w);
          stack.push(w);
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v] ?? 0, discovered[w] ?? 0);
        }
        continue;
      }
      stack.pop();
      const p = parent[v] ?? -1;
      if (p === -1) continue;
      const lowV = low[v] ?? 0;
      const discoveredP = discovered[p] ?? 0;
      low[p] = Math.min(low[p] ?? 0, lowV);
      subtree[p] = (subtree[p] ?? 0) + (subtree[v] ?? 0);
      if (lowV > discoveredP) bridges.push([p, v]);
      if (lowV >= discoveredP) {
        const list = separated.get(p) ?? [];
        list.push(v);
        separated.set(p, list);
      }
    }
    const whole = subtreeRange(root);
    for (const v of component) {
      const children = separated.get(v);
      if (children === undefined) continue;
      const holes = children.map(subtreeRange);
      const parts: CutPart[] = holes.map((range) => ({
        size: range[1] - range[0],
        ranges: [range],
      }));
      // What is left besides v and the separated subtrees is the part holding v's DFS parent.
      const start = discovered[v] ?? 0;
      const rest = rangesBetween(whole, [[start, start + 1], ...holes]);
      if (rest.size > 0) parts.push(rest);
      if (parts.length >= 2) {
        vertices.push({ node: nodes[v] ?? '', parts: parts.sort((a, b) => b.size - a.size) });
      }
    }
    for (const [p, c] of bridges) {
      const childRange = subtreeRange(c);
      edges.push({
        parent: nodes[p] ?? '',
        child: nodes[c] ?? '',
        childSide: { size: childRange[1] - childRange[0], ranges: [childRange] },
        parentSide: rangesBetween(whole, [childRange]),
      });
    }
  }
  return { order, vertices, edges };
}
